# The idea wizard (idea-…) and my ideas (mine-…). Telegram HTML.
idea-step = <i>Step { $step } of { $steps }</i>
idea-ask-title = 💡 <b>Your idea's title</b>
    Type a short title ({ $min } to { $max } characters), for example “Benches along the river”.
idea-ask-description = 📝 <b>Describe your idea</b>
    What would you like to do, where, and who would it help? ({ $min } to { $max } characters)
idea-ask-category = 🏷 <b>Which category fits your idea best?</b>
idea-ask-area = 📍 <b>Which area is it for?</b>
idea-ask-cost = 💶 <b>How much would it cost, roughly?</b>
    Type an amount in { $currency } between { $minCost } and { $maxCost }, for example 5000. If you do not know, the committee will estimate it.
idea-ask-photo = 📷 <b>A photo?</b>
    Send a photo that shows the place or the idea, or skip this step.
idea-ask-location = 🗺 <b>A precise place?</b>
    Share a location (📎 then “Location”), or skip this step.
idea-current = Current answer: { $value }
idea-keep = Keep this answer
idea-use-buttons = Please answer with the buttons under the question.
idea-type-title = Please type the title as a text message.
idea-type-description = Please type the description as a text message.
idea-type-cost = Please type the amount as a number, or press “I don’t know”.
idea-send-photo = Please send a photo, or press “Skip”.
idea-send-location = Please share a location, or press “Skip”.
idea-field-title = Title
idea-field-description = Description
idea-field-category = Category
idea-field-area = Area
idea-field-cost = Cost
idea-field-photo = Photo
idea-field-location = Place
idea-summary-line = { $field }: { $value }
idea-summary-block =
    { $field }:
    { $value }
idea-summary-title = <b>Here is your idea before it is sent:</b>
idea-summary-check = Is everything right? Confirm to send it to the committee, or change a field.
idea-summary-none = none
idea-summary-photo-yes = 1 photo
idea-sent = 🎉 Thank you! Your idea <b>#{ $number }</b> has been sent. The committee will review it, and you will hear from it here. See it any time in “My ideas”.
idea-resubmitted = ✅ Your idea <b>#{ $number }</b> has been sent again. The committee will review it once more.
idea-cancelled = Your idea was not sent, and nothing was kept. You can start again at any time with /idea.
idea-not-sent = Your idea was not sent.
idea-busy = You are already answering questions in this chat: please finish them first, or send /cancel.
idea-resubmit-heading = ✏️ <b>Idea #{ $number }: the committee asked for changes</b>
    { $comment }
    Change what is needed with the buttons below, then confirm.
idea-nothing-to-cancel = There is nothing to cancel. Send /menu to see what you can do.
mine-title = 🗂 <b>Your ideas ({ $count })</b>
mine-empty = You have not sent any idea yet. Send one with /idea!
mine-open-hint = Press an idea to see it and what you can do.
mine-comment = The committee's comment:
mine-next-changes-requested = 👉 The committee is waiting for your changes: press “Edit and resubmit”.
mine-next-rewrite = 👉 The committee proposes a new wording: accept or decline it below.
mine-next-wait = 👉 Nothing to do: the committee will review it soon.
mine-next-eligible = 👉 Your idea can be chosen for the vote. Nothing to do for now.
mine-next-finalist = 👉 Your idea is on the ballot: tell people about it!
mine-next-none = Nothing more to do for this idea.
mine-resubmit = ✏️ Edit and resubmit
mine-withdraw = ↩️ Withdraw this idea
mine-withdraw-confirm = Do you really want to withdraw idea <b>#{ $number } { $title }</b>? It cannot be undone.
mine-withdraw-yes = Yes, withdraw it
mine-withdraw-no = No, keep it
mine-withdrawn = Your idea #{ $number } has been withdrawn.
mine-back = ◀️ My ideas
mine-rewrite-heading = ✍️ <b>The committee proposes a new wording for your idea</b>
mine-rewrite-current = Now:
mine-rewrite-proposed = Proposed:
mine-rewrite-comment = Their note:
mine-rewrite-accept = ✅ Accept
mine-rewrite-decline = ✖️ Decline
mine-rewrite-accepted = ✅ Done: idea #{ $number } now has the new wording.
mine-rewrite-declined = Your idea #{ $number } keeps your wording.
mine-rewrite-gone = There is no proposal to answer any more. Here is your idea as it is now.
mine-changed = This proposal has changed since it was shown. Here it is as it is now.
