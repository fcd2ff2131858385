# Ablehnungen der Engine auf der Startseite (Auswahl der Finalisten). Slack-mrkdwn.
refusal-finalists-not-yet = Die Finalisten werden während der Prüfung der Ideen gewählt, die am { $opensAt } beginnt. Es wurde nichts geändert.
refusal-finalists-closed = Die Auswahl der Finalisten ist für diese Kampagne vorbei. Es wurde nichts geändert.
