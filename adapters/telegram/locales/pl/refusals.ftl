# Odmowy: dlaczego silnik odmówił i co zrobić dalej. Jeden klucz na kod
# (core/domain/codes.ts): `refusal-` + kod, `.` i `_` zamienione na `-`. HTML Telegrama.

refusal-generic = Przepraszamy, to się nie udało. Nic nie zostało zmienione. Spróbuj ponownie albo wróć do menu przez /start.

## Etap: za wcześnie (opensAt) lub już po (nextPhase, nextPhaseOpensAt)
refusal-submission-not-yet = Pomysły można zgłaszać od <b>{ $opensAt }</b>. Do zobaczenia!
refusal-submission-closed =
    Zgłaszanie pomysłów zostało zakończone.
    { $nextPhase ->
        [none] Dziękujemy za udział!
       *[other] Następny etap: { $nextPhase }, od { $nextPhaseOpensAt }.
    }
refusal-resubmission-not-yet = Poprawiony pomysł możesz wysłać ponownie od <b>{ $opensAt }</b>.
refusal-resubmission-closed =
    Jest już za późno, aby ponownie wysłać pomysł: ocena została zakończona.
    { $nextPhase ->
        [none] Dziękujemy za udział!
       *[other] Następny etap: { $nextPhase }, od { $nextPhaseOpensAt }.
    }
refusal-withdrawal-not-yet = Pomysł można wycofać od <b>{ $opensAt }</b>.
refusal-withdrawal-closed = Jest już za późno, aby wycofać pomysł: ocena została zakończona.
refusal-support-not-yet = Pomysły można popierać od <b>{ $opensAt }</b>.
refusal-support-closed =
    Popieranie pomysłów nie jest już możliwe.
    { $nextPhase ->
        [none] Dziękujemy za udział!
       *[other] Następny etap: { $nextPhase }, od { $nextPhaseOpensAt }.
    }
refusal-moderation-not-yet = Pomysły można oceniać od <b>{ $opensAt }</b>.
refusal-moderation-closed = Ocena pomysłów w tej kampanii została zakończona.
refusal-finalists-not-yet = Finalistów można wybrać od <b>{ $opensAt }</b>.
refusal-finalists-closed = Wybór finalistów w tej kampanii został zakończony.
refusal-voting-not-yet = Głosowanie rozpocznie się <b>{ $opensAt }</b>. Wyślemy Ci wiadomość, gdy ruszy.
refusal-voting-closed = Głosowanie jest zamknięte. Dziękujemy! Wyniki zostaną ogłoszone tutaj.
refusal-tally-not-yet = Głosy można liczyć od <b>{ $opensAt }</b>.
refusal-tally-closed = Głosy w tej kampanii zostały już policzone.

## Ambasadorzy
refusal-ambassador-not-ambassador = Tylko ambasadorzy mogą to zrobić. Jeśli pomagasz mieszkańcom w imieniu gminy, poproś zespół o rolę ambasadora.

## Karta do głosowania
refusal-ballot-already-cast = Już zagłosowałeś. Twoje potwierdzenie: <code>{ $receipt }</code>. Dziękujemy!
refusal-ballot-duplicate-choice = Ten sam projekt wybrano dwa razy. Wybierz każdy projekt tylko raz.
refusal-ballot-empty = Nie wybrano jeszcze żadnego projektu. Dotknij projektu, aby go wybrać.
refusal-ballot-no-such-ballot = Nie ma dla Ciebie takiej karty. Otwórz głosowanie ponownie z menu.
refusal-ballot-over-budget = Twój wybór kosztuje { $total }, a budżet wynosi { $budget }. Usuń projekty warte co najmniej { $over }.
refusal-ballot-points-invalid = Każdy projekt musi dostać co najmniej 1 punkt (liczba całkowita).
refusal-ballot-points-per-idea = Jednemu projektowi możesz dać najwyżej tyle punktów: { $max }.
refusal-ballot-single-one = Wybierz dokładnie jeden projekt.
refusal-ballot-too-few = Wybierz co najmniej tyle projektów: { $min }. Wybrano: { $count }.
refusal-ballot-too-many = Możesz wybrać najwyżej tyle projektów: { $max }. Wybrano: { $count }. Usuń kilka.
refusal-ballot-too-many-points = Masz do rozdania punkty: { $max }, a rozdano: { $total }. Odbierz kilka.
refusal-ballot-unknown-idea = Tego projektu nie ma na karcie. Otwórz głosowanie ponownie z menu.

