# Messages the outbox sends to residents (and the mayor's digest when it goes to Telegram).
# One message per template of core/domain/codes.ts addressed to people in their language:
# `notice-` + the template with `.` and `_` turned into `-`. Variables are prepared by
# adapters/telegram/render/text-format.ts (`none` for a missing value). Telegram HTML.

notice-generic = There is news about { $campaign }. Send /start to see it.

## A team announcement (`text` is the announcement in the resident's language)
notice-broadcast-message =
    📣 <b>{ $campaign }</b>

    { $text }

## The author's idea changed
notice-notify-idea-submitted =
    ✅ Thank you! Your idea #{ $idea } “<b>{ $title }</b>” has been sent.
    The team will read it and tell you here what happens next.
notice-notify-idea-changes-requested =
    ✏️ The team asks you to change your idea #{ $idea } “<b>{ $title }</b>”.
    Their message: <i>{ $comment }</i>
    Open “My ideas” to change it and send it again.
notice-notify-idea-eligible =
    🎉 Good news: your idea #{ $idea } “<b>{ $title }</b>” is eligible!
    { $comment ->
        [none] It can now be chosen as a finalist.
       *[other] The team’s message: <i>{ $comment }</i>
    }
notice-notify-idea-rejected =
    Your idea #{ $idea } “<b>{ $title }</b>” was not accepted.
    Reason: { $criterion }
    { $comment ->
        [none] Thank you very much for taking part.
       *[other] The team’s message: <i>{ $comment }</i>
    }
notice-notify-idea-merged =
    🤝 Your idea #{ $idea } “<b>{ $title }</b>” is very close to idea #{ $into } “{ $intoTitle }”: the team has merged them, so they go on together.
    { $comment ->
        [none] Thank you for your idea!
       *[other] The team’s message: <i>{ $comment }</i>
    }
notice-notify-idea-finalist = 🌟 Your idea #{ $idea } “<b>{ $title }</b>” is a finalist! Residents can now vote for it. Share it with your neighbours!
notice-notify-idea-winner = 🏆 Congratulations! Your idea #{ $idea } “<b>{ $title }</b>” has won and will be funded. Thank you!
notice-notify-idea-not-funded = Your idea #{ $idea } “<b>{ $title }</b>” did not get enough votes to be funded this time. Thank you very much for taking part!
notice-notify-rewrite-proposed =
    ✍️ The team suggests a new wording for your idea #{ $idea } “<b>{ $title }</b>”.
    New title: “<b>{ $newTitle }</b>”
    { $comment ->
        [none] {""}
       *[other] Their message: <i>{ $comment }</i>
    }
    Open “My ideas” to compare, then accept or decline.

## Questions to the team
notice-notify-question-answered =
    💬 <b>Answer to your question #{ $question }</b>

    { $text }

    You can reply here to continue.
notice-notify-question-closed = The team has closed your question #{ $question }. To ask something else, start a new question from the menu.

## Weekly messages (figures of core/figures/participation-figures.ts, flattened)
notice-update-weekly =
    📅 <b>This week in { $campaign }</b>
    { $registered } residents take part, { $newIdeas_thisWeek } new ideas this week.
    { $daysLeft ->
        [none] {""}
        [0] Today is the last day of this phase: “{ $phase }”.
        [one] Only 1 day left in this phase: “{ $phase }”.
       *[other] { $daysLeft } days left in this phase: “{ $phase }”.
    }
    Send /start to take part.
## The weekly update's last line while voting is open, for a resident with a ballot left (`days`: calendar days of voting left, today included)
notice-vote-left-none =
    { $days ->
        [1] ⏳ <b>Today is the last day to vote</b> — you have not voted yet.
       *[other] ⏳ <b>{ $days } days left to vote</b> — you have not voted yet.
    }
notice-vote-left-partial =
    { $days ->
        [1] ⏳ <b>Today is the last day to vote</b> — you have not filled in every ballot yet.
       *[other] ⏳ <b>{ $days } days left to vote</b> — you have not filled in every ballot yet.
    }
notice-digest-weekly =
    📊 <b>{ $campaign }: weekly figures</b>
    Registered: { $registered } ({ $registeredPercent } % of { $population }), { $newRegistrations_thisWeek } this week (last week { $newRegistrations_lastWeek })
    With an ambassador’s help: { $assistedRegistrations } residents, { $assistedIdeas } ideas, { $assistedBallots } ballots
    New ideas: { $newIdeas_thisWeek } this week (last week { $newIdeas_lastWeek })
    Waiting for review: { $backlog }
    Voters: { $voters } ({ $turnoutPercent } % of registered)
    Phase: { $phase }{ $daysLeft ->
        [none] {""}
       *[other], { $daysLeft } days left
    }

## Phase announcements to every subscribed resident (`phase`, `at`)
notice-announce-phase-draft = { $campaign } is being prepared. We will tell you when it starts.
notice-announce-phase-submission =
    💡 <b>{ $campaign } has started!</b>
    From today you can send your ideas for the town. Send /start and choose “Send an idea”.
notice-announce-phase-review =
    🔎 The time for sending ideas is over. Thank you!
    The team is now reading every idea. We will tell you which ones go to the vote.
notice-announce-phase-voting =
    🗳️ <b>The vote is open!</b>
    Choose your favourite projects for { $campaign }. Send /start and choose “Vote”.
notice-announce-phase-tallying =
    The vote is closed. Thank you for voting!
    The votes are being counted; the results will follow soon.
notice-announce-phase-announced =
    🏆 <b>The results of { $campaign } are out!</b>
    Send /start to see which projects will be funded.
notice-announce-phase-archived = { $campaign } is over. Thank you to everyone who took part!

## A vote reminder, only to residents who have not voted (`closesAt`: when voting closes)
notice-reminder-vote =
    ⏰ <b>{ $campaign }: you have not voted yet</b>
    The vote closes on { $closesAt }. Send /start and choose “Vote” — it takes a minute.
