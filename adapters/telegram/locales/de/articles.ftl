# Neuigkeiten und erklärende Artikel (features/articles.ts). Telegram-HTML.
articles-none = 📰 Noch keine Neuigkeiten. Das Team veröffentlicht hier während der Kampagne Artikel: Schauen Sie bald wieder vorbei!
articles-read-more = Weiterlesen
