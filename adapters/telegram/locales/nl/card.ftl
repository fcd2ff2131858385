card-cost = Geschatte kosten
card-cost-unknown = te schatten door het comité
card-area = Wijk
card-town-wide = de hele gemeente
card-category = Categorie
card-supports = { $count ->
    [0] Nog geen steun
    [one] 1 steunbetuiging
   *[other] { $count } steunbetuigingen
}
card-state-submitted = 🕓 Wacht op beoordeling door het comité
card-state-changes-requested = ✏️ Het comité vroeg om aanpassingen
card-state-resubmitted = 🕓 Aangepast, wacht op beoordeling door het comité
card-state-eligible = ✅ Ontvankelijk
card-state-rejected = ❌ Niet weerhouden
card-state-merged = 🔗 Samengevoegd met een ander idee
card-state-withdrawn = ↩️ Ingetrokken door de indiener
card-state-finalist = 🗳 Finalist: staat op het stembiljet
card-state-winner = 🏆 Gefinancierd
card-state-not-funded = Deze keer niet gefinancierd
card-share = 🔗 Deel dit idee: { $link }
card-share-button = 📤 Delen
card-support = 👍 Steun dit idee
card-unsupport = ✅ Gesteund · mijn steun intrekken
card-show-photo = 📷 Toon de foto
card-supported = Bedankt voor uw steun!
card-unsupported = Uw steun is ingetrokken.
