# Parcourir les idées (features/browse.ts, render/idea-list.ts). HTML Telegram.
browse-title = 📋 Les idées des habitants
browse-filters = Catégorie : { $category } · Quartier : { $area }
browse-all-categories = Toutes les catégories
browse-all-areas = Tous les quartiers
browse-count = { $count ->
    [one] 1 idée
   *[other] { $count } idées
}
browse-empty = Aucune idée à afficher pour l'instant. Soyez le premier à en proposer une !
browse-empty-filtered = Aucune idée ne correspond à ces filtres. Essayez une autre catégorie ou un autre quartier.
browse-by-category = 🏷 Par catégorie
browse-by-area = 📍 Par quartier
browse-choose-category = Quelle catégorie voulez-vous voir ?
browse-choose-area = Quel quartier voulez-vous voir ?
