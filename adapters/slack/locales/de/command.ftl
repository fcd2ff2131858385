# Der Befehl /pnyx (features/command*.ts, blocks/command-*.ts). Slack mrkdwn; Ortsnamen und
# eingegebene Texte kommen maskiert an.

command-cancel = Abbrechen
command-back = Zurück
command-failed = Das hat wegen eines Fehlers auf unserer Seite nicht geklappt. Nichts wurde geändert; versuchen Sie es gleich noch einmal.
command-form-unreadable = Dieses Formular konnte nicht gelesen werden. Schließen Sie es und rufen Sie den Befehl erneut auf.
command-actor-system = der Zeitplan
command-upload-failed = Die Dateien konnten in diesem Kanal nicht gepostet werden (`{ $error }`). Laden Sie die App in den Kanal ein oder rufen Sie den Befehl in einem Kanal auf, in dem sie ist.

## Phasen und Zustände der Ideen
command-phase-draft = Vorbereitung
command-phase-submission = Einreichung der Ideen
command-phase-review = Prüfung der Ideen
command-phase-voting = Abstimmung
command-phase-tallying = Auszählung
command-phase-announced = Ergebnisse
command-phase-archived = Archiviert
command-state-submitted = Eingereicht
command-state-changes-requested = Änderungen erbeten
command-state-resubmitted = Erneut eingereicht
command-state-eligible = Zulässig
command-state-rejected = Abgelehnt
command-state-merged = Zusammengeführt
command-state-withdrawn = Zurückgezogen
command-state-finalist = Finalisten
command-state-winner = Gewinner
command-state-not-funded = Nicht finanziert
command-held-phase-guard-finalists = es braucht mindestens zwei Finalisten-Ideen
command-held-phase-guard-not-tallied = die Stimmen sind noch nicht ausgezählt

## Hilfe
command-help-title = Der Befehl /pnyx
command-help-status = `/pnyx status` — die laufende Phase, ihre Daten, was als Nächstes kommt, und die Zahlen der Kampagne.
command-help-phase = `/pnyx phase` — früher als geplant zur nächsten Phase wechseln oder die laufende Phase verlängern. Ein Grund wird verlangt, dann eine Bestätigung. _Administratoren._
command-help-announce = `/pnyx announce` — eine Mitteilung an die Bewohner in jeder Sprache der Kampagne verfassen, sie so lesen, wie sie ankommt, und sie dann an alle oder an ein Viertel senden. Ihr Fortschritt erscheint im Ankündigungskanal. _Administratoren._
command-help-export = `/pnyx export` — die Exporte der Kampagne (Ideen, Ergebnisse, anonymisierte Stimmzettel) als CSV-Dateien, gepostet in diesem Kanal.
command-help-codes = `/pnyx codes N` — N Einmalcodes (1 bis 10.000) zum Verteilen an Bewohner erzeugen. Die CSV-Datei kommt als Direktnachricht; die Codes werden nie in einem Kanal gezeigt. _Administratoren._
command-help-ambassador = `/pnyx ambassador grant CODE` oder `/pnyx ambassador revoke CODE` — die Rolle als Botschafter vergeben oder entziehen. CODE ist der Einmalcode, mit dem sich die Person im Bot angemeldet oder bestätigt hat (zum Beispiel `K7QM-2XPA`), oder ihre Kennung, wie ihre Datei „Meine Daten“ sie zeigt (`tg:123456789`). _Administratoren._
command-help-help = `/pnyx help` — diese Hilfe.
command-help-footer = Nur der Lenkungsausschuss kann /pnyx verwenden. Die Antworten sehen nur Sie.

command-problem-unknown = „{ $sub }“ ist kein Unterbefehl von /pnyx. Das kann /pnyx:
command-problem-extra = `/pnyx { $sub }` nimmt nichts nach seinem Namen (erhalten: „{ $extra }“).
command-problem-codes-usage = Geben Sie an, wie viele Codes erzeugt werden sollen: `/pnyx codes 50`.
command-problem-codes-number = „{ $value }“ ist keine ganze Zahl. Geben Sie an, wie viele Codes erzeugt werden sollen, zum Beispiel `/pnyx codes 50`.
command-problem-ambassador-usage = Schreiben Sie `/pnyx ambassador grant CODE`, um die Rolle zu vergeben, oder `/pnyx ambassador revoke CODE`, um sie zu entziehen.
command-problem-ambassador-who = „{ $value }“ ist weder ein Einmalcode (8 Zeichen, wie `K7QM-2XPA`) noch die Kennung eines Bewohners (wie `tg:123456789`).