## Ogłoszenia (zespół)
refusal-broadcast-bad-page-size = Rozmiar strony musi wynosić od 1 do { $max }.
refusal-broadcast-not-found = To ogłoszenie nie istnieje.
refusal-broadcast-text-missing = Brakuje tekstu w języku: { $locale }. Napisz ogłoszenie w każdym języku kampanii.
refusal-broadcast-text-too-long = Tekst w języku { $locale } jest za długi: znaki { $length }, najwyżej { $max }.
refusal-broadcast-unknown-area = Dzielnica „{ $area }” nie istnieje.
refusal-broadcast-unknown-locale = Język „{ $locale }” nie należy do tej kampanii.

## Kody jednorazowe
refusal-code-count-invalid = Wybierz liczbę kodów od 1 do { $max }.
refusal-code-malformed = Ten kod wygląda na błędny. Sprawdź go i wpisz ponownie, dokładnie tak, jak jest na kartce.
refusal-code-not-registered = Nikt jeszcze nie zarejestrował się tym kodem. Najpierw zarejestruj się z jego pomocą.
refusal-code-unknown = Nie znamy tego kodu. Sprawdź go i wpisz ponownie albo poproś gminę o pomoc.
refusal-code-used = Ten kod został już użyty. Każdy kod działa tylko raz. Jeśli to pomyłka, zwróć się do gminy.

## Finaliści (zespół)
refusal-finalist-not-eligible = Pomysł nr { $idea } ma stan „{ $state }”: do finału mogą przejść tylko dopuszczone pomysły.
refusal-finalist-not-finalist = Pomysł nr { $idea } ma stan „{ $state }”: nie jest w finale.

## Pomysły
refusal-idea-author-gone = Autor tego pomysłu opuścił kampanię, więc nie można go już zmienić.
refusal-idea-bad-characters =
    { $field ->
        [title] Tytuł zawiera znaki, których nie możemy wyświetlić.
       *[other] Opis zawiera znaki, których nie możemy wyświetlić.
    } Wpisz go ponownie, używając tylko liter, cyfr i znaków interpunkcyjnych.
refusal-idea-busy = Ktoś w tym samym czasie zmienił ten pomysł. Spróbuj ponownie.
refusal-idea-cost-invalid = Wpisz koszt jako liczbę całkowitą, na przykład 5000.
refusal-idea-cost-out-of-bounds = Koszt musi wynosić od { $min } do { $max }. Wpisano: { $cost }. Jeśli nie wiesz, wybierz „Nie wiem”.
refusal-idea-description-too-long = Opis jest za długi: znaki { $length }, najwyżej { $max }. Skróć go.
refusal-idea-description-too-short = Opis jest za krótki: znaki { $length }, co najmniej { $min }. Napisz trochę więcej.
refusal-idea-location-invalid = Nie udało się odczytać tego miejsca. Wyślij lokalizację ponownie albo pomiń ten krok.
refusal-idea-no-rewrite = Dla tego pomysłu nie ma już propozycji, na którą można odpowiedzieć.
refusal-idea-not-author = Tylko autor tego pomysłu może to zrobić.
refusal-idea-photo-invalid = Nie udało się użyć tego zdjęcia. Wyślij inne zdjęcie albo pomiń ten krok.
refusal-idea-title-too-long = Tytuł jest za długi: znaki { $length }, najwyżej { $max }. Skróć go.
refusal-idea-title-too-short = Tytuł jest za krótki: znaki { $length }, co najmniej { $min }.
refusal-idea-unknown = Ten pomysł nie istnieje (już). Otwórz ponownie listę pomysłów.
refusal-idea-unknown-area = Dzielnica „{ $area }” nie istnieje. Wybierz dzielnicę przyciskami.
refusal-idea-unknown-category = Kategoria „{ $category }” nie istnieje. Wybierz kategorię przyciskami.
refusal-idea-wrong-state = Teraz nie jest to możliwe: pomysł nr { $idea } ma stan „{ $state }”.

