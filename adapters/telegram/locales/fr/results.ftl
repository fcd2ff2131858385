# Les résultats (features/results.ts). HTML Telegram.
results-title = 🏆 <b>Résultats : { $campaign }</b>
results-envelope = <b>{ $envelope }</b> — budget { $budget }, { $ballots ->
    [one] 1 bulletin
   *[other] { $ballots } bulletins
}
results-none-funded = Aucun projet n’a été financé.
results-winner = ✅ n° { $number } { $title } — { $cost } ({ $score })
results-votes = { $count ->
    [one] 1 voix
   *[other] { $count } voix
}
results-points = { $count ->
    [one] 1 point
   *[other] { $count } points
}
results-left = Dépensé : { $spent }. Reste dans l’enveloppe : <b>{ $left }</b>
results-mine-title = <b>Ce qu’est devenu votre vote</b>
results-mine-none = Vous n’avez pas voté dans cette campagne.
results-mine-envelope = { $envelope } (reçu <code>{ $receipt }</code>) :
