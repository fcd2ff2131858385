reg-language = Bienvenue sur <b>{ $campaign }</b>, où les habitants décident comment dépenser une partie du budget communal.
    Dans quelle langue souhaitez-vous continuer ?
reg-consent = Avant de commencer : Pnyx garde votre tranche d'âge, votre quartier et vos idées pour mener la campagne, et rien d'autre sur vous. La notice de confidentialité (version { $version }) explique tout.
    Êtes-vous d'accord ?
reg-consent-read = Lire la notice de confidentialité
reg-consent-accept = J'accepte
reg-consent-decline = Je refuse
reg-age = Quel âge avez-vous ? (On peut participer dès { $minimumAge } ans.)
reg-area = Où habitez-vous ? Choisissez votre quartier.
reg-area-or-postcode = Où habitez-vous ? Choisissez votre quartier, ou tapez votre code postal.
reg-phone = Dernière étape : confirmez votre numéro de téléphone avec le bouton ci-dessous. Telegram ne le partage qu'une fois, et Pnyx n'en garde qu'une empreinte codée, jamais le numéro lui-même.
reg-phone-button = Partager mon numéro
reg-phone-not-own = Partagez <b>votre propre</b> numéro avec le bouton ci-dessous (pas le contact de quelqu'un d'autre).
reg-code = Dernière étape : tapez le code à usage unique remis par la commune (par exemple <code>K7QF-2MXA</code>).
reg-code-later = Merci, votre code est noté : il servira à la fin de l'inscription.
reg-code-not-needed = Vous n'avez pas besoin de code : vous êtes déjà inscrit.
reg-link-unknown = Je ne reconnais pas ce lien ; voici où vous en êtes.
reg-finish-first = Terminons d'abord votre inscription.
reg-welcome = Vous êtes inscrit à <b>{ $campaign }</b>. Bienvenue !
