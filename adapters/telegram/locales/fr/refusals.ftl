# Refus : pourquoi le moteur a dit non, et que faire ensuite. Une clé par code de refus
# (core/domain/codes.ts) : `refusal-` + le code, `.` et `_` devenus `-`. HTML Telegram.

refusal-generic = Désolé, cela n’a pas fonctionné. Rien n’a été modifié. Réessayez, ou revenez au menu avec /start.

## Phase : trop tôt (opensAt) ou terminé (nextPhase, nextPhaseOpensAt)
refusal-submission-not-yet = Vous pourrez proposer des idées à partir du <b>{ $opensAt }</b>. À bientôt !
refusal-submission-closed =
    Le dépôt des idées est terminé.
    { $nextPhase ->
        [none] Merci pour votre participation !
       *[other] Prochaine étape : { $nextPhase }, à partir du { $nextPhaseOpensAt }.
    }
refusal-resubmission-not-yet = Vous pourrez renvoyer votre idée corrigée à partir du <b>{ $opensAt }</b>.
refusal-resubmission-closed =
    Il est trop tard pour renvoyer votre idée : l’examen est terminé.
    { $nextPhase ->
        [none] Merci pour votre participation !
       *[other] Prochaine étape : { $nextPhase }, à partir du { $nextPhaseOpensAt }.
    }
refusal-withdrawal-not-yet = Vous pourrez retirer une idée à partir du <b>{ $opensAt }</b>.
refusal-withdrawal-closed = Il est trop tard pour retirer votre idée : l’examen est terminé.
refusal-support-not-yet = Vous pourrez soutenir des idées à partir du <b>{ $opensAt }</b>.
refusal-support-closed =
    Il n’est plus possible de soutenir des idées.
    { $nextPhase ->
        [none] Merci pour votre participation !
       *[other] Prochaine étape : { $nextPhase }, à partir du { $nextPhaseOpensAt }.
    }
refusal-moderation-not-yet = Les idées pourront être examinées à partir du <b>{ $opensAt }</b>.
refusal-moderation-closed = L’examen des idées est terminé pour cette campagne.
refusal-finalists-not-yet = Les finalistes pourront être choisis à partir du <b>{ $opensAt }</b>.
refusal-finalists-closed = Le choix des finalistes est terminé pour cette campagne.
refusal-voting-not-yet = Le vote ouvre le <b>{ $opensAt }</b>. Nous vous enverrons un message quand il commencera.
refusal-voting-closed = Le vote est clos. Merci ! Les résultats seront annoncés ici.
refusal-tally-not-yet = Les voix pourront être comptées à partir du <b>{ $opensAt }</b>.
refusal-tally-closed = Les voix de cette campagne ont déjà été comptées.

## Ambassadeurs
refusal-ambassador-not-ambassador = Seuls les ambassadeurs peuvent faire cela. Si vous aidez des habitants pour la commune, demandez à l’équipe le rôle d’ambassadeur.

## Bulletin
refusal-ballot-already-cast = Vous avez déjà voté. Votre reçu : <code>{ $receipt }</code>. Merci !
refusal-ballot-duplicate-choice = Vous avez choisi deux fois le même projet. Choisissez chaque projet une seule fois.
refusal-ballot-empty = Vous n’avez encore choisi aucun projet. Touchez un projet pour le choisir.
refusal-ballot-no-such-ballot = Ce bulletin n’existe pas pour vous. Rouvrez le vote depuis le menu.
refusal-ballot-over-budget = Votre choix coûte { $total }, mais le budget est de { $budget }. Retirez des projets pour au moins { $over }.
refusal-ballot-points-invalid = Chaque projet doit recevoir au moins 1 point (un nombre entier).
refusal-ballot-points-per-idea = Vous pouvez donner au plus { $max } points à un même projet.
refusal-ballot-single-one = Choisissez exactement un projet.
refusal-ballot-too-few = Choisissez au moins { $min } projets. Vous en avez choisi { $count }.
refusal-ballot-too-many = Vous pouvez choisir au plus { $max } projets. Vous en avez choisi { $count } : retirez-en quelques-uns.
refusal-ballot-too-many-points = Vous avez { $max } points à donner et vous en avez donné { $total }. Reprenez-en quelques-uns.
refusal-ballot-unknown-idea = Ce projet ne figure pas sur le bulletin. Rouvrez le vote depuis le menu.

