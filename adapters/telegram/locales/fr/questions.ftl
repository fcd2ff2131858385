# Questions à l'équipe (features/questions.ts). HTML Telegram.
q-prompt = ❓ <b>Poser une question à l'équipe</b>
    Écrivez votre question en un message. Vous pouvez joindre une photo (avec ou sans légende). L'équipe lit chaque question et répond ici, dans cette conversation.
q-prompt-followup = ➕ Écrivez ce que vous voulez ajouter à votre question n° { $question } (texte ou photo).
q-mine-button = 🗂 Mes questions
q-new-button = ✏️ Poser une nouvelle question
q-add-button = ➕ Compléter ma question n° { $question }
q-cancelled = D'accord, rien n'a été envoyé.
q-text-or-photo = Écrivez votre question en texte, ou envoyez une photo.
q-photo-only = (photo sans texte)
q-asked = ✅ Votre question <b>n° { $question }</b> a été envoyée à l'équipe.
    La suite : un membre de l'équipe la lit et vous répond ici, en général en quelques jours ouvrables. Pour ajouter quelque chose, répondez à ce message ou appuyez sur le bouton ci-dessous.
q-added = ✅ Ajouté à votre question <b>n° { $question }</b>. L'équipe le verra avec le reste de votre question.
q-busy = Terminez (ou annulez) d'abord ce que vous êtes en train de faire, puis posez votre question.
q-state-open = 🕓 en attente de l'équipe
q-state-answered = 💬 répondue
q-state-closed = ✔️ clôturée
q-mine-title = 🗂 Mes questions
q-mine-none = Vous n'avez encore posé aucune question.
q-mine-answer = 💬 Dernière réponse : <i>{ $text }</i>
q-mine-messages = { $count ->
    [one] 1 message
   *[other] { $count } messages
}
