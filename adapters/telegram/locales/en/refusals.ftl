# Refusals: why the engine said no, and what to do next. One message per refusal code
# (core/domain/codes.ts): `refusal-` + the code with `.` and `_` turned into `-`.
# Variables are prepared by adapters/telegram/render/text-format.ts (dates, money, names,
# `none` for a missing value). Telegram HTML.

refusal-generic = Sorry, that did not work. Nothing was changed. Please try again, or go back to the menu with /start.

## Phase: too early (opensAt) or over (nextPhase, nextPhaseOpensAt)
refusal-submission-not-yet = You can send ideas from <b>{ $opensAt }</b>. See you then!
refusal-submission-closed =
    The time for sending ideas is over.
    { $nextPhase ->
        [none] Thank you for taking part!
       *[other] Next step: { $nextPhase }, from { $nextPhaseOpensAt }.
    }
refusal-resubmission-not-yet = You can send your corrected idea from <b>{ $opensAt }</b>.
refusal-resubmission-closed =
    It is too late to send your idea again: the review is over.
    { $nextPhase ->
        [none] Thank you for taking part!
       *[other] Next step: { $nextPhase }, from { $nextPhaseOpensAt }.
    }
refusal-withdrawal-not-yet = You can withdraw an idea from <b>{ $opensAt }</b>.
refusal-withdrawal-closed = It is too late to withdraw your idea: the review is over.
refusal-support-not-yet = You can support ideas from <b>{ $opensAt }</b>.
refusal-support-closed =
    Supporting ideas is no longer possible.
    { $nextPhase ->
        [none] Thank you for taking part!
       *[other] Next step: { $nextPhase }, from { $nextPhaseOpensAt }.
    }
refusal-moderation-not-yet = Ideas can be reviewed from <b>{ $opensAt }</b>.
refusal-moderation-closed = The review of ideas is over for this campaign.
refusal-finalists-not-yet = Finalists can be chosen from <b>{ $opensAt }</b>.
refusal-finalists-closed = The choice of finalists is over for this campaign.
refusal-voting-not-yet = Voting opens on <b>{ $opensAt }</b>. We will send you a message when it starts.
refusal-voting-closed = Voting is closed. Thank you! The results will be announced here.
refusal-tally-not-yet = The votes can be counted from <b>{ $opensAt }</b>.
refusal-tally-closed = The votes have already been counted for this campaign.

## Ambassadors
refusal-ambassador-not-ambassador = Only ambassadors can do this. If you help residents on behalf of the town, ask the team to give you the ambassador role.

## Ballot
refusal-ballot-already-cast = You have already voted. Your receipt: <code>{ $receipt }</code>. Thank you!
refusal-ballot-duplicate-choice = You chose the same project twice. Please choose each project only once.
refusal-ballot-empty = You have not chosen any project yet. Tap a project to choose it.
refusal-ballot-no-such-ballot = There is no such ballot for you. Please open the vote again from the menu.
refusal-ballot-over-budget = Your choice costs { $total }, but the budget is { $budget }. Remove projects worth at least { $over }.
refusal-ballot-points-invalid = Each project needs at least 1 point (a whole number).
refusal-ballot-points-per-idea = You can give at most { $max } points to one project.
refusal-ballot-single-one = Please choose exactly one project.
refusal-ballot-too-few = Please choose at least { $min } projects. You chose { $count }.
refusal-ballot-too-many = You can choose at most { $max } projects. You chose { $count }: please remove some.
refusal-ballot-too-many-points = You have { $max } points to give, and you gave { $total }. Please take some back.
refusal-ballot-unknown-idea = This project is not on the ballot. Please open the vote again from the menu.

## Broadcasts (staff)
refusal-broadcast-bad-page-size = The page size must be between 1 and { $max }.
refusal-broadcast-not-found = This announcement does not exist.
refusal-broadcast-text-missing = The text in { $locale } is missing. Write the announcement in every language of the campaign.
refusal-broadcast-text-too-long = The text in { $locale } is too long: { $length } characters, at most { $max }.
refusal-broadcast-unknown-area = The area “{ $area }” does not exist.
refusal-broadcast-unknown-locale = { $locale } is not a language of this campaign.