## Annonces (équipe)
refusal-broadcast-bad-page-size = La taille de page doit être comprise entre 1 et { $max }.
refusal-broadcast-not-found = Cette annonce n’existe pas.
refusal-broadcast-text-missing = Le texte en « { $locale } » manque. Rédigez l’annonce dans chaque langue de la campagne.
refusal-broadcast-text-too-long = Le texte en « { $locale } » est trop long : { $length } caractères, { $max } au maximum.
refusal-broadcast-unknown-area = Le quartier « { $area } » n’existe pas.
refusal-broadcast-unknown-locale = La langue « { $locale } » n’est pas une langue de cette campagne.

## Codes à usage unique
refusal-code-count-invalid = Choisissez un nombre de codes entre 1 et { $max }.
refusal-code-malformed = Ce code ne semble pas correct. Vérifiez-le et tapez-le à nouveau, exactement comme sur votre papier.
refusal-code-not-registered = Personne ne s’est encore inscrit avec ce code. Inscrivez-vous d’abord avec lui.
refusal-code-unknown = Nous ne connaissons pas ce code. Vérifiez-le et tapez-le à nouveau, ou demandez de l’aide à la commune.
refusal-code-used = Ce code a déjà été utilisé. Chaque code ne sert qu’une fois. Si vous pensez qu’il s’agit d’une erreur, adressez-vous à la commune.

## Finalistes (équipe)
refusal-finalist-not-eligible = L’idée n° { $idea } a l’état « { $state } » : seules les idées recevables peuvent devenir finalistes.
refusal-finalist-not-finalist = L’idée n° { $idea } a l’état « { $state } » : ce n’est pas une finaliste.

## Idées
refusal-idea-author-gone = L’auteur de cette idée a quitté la campagne : elle ne peut plus être modifiée.
refusal-idea-bad-characters =
    { $field ->
        [title] Le titre contient des caractères que nous ne pouvons pas afficher.
       *[other] La description contient des caractères que nous ne pouvons pas afficher.
    } Tapez-le à nouveau avec des lettres, des chiffres et de la ponctuation.
refusal-idea-busy = Quelqu’un a modifié cette idée en même temps. Réessayez.
refusal-idea-cost-invalid = Tapez le coût en nombre entier, par exemple 5000.
refusal-idea-cost-out-of-bounds = Le coût doit être compris entre { $min } et { $max }. Vous avez tapé { $cost }. Si vous ne savez pas, choisissez « Je ne sais pas ».
refusal-idea-description-too-long = Votre description est trop longue : { $length } caractères, { $max } au maximum. Raccourcissez-la.
refusal-idea-description-too-short = Votre description est trop courte : { $length } caractères, au moins { $min }. Dites-nous-en un peu plus.
refusal-idea-location-invalid = Ce lieu n’a pas pu être lu. Envoyez à nouveau la position, ou passez cette étape.
refusal-idea-no-rewrite = Il n’y a plus de proposition à laquelle répondre pour cette idée.
refusal-idea-not-author = Seul l’auteur de cette idée peut faire cela.
refusal-idea-photo-invalid = Cette photo n’a pas pu être utilisée. Envoyez une autre photo, ou passez cette étape.
refusal-idea-title-too-long = Votre titre est trop long : { $length } caractères, { $max } au maximum. Raccourcissez-le.
refusal-idea-title-too-short = Votre titre est trop court : { $length } caractères, au moins { $min }.
refusal-idea-unknown = Cette idée n’existe pas (ou plus). Rouvrez la liste des idées.
refusal-idea-unknown-area = Le quartier « { $area } » n’existe pas. Choisissez un quartier avec les boutons.
refusal-idea-unknown-category = La catégorie « { $category } » n’existe pas. Choisissez une catégorie avec les boutons.
refusal-idea-wrong-state = Ce n’est pas possible maintenant : l’idée n° { $idea } a l’état « { $state } ».

