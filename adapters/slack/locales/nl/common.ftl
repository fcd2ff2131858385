# Teksten die alle onderdelen van de comité-app delen. Slack mrkdwn.
refusal-staff-not-staff = Alleen de stuurgroep van de campagne kan dit doen. Er is niets gewijzigd.
refusal-staff-admin-only = Alleen een beheerder van de stuurgroep kan dit doen. Er is niets gewijzigd.
refusal-generic = Dat is niet gelukt (`{ $code }`). Er is niets gewijzigd.
