# La commande /pnyx (features/command*.ts, blocks/command-*.ts). Slack mrkdwn ; les noms de
# lieux et les textes tapés arrivent échappés.

command-cancel = Annuler
command-back = Retour
command-failed = Cela n'a pas fonctionné, à cause d'une erreur de notre côté. Rien n'a été modifié ; réessayez dans un instant.
command-form-unreadable = Ce formulaire n'a pas pu être lu. Fermez-le et relancez la commande.
command-actor-system = le calendrier
command-upload-failed = Les fichiers n'ont pas pu être envoyés dans ce canal (`{ $error }`). Invitez l'app dans le canal ou lancez la commande dans un canal où elle se trouve.

## Les phases et les états des idées
command-phase-draft = Préparation
command-phase-submission = Dépôt des idées
command-phase-review = Examen des idées
command-phase-voting = Vote
command-phase-tallying = Dépouillement
command-phase-announced = Résultats
command-phase-archived = Archivée
command-state-submitted = Déposées
command-state-changes-requested = Modifications demandées
command-state-resubmitted = Redéposées
command-state-eligible = Recevables
command-state-rejected = Refusées
command-state-merged = Fusionnées
command-state-withdrawn = Retirées
command-state-finalist = Finalistes
command-state-winner = Lauréates
command-state-not-funded = Non financées
command-held-phase-guard-finalists = il faut au moins deux idées finalistes
command-held-phase-guard-not-tallied = le dépouillement n'a pas encore été fait

## Aide
command-help-title = La commande /pnyx
command-help-status = `/pnyx status` — la phase en cours, ses dates, la prochaine étape et les chiffres de la campagne.
command-help-phase = `/pnyx phase` — passer à la phase suivante plus tôt que prévu, ou prolonger la phase en cours. Une raison est demandée, puis une confirmation. _Administrateurs._
command-help-announce = `/pnyx announce` — rédiger une annonce aux habitants, dans chaque langue de la campagne, la relire telle qu'ils la recevront, puis l'envoyer à tous ou à un quartier. Sa progression s'affiche dans le canal des annonces. _Administrateurs._
command-help-export = `/pnyx export` — les exports de la campagne (idées, résultats, bulletins anonymisés) en fichiers CSV, déposés dans ce canal.
command-help-codes = `/pnyx codes N` — créer N codes à usage unique (de 1 à 10 000) à remettre aux habitants. Le fichier CSV vous arrive en message privé ; les codes ne sont jamais affichés dans un canal. _Administrateurs._
command-help-ambassador = `/pnyx ambassador grant CODE` ou `/pnyx ambassador revoke CODE` — donner ou retirer le rôle d'ambassadeur. CODE est le code à usage unique avec lequel la personne s'est inscrite ou vérifiée dans le bot (par exemple `K7QM-2XPA`), ou son identifiant tel que l'affiche son fichier « Mes données » (`tg:123456789`). _Administrateurs._
command-help-help = `/pnyx help` — cette aide.
command-help-footer = Seul le comité de pilotage peut utiliser /pnyx. Les réponses ne sont visibles que par vous.

command-problem-unknown = « { $sub } » n'est pas une sous-commande de /pnyx. Voici ce que /pnyx sait faire :
command-problem-extra = `/pnyx { $sub }` ne prend rien après son nom (reçu : « { $extra } »).
command-problem-codes-usage = Indiquez combien de codes créer : `/pnyx codes 50`.
command-problem-codes-number = « { $value } » n'est pas un nombre entier. Indiquez combien de codes créer, par exemple `/pnyx codes 50`.
command-problem-ambassador-usage = Écrivez `/pnyx ambassador grant CODE` pour donner le rôle, ou `/pnyx ambassador revoke CODE` pour le retirer.
command-problem-ambassador-who = « { $value } » n'est ni un code à usage unique (8 caractères, comme `K7QM-2XPA`) ni un identifiant d'habitant (comme `tg:123456789`).

