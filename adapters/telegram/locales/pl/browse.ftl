# Przeglądanie pomysłów (features/browse.ts, render/idea-list.ts). HTML Telegrama.
browse-title = 📋 Pomysły mieszkańców
browse-filters = Kategoria: { $category } · Dzielnica: { $area }
browse-all-categories = Wszystkie kategorie
browse-all-areas = Wszystkie dzielnice
browse-count = { $count ->
    [one] 1 pomysł
    [few] { $count } pomysły
   *[other] { $count } pomysłów
}
browse-empty = Nie ma jeszcze żadnych pomysłów. Zgłoś pierwszy!
browse-empty-filtered = Żaden pomysł nie pasuje do tych filtrów. Wybierz inną kategorię lub dzielnicę.
browse-by-category = 🏷 Według kategorii
browse-by-area = 📍 Według dzielnicy
browse-choose-category = Którą kategorię chcesz zobaczyć?
browse-choose-area = Którą dzielnicę chcesz zobaczyć?
