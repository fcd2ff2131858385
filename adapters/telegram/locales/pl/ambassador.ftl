# Ambasadorzy: pomoc mieszkańcom bez Telegrama (features/ambassador.ts, ambassador-ballot.ts).
amb-menu-button = 🤝 Ambasador
amb-home = <b>Ambasador</b>
    Pomagasz mieszkańcom, którzy nie korzystają z Telegrama. Co chcesz zrobić?
amb-button-register = 📝 Zarejestruj mieszkańca
amb-button-idea = 💡 Pomysł mieszkańca
amb-button-vote = 🗳 Głosowanie z pomocą
amb-button-home = 🤝 Menu ambasadora
amb-button-new-code = 🔑 Utwórz kod
amb-reg-language = Rejestracja mieszkańca bez Telegrama (1 z 4). Jaki język woli mieszkaniec?
amb-reg-consent = (2 z 4) Przeczytaj lub wyjaśnij mieszkańcowi informację o prywatności (wersja { $version }): Pnyx przechowuje jego grupę wiekową, dzielnicę i pomysły, aby prowadzić kampanię, i nic więcej o nim.
    Czy mieszkaniec się zgadza?
amb-reg-consent-read = Informacja o prywatności
amb-reg-consent-accept = Mieszkaniec się zgadza
amb-reg-age = (3 z 4) Ile lat ma mieszkaniec? (Udział jest możliwy od { $minimumAge } lat.)
amb-reg-area = (4 z 4) Gdzie mieszka mieszkaniec?
amb-reg-code = Ostatni krok: jeśli gmina dała mieszkańcowi jednorazowy kod na papierze, wpisz go teraz. W przeciwnym razie naciśnij „Utwórz kod”.
amb-reg-done = ✅ Mieszkaniec jest zarejestrowany.

    Jego jednorazowy kod:
    <code>{ $code }</code>
    Znak po znaku: <b>{ $spelled }</b>

    Zapisz go na papierze i przekaż mieszkańcowi. To jego klucz: zachowuje go dla siebie i nikomu nie pokazuje, poza wpisaniem go samodzielnie, gdy ambasador pomaga mu głosować. Pnyx nie pokaże go ponownie.
amb-idea-code = Wpisz jednorazowy kod mieszkańca, którego pomysł zapisujesz. Wiadomość zostanie usunięta z tej rozmowy, gdy tylko zostanie odczytana.
amb-idea-start = Zapisujesz pomysł mieszkańca. Będzie on w jego imieniu, a w rejestrze zostanie zapisane, że pomogłeś.
amb-idea-heading = <b>Pomysł mieszkańca, któremu pomagasz</b> (w rejestrze zostanie zapisane, że pomogłeś)
amb-idea-sent = Pomysł nr { $number } został wysłany w imieniu mieszkańca. Komisja go rozpatrzy; w rejestrze zapisano, że pomogłeś.
amb-vote-code = Wpisz jednorazowy kod mieszkańca, któremu pomagasz głosować. Wiadomość zostanie usunięta z tej rozmowy, gdy tylko zostanie odczytana.
amb-vote-start = To karta do głosowania mieszkańca, któremu pomagasz. Wybierajcie razem; na końcu mieszkaniec potwierdza własnym kodem.
amb-vote-code-prompt = <b>Nic nie zostało jeszcze zapisane.</b> Teraz mieszkaniec wpisuje tutaj swój jednorazowy kod, aby sam potwierdzić ten głos.
amb-vote-wrong-code = To nie jest kod mieszkańca, do którego należy ta karta. Nic nie zostało zapisane. Może wpisać go ponownie albo możesz zmienić wybór.
amb-vote-nothing-waiting = Żaden głos nie czeka na kod. Otwórz ponownie głosowanie z pomocą z menu ambasadora.
amb-cancelled = Przerwano. Nic nie zostało zapisane.
amb-use-buttons = Użyj przycisków z ostatniej wiadomości albo naciśnij Anuluj.
