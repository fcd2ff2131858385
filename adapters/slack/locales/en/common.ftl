# Texts shared by every feature of the committee app. Slack mrkdwn.
refusal-staff-not-staff = Only the campaign's steering committee can do this. Nothing was changed.
refusal-staff-admin-only = Only a committee admin can do this. Nothing was changed.
refusal-generic = That did not work (`{ $code }`). Nothing was changed.
