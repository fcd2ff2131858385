# L'assistant d'idée (idea-…) et mes idées (mine-…). HTML Telegram.
idea-step = <i>Étape { $step } sur { $steps }</i>
idea-ask-title = 💡 <b>Le titre de votre idée</b>
    Écrivez un titre court (de { $min } à { $max } caractères), par exemple « Des bancs le long de la rivière ».
idea-ask-description = 📝 <b>Décrivez votre idée</b>
    Que voulez-vous faire, où, et pour qui ? (de { $min } à { $max } caractères)
idea-ask-category = 🏷 <b>Quelle catégorie correspond le mieux à votre idée ?</b>
idea-ask-area = 📍 <b>Pour quel quartier ?</b>
idea-ask-cost = 💶 <b>Combien coûterait-elle, à peu près ?</b>
    Écrivez un montant en { $currency } entre { $minCost } et { $maxCost }, par exemple 5000. Si vous ne savez pas, le comité l'estimera.
idea-ask-photo = 📷 <b>Une photo ?</b>
    Envoyez une photo du lieu ou de l'idée, ou passez cette étape.
idea-ask-location = 🗺 <b>Un endroit précis ?</b>
    Partagez une position (📎 puis « Position »), ou passez cette étape.
idea-current = Réponse actuelle : { $value }
idea-keep = Garder cette réponse
idea-use-buttons = Merci de répondre avec les boutons sous la question.
idea-type-title = Merci d'écrire le titre dans un message texte.
idea-type-description = Merci d'écrire la description dans un message texte.
idea-type-cost = Merci d'écrire le montant en chiffres, ou d'appuyer sur « Je ne sais pas ».
idea-send-photo = Merci d'envoyer une photo, ou d'appuyer sur « Passer ».
idea-send-location = Merci de partager une position, ou d'appuyer sur « Passer ».
idea-field-title = Titre
idea-field-description = Description
idea-field-category = Catégorie
idea-field-area = Quartier
idea-field-cost = Coût
idea-field-photo = Photo
idea-field-location = Endroit
idea-summary-line = { $field } : { $value }
idea-summary-block =
    { $field } :
    { $value }
idea-summary-title = <b>Voici votre idée avant l'envoi :</b>
idea-summary-check = Tout est correct ? Confirmez pour l'envoyer au comité, ou modifiez un champ.
idea-summary-none = aucune
idea-summary-photo-yes = 1 photo
idea-sent = 🎉 Merci ! Votre idée <b>n° { $number }</b> est envoyée. Le comité va l'examiner et vous répondra ici. Retrouvez-la à tout moment dans « Mes idées ».
idea-resubmitted = ✅ Votre idée <b>n° { $number }</b> est renvoyée. Le comité va l'examiner à nouveau.
idea-cancelled = Votre idée n'a pas été envoyée et rien n'a été gardé. Vous pouvez recommencer à tout moment avec /idea.
idea-not-sent = Votre idée n'a pas été envoyée.
idea-busy = Vous êtes déjà en train de répondre à des questions dans cette conversation : terminez d'abord, ou envoyez /cancel.
idea-resubmit-heading = ✏️ <b>Idée n° { $number } : le comité demande des modifications</b>
    { $comment }
    Modifiez ce qu'il faut avec les boutons ci-dessous, puis confirmez.
idea-nothing-to-cancel = Il n'y a rien à annuler. Envoyez /menu pour voir ce que vous pouvez faire.
mine-title = 🗂 <b>Vos idées ({ $count })</b>
mine-empty = Vous n'avez encore envoyé aucune idée. Lancez-vous avec /idea !
mine-open-hint = Appuyez sur une idée pour la voir et savoir ce que vous pouvez faire.
mine-comment = Le commentaire du comité :
mine-next-changes-requested = 👉 Le comité attend vos modifications : appuyez sur « Modifier et renvoyer ».
mine-next-rewrite = 👉 Le comité propose une nouvelle formulation : acceptez-la ou refusez-la ci-dessous.
mine-next-wait = 👉 Rien à faire : le comité l'examinera bientôt.
mine-next-eligible = 👉 Votre idée peut être retenue pour le vote. Rien à faire pour l'instant.
mine-next-finalist = 👉 Votre idée est soumise au vote : parlez-en autour de vous !
mine-next-none = Plus rien à faire pour cette idée.
mine-resubmit = ✏️ Modifier et renvoyer
mine-withdraw = ↩️ Retirer cette idée
mine-withdraw-confirm = Voulez-vous vraiment retirer l'idée <b>n° { $number } { $title }</b> ? Ce n'est pas réversible.
mine-withdraw-yes = Oui, la retirer
mine-withdraw-no = Non, la garder
mine-withdrawn = Votre idée n° { $number } est retirée.
mine-back = ◀️ Mes idées
mine-rewrite-heading = ✍️ <b>Le comité propose une nouvelle formulation de votre idée</b>
mine-rewrite-current = Actuellement :
mine-rewrite-proposed = Proposé :
mine-rewrite-comment = Leur note :
mine-rewrite-accept = ✅ Accepter
mine-rewrite-decline = ✖️ Refuser
mine-rewrite-accepted = ✅ C'est fait : l'idée n° { $number } a la nouvelle formulation.
mine-rewrite-declined = Votre idée n° { $number } garde votre formulation.
mine-rewrite-gone = Il n'y a plus de proposition à laquelle répondre. Voici votre idée telle qu'elle est.
mine-changed = Cette proposition a changé depuis son affichage. La voici telle qu'elle est maintenant.
