# Ablehnungen: warum die Engine nein gesagt hat und was Sie jetzt tun können. Ein Schlüssel
# pro Code (core/domain/codes.ts): `refusal-` + der Code, `.` und `_` als `-`. Telegram-HTML.

refusal-generic = Entschuldigung, das hat nicht geklappt. Es wurde nichts geändert. Bitte versuchen Sie es noch einmal oder gehen Sie mit /start zurück zum Menü.

## Phase: zu früh (opensAt) oder vorbei (nextPhase, nextPhaseOpensAt)
refusal-submission-not-yet = Sie können ab dem <b>{ $opensAt }</b> Ideen einreichen. Bis dann!
refusal-submission-closed =
    Die Einreichung von Ideen ist beendet.
    { $nextPhase ->
        [none] Danke für Ihre Teilnahme!
       *[other] Nächster Schritt: { $nextPhase }, ab dem { $nextPhaseOpensAt }.
    }
refusal-resubmission-not-yet = Sie können Ihre überarbeitete Idee ab dem <b>{ $opensAt }</b> erneut senden.
refusal-resubmission-closed =
    Es ist zu spät, um Ihre Idee erneut zu senden: Die Prüfung ist beendet.
    { $nextPhase ->
        [none] Danke für Ihre Teilnahme!
       *[other] Nächster Schritt: { $nextPhase }, ab dem { $nextPhaseOpensAt }.
    }
refusal-withdrawal-not-yet = Sie können eine Idee ab dem <b>{ $opensAt }</b> zurückziehen.
refusal-withdrawal-closed = Es ist zu spät, um Ihre Idee zurückzuziehen: Die Prüfung ist beendet.
refusal-support-not-yet = Sie können Ideen ab dem <b>{ $opensAt }</b> unterstützen.
refusal-support-closed =
    Ideen können nicht mehr unterstützt werden.
    { $nextPhase ->
        [none] Danke für Ihre Teilnahme!
       *[other] Nächster Schritt: { $nextPhase }, ab dem { $nextPhaseOpensAt }.
    }
refusal-moderation-not-yet = Ideen können ab dem <b>{ $opensAt }</b> geprüft werden.
refusal-moderation-closed = Die Prüfung der Ideen ist für diese Kampagne beendet.
refusal-finalists-not-yet = Die Finalisten können ab dem <b>{ $opensAt }</b> ausgewählt werden.
refusal-finalists-closed = Die Auswahl der Finalisten ist für diese Kampagne beendet.
refusal-voting-not-yet = Die Abstimmung beginnt am <b>{ $opensAt }</b>. Wir schicken Ihnen eine Nachricht, sobald es losgeht.
refusal-voting-closed = Die Abstimmung ist beendet. Danke! Die Ergebnisse werden hier bekanntgegeben.
refusal-tally-not-yet = Die Stimmen können ab dem <b>{ $opensAt }</b> ausgezählt werden.
refusal-tally-closed = Die Stimmen dieser Kampagne wurden bereits ausgezählt.

## Botschafter
refusal-ambassador-not-ambassador = Nur Botschafterinnen und Botschafter können das tun. Wenn Sie im Auftrag der Gemeinde Menschen helfen, bitten Sie das Team um diese Rolle.

