# Weigeringen van de engine op het startscherm (keuze van de finalisten). Slack mrkdwn.
refusal-finalists-not-yet = De finalisten worden gekozen tijdens de beoordeling van de ideeën, die begint op { $opensAt }. Er is niets gewijzigd.
refusal-finalists-closed = De keuze van de finalisten is voorbij voor deze campagne. Er is niets gewijzigd.
