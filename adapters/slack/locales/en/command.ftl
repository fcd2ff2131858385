# The /pnyx command (features/command*.ts, blocks/command-*.ts). Slack mrkdwn; place names
# and typed texts arrive escaped.

command-cancel = Cancel
command-back = Back
command-failed = That did not work because of an error on our side. Nothing was changed; try again in a moment.
command-form-unreadable = This form could not be read. Close it and run the command again.
command-actor-system = the schedule
command-upload-failed = The files could not be posted in this channel (`{ $error }`). Invite the app to the channel, or run the command in a channel it is in.

## Phases and idea states
command-phase-draft = Preparation
command-phase-submission = Idea submission
command-phase-review = Idea review
command-phase-voting = Vote
command-phase-tallying = Count
command-phase-announced = Results
command-phase-archived = Archived
command-state-submitted = Submitted
command-state-changes-requested = Changes requested
command-state-resubmitted = Resubmitted
command-state-eligible = Eligible
command-state-rejected = Rejected
command-state-merged = Merged
command-state-withdrawn = Withdrawn
command-state-finalist = Finalists
command-state-winner = Winners
command-state-not-funded = Not funded
command-held-phase-guard-finalists = at least two finalist ideas are needed
command-held-phase-guard-not-tallied = the votes have not been counted yet

## Help
command-help-title = The /pnyx command
command-help-status = `/pnyx status` — the current phase, its dates, what comes next and the campaign's figures.
command-help-phase = `/pnyx phase` — move to the next phase earlier than planned, or extend the current phase. A reason is asked for, then a confirmation. _Admins._
command-help-announce = `/pnyx announce` — write an announcement to residents in each language of the campaign, read it as they will receive it, then send it to everyone or to one area. Its progress shows in the announcements channel. _Admins._
command-help-export = `/pnyx export` — the campaign's exports (ideas, results, anonymised ballots) as CSV files, posted in this channel.
command-help-codes = `/pnyx codes N` — create N one-time codes (1 to 10,000) to hand out to residents. The CSV file comes to you in a direct message; the codes are never shown in a channel. _Admins._
command-help-ambassador = `/pnyx ambassador grant CODE` or `/pnyx ambassador revoke CODE` — give or take the ambassador role. CODE is the one-time code the person registered or verified with in the bot (for example `K7QM-2XPA`), or their id as their “My data” file shows it (`tg:123456789`). _Admins._
command-help-help = `/pnyx help` — this help.
command-help-footer = Only the steering committee can use /pnyx. The answers are visible to you only.

command-problem-unknown = “{ $sub }” is not a /pnyx subcommand. Here is what /pnyx can do:
command-problem-extra = `/pnyx { $sub }` takes nothing after its name (got “{ $extra }”).
command-problem-codes-usage = Say how many codes to create: `/pnyx codes 50`.
command-problem-codes-number = “{ $value }” is not a whole number. Say how many codes to create, for example `/pnyx codes 50`.
command-problem-ambassador-usage = Write `/pnyx ambassador grant CODE` to give the role, or `/pnyx ambassador revoke CODE` to take it away.
command-problem-ambassador-who = “{ $value }” is neither a one-time code (8 characters, like `K7QM-2XPA`) nor a resident id (like `tg:123456789`).

## Status
command-status-title = { $campaign } — where the campaign stands
command-status-window = *Phase:* { $phase }, from { $start } to { $end } ({ $zone } time)
command-status-window-from = *Phase:* { $phase }, since { $start } ({ $zone } time)
command-status-window-until = *Phase:* { $phase }, until { $end } ({ $zone } time)
command-status-window-open = *Phase:* { $phase }
command-status-next = *Next:* { $next }, from { $at }
command-status-held = :warning: *{ $next }* should have started on { $at }, but the campaign stays where it is: { $reason }. Only a manual move (`/pnyx phase`) will open it.
command-status-between = *Between phases:* { $after } is over; { $next } starts on { $at } ({ $zone } time).
command-status-ideas = Ideas ({ $count })
command-status-count = { $label }: { $count }
command-status-no-ideas = no ideas yet
command-status-backlog = To review
command-status-backlog-empty = Nothing waiting
command-status-backlog-count = { $count ->
    [one] { $count } idea, waiting for { $wait }
   *[other] { $count } ideas, the oldest waiting for { $wait }
}
command-status-residents = Registered residents
command-status-residents-count = { $count } ({ $percent }% of { $population } inhabitants), { $week } this week
command-status-ballots = Ballots
command-status-voters = { $count } voters ({ $percent }% of those registered)
command-status-footer = Figures as of { $at } ({ $zone } time).