## One-time codes
refusal-code-count-invalid = Choose a number of codes between 1 and { $max }.
refusal-code-malformed = This code does not look right. Please check it and type it again, exactly as it is written on your paper.
refusal-code-not-registered = Nobody has registered with this code yet. Please register with it first.
refusal-code-unknown = We do not know this code. Please check it and type it again, or ask the town for help.
refusal-code-used = This code has already been used. Each code works only once. If you think this is a mistake, please ask the town.

## Finalists (staff)
refusal-finalist-not-eligible = Idea #{ $idea } has the status “{ $state }”: only eligible ideas can become finalists.
refusal-finalist-not-finalist = Idea #{ $idea } has the status “{ $state }”: it is not a finalist.

## Ideas
refusal-idea-author-gone = The author of this idea has left the campaign, so it can no longer be changed.
refusal-idea-bad-characters =
    { $field ->
        [title] The title contains characters we cannot show.
       *[other] The description contains characters we cannot show.
    } Please type it again with letters, numbers and punctuation only.
refusal-idea-busy = Someone changed this idea at the same time. Please try again.
refusal-idea-cost-invalid = Please type the cost as a whole number, for example 5000.
refusal-idea-cost-out-of-bounds = The cost must be between { $min } and { $max }. You typed { $cost }. If you do not know, choose “I don’t know”.
refusal-idea-description-too-long = Your description is too long: { $length } characters, at most { $max }. Please shorten it.
refusal-idea-description-too-short = Your description is too short: { $length } characters, at least { $min }. Please tell us a little more.
refusal-idea-location-invalid = This place could not be read. Please send the location again, or skip this step.
refusal-idea-no-rewrite = There is no proposal to answer for this idea any more.
refusal-idea-not-author = Only the author of this idea can do this.
refusal-idea-photo-invalid = This photo could not be used. Please send another photo, or skip this step.
refusal-idea-title-too-long = Your title is too long: { $length } characters, at most { $max }. Please shorten it.
refusal-idea-title-too-short = Your title is too short: { $length } characters, at least { $min }.
refusal-idea-unknown = This idea does not exist (any more). Please open the list of ideas again.
refusal-idea-unknown-area = The area “{ $area }” does not exist. Please choose an area with the buttons.
refusal-idea-unknown-category = The category “{ $category }” does not exist. Please choose a category with the buttons.
refusal-idea-wrong-state = This is not possible now: idea #{ $idea } has the status “{ $state }”.

## Moderation (staff)
refusal-moderation-already-decided = Someone decided on idea #{ $idea } first: its status is now “{ $state }”.
refusal-moderation-comment-required = Please write a comment: the author needs to know what to change.
refusal-moderation-cost-unknown = Idea #{ $idea } has no cost yet. Estimate its cost first.
refusal-moderation-merge-self = An idea cannot be merged into itself.
refusal-moderation-merge-target-state = The other idea has the status “{ $state }”: it cannot take in this one.
refusal-moderation-merge-target-unknown = The other idea does not exist.
refusal-moderation-not-awaiting = Idea #{ $idea } has the status “{ $state }”: it is not waiting for a decision.
refusal-moderation-unknown-criterion = “{ $criterion }” is not one of the review criteria.

## Phases (staff)
refusal-phase-busy = Someone changed the phase at the same time. Please try again.
refusal-phase-extend-not-later = The new end must be later than the current one ({ $end }).
refusal-phase-extend-not-open = Only an open phase can be extended (now: “{ $phase }”).
refusal-phase-extend-overlaps = The new end overlaps the phase “{ $phase }”, which ends on { $end }.
refusal-phase-guard-finalists = The phase “{ $phase }” cannot open with fewer than 2 finalists (now: { $finalists }).
refusal-phase-guard-not-tallied = The phase “{ $phase }” cannot open before the votes are counted.
refusal-phase-no-next = There is no phase after “{ $phase }”.
refusal-phase-moved = The campaign is no longer in “{ $from }” (it is now in “{ $phase }”): nothing was changed.
refusal-phase-reason-required = Please give a reason for this change.
refusal-phase-window-passed = It is too late to open the phase “{ $phase }”: its time ended on { $end }.

