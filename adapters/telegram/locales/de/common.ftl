# Wörter, die alle Funktionen teilen. Telegram-HTML.
common-back = ◀️ Zurück
common-cancel = ✖️ Abbrechen
common-confirm = ✅ Bestätigen
common-yes = Ja
common-no = Nein
common-next = Weiter ▶️
common-previous = ◀️ Zurückblättern
common-page = Seite { $page } / { $pages }
common-expired-button = Diese Schaltfläche ist abgelaufen. Bitte nutzen Sie die neueste Nachricht oder senden Sie /start, um das Menü zu sehen.
common-error = Entschuldigung, bei uns ist etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal. Wenn es wieder passiert, nennen Sie dem Team diese Referenz: <code>{ $ref }</code>
common-too-fast = Sie sind etwas schnell! Bitte warten Sie ein paar Sekunden und versuchen Sie es dann noch einmal.
common-main-menu = 🏠 Hauptmenü
common-dont-know = Ich weiß es nicht
common-skip = Überspringen
common-town-wide = Ganze Gemeinde

## Namen der Phasen
common-phase-draft = Vorbereitung
common-phase-submission = Ideen einreichen
common-phase-review = Prüfung der Ideen
common-phase-voting = Abstimmung
common-phase-tallying = Auszählung
common-phase-announced = Ergebnisse
common-phase-archived = Beendet

## Status einer Idee
common-idea-state-submitted = eingereicht
common-idea-state-changes-requested = Änderungen erbeten
common-idea-state-resubmitted = erneut eingereicht
common-idea-state-eligible = zugelassen
common-idea-state-rejected = nicht angenommen
common-idea-state-merged = mit einer anderen Idee zusammengelegt
common-idea-state-withdrawn = zurückgezogen
common-idea-state-finalist = im Finale
common-idea-state-winner = Gewinnerin
common-idea-state-not-funded = nicht finanziert