## Stimmzettel
refusal-ballot-already-cast = Sie haben bereits abgestimmt. Ihre Quittung: <code>{ $receipt }</code>. Danke!
refusal-ballot-duplicate-choice = Sie haben dasselbe Projekt zweimal gewählt. Bitte wählen Sie jedes Projekt nur einmal.
refusal-ballot-empty = Sie haben noch kein Projekt gewählt. Tippen Sie auf ein Projekt, um es zu wählen.
refusal-ballot-no-such-ballot = Diesen Stimmzettel gibt es für Sie nicht. Bitte öffnen Sie die Abstimmung erneut über das Menü.
refusal-ballot-over-budget = Ihre Auswahl kostet { $total }, das Budget beträgt aber { $budget }. Entfernen Sie Projekte im Wert von mindestens { $over }.
refusal-ballot-points-invalid = Jedes Projekt braucht mindestens 1 Punkt (eine ganze Zahl).
refusal-ballot-points-per-idea = Sie können einem Projekt höchstens { $max } Punkte geben.
refusal-ballot-single-one = Bitte wählen Sie genau ein Projekt.
refusal-ballot-too-few = Bitte wählen Sie mindestens { $min } Projekte. Sie haben { $count } gewählt.
refusal-ballot-too-many = Sie können höchstens { $max } Projekte wählen. Sie haben { $count } gewählt: Bitte entfernen Sie einige.
refusal-ballot-too-many-points = Sie haben { $max } Punkte zu vergeben und { $total } vergeben. Bitte nehmen Sie einige zurück.
refusal-ballot-unknown-idea = Dieses Projekt steht nicht auf dem Stimmzettel. Bitte öffnen Sie die Abstimmung erneut über das Menü.

## Mitteilungen (Team)
refusal-broadcast-bad-page-size = Die Seitengröße muss zwischen 1 und { $max } liegen.
refusal-broadcast-not-found = Diese Mitteilung gibt es nicht.
refusal-broadcast-text-missing = Der Text auf { $locale } fehlt. Schreiben Sie die Mitteilung in jeder Sprache der Kampagne.
refusal-broadcast-text-too-long = Der Text auf { $locale } ist zu lang: { $length } Zeichen, höchstens { $max }.
refusal-broadcast-unknown-area = Das Viertel „{ $area }“ gibt es nicht.
refusal-broadcast-unknown-locale = Die Sprache „{ $locale }“ gehört nicht zu dieser Kampagne.

## Einmalcodes
refusal-code-count-invalid = Wählen Sie eine Anzahl von Codes zwischen 1 und { $max }.
refusal-code-malformed = Dieser Code sieht nicht richtig aus. Bitte prüfen Sie ihn und tippen Sie ihn genau so ein, wie er auf Ihrem Papier steht.
refusal-code-not-registered = Mit diesem Code hat sich noch niemand angemeldet. Bitte melden Sie sich zuerst damit an.
refusal-code-unknown = Diesen Code kennen wir nicht. Bitte prüfen Sie ihn und tippen Sie ihn erneut ein, oder bitten Sie die Gemeinde um Hilfe.
refusal-code-used = Dieser Code wurde schon benutzt. Jeder Code gilt nur einmal. Wenn Sie glauben, dass das ein Fehler ist, wenden Sie sich bitte an die Gemeinde.

## Finalisten (Team)
refusal-finalist-not-eligible = Idee Nr. { $idea } hat den Status „{ $state }“: Nur zugelassene Ideen können ins Finale.
refusal-finalist-not-finalist = Idee Nr. { $idea } hat den Status „{ $state }“: Sie ist nicht im Finale.

## Ideen
refusal-idea-author-gone = Die Person, die diese Idee eingereicht hat, hat die Kampagne verlassen: Die Idee kann nicht mehr geändert werden.
refusal-idea-bad-characters =
    { $field ->
        [title] Der Titel enthält Zeichen, die wir nicht anzeigen können.
       *[other] Die Beschreibung enthält Zeichen, die wir nicht anzeigen können.
    } Bitte tippen Sie ihn nur mit Buchstaben, Zahlen und Satzzeichen neu ein.
