card-cost = Szacowany koszt
card-cost-unknown = do oszacowania przez komisję
card-area = Dzielnica
card-town-wide = cała gmina
card-category = Kategoria
card-supports = { $count ->
    [0] Jeszcze bez poparcia
    [one] 1 poparcie
    [few] { $count } poparcia
   *[other] { $count } poparć
}
card-state-submitted = 🕓 Czeka na ocenę komisji
card-state-changes-requested = ✏️ Komisja poprosiła o zmiany
card-state-resubmitted = 🕓 Zmieniony, czeka na ocenę komisji
card-state-eligible = ✅ Dopuszczony
card-state-rejected = ❌ Odrzucony
card-state-merged = 🔗 Połączony z innym pomysłem
card-state-withdrawn = ↩️ Wycofany przez autora
card-state-finalist = 🗳 Finalista: na karcie do głosowania
card-state-winner = 🏆 Sfinansowany
card-state-not-funded = Tym razem niesfinansowany
card-share = 🔗 Udostępnij ten pomysł: { $link }
card-share-button = 📤 Udostępnij
card-support = 👍 Poprzyj ten pomysł
card-unsupport = ✅ Popierasz · wycofaj poparcie
card-show-photo = 📷 Pokaż zdjęcie
card-supported = Dziękujemy za poparcie!
card-unsupported = Twoje poparcie zostało wycofane.
