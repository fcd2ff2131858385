# Die Startseite der App (App Home, blocks/home.ts). Slack-mrkdwn; Texte von Einwohnern kommen maskiert an.
home-title = Pnyx — { $campaign }
home-not-staff = Diese App ist für den Lenkungsausschuss der Kampagne bestimmt. Wenn Sie dazugehören, bitten Sie einen Administrator, Sie hinzuzufügen.
home-refresh = Aktualisieren
home-updated = Aktualisiert am { $at }
home-previous = ← Zurück
home-next = Weiter →
home-range = Ideen { $from } bis { $to } von { $total } · Seite { $page } von { $pages }
home-bad-page = Diese Schaltfläche führt zu keiner Seite. Es wurde nichts geändert.
home-bad-button = Diese Schaltfläche ist ungültig. Es wurde nichts geändert.

home-phase-draft = Vorbereitung
home-phase-submission = Ideen einreichen
home-phase-review = Prüfung der Ideen
home-phase-voting = Abstimmung
home-phase-tallying = Auszählung
home-phase-announced = Ergebnisse
home-phase-archived = Beendet

home-status-open = *Phase:* { $phase }, vom { $start } bis { $end }
home-status-open-from = *Phase:* { $phase }, seit { $start }
home-status-open-until = *Phase:* { $phase }, bis { $end }
home-status-open-phase = *Phase:* { $phase }
home-status-next = Danach: { $phase }, am { $at }
home-status-between = *Zwischen zwei Phasen:* { $after } ist beendet; { $next } beginnt am { $at }.
home-status-held-finalists = :warning: *{ $next }* hätte am { $at } beginnen sollen, braucht aber mindestens zwei Finalisten. Die Kampagne bleibt in { $phase }, bis der Ausschuss sie weiterschaltet.
home-status-held-not-tallied = :warning: *{ $next }* hätte am { $at } beginnen sollen, aber die Auszählung ist nicht abgeschlossen. Die Kampagne bleibt in { $phase }.
home-status-held = :warning: *{ $next }* hätte am { $at } beginnen sollen, aber eine Bedingung ist nicht erfüllt (`{ $code }`). Die Kampagne bleibt in { $phase }.

home-figures-title = Zahlen der Kampagne
home-figures-registered-label = Registrierte Einwohner
home-figures-registered = { $registered } ({ $percent } % von { $population } Einwohnern)
home-figures-ideas-label = Ideen
home-figures-ideas-none = Noch keine Ideen
home-figures-state = { $state }: { $count }
home-figures-backlog-label = Zu prüfen
home-figures-backlog = { $count } · die älteste wartet seit { $age }
home-figures-backlog-empty = Nichts wartet
home-figures-ballots-label = Stimmzettel
home-figures-ballots = { $ballots ->
    [one] { $ballots } Stimmzettel
   *[other] { $ballots } Stimmzettel
  } · { $voters ->
    [one] { $voters } Wähler
   *[other] { $voters } Wähler
  } ({ $turnout } % der Registrierten) · unterstützt: { $assisted }
home-figures-days-label = Verbleibende Tage
home-figures-days = { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
  } bis zum Ende der Phase
home-figures-days-none = Kein Enddatum

home-state-submitted = Eingereicht
home-state-changes-requested = Änderungen erbeten
home-state-resubmitted = Erneut eingereicht
home-state-eligible = Zulässig
home-state-rejected = Abgelehnt
home-state-merged = Zusammengelegt
home-state-withdrawn = Zurückgezogen
home-state-finalist = Finalisten
home-state-winner = Finanziert
home-state-not-funded = Nicht finanziert

home-queue-title = Zu prüfende Ideen ({ $count })
home-queue-empty = Keine Idee wartet auf eine Entscheidung.
home-queue-row = { $idea } { $title }
    { $kind } · wartet seit { $age }
home-queue-new = Neu
home-queue-resubmitted = Erneut eingereicht

home-finalists-title = Auswahl der Finalisten
home-finalists-intro = Die Finalisten kommen zur Abstimmung. Die Summe ihrer Kosten wird mit jedem Budgettopf verglichen.
home-finalists-none = Noch keine zulässige Idee.
home-guard = :warning: { $count ->
    [one] { $count } Finalist
   *[other] { $count } Finalisten
  }: Für die Abstimmung braucht es mindestens zwei.
home-envelope = *{ $envelope }* · { $finalists ->
    [one] { $finalists } Finalist
   *[other] { $finalists } Finalisten
  } · { $total } von { $amount }
home-envelope-over = :warning: Die Finalisten überschreiten den Budgettopf um { $over }.
home-envelope-unpriced = :warning: Ohne geschätzte Kosten: { $ideas }. Sie können erst zur Abstimmung, wenn sie geschätzt sind.
home-envelopes-more = … und { $count } weitere Budgettöpfe, ohne Warnung.
home-envelopes-more-warned = … und { $count } weitere Budgettöpfe; zu prüfen: { $warned }.
home-cost-unknown = :warning: Kosten vor der Abstimmung zu schätzen
home-candidate-finalist = ✅ Finalist
home-candidate-eligible = Zulässig
home-select = Als Finalist wählen
home-remove = Entfernen
