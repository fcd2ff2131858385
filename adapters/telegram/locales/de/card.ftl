card-cost = Geschätzte Kosten
card-cost-unknown = wird vom Komitee geschätzt
card-area = Viertel
card-town-wide = die ganze Gemeinde
card-category = Kategorie
card-supports = { $count ->
    [0] Noch keine Unterstützung
    [one] 1 Unterstützung
   *[other] { $count } Unterstützungen
}
card-state-submitted = 🕓 Wartet auf die Prüfung durch das Komitee
card-state-changes-requested = ✏️ Das Komitee bittet um Änderungen
card-state-resubmitted = 🕓 Geändert, wartet auf die Prüfung durch das Komitee
card-state-eligible = ✅ Zulässig
card-state-rejected = ❌ Nicht berücksichtigt
card-state-merged = 🔗 Mit einer anderen Idee zusammengelegt
card-state-withdrawn = ↩️ Vom Verfasser zurückgezogen
card-state-finalist = 🗳 Finalist: steht zur Abstimmung
card-state-winner = 🏆 Finanziert
card-state-not-funded = Diesmal nicht finanziert
card-share = 🔗 Diese Idee teilen: { $link }
card-share-button = 📤 Teilen
card-support = 👍 Diese Idee unterstützen
card-unsupport = ✅ Unterstützt · Unterstützung zurückziehen
card-show-photo = 📷 Foto anzeigen
card-supported = Danke für Ihre Unterstützung!
card-unsupported = Ihre Unterstützung wurde zurückgezogen.