## Moving phases
command-phase-title = Campaign phase
command-phase-continue = Continue
command-phase-confirm = Confirm
command-phase-op = What should happen?
command-phase-op-advance = Move to the next phase now: { $to }
command-phase-op-extend = Extend the current phase: { $phase }
command-phase-op-required = Choose what should happen.
command-phase-until-date = New end date (for an extension)
command-phase-until-date-hint = The phase ends at that moment, { $zone } time. Ignored when moving to the next phase.
command-phase-until-time = End time ({ $zone })
command-phase-reason = Reason
command-phase-reason-hint = Required. It is recorded with the change and visible to the committee.
command-phase-reason-required = Give the reason for this change.
command-phase-reason-too-long = The reason is too long: { $max } characters at most.
command-phase-until-required = Choose the new end date.
command-phase-until-invalid = That time does not exist on that day in { $zone } (clock change). Choose another one.
command-phase-until-past = The new end must be in the future.
command-phase-until-not-later = The new end must be after the current end ({ $end }).
command-phase-nothing = There is nothing to move or extend: the campaign is in the “{ $phase }” phase.
command-phase-cannot-extend = The “{ $phase }” phase cannot be extended now.
command-phase-changed = The phase changed while you were filling in this form. Nothing was changed: close it and run `/pnyx phase` again.
command-phase-confirm-advance = You are about to end the *{ $from }* phase now and open the *{ $to }* phase.
command-phase-confirm-advance-effects = Subscribed residents will get the announcement of the “{ $to }” phase in their language, and the committee will be told.
command-phase-confirm-extend = You are about to extend the *{ $phase }* phase until *{ $until }* ({ $zone } time).
command-phase-confirm-extend-next = The “{ $next }” phase will then start on { $at }.
command-phase-confirm-reason = *Reason:* { $reason }
command-phase-refused-hint = Nothing was changed. “Back” returns to the form.
command-phase-done-advance = Done: the “{ $from }” phase is over, the “{ $to }” phase is open.
command-phase-done-extend = Done: the “{ $phase }” phase lasts until { $until } ({ $zone } time).
command-phase-extended-notice = :calendar: { $by } extended the *{ $phase }* phase until { $until } ({ $zone } time). Reason: { $reason }

## Announcement
command-announce-title = Announcement
command-announce-title-preview = Announcement preview
command-announce-preview = Preview
command-announce-send = Send
command-announce-intro = Write the announcement in each language of the campaign. The { $language } text is required; a language left empty will get the { $language } text. You will then see exactly what residents will read before you send it.
command-announce-text-required = Text in { $language } (required)
command-announce-text-optional = Text in { $language } (optional)
command-announce-audience = Recipients
command-announce-audience-all = All subscribed residents
command-announce-audience-area = Subscribed residents of { $area }
command-announce-audience-required = Choose who gets the announcement.
command-announce-text-missing = The text in { $language } is required.
command-announce-text-too-long = This text is too long: { $length } characters, { $max } at most.
command-announce-preview-title = This is what residents will read
command-announce-preview-audience = Recipients: { $audience }. Check each language, then press “Send”.
command-announce-preview-language = *{ $label }* — what residents who read { $language } get:
command-announce-preview-borrowed = *{ $label }* — no text in { $language }: these residents will get the { $fallback } text:
command-announce-preview-edit = To correct it, change the text below and press “Send”: a new preview will show first.
command-announce-changed = The text or the recipients changed since the preview. Check this new preview, then press “Send” again.
command-announce-started = The announcement is on its way. Its progress shows in { $channel }.

## An announcement's progress
command-progress-title-sending = 📣 Announcement being sent
command-progress-title-done = 📣 Announcement sent
command-progress-phase = Announcement that the “{ $phase }” phase has opened
command-progress-template = Automatic campaign announcement
command-progress-by = Started by { $by } on { $at } · { $audience }
command-progress-audience-all = all subscribed residents
command-progress-audience-area = subscribed residents of { $area }
command-progress-total = Messages planned
command-progress-total-counting = being prepared ({ $queued } so far)
command-progress-sent = Sent
command-progress-failed = Failed
command-progress-left = Left
command-progress-running = { $sent } sent, { $failed } failed, { $left } left
command-progress-done = Finished on { $at }: { $sent } of { $total } messages sent, { $failed } failed.
command-progress-skipped = { $skipped } not sent: no longer needed when their turn came (the resident had voted meanwhile, or voting had closed).
command-progress-failed-hint = A failure most often means the resident blocked the bot: they will get no more announcements.

## Exports and codes
command-export-unavailable = Exports are not available on this service. Use `pnyx export` on the server.
command-export-started = Exporting… the files will arrive in this channel in a moment.
command-export-failed = The export failed because of an error on our side. Nothing was posted; try again later.
command-export-empty = There is nothing to export yet.
command-export-comment = { $count ->
    [one] Campaign export of { $at }: { $count } file.
   *[other] Campaign export of { $at }: { $count } files.
}
command-export-done = { $count ->
    [one] Export posted in this channel: { $files }.
   *[other] Export posted in this channel ({ $count } files): { $files }.
}
command-codes-file-title = { $count ->
    [one] { $count } one-time code
   *[other] { $count } one-time codes
}
command-codes-comment = { $count ->
    [one] Here is the one-time code you asked for. Hand it out on paper; it works once.
   *[other] Here are the { $count } one-time codes you asked for. Hand them out on paper; each works once.
}
command-codes-done = { $count ->
    [one] { $count } code created. The CSV file is waiting in your direct messages with Pnyx.
   *[other] { $count } codes created. The CSV file is waiting in your direct messages with Pnyx.
}
command-codes-upload-failed = { $count } codes were created, but the file could not be sent to you (`{ $error }`). Nobody has these codes; create new ones.

## Ambassadors
command-ambassador-granted = { $who } is now an ambassador (area { $area }, registered on { $since }). The ambassador menu appears in their bot.
command-ambassador-revoked = { $who } is no longer an ambassador (area { $area }, registered on { $since }).
command-ambassador-already = { $who } is already an ambassador (area { $area }, registered on { $since }). Nothing was changed.
command-ambassador-not-one = { $who } is not an ambassador (area { $area }, registered on { $since }). Nothing was changed.
command-ambassador-is-staff = { $who } is on the team; their role is set in the campaign's configuration. Nothing was changed.
command-ambassador-no-area = not chosen
command-ambassador-not-registered = registration not finished
