fallback-group = Je ne discute qu'en conversation privée : écrivez-moi directement à @{ $bot }.
fallback-unknown-command = Je ne connais pas cette commande. /menu montre ce que vous pouvez faire, /help liste toutes les commandes.
fallback-text = Je n'ai pas compris ce message. Pour proposer une idée, parcourir les idées ou poser une question à l'équipe, utilisez le menu ci-dessous (ou /help).
fallback-sticker = Merci ! Je ne lis cependant que le texte et les boutons : /menu montre ce que vous pouvez faire.
fallback-voice = Je ne peux pas écouter les messages vocaux ou audio. Écrivez plutôt votre message : /menu montre ce que vous pouvez faire.
fallback-media = Je ne peux pas utiliser ceci ici. /menu montre ce que vous pouvez faire.
