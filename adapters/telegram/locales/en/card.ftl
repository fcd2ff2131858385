card-cost = Estimated cost
card-cost-unknown = to be estimated by the committee
card-area = Area
card-town-wide = the whole town
card-category = Category
card-supports = { $count ->
    [0] No support yet
    [one] 1 support
   *[other] { $count } supports
}
card-state-submitted = 🕓 Waiting for the committee's review
card-state-changes-requested = ✏️ The committee asked for changes
card-state-resubmitted = 🕓 Changed, waiting for the committee's review
card-state-eligible = ✅ Eligible
card-state-rejected = ❌ Not retained
card-state-merged = 🔗 Merged into another idea
card-state-withdrawn = ↩️ Withdrawn by its author
card-state-finalist = 🗳 Finalist: on the ballot
card-state-winner = 🏆 Funded
card-state-not-funded = Not funded this time
card-share = 🔗 Share this idea: { $link }
card-share-button = 📤 Share
card-support = 👍 Support this idea
card-unsupport = ✅ Supported · remove my support
card-show-photo = 📷 Show the photo
card-supported = Thank you for your support!
card-unsupported = Your support has been removed.
