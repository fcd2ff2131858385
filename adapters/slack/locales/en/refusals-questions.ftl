# Engine refusals on questions (question.*), for the committee answering or closing. Slack mrkdwn.
refusal-question-empty = Your reply is empty: nothing was passed on.
refusal-question-bad-characters = Your reply contains control characters: nothing was passed on.
refusal-question-too-long = Your reply has { $length } characters and the limit is { $limit }: nothing was passed on. Shorten it or reply in two messages.
refusal-question-closed = Question no. { $question } is closed ({ $by ->
    [resident] by the resident
   *[other] by the committee
}, { $at }): your reply was not passed on.
refusal-question-already-closed = Question no. { $question } is already closed ({ $by ->
    [resident] by the resident
   *[other] by the committee
}, { $at }).
refusal-question-unknown = This question no longer exists (the resident may have erased their data): nothing was passed on.
refusal-question-busy = The question is being changed right now: nothing was passed on; try again.