## Moderacja (zespół)
refusal-moderation-already-decided = Ktoś już zdecydował o pomyśle nr { $idea }: jego stan to teraz „{ $state }”.
refusal-moderation-comment-required = Napisz komentarz: autor musi wiedzieć, co zmienić.
refusal-moderation-cost-unknown = Pomysł nr { $idea } nie ma jeszcze kosztu. Najpierw oszacuj koszt.
refusal-moderation-merge-self = Pomysłu nie można połączyć z nim samym.
refusal-moderation-merge-target-state = Drugi pomysł ma stan „{ $state }”: nie może przyjąć tego pomysłu.
refusal-moderation-merge-target-unknown = Drugi pomysł nie istnieje.
refusal-moderation-not-awaiting = Pomysł nr { $idea } ma stan „{ $state }”: nie czeka na decyzję.
refusal-moderation-unknown-criterion = „{ $criterion }” nie jest kryterium oceny.

## Etapy (zespół)
refusal-phase-busy = Ktoś w tym samym czasie zmienił etap. Spróbuj ponownie.
refusal-phase-extend-not-later = Nowy koniec musi być późniejszy niż obecny ({ $end }).
refusal-phase-extend-not-open = Przedłużyć można tylko otwarty etap (teraz: „{ $phase }”).
refusal-phase-extend-overlaps = Nowy koniec nachodzi na etap „{ $phase }”, który kończy się { $end }.
refusal-phase-guard-finalists = Etap „{ $phase }” nie może się zacząć z mniej niż 2 finalistami (teraz: { $finalists }).
refusal-phase-guard-not-tallied = Etap „{ $phase }” nie może się zacząć przed policzeniem głosów.
refusal-phase-no-next = Po etapie „{ $phase }” nie ma już kolejnego.
refusal-phase-moved = Kampania nie jest już na etapie „{ $from }” (teraz: „{ $phase }”): nic nie zostało zmienione.
refusal-phase-reason-required = Podaj powód tej zmiany.
refusal-phase-window-passed = Jest za późno, aby otworzyć etap „{ $phase }”: jego czas minął { $end }.

## Odtwarzanie pliku Pabulib (operator)
refusal-replay-amount-precision = { $what } ma więcej niż dwa miejsca po przecinku.
refusal-replay-missing-meta = Plik wymaga pola META { $key }.
refusal-replay-unknown-rule = Reguły „{ $rule }” z tego pliku nie można odtworzyć.
refusal-replay-vote-type = Kart typu „{ $voteType }” nie można odtworzyć.

## Pytania
refusal-question-already-closed = Pytanie nr { $question } jest już zamknięte.
refusal-question-bad-characters = Wiadomość zawiera znaki, których nie możemy wyświetlić. Wpisz ją ponownie.
refusal-question-busy = Twoje pytanie zostało w tym samym czasie zmienione. Wyślij wiadomość ponownie.
refusal-question-campaign-archived = Ta kampania się zakończyła: zespół nie odpowiada już tutaj na pytania. Dziękujemy za udział!
refusal-question-closed = Pytanie nr { $question } jest zamknięte. Aby zapytać o coś innego, zadaj nowe pytanie z menu.
refusal-question-empty = Wiadomość jest pusta. Wpisz swoje pytanie.
refusal-question-not-owner = To pytanie należy do kogoś innego.
refusal-question-photo-invalid = Nie udało się użyć tego zdjęcia. Wyślij inne albo sam tekst.
refusal-question-rate-limited =
    { $limit ->
        [questions] Zadano dziś już wiele pytań.
       *[other] Wysłano wiele wiadomości w krótkim czasie.
    } Poczekaj do { $retryAt } i spróbuj ponownie. Dziękujemy za cierpliwość!
refusal-question-too-long = Wiadomość jest za długa: znaki { $length }, najwyżej { $max }. Skróć ją albo wyślij w dwóch częściach.
refusal-question-unknown = To pytanie nie istnieje (już).

