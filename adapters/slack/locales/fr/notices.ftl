# Les avis et alertes du comité (blocks/notice-*.ts). Slack mrkdwn ; le texte des habitants et du comité arrive échappé.
notice-phase-draft = brouillon
notice-phase-submission = dépôt des idées
notice-phase-review = examen
notice-phase-voting = vote
notice-phase-tallying = dépouillement
notice-phase-announced = résultats
notice-phase-archived = archivée
notice-phase-entered = :arrow_forward: *La campagne est en phase { $to }* (après { $from }) depuis le { $at }.
notice-phase-entered-text = La campagne est en phase { $to }.
notice-phase-entered-by = Changement fait par { $by }. Motif : { $reason }
notice-phase-entered-schedule = Ouverte par le calendrier.
notice-phase-entered-announcement = Les habitants sont prévenus, chacun dans sa langue.
notice-phase-held-text = Alerte : la phase { $phase } n'a pas pu s'ouvrir.
notice-phase-held-finalists = :warning: *Le vote n'a pas pu s'ouvrir le { $at }* : { $finalists ->
    [0] il n'y a aucun finaliste
    [one] il n'y a qu'un finaliste
   *[other] il n'y a que { $finalists } finalistes
  }, et le vote en demande au moins deux. La campagne reste où elle est jusqu'à ce que le comité agisse.
notice-phase-held-finalists-todo = *Que faire :* choisissez au moins deux finalistes dans l'onglet Accueil de l'app, puis ouvrez le vote avec `/pnyx phase`.
notice-phase-held-not-tallied = :warning: *Les résultats n'ont pas pu être annoncés le { $at }* : le dépouillement n'a pas été fait. La campagne reste où elle est jusqu'à ce que le comité agisse.
notice-phase-held-not-tallied-todo = *Que faire :* lancez le dépouillement (`pnyx tally`), puis passez aux résultats avec `/pnyx phase`.
notice-phase-held-other = :warning: *La phase { $phase } n'a pas pu s'ouvrir le { $at }* (`{ $code }`). La campagne reste où elle est jusqu'à ce que le comité agisse.
notice-phase-held-other-todo = *Que faire :* corrigez la cause, puis changez de phase avec `/pnyx phase`.
notice-tally-computed = :ballot_box_with_ballot: *Le dépouillement est fait* (méthode `{ $method }`) : { $funded ->
    [0] aucune idée financée
    [one] 1 idée financée
   *[other] { $funded } idées financées
  }.
notice-tally-computed-text = Le dépouillement est fait : { $funded } idées financées.
notice-rewrite-accepted = :pencil2: L'auteur a *accepté* la réécriture proposée pour l'idée n° { $idea } { $title } : la fiche montre le nouveau texte.
notice-rewrite-declined = :pencil2: L'auteur a *refusé* la réécriture proposée pour l'idée n° { $idea } { $title } : l'idée garde son propre texte.
notice-failed-deliveries = :warning: *{ $total ->
    [one] 1 message n'a pas pu être remis
   *[other] { $total } messages n'ont pas pu être remis
  }*.
notice-failed-deliveries-added = ({ $added } nouveaux depuis la dernière alerte)
notice-failed-deliveries-todo = Les habitants qui ont bloqué le bot sont désabonnés ; chaque message abandonné figure dans le journal du service avec sa raison.
notice-failed-deliveries-latest = Dernier en date : un avis au comité (`{ $template }`) a été abandonné : { $reason }.
notice-failed-deliveries-text = Alerte : { $total } messages n'ont pas pu être remis.
notice-parked-refused = :no_entry: *Telegram a refusé { $count ->
    [one] 1 message
   *[other] { $count } messages
  }* : `{ $reason }`.
notice-parked-server = :warning: *Telegram a répondu par des erreurs de serveur : { $count ->
    [one] 1 message mis de côté
   *[other] { $count } messages mis de côté
  }* après { $attempts } tentatives (`{ $reason }`).
notice-parked-network = :warning: *Telegram était injoignable : { $count ->
    [one] 1 message mis de côté
   *[other] { $count } messages mis de côté
  }* après { $attempts } tentatives (`{ $reason }`).
notice-parked-other = :warning: *Non envoyés : { $count ->
    [one] 1 message mis de côté
   *[other] { $count } messages mis de côté
  }* après { $attempts } tentatives : `{ $reason }`.
notice-parked-refused-todo = Telegram n'acceptera pas ces messages tels quels : ils ne sont pas réessayés. Les habitants qui ont bloqué le bot ne sont pas comptés ici.
notice-parked-retried-todo = Chacun a été tenté { $attempts } fois avant d'être abandonné ; aucun ne sera retenté.
notice-parked-where = Le nombre compte tous les messages mis de côté pour cette raison, comme `/readyz` les montre (`outbox.parked`) ; le journal du service nomme chacun par son numéro.
notice-parked-context = Premier de cette alerte : { $since } · nombre au { $at } · une alerte par raison, mise à jour à mesure
notice-parked-text = Alerte : messages mis de côté ({ $count }) : `{ $reason }`.
