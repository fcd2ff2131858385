# Ideen durchsehen (features/browse.ts, render/idea-list.ts). Telegram-HTML.
browse-title = 📋 Ideen der Einwohner
browse-filters = Kategorie: { $category } · Viertel: { $area }
browse-all-categories = Alle Kategorien
browse-all-areas = Alle Viertel
browse-count = { $count ->
    [one] 1 Idee
   *[other] { $count } Ideen
}
browse-empty = Noch keine Ideen zu sehen. Reichen Sie als Erste oder Erster eine ein!
browse-empty-filtered = Keine Idee passt zu diesen Filtern. Versuchen Sie eine andere Kategorie oder ein anderes Viertel.
browse-by-category = 🏷 Nach Kategorie
browse-by-area = 📍 Nach Viertel
browse-choose-category = Welche Kategorie möchten Sie sehen?
browse-choose-area = Welches Viertel möchten Sie sehen?
