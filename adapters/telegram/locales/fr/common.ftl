# Mots communs à toutes les fonctions. HTML Telegram.
common-back = ◀️ Retour
common-cancel = ✖️ Annuler
common-confirm = ✅ Confirmer
common-yes = Oui
common-no = Non
common-next = Suivant ▶️
common-previous = ◀️ Précédent
common-page = Page { $page } / { $pages }
common-expired-button = Ce bouton n’est plus valable. Utilisez le dernier message, ou envoyez /start pour voir le menu.
common-error = Désolé, un problème est survenu de notre côté. Réessayez dans un instant. Si cela se reproduit, donnez cette référence à l’équipe : <code>{ $ref }</code>
common-too-fast = Vous allez un peu vite ! Attendez quelques secondes, puis réessayez.
common-main-menu = 🏠 Menu principal
common-dont-know = Je ne sais pas
common-skip = Passer
common-town-wide = Toute la commune

## Noms des phases (variables `phase`, `nextPhase`, `from`, `to`)
common-phase-draft = Préparation
common-phase-submission = Dépôt des idées
common-phase-review = Examen des idées
common-phase-voting = Vote
common-phase-tallying = Dépouillement
common-phase-announced = Résultats
common-phase-archived = Terminé

## États d’une idée (variable `state`)
common-idea-state-submitted = envoyée
common-idea-state-changes-requested = modifications demandées
common-idea-state-resubmitted = renvoyée
common-idea-state-eligible = recevable
common-idea-state-rejected = non retenue
common-idea-state-merged = fusionnée avec une autre idée
common-idea-state-withdrawn = retirée
common-idea-state-finalist = finaliste
common-idea-state-winner = lauréate
common-idea-state-not-funded = non financée