## Modération (équipe)
refusal-moderation-already-decided = Quelqu’un a déjà décidé pour l’idée n° { $idea } : son état est maintenant « { $state } ».
refusal-moderation-comment-required = Écrivez un commentaire : l’auteur doit savoir quoi changer.
refusal-moderation-cost-unknown = L’idée n° { $idea } n’a pas encore de coût. Estimez d’abord son coût.
refusal-moderation-merge-self = Une idée ne peut pas être fusionnée avec elle-même.
refusal-moderation-merge-target-state = L’autre idée a l’état « { $state } » : elle ne peut pas accueillir celle-ci.
refusal-moderation-merge-target-unknown = L’autre idée n’existe pas.
refusal-moderation-not-awaiting = L’idée n° { $idea } a l’état « { $state } » : elle n’attend pas de décision.
refusal-moderation-unknown-criterion = « { $criterion } » ne fait pas partie des critères d’examen.

## Phases (équipe)
refusal-phase-busy = Quelqu’un a changé la phase en même temps. Réessayez.
refusal-phase-extend-not-later = La nouvelle fin doit être plus tardive que l’actuelle ({ $end }).
refusal-phase-extend-not-open = Seule une phase ouverte peut être prolongée (actuellement : « { $phase } »).
refusal-phase-extend-overlaps = La nouvelle fin empiète sur la phase « { $phase } », qui se termine le { $end }.
refusal-phase-guard-finalists = La phase « { $phase } » ne peut pas s’ouvrir avec moins de 2 finalistes (actuellement : { $finalists }).
refusal-phase-guard-not-tallied = La phase « { $phase } » ne peut pas s’ouvrir avant le dépouillement.
refusal-phase-no-next = Il n’y a pas de phase après « { $phase } ».
refusal-phase-moved = La campagne n’est plus en « { $from } » (elle est maintenant en « { $phase } ») : rien n’a été modifié.
refusal-phase-reason-required = Indiquez la raison de ce changement.
refusal-phase-window-passed = Il est trop tard pour ouvrir la phase « { $phase } » : elle s’est terminée le { $end }.

## Rejouer un fichier Pabulib (opérateur)
refusal-replay-amount-precision = { $what } a plus de deux décimales.
refusal-replay-missing-meta = Le fichier doit contenir le champ META { $key }.
refusal-replay-unknown-rule = La règle « { $rule } » de ce fichier ne peut pas être rejouée.
refusal-replay-vote-type = Les bulletins de type « { $voteType } » ne peuvent pas être rejoués.

## Questions
refusal-question-already-closed = La question n° { $question } est déjà clôturée.
refusal-question-bad-characters = Votre message contient des caractères que nous ne pouvons pas afficher. Tapez-le à nouveau.
refusal-question-busy = Votre question a été modifiée en même temps. Envoyez à nouveau votre message.
refusal-question-campaign-archived = Cette campagne est terminée : l’équipe ne répond plus aux questions ici. Merci pour votre participation !
refusal-question-closed = La question n° { $question } est clôturée. Pour demander autre chose, posez une nouvelle question depuis le menu.
refusal-question-empty = Votre message est vide. Tapez votre question.
refusal-question-not-owner = Cette question appartient à quelqu’un d’autre.
refusal-question-photo-invalid = Cette photo n’a pas pu être utilisée. Envoyez-en une autre, ou seulement du texte.
refusal-question-rate-limited =
    { $limit ->
        [questions] Vous avez posé beaucoup de questions aujourd’hui.
       *[other] Vous avez envoyé beaucoup de messages en peu de temps.
    } Attendez jusqu’au { $retryAt } et réessayez. Merci de votre patience !
refusal-question-too-long = Votre message est trop long : { $length } caractères, { $max } au maximum. Raccourcissez-le ou envoyez-le en deux fois.
refusal-question-unknown = Cette question n’existe pas (ou plus).

