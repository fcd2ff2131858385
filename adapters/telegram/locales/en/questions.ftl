# Questions to the team (features/questions.ts). Telegram HTML.
q-prompt = ❓ <b>Ask the team a question</b>
    Write your question in one message. You may add a photo (with or without a caption). The team reads every question and answers here, in this chat.
q-prompt-followup = ➕ Write what you would like to add to your question #{ $question } (text, or a photo).
q-mine-button = 🗂 My questions
q-new-button = ✏️ Ask a new question
q-add-button = ➕ Add to my question #{ $question }
q-cancelled = All right, nothing was sent.
q-text-or-photo = Please write your question as text, or send a photo.
q-photo-only = (photo without text)
q-asked = ✅ Your question <b>#{ $question }</b> has been sent to the team.
    What happens next: a member of the team reads it and answers here, usually within a few working days. To add something, reply to this message or press the button below.
q-added = ✅ Added to your question <b>#{ $question }</b>. The team will see it with the rest of your question.
q-busy = Please finish (or cancel) what you are doing first, then ask your question.
q-state-open = 🕓 waiting for the team
q-state-answered = 💬 answered
q-state-closed = ✔️ closed
q-mine-title = 🗂 My questions
q-mine-none = You have not asked any question yet.
q-mine-answer = 💬 Last answer: <i>{ $text }</i>
q-mine-messages = { $count ->
    [one] 1 message
   *[other] { $count } messages
}