## Statut
command-status-title = { $campaign } — où en est la campagne
command-status-window = *Phase :* { $phase }, du { $start } au { $end } (fuseau { $zone })
command-status-window-from = *Phase :* { $phase }, depuis le { $start } (fuseau { $zone })
command-status-window-until = *Phase :* { $phase }, jusqu'au { $end } (fuseau { $zone })
command-status-window-open = *Phase :* { $phase }
command-status-next = *Ensuite :* { $next }, à partir du { $at }
command-status-held = :warning: *{ $next }* aurait dû commencer le { $at }, mais la campagne reste en place : { $reason }. Seul un passage manuel (`/pnyx phase`) l'ouvrira.
command-status-between = *Entre deux phases :* { $after } est terminée ; { $next } commence le { $at } (fuseau { $zone }).
command-status-ideas = Idées ({ $count })
command-status-count = { $label } : { $count }
command-status-no-ideas = aucune idée pour l'instant
command-status-backlog = À examiner
command-status-backlog-empty = Rien en attente
command-status-backlog-count = { $count ->
    [one] { $count } idée, en attente depuis { $wait }
   *[other] { $count } idées, la plus ancienne depuis { $wait }
}
command-status-residents = Habitants inscrits
command-status-residents-count = { $count } ({ $percent } % de { $population } habitants), { $week } cette semaine
command-status-ballots = Bulletins
command-status-voters = { $count } votants ({ $percent } % des inscrits)
command-status-footer = Chiffres au { $at } (fuseau { $zone }).

## Changer de phase
command-phase-title = Phase de la campagne
command-phase-continue = Continuer
command-phase-confirm = Confirmer
command-phase-op = Que faire ?
command-phase-op-advance = Passer maintenant à la phase suivante : { $to }
command-phase-op-extend = Prolonger la phase en cours : { $phase }
command-phase-op-required = Choisissez ce qu'il faut faire.
command-phase-until-date = Nouvelle date de fin (pour une prolongation)
command-phase-until-date-hint = La phase se termine à cet instant, fuseau { $zone }. Ignoré pour un passage à la phase suivante.
command-phase-until-time = Heure de fin ({ $zone })
command-phase-reason = Raison
command-phase-reason-hint = Obligatoire. Elle est enregistrée avec le changement et visible par le comité.
command-phase-reason-required = Indiquez la raison de ce changement.
command-phase-reason-too-long = La raison est trop longue : { $max } caractères au maximum.
command-phase-until-required = Choisissez la nouvelle date de fin.
command-phase-until-invalid = Cette heure n'existe pas ce jour-là à { $zone } (changement d'heure). Choisissez-en une autre.
command-phase-until-past = La nouvelle fin doit être dans le futur.
command-phase-until-not-later = La nouvelle fin doit être après la fin actuelle ({ $end }).
command-phase-nothing = Il n'y a rien à avancer ni à prolonger : la campagne est en phase « { $phase } ».
command-phase-cannot-extend = La phase « { $phase } » ne peut pas être prolongée maintenant.
command-phase-changed = La phase a changé pendant que vous remplissiez ce formulaire. Rien n'a été modifié : fermez-le et relancez `/pnyx phase`.
command-phase-confirm-advance = Vous allez terminer la phase *{ $from }* maintenant et ouvrir la phase *{ $to }*.
command-phase-confirm-advance-effects = Les habitants abonnés recevront l'annonce de la phase « { $to } » dans leur langue, et le comité en sera informé.
command-phase-confirm-extend = Vous allez prolonger la phase *{ $phase }* jusqu'au *{ $until }* (fuseau { $zone }).
command-phase-confirm-extend-next = La phase « { $next } » commencera alors le { $at }.
command-phase-confirm-reason = *Raison :* { $reason }
command-phase-refused-hint = Rien n'a été modifié. « Retour » ramène au formulaire.
command-phase-done-advance = C'est fait : la phase « { $from } » est terminée, la phase « { $to } » est ouverte.
command-phase-done-extend = C'est fait : la phase « { $phase } » dure jusqu'au { $until } (fuseau { $zone }).
command-phase-extended-notice = :calendar: { $by } a prolongé la phase *{ $phase }* jusqu'au { $until } (fuseau { $zone }). Raison : { $reason }

