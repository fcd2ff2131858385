# Messages envoyés aux habitants (et le bilan du bourgmestre quand il passe par Telegram).
# Une clé par modèle de core/domain/codes.ts destiné à des personnes. HTML Telegram.

notice-generic = Il y a du nouveau pour { $campaign }. Envoyez /start pour le voir.

## Une annonce de l’équipe
notice-broadcast-message =
    📣 <b>{ $campaign }</b>

    { $text }

## L’idée de l’auteur a changé
notice-notify-idea-submitted =
    ✅ Merci ! Votre idée n° { $idea } « <b>{ $title }</b> » a bien été envoyée.
    L’équipe va la lire et vous dira ici la suite.
notice-notify-idea-changes-requested =
    ✏️ L’équipe vous demande de modifier votre idée n° { $idea } « <b>{ $title }</b> ».
    Son message : <i>{ $comment }</i>
    Ouvrez « Mes idées » pour la modifier et la renvoyer.
notice-notify-idea-eligible =
    🎉 Bonne nouvelle : votre idée n° { $idea } « <b>{ $title }</b> » est recevable !
    { $comment ->
        [none] Elle peut maintenant être choisie comme finaliste.
       *[other] Message de l’équipe : <i>{ $comment }</i>
    }
notice-notify-idea-rejected =
    Votre idée n° { $idea } « <b>{ $title }</b> » n’a pas été retenue.
    Motif : { $criterion }
    { $comment ->
        [none] Merci beaucoup pour votre participation.
       *[other] Message de l’équipe : <i>{ $comment }</i>
    }
notice-notify-idea-merged =
    🤝 Votre idée n° { $idea } « <b>{ $title }</b> » ressemble beaucoup à l’idée n° { $into } « { $intoTitle } » : l’équipe les a réunies, elles continuent ensemble.
    { $comment ->
        [none] Merci pour votre idée !
       *[other] Message de l’équipe : <i>{ $comment }</i>
    }
notice-notify-idea-finalist = 🌟 Votre idée n° { $idea } « <b>{ $title }</b> » est finaliste ! Les habitants peuvent maintenant voter pour elle. Parlez-en autour de vous !
notice-notify-idea-winner = 🏆 Félicitations ! Votre idée n° { $idea } « <b>{ $title }</b> » est lauréate et sera financée. Merci !
notice-notify-idea-not-funded = Votre idée n° { $idea } « <b>{ $title }</b> » n’a pas reçu assez de voix pour être financée cette fois. Merci beaucoup pour votre participation !
notice-notify-rewrite-proposed =
    ✍️ L’équipe propose une nouvelle formulation pour votre idée n° { $idea } « <b>{ $title }</b> ».
    Nouveau titre : « <b>{ $newTitle }</b> »
    { $comment ->
        [none] {""}
       *[other] Son message : <i>{ $comment }</i>
    }
    Ouvrez « Mes idées » pour comparer, puis acceptez ou refusez.

## Questions à l’équipe
notice-notify-question-answered =
    💬 <b>Réponse à votre question n° { $question }</b>

    { $text }

    Vous pouvez répondre ici pour continuer.
notice-notify-question-closed = L’équipe a clôturé votre question n° { $question }. Pour demander autre chose, posez une nouvelle question depuis le menu.

## Messages hebdomadaires
notice-update-weekly =
    📅 <b>Cette semaine à { $campaign }</b>
    { $registered } habitants participent, { $newIdeas_thisWeek } nouvelles idées cette semaine.
    { $daysLeft ->
        [none] {""}
        [0] C’est le dernier jour de cette phase : « { $phase } ».
        [one] Plus qu’un jour dans cette phase : « { $phase } ».
       *[other] Plus que { $daysLeft } jours dans cette phase : « { $phase } ».
    }
    Envoyez /start pour participer.
## La dernière ligne de la mise à jour hebdomadaire pendant le vote, pour un résident qui a encore un bulletin à remplir (`days` : jours de vote restants, aujourd’hui compris)
notice-vote-left-none =
    { $days ->
        [1] ⏳ <b>C’est le dernier jour pour voter</b> — vous n’avez pas encore voté.
       *[other] ⏳ <b>Plus que { $days } jours pour voter</b> — vous n’avez pas encore voté.
    }
notice-vote-left-partial =
    { $days ->
        [1] ⏳ <b>C’est le dernier jour pour voter</b> — vous n’avez pas encore rempli tous vos bulletins.
       *[other] ⏳ <b>Plus que { $days } jours pour voter</b> — vous n’avez pas encore rempli tous vos bulletins.
    }
notice-digest-weekly =
    📊 <b>{ $campaign } : chiffres de la semaine</b>
    Inscrits : { $registered } ({ $registeredPercent } % de { $population }), { $newRegistrations_thisWeek } cette semaine (semaine passée : { $newRegistrations_lastWeek })
    Avec l’aide d’un ambassadeur : { $assistedRegistrations } habitants, { $assistedIdeas } idées, { $assistedBallots } bulletins
    Nouvelles idées : { $newIdeas_thisWeek } cette semaine (semaine passée : { $newIdeas_lastWeek })
    En attente d’examen : { $backlog }
    Votants : { $voters } ({ $turnoutPercent } % des inscrits)
    Phase : { $phase }{ $daysLeft ->
        [none] {""}
       *[other], encore { $daysLeft } jours
    }

## Annonces de phase à tous les habitants abonnés
notice-announce-phase-draft = { $campaign } est en préparation. Nous vous préviendrons dès le début.
notice-announce-phase-submission =
    💡 <b>{ $campaign } commence !</b>
    Dès aujourd’hui, vous pouvez proposer vos idées pour la commune. Envoyez /start et choisissez « Proposer une idée ».
notice-announce-phase-review =
    🔎 Le dépôt des idées est terminé. Merci !
    L’équipe lit maintenant chaque idée. Nous vous dirons lesquelles iront au vote.
notice-announce-phase-voting =
    🗳️ <b>Le vote est ouvert !</b>
    Choisissez vos projets préférés pour { $campaign }. Envoyez /start et choisissez « Voter ».
notice-announce-phase-tallying =
    Le vote est clos. Merci d’avoir voté !
    Les voix sont en cours de dépouillement ; les résultats suivront bientôt.
notice-announce-phase-announced =
    🏆 <b>Les résultats de { $campaign } sont là !</b>
    Envoyez /start pour voir quels projets seront financés.
notice-announce-phase-archived = { $campaign } est terminé. Merci à toutes et à tous d’avoir participé !

## Rappel de vote, seulement aux habitants qui n’ont pas encore voté (`closesAt` : fin du vote)
notice-reminder-vote =
    ⏰ <b>{ $campaign } : vous n’avez pas encore voté</b>
    Le vote se termine le { $closesAt }. Envoyez /start et choisissez « Voter » — cela prend une minute.
