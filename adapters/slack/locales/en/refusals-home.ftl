# Engine refusals shown on the Home tab (choosing the finalists). Slack mrkdwn.
refusal-finalists-not-yet = Finalists are chosen during the review of ideas, which opens on { $opensAt }. Nothing was changed.
refusal-finalists-closed = Choosing the finalists is over for this campaign. Nothing was changed.
