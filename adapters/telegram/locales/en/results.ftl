# The results (features/results.ts). Telegram HTML.
results-title = 🏆 <b>Results: { $campaign }</b>
results-envelope = <b>{ $envelope }</b> — budget { $budget }, { $ballots ->
    [one] 1 ballot
   *[other] { $ballots } ballots
}
results-none-funded = No project was funded.
results-winner = ✅ #{ $number } { $title } — { $cost } ({ $score })
results-votes = { $count ->
    [one] 1 vote
   *[other] { $count } votes
}
results-points = { $count ->
    [one] 1 point
   *[other] { $count } points
}
results-left = Spent: { $spent }. Left in the envelope: <b>{ $left }</b>
results-mine-title = <b>How your ballot fared</b>
results-mine-none = You did not vote in this campaign.
results-mine-envelope = { $envelope } (receipt <code>{ $receipt }</code>):
