# Ambassadeurs : aider les habitants sans Telegram (features/ambassador.ts, ambassador-ballot.ts).
amb-menu-button = 🤝 Ambassadeur
amb-home = <b>Ambassadeur</b>
    Vous aidez des habitants qui n'utilisent pas Telegram. Que souhaitez-vous faire ?
amb-button-register = 📝 Inscrire un habitant
amb-button-idea = 💡 Une idée pour un habitant
amb-button-vote = 🗳 Un vote accompagné
amb-button-home = 🤝 Menu ambassadeur
amb-button-new-code = 🔑 Créer un code
amb-reg-language = Inscription d'un habitant sans Telegram (1 sur 4). Quelle langue l'habitant préfère-t-il ?
amb-reg-consent = (2 sur 4) Lisez ou expliquez la notice de confidentialité (version { $version }) à l'habitant : Pnyx garde sa tranche d'âge, son quartier et ses idées pour mener la campagne, et rien d'autre sur lui.
    L'habitant est-il d'accord ?
amb-reg-consent-read = Notice de confidentialité
amb-reg-consent-accept = L'habitant est d'accord
amb-reg-age = (3 sur 4) Quel âge a l'habitant ? (On peut participer dès { $minimumAge } ans.)
amb-reg-area = (4 sur 4) Où l'habitant habite-t-il ?
amb-reg-code = Dernière étape : si la commune a remis à l'habitant un code à usage unique sur papier, tapez-le maintenant. Sinon, appuyez sur « Créer un code ».
amb-reg-done = ✅ L'habitant est inscrit.

    Son code à usage unique :
    <code>{ $code }</code>
    Lettre par lettre : <b>{ $spelled }</b>

    Écrivez-le sur papier et remettez-le à l'habitant. C'est sa clé : il le garde pour lui et ne le montre à personne, sauf pour le taper lui-même quand un ambassadeur l'aide à voter. Pnyx ne l'affichera plus.
amb-idea-code = Tapez le code à usage unique de l'habitant dont vous notez l'idée. Le message est retiré de cette conversation dès qu'il est lu.
amb-idea-start = Vous notez une idée pour un habitant. Elle sera à son nom, et le dossier indiquera que vous l'avez aidé.
amb-idea-heading = <b>Idée de l'habitant que vous aidez</b> (le dossier indiquera que vous l'avez aidé)
amb-idea-sent = L'idée n° { $number } est envoyée au nom de l'habitant. Le comité va l'examiner ; le dossier indique que vous l'avez aidé.
amb-vote-code = Tapez le code à usage unique de l'habitant que vous aidez à voter. Le message est retiré de cette conversation dès qu'il est lu.
amb-vote-start = Voici le bulletin de l'habitant que vous aidez. Choisissez avec lui ; à la fin, l'habitant confirme avec son propre code.
amb-vote-code-prompt = <b>Rien n'est encore enregistré.</b> L'habitant tape maintenant ici son code à usage unique, pour confirmer lui-même ce vote.
amb-vote-wrong-code = Ce n'est pas le code de l'habitant à qui appartient ce bulletin. Rien n'a été enregistré. Il peut le taper à nouveau, ou vous pouvez modifier les choix.
amb-vote-nothing-waiting = Aucun vote n'attend de code. Ouvrez à nouveau le vote accompagné depuis le menu ambassadeur.
amb-cancelled = Arrêté. Rien n'a été enregistré.
amb-use-buttons = Utilisez les boutons du dernier message, ou appuyez sur Annuler.