## Annonce
command-announce-title = Annonce aux habitants
command-announce-title-preview = Aperçu de l'annonce
command-announce-preview = Aperçu
command-announce-send = Envoyer
command-announce-intro = Rédigez l'annonce dans chaque langue de la campagne. Le texte en { $language } est obligatoire ; une langue laissée vide recevra le texte en { $language }. Vous verrez ensuite exactement ce que liront les habitants avant de l'envoyer.
command-announce-text-required = Texte en { $language } (obligatoire)
command-announce-text-optional = Texte en { $language } (facultatif)
command-announce-audience = Destinataires
command-announce-audience-all = Tous les habitants abonnés
command-announce-audience-area = Les habitants abonnés du quartier { $area }
command-announce-audience-required = Choisissez à qui envoyer l'annonce.
command-announce-text-missing = Le texte en { $language } est obligatoire.
command-announce-text-too-long = Ce texte est trop long : { $length } caractères, { $max } au maximum.
command-announce-preview-title = Voici ce que liront les habitants
command-announce-preview-audience = Destinataires : { $audience }. Vérifiez chaque langue, puis appuyez sur « Envoyer ».
command-announce-preview-language = *{ $label }* — ce que reçoivent les habitants qui lisent en { $language } :
command-announce-preview-borrowed = *{ $label }* — aucun texte en { $language } : ces habitants recevront le texte en { $fallback } :
command-announce-preview-edit = Pour corriger, modifiez le texte ci-dessous puis appuyez sur « Envoyer » : un nouvel aperçu s'affichera d'abord.
command-announce-changed = Le texte ou les destinataires ont changé depuis l'aperçu. Vérifiez ce nouvel aperçu, puis appuyez à nouveau sur « Envoyer ».
command-announce-started = L'annonce part. Sa progression s'affiche dans { $channel }.

## Progression d'une annonce
command-progress-title-sending = 📣 Annonce en cours d'envoi
command-progress-title-done = 📣 Annonce envoyée
command-progress-phase = Annonce de l'ouverture de la phase « { $phase } »
command-progress-template = Annonce automatique de la campagne
command-progress-by = Lancée par { $by } le { $at } · { $audience }
command-progress-audience-all = tous les habitants abonnés
command-progress-audience-area = habitants abonnés du quartier { $area }
command-progress-total = Messages prévus
command-progress-total-counting = en préparation ({ $queued } pour l'instant)
command-progress-sent = Envoyés
command-progress-failed = Échecs
command-progress-left = Restants
command-progress-running = { $sent } envoyés, { $failed } échecs, { $left } restants
command-progress-done = Terminée le { $at } : { $sent } messages envoyés sur { $total }, { $failed } échecs.
command-progress-skipped = { $skipped } non envoyés : plus utiles au moment de l’envoi (le résident avait voté entre-temps, ou le vote était clos).
command-progress-failed-hint = Un échec signifie le plus souvent que l'habitant a bloqué le bot : il ne recevra plus d'annonces.

## Exports et codes
command-export-unavailable = L'export n'est pas disponible sur ce service. Utilisez `pnyx export` sur le serveur.
command-export-started = Export en cours… les fichiers arrivent dans ce canal dans un instant.
command-export-failed = L'export a échoué à cause d'une erreur de notre côté. Rien n'a été envoyé ; réessayez plus tard.
command-export-empty = Il n'y a rien à exporter pour l'instant.
command-export-comment = { $count ->
    [one] Export de la campagne du { $at } : { $count } fichier.
   *[other] Export de la campagne du { $at } : { $count } fichiers.
}
command-export-done = { $count ->
    [one] Export envoyé dans ce canal : { $files }.
   *[other] Export envoyé dans ce canal ({ $count } fichiers) : { $files }.
}
command-codes-file-title = { $count ->
    [one] { $count } code à usage unique
   *[other] { $count } codes à usage unique
}
command-codes-comment = { $count ->
    [one] Voici le code à usage unique demandé. Remettez-le sur papier ; chacun ne sert qu'une fois.
   *[other] Voici les { $count } codes à usage unique demandés. Remettez-les sur papier ; chacun ne sert qu'une fois.
}
command-codes-done = { $count ->
    [one] { $count } code créé. Le fichier CSV vous attend dans vos messages privés avec Pnyx.
   *[other] { $count } codes créés. Le fichier CSV vous attend dans vos messages privés avec Pnyx.
}
command-codes-upload-failed = { $count } codes ont été créés, mais le fichier n'a pas pu vous être envoyé (`{ $error }`). Ces codes n'ont été remis à personne ; créez-en de nouveaux.

## Ambassadeurs
command-ambassador-granted = { $who } est maintenant ambassadeur (quartier { $area }, inscrit le { $since }). Le menu ambassadeur apparaît dans son bot.
command-ambassador-revoked = { $who } n'est plus ambassadeur (quartier { $area }, inscrit le { $since }).
command-ambassador-already = { $who } est déjà ambassadeur (quartier { $area }, inscrit le { $since }). Rien n'a été modifié.
command-ambassador-not-one = { $who } n'est pas ambassadeur (quartier { $area }, inscrit le { $since }). Rien n'a été modifié.
command-ambassador-is-staff = { $who } fait partie de l'équipe ; son rôle se règle dans la configuration de la campagne. Rien n'a été modifié.
command-ambassador-no-area = non choisi
command-ambassador-not-registered = inscription pas terminée
