card-cost = Coût estimé
card-cost-unknown = à estimer par le comité
card-area = Quartier
card-town-wide = toute la commune
card-category = Catégorie
card-supports = { $count ->
    [0] Aucun soutien pour l'instant
    [one] 1 soutien
   *[other] { $count } soutiens
}
card-state-submitted = 🕓 En attente de l'examen du comité
card-state-changes-requested = ✏️ Le comité a demandé des modifications
card-state-resubmitted = 🕓 Modifiée, en attente de l'examen du comité
card-state-eligible = ✅ Recevable
card-state-rejected = ❌ Non retenue
card-state-merged = 🔗 Fusionnée avec une autre idée
card-state-withdrawn = ↩️ Retirée par son auteur
card-state-finalist = 🗳 Finaliste : soumise au vote
card-state-winner = 🏆 Financée
card-state-not-funded = Non financée cette fois
card-share = 🔗 Partager cette idée : { $link }
card-share-button = 📤 Partager
card-support = 👍 Soutenir cette idée
card-unsupport = ✅ Soutenue · retirer mon soutien
card-show-photo = 📷 Voir la photo
card-supported = Merci pour votre soutien !
card-unsupported = Votre soutien a été retiré.