## Status
command-status-title = { $campaign } — wo die Kampagne steht
command-status-window = *Phase:* { $phase }, vom { $start } bis { $end } (Zeitzone { $zone })
command-status-window-from = *Phase:* { $phase }, seit { $start } (Zeitzone { $zone })
command-status-window-until = *Phase:* { $phase }, bis { $end } (Zeitzone { $zone })
command-status-window-open = *Phase:* { $phase }
command-status-next = *Danach:* { $next }, ab { $at }
command-status-held = :warning: *{ $next }* hätte am { $at } beginnen sollen, aber die Kampagne bleibt, wo sie ist: { $reason }. Nur ein manueller Wechsel (`/pnyx phase`) öffnet diese Phase.
command-status-between = *Zwischen zwei Phasen:* { $after } ist vorbei; { $next } beginnt am { $at } (Zeitzone { $zone }).
command-status-ideas = Ideen ({ $count })
command-status-count = { $label }: { $count }
command-status-no-ideas = noch keine Ideen
command-status-backlog = Zu prüfen
command-status-backlog-empty = Nichts wartet
command-status-backlog-count = { $count ->
    [one] { $count } Idee, wartet seit { $wait }
   *[other] { $count } Ideen, die älteste wartet seit { $wait }
}
command-status-residents = Angemeldete Bewohner
command-status-residents-count = { $count } ({ $percent } % von { $population } Einwohnern), { $week } diese Woche
command-status-ballots = Stimmzettel
command-status-voters = { $count } Wählende ({ $percent } % der Angemeldeten)
command-status-footer = Zahlen vom { $at } (Zeitzone { $zone }).

## Phase wechseln
command-phase-title = Phase der Kampagne
command-phase-continue = Weiter
command-phase-confirm = Bestätigen
command-phase-op = Was soll geschehen?
command-phase-op-advance = Jetzt zur nächsten Phase: { $to }
command-phase-op-extend = Die laufende Phase verlängern: { $phase }
command-phase-op-required = Wählen Sie, was geschehen soll.
command-phase-until-date = Neues Enddatum (bei einer Verlängerung)
command-phase-until-date-hint = Die Phase endet zu diesem Zeitpunkt, Zeitzone { $zone }. Bei einem Wechsel zur nächsten Phase ohne Bedeutung.
command-phase-until-time = Endzeit ({ $zone })
command-phase-reason = Grund
command-phase-reason-hint = Pflichtfeld. Er wird mit der Änderung gespeichert und ist für den Ausschuss sichtbar.
command-phase-reason-required = Geben Sie den Grund für diese Änderung an.
command-phase-reason-too-long = Der Grund ist zu lang: höchstens { $max } Zeichen.
command-phase-until-required = Wählen Sie das neue Enddatum.
command-phase-until-invalid = Diese Uhrzeit gibt es an diesem Tag in { $zone } nicht (Zeitumstellung). Wählen Sie eine andere.
command-phase-until-past = Das neue Ende muss in der Zukunft liegen.
command-phase-until-not-later = Das neue Ende muss nach dem jetzigen Ende liegen ({ $end }).
command-phase-nothing = Es gibt nichts vorzuziehen oder zu verlängern: Die Kampagne ist in der Phase „{ $phase }“.
command-phase-cannot-extend = Die Phase „{ $phase }“ kann jetzt nicht verlängert werden.
command-phase-changed = Die Phase hat sich geändert, während Sie dieses Formular ausgefüllt haben. Nichts wurde geändert: Schließen Sie es und rufen Sie `/pnyx phase` erneut auf.
command-phase-confirm-advance = Sie beenden jetzt die Phase *{ $from }* und öffnen die Phase *{ $to }*.
command-phase-confirm-advance-effects = Abonnierte Bewohner erhalten die Ankündigung der Phase „{ $to }“ in ihrer Sprache, und der Ausschuss wird informiert.
command-phase-confirm-extend = Sie verlängern die Phase *{ $phase }* bis *{ $until }* (Zeitzone { $zone }).
command-phase-confirm-extend-next = Die Phase „{ $next }“ beginnt dann am { $at }.
command-phase-confirm-reason = *Grund:* { $reason }
command-phase-refused-hint = Nichts wurde geändert. „Zurück“ führt zum Formular.
command-phase-done-advance = Erledigt: Die Phase „{ $from }“ ist beendet, die Phase „{ $to }“ ist offen.
command-phase-done-extend = Erledigt: Die Phase „{ $phase }“ dauert bis { $until } (Zeitzone { $zone }).
command-phase-extended-notice = :calendar: { $by } hat die Phase *{ $phase }* bis { $until } verlängert (Zeitzone { $zone }). Grund: { $reason }

