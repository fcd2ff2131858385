mydata-caption = Voici tout ce que Pnyx conserve à votre sujet : vos réponses à l'inscription, vos idées, les idées que vous soutenez, vos questions et, si vous avez voté, votre bulletin. Ce fichier est pour vous seul.
forget-explain = <b>M'oublier</b>
    Cela efface votre inscription (nom, langue, tranche d'âge, quartier, vérification), vos questions et leurs réponses, vos soutiens et cette conversation avec le bot.
    Ce qui reste : vos idées restent dans la campagne, sans votre nom ; si vous avez voté, votre bulletin reste compté, sans rien qui le relie à vous.
    Voulez-vous effacer vos données ?
forget-confirm = 🗑 Oui, effacer mes données
forget-keep = Non, garder mes données
forget-kept = Rien n'a été effacé.
forget-already = Vos données ont déjà été effacées.
forget-done = Vos données ont été effacées. Merci d'avoir participé !
    Si vous souhaitez participer à nouveau un jour, envoyez /start.
