fallback-group = Ich spreche nur in privaten Chats: Schreiben Sie mir direkt an @{ $bot }.
fallback-unknown-command = Diesen Befehl kenne ich nicht. /menu zeigt, was Sie tun können, /help listet alle Befehle.
fallback-text = Diese Nachricht habe ich nicht verstanden. Um eine Idee vorzuschlagen, die Ideen anzusehen oder dem Team eine Frage zu stellen, nutzen Sie das Menü unten (oder /help).
fallback-sticker = Schön! Ich kann allerdings nur Text und Schaltflächen lesen: /menu zeigt, was Sie tun können.
fallback-voice = Sprach- und Audionachrichten kann ich nicht anhören. Schreiben Sie Ihre Nachricht bitte: /menu zeigt, was Sie tun können.
fallback-media = Damit kann ich hier nichts anfangen. /menu zeigt, was Sie tun können.