## Mitteilung
command-announce-title = Mitteilung
command-announce-title-preview = Vorschau
command-announce-preview = Vorschau
command-announce-send = Senden
command-announce-intro = Verfassen Sie die Mitteilung in jeder Sprache der Kampagne. Der Text auf { $language } ist Pflicht; eine leer gelassene Sprache erhält den Text auf { $language }. Danach sehen Sie genau, was die Bewohner lesen werden, bevor Sie senden.
command-announce-text-required = Text auf { $language } (Pflicht)
command-announce-text-optional = Text auf { $language } (freiwillig)
command-announce-audience = Empfänger
command-announce-audience-all = Alle abonnierten Bewohner
command-announce-audience-area = Abonnierte Bewohner von { $area }
command-announce-audience-required = Wählen Sie, wer die Mitteilung erhält.
command-announce-text-missing = Der Text auf { $language } ist Pflicht.
command-announce-text-too-long = Dieser Text ist zu lang: { $length } Zeichen, höchstens { $max }.
command-announce-preview-title = Das werden die Bewohner lesen
command-announce-preview-audience = Empfänger: { $audience }. Prüfen Sie jede Sprache und drücken Sie dann „Senden“.
command-announce-preview-language = *{ $label }* — das erhalten Bewohner, die { $language } lesen:
command-announce-preview-borrowed = *{ $label }* — kein Text auf { $language }: Diese Bewohner erhalten den Text auf { $fallback }:
command-announce-preview-edit = Zum Korrigieren ändern Sie den Text unten und drücken „Senden“: Zuerst erscheint eine neue Vorschau.
command-announce-changed = Text oder Empfänger haben sich seit der Vorschau geändert. Prüfen Sie diese neue Vorschau und drücken Sie dann erneut „Senden“.
command-announce-started = Die Mitteilung ist unterwegs. Ihr Fortschritt erscheint in { $channel }.

## Fortschritt einer Mitteilung
command-progress-title-sending = 📣 Mitteilung wird gesendet
command-progress-title-done = 📣 Mitteilung gesendet
command-progress-phase = Ankündigung, dass die Phase „{ $phase }“ begonnen hat
command-progress-template = Automatische Mitteilung der Kampagne
command-progress-by = Gestartet von { $by } am { $at } · { $audience }
command-progress-audience-all = alle abonnierten Bewohner
command-progress-audience-area = abonnierte Bewohner von { $area }
command-progress-total = Geplante Nachrichten
command-progress-total-counting = in Vorbereitung (bisher { $queued })
command-progress-sent = Gesendet
command-progress-failed = Fehlgeschlagen
command-progress-left = Übrig
command-progress-running = { $sent } gesendet, { $failed } fehlgeschlagen, { $left } übrig
command-progress-done = Abgeschlossen am { $at }: { $sent } von { $total } Nachrichten gesendet, { $failed } fehlgeschlagen.
command-progress-skipped = { $skipped } nicht gesendet: zum Zeitpunkt des Versands nicht mehr nötig (die Person hatte inzwischen abgestimmt, oder die Abstimmung war beendet).
command-progress-failed-hint = Ein Fehlschlag bedeutet meist, dass der Bewohner den Bot blockiert hat: Er erhält keine Mitteilungen mehr.

## Exporte und Codes
command-export-unavailable = Exporte sind in diesem Dienst nicht verfügbar. Verwenden Sie `pnyx export` auf dem Server.
command-export-started = Export läuft… die Dateien kommen gleich in diesen Kanal.
command-export-failed = Der Export ist wegen eines Fehlers auf unserer Seite fehlgeschlagen. Nichts wurde gepostet; versuchen Sie es später erneut.
command-export-empty = Es gibt noch nichts zu exportieren.
command-export-comment = { $count ->
    [one] Export der Kampagne vom { $at }: { $count } Datei.
   *[other] Export der Kampagne vom { $at }: { $count } Dateien.
}
command-export-done = { $count ->
    [one] Export in diesem Kanal gepostet: { $files }.
   *[other] Export in diesem Kanal gepostet ({ $count } Dateien): { $files }.
}
command-codes-file-title = { $count ->
    [one] { $count } Einmalcode
   *[other] { $count } Einmalcodes
}
command-codes-comment = { $count ->
    [one] Hier ist der erbetene Einmalcode. Geben Sie ihn auf Papier weiter; er gilt einmal.
   *[other] Hier sind die { $count } erbetenen Einmalcodes. Geben Sie sie auf Papier weiter; jeder gilt einmal.
}
command-codes-done = { $count ->
    [one] { $count } Code erzeugt. Die CSV-Datei wartet in Ihren Direktnachrichten mit Pnyx.
   *[other] { $count } Codes erzeugt. Die CSV-Datei wartet in Ihren Direktnachrichten mit Pnyx.
}
command-codes-upload-failed = { $count } Codes wurden erzeugt, aber die Datei konnte Ihnen nicht geschickt werden (`{ $error }`). Niemand hat diese Codes; erzeugen Sie neue.

## Botschafter
command-ambassador-granted = { $who } ist jetzt Botschafter (Viertel { $area }, angemeldet am { $since }). Das Botschafter-Menü erscheint in seinem Bot.
command-ambassador-revoked = { $who } ist kein Botschafter mehr (Viertel { $area }, angemeldet am { $since }).
command-ambassador-already = { $who } ist bereits Botschafter (Viertel { $area }, angemeldet am { $since }). Nichts wurde geändert.
command-ambassador-not-one = { $who } ist kein Botschafter (Viertel { $area }, angemeldet am { $since }). Nichts wurde geändert.
command-ambassador-is-staff = { $who } gehört zum Team; diese Rolle wird in der Konfiguration der Kampagne festgelegt. Nichts wurde geändert.
command-ambassador-no-area = nicht gewählt
command-ambassador-not-registered = Anmeldung nicht abgeschlossen
