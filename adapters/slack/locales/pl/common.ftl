# Teksty wspólne dla wszystkich funkcji aplikacji komitetu. Slack mrkdwn.
refusal-staff-not-staff = Tylko komitet sterujący kampanii może to zrobić. Nic nie zostało zmienione.
refusal-staff-admin-only = Tylko administrator komitetu może to zrobić. Nic nie zostało zmienione.
refusal-generic = To się nie udało (`{ $code }`). Nic nie zostało zmienione.
