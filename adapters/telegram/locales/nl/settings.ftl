settings-title = ⚙️ Instellingen
settings-language-now = Taal: { $language }
settings-updates-on = Nieuws: aan (aankondigingen en het wekelijkse overzicht).
settings-updates-off = Nieuws: uit.
settings-button-language = 🌐 Taal wijzigen
settings-button-stop = 🔕 Geen nieuws meer
settings-button-resume = 🔔 Nieuws ontvangen
settings-button-mydata = 📄 Mijn gegevens
settings-button-forget = 🗑 Vergeet mij
settings-language-choose = In welke taal wilt u verder?
settings-language-done = Klaar: vanaf nu schrijf ik u in deze taal: { $language }.
settings-continue-registration = Stuur /start om uw inschrijving af te ronden.
settings-stopped = 🔕 Nieuws gestopt: u ontvangt geen aankondigingen van de campagne en geen wekelijks overzicht meer.
    U ontvangt wel nog de antwoorden op uw vragen en nieuws over uw eigen ideeën. Met /resume zet u het nieuws weer aan.
settings-resumed = 🔔 Nieuws weer aan: u ontvangt opnieuw de aankondigingen van de campagne en het wekelijkse overzicht. Met /stop zet u het uit.
