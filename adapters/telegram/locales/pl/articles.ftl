# Aktualności i artykuły objaśniające (features/articles.ts). HTML Telegrama.
articles-none = 📰 Nie ma jeszcze aktualności. Zespół będzie tu publikował artykuły w trakcie kampanii: zajrzyj wkrótce!
articles-read-more = Czytaj dalej
