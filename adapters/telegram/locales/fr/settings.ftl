settings-title = ⚙️ Réglages
settings-language-now = Langue : { $language }
settings-updates-on = Nouvelles : activées (annonces et point hebdomadaire).
settings-updates-off = Nouvelles : désactivées.
settings-button-language = 🌐 Changer de langue
settings-button-stop = 🔕 Ne plus recevoir les nouvelles
settings-button-resume = 🔔 Recevoir les nouvelles
settings-button-mydata = 📄 Mes données
settings-button-forget = 🗑 M'oublier
settings-language-choose = Dans quelle langue souhaitez-vous continuer ?
settings-language-done = C'est fait : je vous écris désormais en { $language }.
settings-continue-registration = Envoyez /start pour terminer votre inscription.
settings-stopped = 🔕 Nouvelles arrêtées : vous ne recevrez plus les annonces de la campagne ni le point hebdomadaire.
    Vous recevrez toujours les réponses à vos questions et les nouvelles de vos propres idées. /resume les réactive.
settings-resumed = 🔔 Nouvelles réactivées : vous recevrez à nouveau les annonces de la campagne et le point hebdomadaire. /stop les arrête.
