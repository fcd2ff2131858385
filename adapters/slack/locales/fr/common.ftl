# Textes communs à toutes les fonctions de l'app du comité. Slack mrkdwn.
refusal-staff-not-staff = Seul le comité de pilotage de la campagne peut faire ceci. Rien n'a été modifié.
refusal-staff-admin-only = Seul un administrateur du comité peut faire ceci. Rien n'a été modifié.
refusal-generic = Cela n'a pas fonctionné (`{ $code }`). Rien n'a été modifié.
