# De resultaten (features/results.ts). Telegram-HTML.
results-title = 🏆 <b>Resultaten: { $campaign }</b>
results-envelope = <b>{ $envelope }</b> — budget { $budget }, { $ballots ->
    [one] 1 stembiljet
   *[other] { $ballots } stembiljetten
}
results-none-funded = Er werd geen enkel project gefinancierd.
results-winner = ✅ nr. { $number } { $title } — { $cost } ({ $score })
results-votes = { $count ->
    [one] 1 stem
   *[other] { $count } stemmen
}
results-points = { $count ->
    [one] 1 punt
   *[other] { $count } punten
}
results-left = Besteed: { $spent }. Over in de enveloppe: <b>{ $left }</b>
results-mine-title = <b>Wat er met uw stem gebeurde</b>
results-mine-none = U hebt niet gestemd in deze campagne.
results-mine-envelope = { $envelope } (ontvangstcode <code>{ $receipt }</code>):
