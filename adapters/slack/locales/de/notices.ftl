# Mitteilungen und Warnungen an den Ausschuss (blocks/notice-*.ts). Slack mrkdwn; Text von Einwohnern und Ausschuss kommt maskiert an.
notice-phase-draft = Entwurf
notice-phase-submission = Einreichung
notice-phase-review = Prüfung
notice-phase-voting = Abstimmung
notice-phase-tallying = Auszählung
notice-phase-announced = Ergebnisse
notice-phase-archived = archiviert
notice-phase-entered = :arrow_forward: *Die Kampagne ist seit { $at } in der Phase { $to }* (nach { $from }).
notice-phase-entered-text = Die Kampagne ist in der Phase { $to }.
notice-phase-entered-by = Gewechselt von { $by }. Grund: { $reason }
notice-phase-entered-schedule = Nach Zeitplan geöffnet.
notice-phase-entered-announcement = Die Einwohner werden informiert, jede Person in ihrer Sprache.
notice-phase-held-text = Warnung: Die Phase { $phase } konnte nicht beginnen.
notice-phase-held-finalists = :warning: *Die Abstimmung konnte am { $at } nicht beginnen*: { $finalists ->
    [0] Es gibt keine Finalisten
    [one] Es gibt nur 1 Finalisten
   *[other] Es gibt nur { $finalists } Finalisten
  }, die Abstimmung braucht mindestens zwei. Die Kampagne bleibt, wo sie ist, bis der Ausschuss handelt.
notice-phase-held-finalists-todo = *Was zu tun ist:* Wählen Sie im Start-Tab der App mindestens zwei Finalisten und öffnen Sie dann die Abstimmung mit `/pnyx phase`.
notice-phase-held-not-tallied = :warning: *Die Ergebnisse konnten am { $at } nicht bekanntgegeben werden*: Die Auszählung wurde nicht durchgeführt. Die Kampagne bleibt, wo sie ist, bis der Ausschuss handelt.
notice-phase-held-not-tallied-todo = *Was zu tun ist:* Führen Sie die Auszählung durch (`pnyx tally`) und wechseln Sie dann mit `/pnyx phase` zu den Ergebnissen.
notice-phase-held-other = :warning: *Die Phase { $phase } konnte am { $at } nicht beginnen* (`{ $code }`). Die Kampagne bleibt, wo sie ist, bis der Ausschuss handelt.
notice-phase-held-other-todo = *Was zu tun ist:* Beheben Sie die Ursache und wechseln Sie dann die Phase mit `/pnyx phase`.
notice-tally-computed = :ballot_box_with_ballot: *Die Auszählung ist fertig* (Methode `{ $method }`): { $funded ->
    [0] keine Idee finanziert
    [one] 1 Idee finanziert
   *[other] { $funded } Ideen finanziert
  }.
notice-tally-computed-text = Die Auszählung ist fertig: { $funded } Ideen finanziert.
notice-rewrite-accepted = :pencil2: Die einreichende Person hat die vorgeschlagene Neufassung von Idee Nr. { $idea } { $title } *angenommen*: Die Karte zeigt den neuen Text.
notice-rewrite-declined = :pencil2: Die einreichende Person hat die vorgeschlagene Neufassung von Idee Nr. { $idea } { $title } *abgelehnt*: Die Idee behält ihren eigenen Text.
notice-failed-deliveries = :warning: *{ $total ->
    [one] 1 Nachricht konnte nicht zugestellt werden
   *[other] { $total } Nachrichten konnten nicht zugestellt werden
  }*.
notice-failed-deliveries-added = ({ $added } neu seit der letzten Warnung)
notice-failed-deliveries-todo = Wer den Bot blockiert hat, ist abgemeldet; jede aufgegebene Nachricht steht mit ihrem Grund im Protokoll des Dienstes.
notice-failed-deliveries-latest = Zuletzt: Eine Mitteilung an den Ausschuss (`{ $template }`) wurde aufgegeben: { $reason }.
notice-failed-deliveries-text = Warnung: { $total } Nachrichten konnten nicht zugestellt werden.
notice-parked-refused = :no_entry: *Telegram hat { $count ->
    [one] 1 Nachricht
   *[other] { $count } Nachrichten
  } abgelehnt*: `{ $reason }`.
notice-parked-server = :warning: *Telegram antwortete mit Serverfehlern: { $count ->
    [one] 1 Nachricht zurückgestellt
   *[other] { $count } Nachrichten zurückgestellt
  }* nach { $attempts } Versuchen (`{ $reason }`).
notice-parked-network = :warning: *Telegram war nicht erreichbar: { $count ->
    [one] 1 Nachricht zurückgestellt
   *[other] { $count } Nachrichten zurückgestellt
  }* nach { $attempts } Versuchen (`{ $reason }`).
notice-parked-other = :warning: *Nicht gesendet: { $count ->
    [one] 1 Nachricht zurückgestellt
   *[other] { $count } Nachrichten zurückgestellt
  }* nach { $attempts } Versuchen: `{ $reason }`.
notice-parked-refused-todo = Telegram nimmt diese Nachrichten so nicht an, daher werden sie nicht erneut versucht. Wer den Bot blockiert hat, ist hier nicht mitgezählt.
notice-parked-retried-todo = Jede wurde { $attempts }-mal versucht, bevor sie aufgegeben wurde; keine wird erneut versucht.
notice-parked-where = Gezählt wird jede aus diesem Grund zurückgestellte Nachricht, wie `/readyz` sie zeigt (`outbox.parked`); das Protokoll des Dienstes nennt jede mit ihrer Nummer.
notice-parked-context = Erste dieser Warnung: { $since } · Stand { $at } · eine Warnung je Grund, fortlaufend aktualisiert
notice-parked-text = Warnung: zurückgestellte Nachrichten ({ $count }): `{ $reason }`.
