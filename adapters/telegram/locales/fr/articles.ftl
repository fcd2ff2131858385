# Actualités et articles explicatifs (features/articles.ts). HTML Telegram.
articles-none = 📰 Pas encore d'actualités. L'équipe publiera des articles ici pendant la campagne : revenez bientôt !
articles-read-more = Lire la suite
