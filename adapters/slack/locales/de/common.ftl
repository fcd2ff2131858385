# Texte, die alle Teile der Komitee-App teilen. Slack mrkdwn.
refusal-staff-not-staff = Nur der Lenkungsausschuss der Kampagne kann das tun. Es wurde nichts geändert.
refusal-staff-admin-only = Nur eine Administratorin oder ein Administrator des Ausschusses kann das tun. Es wurde nichts geändert.
refusal-generic = Das hat nicht geklappt (`{ $code }`). Es wurde nichts geändert.