refusal-idea-busy = Jemand hat diese Idee gleichzeitig geändert. Bitte versuchen Sie es noch einmal.
refusal-idea-cost-invalid = Bitte geben Sie die Kosten als ganze Zahl ein, zum Beispiel 5000.
refusal-idea-cost-out-of-bounds = Die Kosten müssen zwischen { $min } und { $max } liegen. Sie haben { $cost } eingegeben. Wenn Sie es nicht wissen, wählen Sie „Ich weiß es nicht“.
refusal-idea-description-too-long = Ihre Beschreibung ist zu lang: { $length } Zeichen, höchstens { $max }. Bitte kürzen Sie sie.
refusal-idea-description-too-short = Ihre Beschreibung ist zu kurz: { $length } Zeichen, mindestens { $min }. Erzählen Sie uns etwas mehr.
refusal-idea-location-invalid = Dieser Ort konnte nicht gelesen werden. Bitte senden Sie den Standort erneut oder überspringen Sie diesen Schritt.
refusal-idea-no-rewrite = Zu dieser Idee gibt es keinen Vorschlag mehr, auf den Sie antworten können.
refusal-idea-not-author = Nur wer diese Idee eingereicht hat, kann das tun.
refusal-idea-photo-invalid = Dieses Foto konnte nicht verwendet werden. Bitte senden Sie ein anderes Foto oder überspringen Sie diesen Schritt.
refusal-idea-title-too-long = Ihr Titel ist zu lang: { $length } Zeichen, höchstens { $max }. Bitte kürzen Sie ihn.
refusal-idea-title-too-short = Ihr Titel ist zu kurz: { $length } Zeichen, mindestens { $min }.
refusal-idea-unknown = Diese Idee gibt es nicht (mehr). Bitte öffnen Sie die Liste der Ideen erneut.
refusal-idea-unknown-area = Das Viertel „{ $area }“ gibt es nicht. Bitte wählen Sie ein Viertel mit den Schaltflächen.
refusal-idea-unknown-category = Die Kategorie „{ $category }“ gibt es nicht. Bitte wählen Sie eine Kategorie mit den Schaltflächen.
refusal-idea-wrong-state = Das ist jetzt nicht möglich: Idee Nr. { $idea } hat den Status „{ $state }“.

## Moderation (Team)
refusal-moderation-already-decided = Jemand hat schon über Idee Nr. { $idea } entschieden: Ihr Status ist jetzt „{ $state }“.
refusal-moderation-comment-required = Bitte schreiben Sie einen Kommentar: Die einreichende Person muss wissen, was sie ändern soll.
refusal-moderation-cost-unknown = Idee Nr. { $idea } hat noch keine Kosten. Schätzen Sie zuerst die Kosten.
refusal-moderation-merge-self = Eine Idee kann nicht mit sich selbst zusammengelegt werden.
refusal-moderation-merge-target-state = Die andere Idee hat den Status „{ $state }“: Sie kann diese nicht aufnehmen.
refusal-moderation-merge-target-unknown = Die andere Idee gibt es nicht.
refusal-moderation-not-awaiting = Idee Nr. { $idea } hat den Status „{ $state }“: Sie wartet auf keine Entscheidung.
refusal-moderation-unknown-criterion = „{ $criterion }“ ist kein Prüfkriterium.

## Phasen (Team)
refusal-phase-busy = Jemand hat die Phase gleichzeitig geändert. Bitte versuchen Sie es noch einmal.
refusal-phase-extend-not-later = Das neue Ende muss nach dem jetzigen liegen ({ $end }).
refusal-phase-extend-not-open = Nur eine offene Phase kann verlängert werden (jetzt: „{ $phase }“).
refusal-phase-extend-overlaps = Das neue Ende überschneidet sich mit der Phase „{ $phase }“, die am { $end } endet.
refusal-phase-guard-finalists = Die Phase „{ $phase }“ kann nicht mit weniger als 2 Finalisten beginnen (jetzt: { $finalists }).
refusal-phase-guard-not-tallied = Die Phase „{ $phase }“ kann erst nach der Auszählung beginnen.
refusal-phase-no-next = Nach „{ $phase }“ gibt es keine Phase mehr.
refusal-phase-moved = Die Kampagne ist nicht mehr in „{ $from }“ (jetzt in „{ $phase }“): Nichts wurde geändert.
refusal-phase-reason-required = Bitte geben Sie einen Grund für diese Änderung an.
refusal-phase-window-passed = Es ist zu spät, die Phase „{ $phase }“ zu eröffnen: Ihre Zeit endete am { $end }.