## Inscription
refusal-registration-area-locked = Vous ne pouvez pas changer de quartier pendant le vote. Vous pourrez le faire après le { $closesAt }.
refusal-registration-area-not-eligible = Désolé, les habitants de votre quartier ne peuvent pas participer à cette campagne.
refusal-registration-consent-outdated = La notice de confidentialité a changé. Lisez-la et acceptez-la à nouveau pour continuer : envoyez /start.
refusal-registration-consent-required = Pour participer, vous devez accepter la notice de confidentialité. Vous pouvez la lire avec le lien ci-dessus.
refusal-registration-incomplete = Terminez d’abord votre inscription : envoyez /start.
refusal-registration-no-verification-needed = Aucune vérification n’est nécessaire dans cette campagne. Vous pouvez continuer.
refusal-registration-not-at-verification = Cette vérification n’est pas possible à cette étape. Continuez votre inscription : envoyez /start.
refusal-registration-not-verified = Confirmez d’abord votre identité : envoyez /start pour terminer votre inscription.
refusal-registration-too-young = Désolé, il faut avoir au moins { $minimumAge } ans pour participer.
refusal-registration-unknown-age-band = Choisissez votre âge avec les boutons.
refusal-registration-unknown-area = Nous ne connaissons pas ce quartier. Choisissez votre quartier avec les boutons, ou tapez votre code postal.
refusal-registration-unknown-language = La langue « { $locale } » n’est pas disponible. Choisissez une langue avec les boutons.
refusal-registration-use-verification = Utilisez le bouton de vérification pour confirmer votre identité.
refusal-registration-wrong-verification =
    { $expected ->
        [phone] Dans cette campagne, vous confirmez votre identité en partageant votre numéro de téléphone avec le bouton ci-dessous.
       *[other] Dans cette campagne, vous confirmez votre identité avec le code remis par la commune. Tapez-le.
    }

## Habitants
refusal-resident-busy = Vos données ont été modifiées en même temps. Réessayez.
refusal-resident-unknown = Nous ne vous connaissons pas encore. Envoyez /start pour vous inscrire.

## Résultats
refusal-results-not-yet = Les résultats ne sont pas encore connus. Nous vous les enverrons dès leur annonce.

## Opérateur et équipe
refusal-secret-mismatch = PNYX_SECRET n’est pas celui avec lequel cette campagne a commencé. Remettez le secret d’origine.
refusal-staff-admin-only = Seul un administrateur peut faire cela.
refusal-staff-not-staff = Seuls les membres de l’équipe peuvent faire cela.

## Soutiens
refusal-support-not-supportable = L’idée n° { $idea } ne peut pas être soutenue maintenant.
refusal-support-own-idea = C’est votre propre idée : vous ne pouvez pas la soutenir, mais vous pouvez la partager !

## Dépouillement (équipe)
refusal-tally-busy = { $unsettled } bulletins sont encore en cours d’enregistrement. Réessayez dans un instant.
refusal-tally-invalid-instance = Les voix ne peuvent pas être comptées : les données sont incohérentes.
refusal-tally-tie = Il y a une égalité dans « { $envelope } » entre les projets { $tied }. Une décision est nécessaire.
refusal-tally-unsupported = Cette méthode de dépouillement ne peut pas être utilisée avec ces bulletins.

## Vote
refusal-voting-busy = Beaucoup de personnes votent en ce moment. Réessayez dans un instant : votre vote n’est pas encore enregistré.
refusal-browse-unknown-area = Le quartier « { $area } » n'existe pas. Choisissez un quartier avec les boutons.
refusal-browse-unknown-category = La catégorie « { $category } » n'existe pas. Choisissez une catégorie avec les boutons.
refusal-phone-already-used = Ce numéro de téléphone a déjà servi à vérifier un autre compte. Un numéro ne vérifie qu'un seul compte. S'il s'agit de votre numéro et que vous ne vous êtes jamais inscrit, adressez-vous à la commune.
refusal-phone-invalid = Ce numéro de téléphone est illisible (il doit compter de { $min } à { $max } chiffres). Partagez-le à nouveau avec le bouton.
refusal-registration-unknown-postcode = Nous ne connaissons pas le code postal « { $postcode } ». Vérifiez-le, ou choisissez votre quartier avec les boutons.
