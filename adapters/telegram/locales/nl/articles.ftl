# Nieuws en toelichtende artikels (features/articles.ts). Telegram-HTML.
articles-none = 📰 Nog geen nieuws. Het team publiceert hier tijdens de campagne artikels: kom binnenkort terug!
articles-read-more = Lees verder