## Eine Pabulib-Datei nachspielen (Betrieb)
refusal-replay-amount-precision = { $what } hat mehr als zwei Nachkommastellen.
refusal-replay-missing-meta = Die Datei braucht das META-Feld { $key }.
refusal-replay-unknown-rule = Die Regel „{ $rule }“ dieser Datei kann nicht nachgespielt werden.
refusal-replay-vote-type = Stimmzettel vom Typ „{ $voteType }“ können nicht nachgespielt werden.

## Fragen
refusal-question-already-closed = Frage Nr. { $question } ist schon geschlossen.
refusal-question-bad-characters = Ihre Nachricht enthält Zeichen, die wir nicht anzeigen können. Bitte tippen Sie sie neu ein.
refusal-question-busy = Ihre Frage wurde gleichzeitig geändert. Bitte senden Sie Ihre Nachricht noch einmal.
refusal-question-campaign-archived = Diese Kampagne ist beendet: Das Team beantwortet hier keine Fragen mehr. Danke für Ihre Teilnahme!
refusal-question-closed = Frage Nr. { $question } ist geschlossen. Für etwas anderes stellen Sie bitte eine neue Frage über das Menü.
refusal-question-empty = Ihre Nachricht ist leer. Bitte tippen Sie Ihre Frage ein.
refusal-question-not-owner = Diese Frage gehört jemand anderem.
refusal-question-photo-invalid = Dieses Foto konnte nicht verwendet werden. Bitte senden Sie ein anderes oder nur Text.
refusal-question-rate-limited =
    { $limit ->
        [questions] Sie haben heute schon viele Fragen gestellt.
       *[other] Sie haben in kurzer Zeit viele Nachrichten gesendet.
    } Bitte warten Sie bis { $retryAt } und versuchen Sie es dann noch einmal. Danke für Ihre Geduld!
refusal-question-too-long = Ihre Nachricht ist zu lang: { $length } Zeichen, höchstens { $max }. Bitte kürzen Sie sie oder senden Sie sie in zwei Teilen.
refusal-question-unknown = Diese Frage gibt es nicht (mehr).

## Anmeldung
refusal-registration-area-locked = Während der Abstimmung können Sie Ihr Viertel nicht ändern. Das geht wieder nach dem { $closesAt }.
refusal-registration-area-not-eligible = Entschuldigung, Menschen aus Ihrem Viertel können an dieser Kampagne nicht teilnehmen.
refusal-registration-consent-outdated = Die Datenschutzerklärung hat sich geändert. Bitte lesen und akzeptieren Sie sie erneut, um weiterzumachen: Senden Sie /start.
refusal-registration-consent-required = Um mitzumachen, müssen Sie die Datenschutzerklärung akzeptieren. Sie können sie über den Link oben lesen.
refusal-registration-incomplete = Bitte schließen Sie zuerst Ihre Anmeldung ab: Senden Sie /start.
refusal-registration-no-verification-needed = In dieser Kampagne ist keine Prüfung nötig. Sie können weitermachen.
refusal-registration-not-at-verification = Diese Prüfung ist in diesem Schritt nicht möglich. Bitte setzen Sie Ihre Anmeldung fort: Senden Sie /start.
refusal-registration-not-verified = Bitte bestätigen Sie zuerst, wer Sie sind: Senden Sie /start, um Ihre Anmeldung abzuschließen.
refusal-registration-too-young = Entschuldigung, Sie müssen mindestens { $minimumAge } Jahre alt sein, um mitzumachen.
refusal-registration-unknown-age-band = Bitte wählen Sie Ihr Alter mit den Schaltflächen.
refusal-registration-unknown-area = Dieses Viertel kennen wir nicht. Bitte wählen Sie Ihr Viertel mit den Schaltflächen oder geben Sie Ihre Postleitzahl ein.
refusal-registration-unknown-language = Die Sprache „{ $locale }“ ist nicht verfügbar. Bitte wählen Sie eine Sprache mit den Schaltflächen.
refusal-registration-use-verification = Bitte nutzen Sie die Prüf-Schaltfläche, um zu bestätigen, wer Sie sind.
refusal-registration-wrong-verification =
    { $expected ->
        [phone] In dieser Kampagne bestätigen Sie, wer Sie sind, indem Sie Ihre Telefonnummer mit der Schaltfläche unten teilen.
       *[other] In dieser Kampagne bestätigen Sie, wer Sie sind, mit dem Code, den Sie von der Gemeinde bekommen haben. Bitte tippen Sie ihn ein.
    }

