# Ambassadeurs: inwoners zonder Telegram helpen (features/ambassador.ts, ambassador-ballot.ts).
amb-menu-button = 🤝 Ambassadeur
amb-home = <b>Ambassadeur</b>
    U helpt inwoners die Telegram niet gebruiken. Wat wilt u doen?
amb-button-register = 📝 Een inwoner inschrijven
amb-button-idea = 💡 Een idee voor een inwoner
amb-button-vote = 🗳 Een begeleide stem
amb-button-home = 🤝 Ambassadeursmenu
amb-button-new-code = 🔑 Een code aanmaken
amb-reg-language = Inschrijving van een inwoner zonder Telegram (1 van 4). Welke taal verkiest de inwoner?
amb-reg-consent = (2 van 4) Lees of leg de privacyverklaring (versie { $version }) uit aan de inwoner: Pnyx bewaart de leeftijdsgroep, de wijk en de ideeën van de inwoner om de campagne te voeren, en verder niets.
    Gaat de inwoner akkoord?
amb-reg-consent-read = Privacyverklaring
amb-reg-consent-accept = De inwoner gaat akkoord
amb-reg-age = (3 van 4) Hoe oud is de inwoner? (Deelnemen kan vanaf { $minimumAge } jaar.)
amb-reg-area = (4 van 4) Waar woont de inwoner?
amb-reg-code = Laatste stap: heeft de gemeente de inwoner een eenmalige code op papier gegeven, typ die dan nu. Druk anders op „Een code aanmaken”.
amb-reg-done = ✅ De inwoner is ingeschreven.

    Zijn of haar eenmalige code:
    <code>{ $code }</code>
    Teken per teken: <b>{ $spelled }</b>

    Schrijf hem op papier en geef hem aan de inwoner. Het is hun sleutel: ze houden hem voor zichzelf en tonen hem aan niemand, behalve om hem zelf te typen wanneer een ambassadeur hen helpt stemmen. Pnyx toont hem niet meer.
amb-idea-code = Typ de eenmalige code van de inwoner van wie u het idee noteert. Het bericht wordt uit dit gesprek verwijderd zodra het gelezen is.
amb-idea-start = U noteert een idee voor een inwoner. Het staat op hun naam, en het dossier vermeldt dat u geholpen hebt.
amb-idea-heading = <b>Idee van de inwoner die u helpt</b> (het dossier vermeldt dat u geholpen hebt)
amb-idea-sent = Idee nr. { $number } is verstuurd op naam van de inwoner. Het comité bekijkt het; het dossier vermeldt dat u geholpen hebt.
amb-vote-code = Typ de eenmalige code van de inwoner die u helpt stemmen. Het bericht wordt uit dit gesprek verwijderd zodra het gelezen is.
amb-vote-start = Dit is het stembiljet van de inwoner die u helpt. Kies samen; op het einde bevestigt de inwoner met de eigen code.
amb-vote-code-prompt = <b>Er is nog niets vastgelegd.</b> Nu typt de inwoner hier de eigen eenmalige code, om deze stem zelf te bevestigen.
amb-vote-wrong-code = Dit is niet de code van de inwoner van wie dit stembiljet is. Er is niets vastgelegd. De inwoner kan hem opnieuw typen, of u kunt de keuzes aanpassen.
amb-vote-nothing-waiting = Er wacht geen stem op een code. Open de begeleide stem opnieuw vanuit het ambassadeursmenu.
amb-cancelled = Gestopt. Er is niets vastgelegd.
amb-use-buttons = Gebruik de knoppen van het laatste bericht, of druk op Annuleren.
