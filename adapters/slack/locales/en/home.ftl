# The app's Home tab (App Home, blocks/home.ts). Slack mrkdwn; residents' text arrives escaped.
home-title = Pnyx — { $campaign }
home-not-staff = This app is for the campaign's steering committee. If you are on the committee, ask an admin to add you.
home-refresh = Refresh
home-updated = Updated { $at }
home-previous = ← Previous
home-next = Next →
home-range = Ideas { $from } to { $to } of { $total } · page { $page } of { $pages }
home-bad-page = This button leads to no page. Nothing was changed.
home-bad-button = This button is not valid. Nothing was changed.

home-phase-draft = Preparation
home-phase-submission = Sending ideas
home-phase-review = Review of ideas
home-phase-voting = Vote
home-phase-tallying = Counting the votes
home-phase-announced = Results
home-phase-archived = Finished

home-status-open = *Phase:* { $phase }, from { $start } to { $end }
home-status-open-from = *Phase:* { $phase }, since { $start }
home-status-open-until = *Phase:* { $phase }, until { $end }
home-status-open-phase = *Phase:* { $phase }
home-status-next = Next: { $phase }, on { $at }
home-status-between = *Between phases:* { $after } has ended; { $next } opens on { $at }.
home-status-held-finalists = :warning: *{ $next }* should have opened on { $at }, but it needs at least two finalists. The campaign stays in { $phase } until the committee moves it on.
home-status-held-not-tallied = :warning: *{ $next }* should have opened on { $at }, but the count is not finished. The campaign stays in { $phase }.
home-status-held = :warning: *{ $next }* should have opened on { $at }, but a condition is not met (`{ $code }`). The campaign stays in { $phase }.

home-figures-title = Campaign figures
home-figures-registered-label = Registered residents
home-figures-registered = { $registered } ({ $percent } % of { $population } inhabitants)
home-figures-ideas-label = Ideas
home-figures-ideas-none = No ideas yet
home-figures-state = { $state }: { $count }
home-figures-backlog-label = To moderate
home-figures-backlog = { $count } · the oldest has waited { $age }
home-figures-backlog-empty = Nothing waiting
home-figures-ballots-label = Ballots
home-figures-ballots = { $ballots ->
    [one] { $ballots } ballot
   *[other] { $ballots } ballots
  } · { $voters ->
    [one] { $voters } voter
   *[other] { $voters } voters
  } ({ $turnout } % of those registered) · assisted: { $assisted }
home-figures-days-label = Days left
home-figures-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
  } until the phase ends
home-figures-days-none = No end date

home-state-submitted = Submitted
home-state-changes-requested = Changes requested
home-state-resubmitted = Resubmitted
home-state-eligible = Eligible
home-state-rejected = Rejected
home-state-merged = Merged
home-state-withdrawn = Withdrawn
home-state-finalist = Finalists
home-state-winner = Funded
home-state-not-funded = Not funded

home-queue-title = Moderation queue ({ $count })
home-queue-empty = No idea is waiting for a decision.
home-queue-row = { $idea } { $title }
    { $kind } · waiting for { $age }
home-queue-new = New
home-queue-resubmitted = Resubmitted

home-finalists-title = Choosing the finalists
home-finalists-intro = Finalists go to the vote. The total of their costs is compared with each envelope.
home-finalists-none = No eligible idea yet.
home-guard = :warning: { $count ->
    [one] { $count } finalist
   *[other] { $count } finalists
  }: the vote needs at least two to open.
home-envelope = *{ $envelope }* · { $finalists ->
    [one] { $finalists } finalist
   *[other] { $finalists } finalists
  } · { $total } of { $amount }
home-envelope-over = :warning: The finalists exceed the envelope by { $over }.
home-envelope-unpriced = :warning: No estimated cost: { $ideas }. They cannot go to the vote until they are estimated.
home-envelopes-more = … and { $count } more envelopes, with no warning.
home-envelopes-more-warned = … and { $count } more envelopes; to check: { $warned }.
home-cost-unknown = :warning: Cost to estimate before the vote
home-candidate-finalist = ✅ Finalist
home-candidate-eligible = Eligible
home-select = Select as finalist
home-remove = Remove
