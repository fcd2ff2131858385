# Ideeën bekijken (features/browse.ts, render/idea-list.ts). Telegram-HTML.
browse-title = 📋 Ideeën van de inwoners
browse-filters = Categorie: { $category } · Wijk: { $area }
browse-all-categories = Alle categorieën
browse-all-areas = Alle wijken
browse-count = { $count ->
    [one] 1 idee
   *[other] { $count } ideeën
}
browse-empty = Er zijn nog geen ideeën om te tonen. Dien als eerste een idee in!
browse-empty-filtered = Geen enkel idee past bij deze filters. Probeer een andere categorie of wijk.
browse-by-category = 🏷 Per categorie
browse-by-area = 📍 Per wijk
browse-choose-category = Welke categorie wilt u zien?
browse-choose-area = Welke wijk wilt u zien?
