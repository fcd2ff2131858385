# Słowa wspólne dla wszystkich funkcji. HTML Telegrama.
common-back = ◀️ Wstecz
common-cancel = ✖️ Anuluj
common-confirm = ✅ Potwierdź
common-yes = Tak
common-no = Nie
common-next = Dalej ▶️
common-previous = ◀️ Poprzednie
common-page = Strona { $page } / { $pages }
common-expired-button = Ten przycisk wygasł. Użyj najnowszej wiadomości albo wyślij /start, aby zobaczyć menu.
common-error = Przepraszamy, coś poszło nie tak po naszej stronie. Spróbuj ponownie za chwilę. Jeśli to się powtórzy, podaj zespołowi ten numer: <code>{ $ref }</code>
common-too-fast = Trochę za szybko! Poczekaj kilka sekund i spróbuj ponownie.
common-main-menu = 🏠 Menu główne
common-dont-know = Nie wiem
common-skip = Pomiń
common-town-wide = Cała gmina

## Nazwy etapów
common-phase-draft = Przygotowanie
common-phase-submission = Zgłaszanie pomysłów
common-phase-review = Ocena pomysłów
common-phase-voting = Głosowanie
common-phase-tallying = Liczenie głosów
common-phase-announced = Wyniki
common-phase-archived = Zakończone

## Stan pomysłu
common-idea-state-submitted = zgłoszony
common-idea-state-changes-requested = prośba o zmiany
common-idea-state-resubmitted = zgłoszony ponownie
common-idea-state-eligible = dopuszczony
common-idea-state-rejected = nieprzyjęty
common-idea-state-merged = połączony z innym pomysłem
common-idea-state-withdrawn = wycofany
common-idea-state-finalist = w finale
common-idea-state-winner = zwycięski
common-idea-state-not-funded = niesfinansowany
