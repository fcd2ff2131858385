# News and explanatory articles (features/articles.ts). Telegram HTML.
articles-none = 📰 No news yet. The team will publish articles here during the campaign: come back soon!
articles-read-more = Read more
