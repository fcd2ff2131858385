# Browsing ideas (features/browse.ts, render/idea-list.ts). Telegram HTML.
browse-title = 📋 Ideas of the residents
browse-filters = Category: { $category } · Area: { $area }
browse-all-categories = All categories
browse-all-areas = All areas
browse-count = { $count ->
    [one] 1 idea
   *[other] { $count } ideas
}
browse-empty = No idea to show yet. Be the first to submit one!
browse-empty-filtered = No idea matches these filters. Try another category or area.
browse-by-category = 🏷 By category
browse-by-area = 📍 By area
browse-choose-category = Which category would you like to see?
browse-choose-area = Which area would you like to see?
