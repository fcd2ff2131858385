# The committee's notices and alerts (blocks/notice-*.ts). Slack mrkdwn; resident and staff text arrives escaped.
notice-phase-draft = draft
notice-phase-submission = submission
notice-phase-review = review
notice-phase-voting = voting
notice-phase-tallying = counting
notice-phase-announced = results
notice-phase-archived = archived
notice-phase-entered = :arrow_forward: *The campaign is in the { $to } phase* (after { $from }) since { $at }.
notice-phase-entered-text = The campaign is in the { $to } phase.
notice-phase-entered-by = Moved by { $by }. Reason: { $reason }
notice-phase-entered-schedule = Opened by the schedule.
notice-phase-entered-announcement = Residents are being told, each in their language.
notice-phase-held-text = Alert: the { $phase } phase could not open.
notice-phase-held-finalists = :warning: *Voting could not open on { $at }*: { $finalists ->
    [0] there is no finalist
    [one] there is only 1 finalist
   *[other] there are only { $finalists } finalists
  }, and voting needs at least two. The campaign stays where it is until the committee acts.
notice-phase-held-finalists-todo = *What to do:* choose at least two finalists in the app's Home tab, then open voting with `/pnyx phase`.
notice-phase-held-not-tallied = :warning: *The results could not be announced on { $at }*: the count has not been done. The campaign stays where it is until the committee acts.
notice-phase-held-not-tallied-todo = *What to do:* run the count (`pnyx tally`), then move to the results with `/pnyx phase`.
notice-phase-held-other = :warning: *The { $phase } phase could not open on { $at }* (`{ $code }`). The campaign stays where it is until the committee acts.
notice-phase-held-other-todo = *What to do:* fix the cause, then move the phase with `/pnyx phase`.
notice-tally-computed = :ballot_box_with_ballot: *The count is done* (method `{ $method }`): { $funded ->
    [0] no idea funded
    [one] 1 idea funded
   *[other] { $funded } ideas funded
  }.
notice-tally-computed-text = The count is done: { $funded } ideas funded.
notice-rewrite-accepted = :pencil2: The author *accepted* the rewrite proposed for idea #{ $idea } { $title }: the card shows the new text.
notice-rewrite-declined = :pencil2: The author *declined* the rewrite proposed for idea #{ $idea } { $title }: the idea keeps its own text.
notice-failed-deliveries = :warning: *{ $total ->
    [one] 1 message could not be delivered
   *[other] { $total } messages could not be delivered
  }*.
notice-failed-deliveries-added = ({ $added } new since the last alert)
notice-failed-deliveries-todo = Residents who blocked the bot are unsubscribed; every message given up is in the service's log with its reason.
notice-failed-deliveries-latest = Latest: a committee notice (`{ $template }`) was given up: { $reason }.
notice-failed-deliveries-text = Alert: { $total } messages could not be delivered.
notice-parked-refused = :no_entry: *Telegram refused { $count ->
    [one] 1 message
   *[other] { $count } messages
  }*: `{ $reason }`.
notice-parked-server = :warning: *Telegram answered with server errors: { $count ->
    [one] 1 message parked
   *[other] { $count } messages parked
  }* after { $attempts } attempts (`{ $reason }`).
notice-parked-network = :warning: *Telegram could not be reached: { $count ->
    [one] 1 message parked
   *[other] { $count } messages parked
  }* after { $attempts } attempts (`{ $reason }`).
notice-parked-other = :warning: *Not sent: { $count ->
    [one] 1 message parked
   *[other] { $count } messages parked
  }* after { $attempts } attempts: `{ $reason }`.
notice-parked-refused-todo = Telegram will not take these messages as they are, so they are not tried again. Residents who blocked the bot are not counted here.
notice-parked-retried-todo = Each was tried { $attempts } times before it was given up; none will be tried again.
notice-parked-where = The count is every message parked for this reason, as `/readyz` shows it (`outbox.parked`); the service's log names each one by its number.
notice-parked-context = First in this alert: { $since } · count as of { $at } · one alert per reason, updated as more are parked
notice-parked-text = Alert: parked messages ({ $count }): `{ $reason }`.
