# Refus du moteur montrés sur l'accueil (choix des finalistes). Slack mrkdwn.
refusal-finalists-not-yet = Les finalistes se choisissent pendant l'examen des idées, qui s'ouvre le { $opensAt }. Rien n'a été modifié.
refusal-finalists-closed = Le choix des finalistes est terminé pour cette campagne. Rien n'a été modifié.
