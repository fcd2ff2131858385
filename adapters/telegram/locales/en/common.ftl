# Words every feature shares. Telegram HTML.
common-back = ◀️ Back
common-cancel = ✖️ Cancel
common-confirm = ✅ Confirm
common-yes = Yes
common-no = No
common-next = Next ▶️
common-previous = ◀️ Previous
common-page = Page { $page } / { $pages }
common-expired-button = This button has expired. Please use the latest message, or send /start to see the menu.
common-error = Sorry, something went wrong on our side. Please try again in a moment. If it happens again, tell the team this reference: <code>{ $ref }</code>
common-too-fast = You are going a little fast! Please wait a few seconds, then try again.
common-main-menu = 🏠 Main menu
common-dont-know = I don’t know
common-skip = Skip
common-town-wide = Whole town

## Phase names (variables `phase`, `nextPhase`, `from`, `to` of refusals and notices)
common-phase-draft = Preparation
common-phase-submission = Sending ideas
common-phase-review = Review of ideas
common-phase-voting = Vote
common-phase-tallying = Counting the votes
common-phase-announced = Results
common-phase-archived = Finished

## Idea states (variable `state`)
common-idea-state-submitted = sent
common-idea-state-changes-requested = changes requested
common-idea-state-resubmitted = sent again
common-idea-state-eligible = eligible
common-idea-state-rejected = not accepted
common-idea-state-merged = merged with another idea
common-idea-state-withdrawn = withdrawn
common-idea-state-finalist = finalist
common-idea-state-winner = winner
common-idea-state-not-funded = not funded
