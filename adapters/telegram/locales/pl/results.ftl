# Wyniki (features/results.ts). HTML Telegrama.
results-title = 🏆 <b>Wyniki: { $campaign }</b>
results-envelope = <b>{ $envelope }</b> — budżet { $budget }, { $ballots ->
    [one] 1 karta
    [few] { $ballots } karty
   *[other] { $ballots } kart
}
results-none-funded = Żaden projekt nie został sfinansowany.
results-winner = ✅ nr { $number } { $title } — { $cost } ({ $score })
results-votes = { $count ->
    [one] 1 głos
    [few] { $count } głosy
   *[other] { $count } głosów
}
results-points = { $count ->
    [one] 1 punkt
    [few] { $count } punkty
   *[other] { $count } punktów
}
results-left = Wydano: { $spent }. Zostało w budżecie: <b>{ $left }</b>
results-mine-title = <b>Co stało się z Twoim głosem</b>
results-mine-none = Nie głosowałeś w tej kampanii.
results-mine-envelope = { $envelope } (kod <code>{ $receipt }</code>):
