# Karta do głosowania (features/vote.ts, render/ballot-builder.ts). HTML Telegrama.
vote-header = 🗳 <b>{ $envelope }</b>
vote-header-of = 🗳 Karta { $index } z { $total }: <b>{ $envelope }</b>
vote-rule-single = Wybierz <b>jeden</b> projekt, a potem potwierdź.
vote-rule-approval = Wybierz do <b>{ $max }</b> projektów, a potem potwierdź.
vote-rule-approval-min = Wybierz od <b>{ $min }</b> do <b>{ $max }</b> projektów, a potem potwierdź.
vote-rule-knapsack = Wybierz projekty, które chcesz, o ile ich suma mieści się w budżecie <b>{ $budget }</b>.
vote-rule-cumulative = Rozdziel <b>{ $points }</b> punktów między projekty za pomocą ➕ i ➖ (najwyżej { $max } na jeden projekt).
vote-status-single-none = Nie wybrano jeszcze żadnego projektu.
vote-status-single = Twój wybór: nr { $number } { $title }
vote-status-approval = Wybrano { $count } z { $max }
vote-status-knapsack = Suma: { $total } z { $budget } — zostało { $left }
vote-status-cumulative = Pozostałe punkty: { $left } z { $points }
vote-points = { $points ->
    [one] 1 punkt
    [few] { $points } punkty
   *[other] { $points } punktów
}
vote-not-fitting = nie mieści się w tym, co zostało
vote-no-finalists = Na tej karcie nie ma projektów do głosowania.
vote-hint = Dotknij projektu, aby go wybrać (dotknij ponownie, aby go usunąć); ℹ️ pokazuje jego opis.
vote-hint-cumulative = Użyj ➕ i ➖, aby dać punkty; dotknij tytułu, aby zobaczyć opis.
vote-closes = Głosowanie kończy się { $closesAt }.
vote-button-review = Sprawdź mój głos ▶️
vote-card-cost = Koszt
vote-card-points = Twoje punkty dla tego projektu: <b>{ $points }</b>
vote-button-choose = ✅ Wybierz ten projekt
vote-button-remove = ✖️ Usuń z mojego wyboru
vote-button-photo = 📷 Zdjęcie
vote-confirm-title = Sprawdź swój głos w głosowaniu <b>{ $envelope }</b>:
vote-confirm-total = Suma: <b>{ $total }</b> z { $budget }
vote-confirm-points = Przyznane punkty: <b>{ $points }</b> z { $max }
vote-confirm-question = Czy wszystko się zgadza? Twój głos zostanie zapisany dopiero po naciśnięciu „Oddaj głos”.
vote-button-cast = ✅ Oddaj głos
vote-button-edit = ✏️ Zmień coś
vote-cast-done = ✅ Twój głos w głosowaniu <b>{ $envelope }</b> został zapisany. Dziękujemy!
vote-cast-replaced = ✅ Twój nowy głos w głosowaniu <b>{ $envelope }</b> został zapisany. Zastępuje poprzedni.
vote-current = 🗳 Twój głos w głosowaniu <b>{ $envelope }</b>:
vote-receipt = Twój kod potwierdzenia: <code>{ $receipt }</code>
vote-receipt-how = Zachowaj ten kod. Po głosowaniu gmina publikuje listę wszystkich kart, bez nazwisk. Znajdź na niej swój kod: pokazuje, że Twoja karta została policzona tak, jak ją wypełniłeś.
vote-progress = Wypełniono { $done } z { $total } kart.
vote-change-until = Możesz zmienić swój głos do { $closesAt }.
vote-button-next = ▶️ Następna karta: { $envelope }
vote-button-change = ✏️ Zmień mój głos
vote-stale = Ta karta jest nieaktualna. Użyj najnowszej wiadomości lub wyślij /vote.
vote-cast-toast = Twój głos został zapisany.