## Einwohner
refusal-resident-busy = Ihre Angaben wurden gleichzeitig geändert. Bitte versuchen Sie es noch einmal.
refusal-resident-unknown = Wir kennen Sie noch nicht. Senden Sie /start, um sich anzumelden.

## Ergebnisse
refusal-results-not-yet = Die Ergebnisse stehen noch nicht fest. Wir schicken sie Ihnen, sobald sie bekanntgegeben werden.

## Betrieb und Team
refusal-secret-mismatch = PNYX_SECRET ist nicht das Geheimnis, mit dem diese Kampagne begonnen hat. Stellen Sie das ursprüngliche Geheimnis wieder her.
refusal-staff-admin-only = Nur eine Administratorin oder ein Administrator kann das tun.
refusal-staff-not-staff = Nur Mitglieder des Teams können das tun.

## Unterstützung
refusal-support-not-supportable = Idee Nr. { $idea } kann jetzt nicht unterstützt werden.
refusal-support-own-idea = Das ist Ihre eigene Idee: Sie können sie nicht unterstützen, aber gerne weitererzählen!

## Auszählung (Team)
refusal-tally-busy = Es werden noch { $unsettled } Stimmzettel gespeichert. Bitte versuchen Sie es gleich noch einmal.
refusal-tally-invalid-instance = Die Stimmen können nicht ausgezählt werden: Die Daten sind widersprüchlich.
refusal-tally-tie = In „{ $envelope }“ gibt es einen Gleichstand zwischen den Projekten { $tied }. Es braucht eine Entscheidung.
refusal-tally-unsupported = Diese Auszählungsmethode kann mit diesen Stimmzetteln nicht verwendet werden.

## Abstimmung
refusal-voting-busy = Gerade stimmen viele Menschen gleichzeitig ab. Bitte versuchen Sie es gleich noch einmal: Ihre Stimme ist noch nicht gespeichert.
refusal-browse-unknown-area = Das Viertel „{ $area }“ gibt es nicht. Bitte wählen Sie ein Viertel mit den Schaltflächen.
refusal-browse-unknown-category = Die Kategorie „{ $category }“ gibt es nicht. Bitte wählen Sie eine Kategorie mit den Schaltflächen.
refusal-phone-already-used = Mit dieser Telefonnummer wurde schon ein anderes Konto bestätigt. Eine Nummer bestätigt nur ein Konto. Wenn es Ihre Nummer ist und Sie sich noch nie angemeldet haben, wenden Sie sich bitte an die Gemeinde.
refusal-phone-invalid = Diese Telefonnummer war nicht lesbar (sie muss { $min } bis { $max } Ziffern haben). Bitte teilen Sie sie noch einmal mit der Schaltfläche.
refusal-registration-unknown-postcode = Die Postleitzahl „{ $postcode }“ kennen wir nicht. Bitte prüfen Sie sie oder wählen Sie Ihr Viertel mit den Schaltflächen.