## Rejestracja
refusal-registration-area-locked = W czasie głosowania nie można zmienić dzielnicy. Będzie to możliwe po { $closesAt }.
refusal-registration-area-not-eligible = Przepraszamy, mieszkańcy Twojej dzielnicy nie mogą wziąć udziału w tej kampanii.
refusal-registration-consent-outdated = Informacja o prywatności się zmieniła. Przeczytaj ją i zaakceptuj ponownie, aby kontynuować: wyślij /start.
refusal-registration-consent-required = Aby wziąć udział, musisz zaakceptować informację o prywatności. Możesz ją przeczytać przez link powyżej.
refusal-registration-incomplete = Najpierw dokończ rejestrację: wyślij /start.
refusal-registration-no-verification-needed = W tej kampanii weryfikacja nie jest potrzebna. Możesz kontynuować.
refusal-registration-not-at-verification = Na tym kroku weryfikacja nie jest możliwa. Kontynuuj rejestrację: wyślij /start.
refusal-registration-not-verified = Najpierw potwierdź, kim jesteś: wyślij /start, aby dokończyć rejestrację.
refusal-registration-too-young = Przepraszamy, aby wziąć udział, trzeba mieć co najmniej { $minimumAge } lat.
refusal-registration-unknown-age-band = Wybierz swój wiek przyciskami.
refusal-registration-unknown-area = Nie znamy tej dzielnicy. Wybierz dzielnicę przyciskami albo wpisz kod pocztowy.
refusal-registration-unknown-language = Język „{ $locale }” nie jest dostępny. Wybierz język przyciskami.
refusal-registration-use-verification = Użyj przycisku weryfikacji, aby potwierdzić, kim jesteś.
refusal-registration-wrong-verification =
    { $expected ->
        [phone] W tej kampanii potwierdzasz, kim jesteś, udostępniając numer telefonu przyciskiem poniżej.
       *[other] W tej kampanii potwierdzasz, kim jesteś, kodem otrzymanym od gminy. Wpisz go.
    }

## Mieszkańcy
refusal-resident-busy = Twoje dane zostały w tym samym czasie zmienione. Spróbuj ponownie.
refusal-resident-unknown = Jeszcze Cię nie znamy. Wyślij /start, aby się zarejestrować.

## Wyniki
refusal-results-not-yet = Wyniki nie są jeszcze znane. Wyślemy je, gdy tylko zostaną ogłoszone.

## Operator i zespół
refusal-secret-mismatch = PNYX_SECRET nie jest tym, z którym rozpoczęto tę kampanię. Przywróć pierwotny sekret.
refusal-staff-admin-only = Tylko administrator może to zrobić.
refusal-staff-not-staff = Tylko członkowie zespołu mogą to zrobić.

## Poparcie
refusal-support-not-supportable = Pomysłu nr { $idea } nie można teraz poprzeć.
refusal-support-own-idea = To Twój własny pomysł: nie możesz go poprzeć, ale możesz go udostępnić innym!

## Liczenie głosów (zespół)
refusal-tally-busy = Wciąż zapisywane są karty: { $unsettled }. Spróbuj ponownie za chwilę.
refusal-tally-invalid-instance = Nie można policzyć głosów: dane są niespójne.
refusal-tally-tie = W „{ $envelope }” jest remis między projektami { $tied }. Potrzebna jest decyzja.
refusal-tally-unsupported = Tej metody liczenia nie można użyć z tymi kartami.

## Głosowanie
refusal-voting-busy = Właśnie głosuje wiele osób. Spróbuj ponownie za chwilę: Twój głos nie został jeszcze zapisany.
refusal-browse-unknown-area = Dzielnica „{ $area }” nie istnieje. Wybierz dzielnicę przyciskami.
refusal-browse-unknown-category = Kategoria „{ $category }” nie istnieje. Wybierz kategorię przyciskami.
refusal-phone-already-used = Ten numer telefonu potwierdził już inne konto. Jeden numer potwierdza tylko jedno konto. Jeśli to Twój numer i nie rejestrowałeś się wcześniej, skontaktuj się z gminą.
refusal-phone-invalid = Nie udało się odczytać numeru telefonu (powinien mieć od { $min } do { $max } cyfr). Udostępnij go ponownie przyciskiem.
refusal-registration-unknown-postcode = Nie znamy kodu pocztowego „{ $postcode }”. Sprawdź go lub wybierz dzielnicę przyciskami.
