# Die Ergebnisse (features/results.ts). Telegram-HTML.
results-title = 🏆 <b>Ergebnisse: { $campaign }</b>
results-envelope = <b>{ $envelope }</b> — Budget { $budget }, { $ballots ->
    [one] 1 Stimmzettel
   *[other] { $ballots } Stimmzettel
}
results-none-funded = Kein Projekt wurde finanziert.
results-winner = ✅ Nr. { $number } { $title } — { $cost } ({ $score })
results-votes = { $count ->
    [one] 1 Stimme
   *[other] { $count } Stimmen
}
results-points = { $count ->
    [one] 1 Punkt
   *[other] { $count } Punkte
}
results-left = Ausgegeben: { $spent }. Übrig im Budget: <b>{ $left }</b>
results-mine-title = <b>Was aus Ihrer Stimme wurde</b>
results-mine-none = Sie haben in dieser Kampagne nicht abgestimmt.
results-mine-envelope = { $envelope } (Quittung <code>{ $receipt }</code>):
