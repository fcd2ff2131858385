# The ballot builder (features/vote.ts, render/ballot-builder.ts). Telegram HTML.
vote-header = 🗳 <b>{ $envelope }</b>
vote-header-of = 🗳 Ballot { $index } of { $total }: <b>{ $envelope }</b>
vote-rule-single = Choose <b>one</b> project, then confirm.
vote-rule-approval = Choose up to <b>{ $max }</b> projects, then confirm.
vote-rule-approval-min = Choose between <b>{ $min }</b> and <b>{ $max }</b> projects, then confirm.
vote-rule-knapsack = Choose the projects you want, as long as their total fits the budget of <b>{ $budget }</b>.
vote-rule-cumulative = Spread <b>{ $points }</b> points among the projects with ➕ and ➖ (at most { $max } on one project).
vote-status-single-none = No project chosen yet.
vote-status-single = Your choice: #{ $number } { $title }
vote-status-approval = { $count } of { $max } chosen
vote-status-knapsack = Total: { $total } of { $budget } — { $left } left
vote-status-cumulative = Points left: { $left } of { $points }
vote-points = { $points ->
    [one] 1 point
   *[other] { $points } points
}
vote-not-fitting = does not fit in what is left
vote-no-finalists = There is no project to vote on in this ballot.
vote-hint = Tap a project to choose it (tap again to remove it); ℹ️ shows its card.
vote-hint-cumulative = Use ➕ and ➖ to give points; tap a title to see its card.
vote-closes = Voting closes on { $closesAt }.
vote-button-review = Check my vote ▶️
vote-card-cost = Cost
vote-card-points = Your points for this project: <b>{ $points }</b>
vote-button-choose = ✅ Choose this project
vote-button-remove = ✖️ Remove from my choice
vote-button-photo = 📷 Photo
vote-confirm-title = Please check your vote for <b>{ $envelope }</b>:
vote-confirm-total = Total: <b>{ $total }</b> of { $budget }
vote-confirm-points = Points given: <b>{ $points }</b> of { $max }
vote-confirm-question = Is this right? Your vote is saved only when you press “Cast my vote”.
vote-button-cast = ✅ Cast my vote
vote-button-edit = ✏️ Change something
vote-cast-done = ✅ Your vote for <b>{ $envelope }</b> is saved. Thank you!
vote-cast-replaced = ✅ Your new vote for <b>{ $envelope }</b> is saved. It replaces your previous one.
vote-current = 🗳 Your vote for <b>{ $envelope }</b>:
vote-receipt = Your receipt code: <code>{ $receipt }</code>
vote-receipt-how = Keep this code. After the vote, the town publishes the list of all ballots, without any names. Look for your code in it: it shows your ballot was counted as you cast it.
vote-progress = { $done } of { $total } ballots done.
vote-change-until = You can change your vote until { $closesAt }.
vote-button-next = ▶️ Next ballot: { $envelope }
vote-button-change = ✏️ Change my vote
vote-stale = This ballot message is out of date. Please use the latest one, or send /vote.
vote-cast-toast = Your vote is saved.