## Replaying a Pabulib file (operator)
refusal-replay-amount-precision = { $what } has more than two decimals.
refusal-replay-missing-meta = The file needs the META field { $key }.
refusal-replay-unknown-rule = The rule “{ $rule }” of this file cannot be replayed.
refusal-replay-vote-type = Ballots of type “{ $voteType }” cannot be replayed.

## Questions
refusal-question-already-closed = Question #{ $question } is already closed.
refusal-question-bad-characters = Your message contains characters we cannot show. Please type it again.
refusal-question-busy = Your question was changed at the same time. Please send your message again.
refusal-question-campaign-archived = This campaign has ended, so the team no longer answers questions here. Thank you for taking part!
refusal-question-closed = Question #{ $question } is closed. To ask something else, start a new question from the menu.
refusal-question-empty = Your message is empty. Please type your question.
refusal-question-not-owner = This question belongs to someone else.
refusal-question-photo-invalid = This photo could not be used. Please send another one, or only text.
refusal-question-rate-limited =
    { $limit ->
        [questions] You have asked many questions today.
       *[other] You have sent many messages in a short time.
    } Please wait until { $retryAt } and try again. Thank you for your patience!
refusal-question-too-long = Your message is too long: { $length } characters, at most { $max }. Please shorten it or send it in two parts.
refusal-question-unknown = This question does not exist (any more).

## Registration
refusal-registration-area-locked = You cannot change your area during the vote. You can change it after { $closesAt }.
refusal-registration-area-not-eligible = Sorry, residents of your area cannot take part in this campaign.
refusal-registration-consent-outdated = The privacy notice has changed. Please read it and accept it again to continue: send /start.
refusal-registration-consent-required = To take part, you need to accept the privacy notice. You can read it with the link above.
refusal-registration-incomplete = Please finish your registration first: send /start.
refusal-registration-no-verification-needed = No check is needed in this campaign. You can go on.
refusal-registration-not-at-verification = This check is not possible at this step. Please continue your registration: send /start.
refusal-registration-not-verified = Please confirm who you are first: send /start to finish your registration.
refusal-registration-too-young = Sorry, you must be at least { $minimumAge } years old to take part.
refusal-registration-unknown-age-band = Please choose your age with the buttons.
refusal-registration-unknown-area = We do not know this area. Please choose your area with the buttons, or type your postcode.
refusal-registration-unknown-language = { $locale } is not available. Please choose a language with the buttons.
refusal-registration-use-verification = Please use the check button to confirm who you are.
refusal-registration-wrong-verification =
    { $expected ->
        [phone] In this campaign, you confirm who you are by sharing your phone number with the button below.
       *[other] In this campaign, you confirm who you are with the code the town gave you. Please type it.
    }

## Residents
refusal-resident-busy = Your details were changed at the same time. Please try again.
refusal-resident-unknown = We do not know you yet. Send /start to register.

## Results
refusal-results-not-yet = The results are not known yet. We will send them to you as soon as they are announced.

## Operator and staff
refusal-secret-mismatch = PNYX_SECRET is not the one this campaign started with. Restore the original secret.
refusal-staff-admin-only = Only an administrator can do this.
refusal-staff-not-staff = Only members of the team can do this.

## Supports
refusal-support-not-supportable = Idea #{ $idea } cannot be supported now.
refusal-support-own-idea = This is your own idea: you cannot support it, but you can share it with others!

## Tally (staff)
refusal-tally-busy = { $unsettled } ballots are still being saved. Please try again in a moment.
refusal-tally-invalid-instance = The votes cannot be counted: the data is inconsistent.
refusal-tally-tie = There is a tie in { $envelope } between projects { $tied }. It needs a decision.
refusal-tally-unsupported = This counting method cannot be used with these ballots.

## Voting
refusal-voting-busy = Many people are voting right now. Please try again in a moment: your vote has not been saved yet.
refusal-browse-unknown-area = There is no area “{ $area }”. Please choose an area with the buttons.
refusal-browse-unknown-category = There is no category “{ $category }”. Please choose a category with the buttons.
refusal-phone-already-used = This phone number has already verified another account. One number verifies one account only. If this is your number and you did not register before, please ask the town.
refusal-phone-invalid = This phone number could not be read (it should have { $min } to { $max } digits). Please share it again with the button.
refusal-registration-unknown-postcode = We do not know the postcode “{ $postcode }”. Please check it, or choose your area with the buttons.
