# Engine refusals during moderation (moderation.*, idea.*, finalist.*), for the committee. Slack mrkdwn.
refusal-moderation-already-decided = { $by ->
    [none] Idea #{ $idea } changed since this card was drawn (now: { $state }). Nothing was recorded; the card has been brought up to date.
   *[other] { $by } already decided on idea #{ $idea }: { $state } ({ $at }). Your decision was not recorded.
}
refusal-moderation-comment-required = A request for changes must tell the author what to change. Nothing was recorded.
refusal-moderation-cost-unknown = The cost of idea #{ $idea } is not estimated yet: estimate it before declaring the idea eligible.
refusal-moderation-merge-self = An idea cannot be a duplicate of itself. Nothing was recorded.
refusal-moderation-merge-target-state = The chosen idea cannot absorb a duplicate in its current state ({ $state }). Nothing was recorded.
refusal-moderation-merge-target-unknown = The idea chosen as the original does not exist. Nothing was recorded.
refusal-moderation-not-awaiting = Idea #{ $idea } is not awaiting a decision (state: { $state }). Nothing was recorded.
refusal-moderation-unknown-criterion = “{ $criterion }” is not one of the campaign's review criteria. Nothing was recorded.
refusal-moderation-not-yet = Moderation is not open yet: it starts on { $opensAt }. Nothing was recorded.
refusal-moderation-closed = Moderation is over for this campaign. Nothing was recorded.
refusal-idea-author-gone = The author erased their data: nobody can answer a rewrite any more. Nothing was sent.
refusal-idea-bad-characters = { $field ->
    [title] The title contains control characters. Remove them.
   *[other] The description contains control characters. Remove them.
}
refusal-idea-busy = Someone else is changing this idea right now. Nothing was recorded; try again.
refusal-idea-cost-invalid = This amount is not valid. Nothing was recorded.
refusal-idea-cost-out-of-bounds = The cost must be between { $min } and { $max } (you entered { $cost }).
refusal-idea-description-too-long = Description too long: { $length } characters, { $max } at most.
refusal-idea-description-too-short = Description too short: { $length } characters, at least { $min }.
refusal-idea-title-too-long = Title too long: { $length } characters, { $max } at most.
refusal-idea-title-too-short = Title too short: { $length } characters, at least { $min }.
refusal-idea-unknown = This idea does not exist (any more). Nothing was changed.
refusal-idea-wrong-state = Not possible in the current state of idea #{ $idea } ({ $state }). Nothing was changed.
refusal-finalist-not-eligible = Idea #{ $idea } is not eligible ({ $state }): it cannot become a finalist.
refusal-finalist-not-finalist = Idea #{ $idea } is not a finalist ({ $state }). Nothing was changed.
