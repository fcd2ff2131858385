# Woorden die alle functies delen. Telegram-HTML.
common-back = ◀️ Terug
common-cancel = ✖️ Annuleren
common-confirm = ✅ Bevestigen
common-yes = Ja
common-no = Nee
common-next = Volgende ▶️
common-previous = ◀️ Vorige
common-page = Pagina { $page } / { $pages }
common-expired-button = Deze knop is verlopen. Gebruik het laatste bericht, of stuur /start om het menu te zien.
common-error = Sorry, er ging bij ons iets mis. Probeer het zo meteen opnieuw. Gebeurt het nog eens, geef het team dan deze referentie: <code>{ $ref }</code>
common-too-fast = U gaat een beetje snel! Wacht een paar seconden en probeer het dan opnieuw.
common-main-menu = 🏠 Hoofdmenu
common-dont-know = Ik weet het niet
common-skip = Overslaan
common-town-wide = Hele gemeente

## Namen van de fasen
common-phase-draft = Voorbereiding
common-phase-submission = Ideeën indienen
common-phase-review = Beoordeling van de ideeën
common-phase-voting = Stemming
common-phase-tallying = Telling van de stemmen
common-phase-announced = Uitslag
common-phase-archived = Afgelopen

## Status van een idee
common-idea-state-submitted = ingediend
common-idea-state-changes-requested = wijzigingen gevraagd
common-idea-state-resubmitted = opnieuw ingediend
common-idea-state-eligible = ontvankelijk
common-idea-state-rejected = niet aanvaard
common-idea-state-merged = samengevoegd met een ander idee
common-idea-state-withdrawn = ingetrokken
common-idea-state-finalist = finalist
common-idea-state-winner = winnaar
common-idea-state-not-funded = niet gefinancierd
