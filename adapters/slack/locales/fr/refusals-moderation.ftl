# Refus du moteur lors de la modération (moderation.*, idea.*, finalist.*), pour le comité. Slack mrkdwn.
refusal-moderation-already-decided = { $by ->
    [none] L'idée n° { $idea } a changé depuis l'affichage de la fiche (état : { $state }). Rien n'a été enregistré ; la fiche est remise à jour.
   *[other] { $by } a déjà décidé pour l'idée n° { $idea } : { $state } ({ $at }). Votre décision n'a pas été enregistrée.
}
refusal-moderation-comment-required = Une demande de modifications doit dire à l'auteur quoi modifier. Rien n'a été enregistré.
refusal-moderation-cost-unknown = Le coût de l'idée n° { $idea } n'est pas encore estimé : estimez-le avant de la déclarer recevable.
refusal-moderation-merge-self = Une idée ne peut pas être le doublon d'elle-même. Rien n'a été enregistré.
refusal-moderation-merge-target-state = L'idée choisie ne peut pas absorber un doublon dans son état actuel ({ $state }). Rien n'a été enregistré.
refusal-moderation-merge-target-unknown = L'idée choisie comme original n'existe pas. Rien n'a été enregistré.
refusal-moderation-not-awaiting = L'idée n° { $idea } n'attend pas de décision (état : { $state }). Rien n'a été enregistré.
refusal-moderation-unknown-criterion = « { $criterion } » n'est pas un critère d'examen de la campagne. Rien n'a été enregistré.
refusal-moderation-not-yet = La modération n'est pas encore ouverte : elle commence le { $opensAt }. Rien n'a été enregistré.
refusal-moderation-closed = La modération est terminée pour cette campagne. Rien n'a été enregistré.
refusal-idea-author-gone = L'auteur a effacé ses données : personne ne peut plus répondre à une réécriture. Rien n'a été envoyé.
refusal-idea-bad-characters = { $field ->
    [title] Le titre contient des caractères de contrôle. Retirez-les.
   *[other] La description contient des caractères de contrôle. Retirez-les.
}
refusal-idea-busy = L'idée est modifiée en ce moment par quelqu'un d'autre. Rien n'a été enregistré ; réessayez.
refusal-idea-cost-invalid = Ce montant n'est pas valable. Rien n'a été enregistré.
refusal-idea-cost-out-of-bounds = Le coût doit être compris entre { $min } et { $max } (vous avez indiqué { $cost }).
refusal-idea-description-too-long = Description trop longue : { $length } caractères, { $max } au plus.
refusal-idea-description-too-short = Description trop courte : { $length } caractères, { $min } au moins.
refusal-idea-title-too-long = Titre trop long : { $length } caractères, { $max } au plus.
refusal-idea-title-too-short = Titre trop court : { $length } caractères, { $min } au moins.
refusal-idea-unknown = Cette idée n'existe pas (ou plus). Rien n'a été modifié.
refusal-idea-wrong-state = Impossible dans l'état actuel de l'idée n° { $idea } ({ $state }). Rien n'a été modifié.
refusal-finalist-not-eligible = L'idée n° { $idea } n'est pas recevable ({ $state }) : elle ne peut pas devenir finaliste.
refusal-finalist-not-finalist = L'idée n° { $idea } n'est pas finaliste ({ $state }). Rien n'a été modifié.
