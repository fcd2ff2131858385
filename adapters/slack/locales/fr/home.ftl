# L'accueil de l'app (App Home, blocks/home.ts). Slack mrkdwn ; le texte des habitants arrive échappé.
home-title = Pnyx — { $campaign }
home-not-staff = Cette app est réservée au comité de pilotage de la campagne. Si vous en faites partie, demandez à un administrateur de vous ajouter.
home-refresh = Actualiser
home-updated = Mis à jour le { $at }
home-previous = ← Précédent
home-next = Suivant →
home-range = Idées { $from } à { $to } sur { $total } · page { $page } sur { $pages }
home-bad-page = Ce bouton ne mène à aucune page. Rien n'a été modifié.
home-bad-button = Ce bouton n'est pas valable. Rien n'a été modifié.

home-phase-draft = Préparation
home-phase-submission = Dépôt des idées
home-phase-review = Examen des idées
home-phase-voting = Vote
home-phase-tallying = Dépouillement
home-phase-announced = Résultats
home-phase-archived = Terminée

home-status-open = *Phase :* { $phase }, du { $start } au { $end }
home-status-open-from = *Phase :* { $phase }, depuis le { $start }
home-status-open-until = *Phase :* { $phase }, jusqu'au { $end }
home-status-open-phase = *Phase :* { $phase }
home-status-next = Ensuite : { $phase }, le { $at }
home-status-between = *Entre deux phases :* { $after } est terminée ; { $next } s'ouvre le { $at }.
home-status-held-finalists = :warning: *{ $next }* aurait dû s'ouvrir le { $at }, mais il faut au moins deux finalistes. La campagne reste en { $phase } jusqu'à ce que le comité la fasse avancer.
home-status-held-not-tallied = :warning: *{ $next }* aurait dû s'ouvrir le { $at }, mais le dépouillement n'est pas terminé. La campagne reste en { $phase }.
home-status-held = :warning: *{ $next }* aurait dû s'ouvrir le { $at }, mais une condition n'est pas remplie (`{ $code }`). La campagne reste en { $phase }.

home-figures-title = Chiffres de la campagne
home-figures-registered-label = Habitants inscrits
home-figures-registered = { $registered } ({ $percent } % des { $population } habitants)
home-figures-ideas-label = Idées
home-figures-ideas-none = Aucune idée pour l'instant
home-figures-state = { $state } : { $count }
home-figures-backlog-label = À modérer
home-figures-backlog = { $count } · la plus ancienne attend depuis { $age }
home-figures-backlog-empty = Rien en attente
home-figures-ballots-label = Bulletins
home-figures-ballots = { $ballots ->
    [one] { $ballots } bulletin
   *[other] { $ballots } bulletins
  } · { $voters ->
    [one] { $voters } votant
   *[other] { $voters } votants
  } ({ $turnout } % des inscrits) · assistés : { $assisted }
home-figures-days-label = Jours restants
home-figures-days = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
  } avant la fin de la phase
home-figures-days-none = Pas de date de fin

home-state-submitted = Déposées
home-state-changes-requested = Modifications demandées
home-state-resubmitted = Redéposées
home-state-eligible = Recevables
home-state-rejected = Refusées
home-state-merged = Fusionnées
home-state-withdrawn = Retirées
home-state-finalist = Finalistes
home-state-winner = Lauréates
home-state-not-funded = Non financées

home-queue-title = File de modération ({ $count })
home-queue-empty = Aucune idée n'attend de décision.
home-queue-row = { $idea } { $title }
    { $kind } · en attente depuis { $age }
home-queue-new = Nouvelle
home-queue-resubmitted = Redéposée

home-finalists-title = Choix des finalistes
home-finalists-intro = Les finalistes seront soumises au vote. Le total de leurs coûts est comparé à chaque enveloppe.
home-finalists-none = Aucune idée recevable pour l'instant.
home-guard = :warning: { $count ->
    [one] { $count } finaliste
   *[other] { $count } finalistes
  } : il en faut au moins deux pour ouvrir le vote.
home-envelope = *{ $envelope }* · { $finalists ->
    [one] { $finalists } finaliste
   *[other] { $finalists } finalistes
  } · { $total } sur { $amount }
home-envelope-over = :warning: Les finalistes dépassent l'enveloppe de { $over }.
home-envelope-unpriced = :warning: Sans coût estimé : { $ideas }. Elles ne peuvent pas être soumises au vote avant d'être estimées.
home-envelopes-more = … et { $count } autres enveloppes, sans avertissement.
home-envelopes-more-warned = … et { $count } autres enveloppes ; à vérifier : { $warned }.
home-cost-unknown = :warning: Coût à estimer avant le vote
home-candidate-finalist = ✅ Finaliste
home-candidate-eligible = Recevable
home-select = Choisir comme finaliste
home-remove = Retirer
