# Polecenie /pnyx (features/command*.ts, blocks/command-*.ts). Slack mrkdwn; nazwy miejsc
# i wpisane teksty przychodzą już zabezpieczone (escape).

command-cancel = Anuluj
command-back = Wstecz
command-failed = To się nie udało z powodu błędu po naszej stronie. Nic nie zostało zmienione; spróbuj ponownie za chwilę.
command-form-unreadable = Nie udało się odczytać tego formularza. Zamknij go i uruchom polecenie ponownie.
command-actor-system = harmonogram
command-upload-failed = Nie udało się opublikować plików na tym kanale (`{ $error }`). Zaproś aplikację na kanał albo uruchom polecenie na kanale, na którym już jest.

## Fazy i stany pomysłów
command-phase-draft = Przygotowanie
command-phase-submission = Zgłaszanie pomysłów
command-phase-review = Ocena pomysłów
command-phase-voting = Głosowanie
command-phase-tallying = Liczenie głosów
command-phase-announced = Wyniki
command-phase-archived = Zarchiwizowana
command-state-submitted = Zgłoszone
command-state-changes-requested = Poproszono o zmiany
command-state-resubmitted = Zgłoszone ponownie
command-state-eligible = Dopuszczone
command-state-rejected = Odrzucone
command-state-merged = Połączone
command-state-withdrawn = Wycofane
command-state-finalist = Finałowe
command-state-winner = Zwycięskie
command-state-not-funded = Niesfinansowane
command-held-phase-guard-finalists = potrzeba co najmniej dwóch pomysłów w finale
command-held-phase-guard-not-tallied = głosy nie zostały jeszcze policzone

## Pomoc
command-help-title = Polecenie /pnyx
command-help-status = `/pnyx status` — bieżąca faza, jej daty, kolejny krok i liczby kampanii.
command-help-phase = `/pnyx phase` — przejść do następnej fazy wcześniej niż planowano albo przedłużyć bieżącą fazę. Wymagany jest powód, a potem potwierdzenie. _Administratorzy._
command-help-announce = `/pnyx announce` — napisać ogłoszenie dla mieszkańców w każdym języku kampanii, przeczytać je tak, jak je otrzymają, i wysłać do wszystkich albo do jednej dzielnicy. Postęp wysyłki widać na kanale ogłoszeń. _Administratorzy._
command-help-export = `/pnyx export` — eksporty kampanii (pomysły, wyniki, zanonimizowane karty do głosowania) jako pliki CSV, publikowane na tym kanale.
command-help-codes = `/pnyx codes N` — utworzyć N kodów jednorazowych (od 1 do 10 000) do rozdania mieszkańcom. Plik CSV przychodzi w wiadomości prywatnej; kody nigdy nie są pokazywane na kanale. _Administratorzy._
command-help-ambassador = `/pnyx ambassador grant KOD` lub `/pnyx ambassador revoke KOD` — nadać lub odebrać rolę ambasadora. KOD to kod jednorazowy, którym osoba zarejestrowała się lub zweryfikowała w bocie (na przykład `K7QM-2XPA`), albo jej identyfikator widoczny w pliku „Moje dane” (`tg:123456789`). _Administratorzy._
command-help-help = `/pnyx help` — ta pomoc.
command-help-footer = Z /pnyx może korzystać tylko komitet sterujący. Odpowiedzi widzisz tylko Ty.

command-problem-unknown = „{ $sub }” nie jest podpoleceniem /pnyx. Oto co potrafi /pnyx:
command-problem-extra = `/pnyx { $sub }` nie przyjmuje niczego po nazwie (otrzymano: „{ $extra }”).
command-problem-codes-usage = Podaj, ile kodów utworzyć: `/pnyx codes 50`.
command-problem-codes-number = „{ $value }” nie jest liczbą całkowitą. Podaj, ile kodów utworzyć, na przykład `/pnyx codes 50`.
command-problem-ambassador-usage = Napisz `/pnyx ambassador grant KOD`, aby nadać rolę, albo `/pnyx ambassador revoke KOD`, aby ją odebrać.
command-problem-ambassador-who = „{ $value }” nie jest ani kodem jednorazowym (8 znaków, np. `K7QM-2XPA`), ani identyfikatorem mieszkańca (np. `tg:123456789`).

## Stan
command-status-title = { $campaign } — stan kampanii
command-status-window = *Faza:* { $phase }, od { $start } do { $end } (strefa { $zone })
command-status-window-from = *Faza:* { $phase }, od { $start } (strefa { $zone })
command-status-window-until = *Faza:* { $phase }, do { $end } (strefa { $zone })
command-status-window-open = *Faza:* { $phase }
command-status-next = *Następnie:* { $next }, od { $at }
command-status-held = :warning: *{ $next }* miała się zacząć { $at }, ale kampania pozostaje na miejscu: { $reason }. Otworzy ją tylko ręczne przejście (`/pnyx phase`).
command-status-between = *Między fazami:* { $after } się zakończyła; { $next } zaczyna się { $at } (strefa { $zone }).
command-status-ideas = Pomysły ({ $count })
command-status-count = { $label }: { $count }
command-status-no-ideas = na razie brak pomysłów
command-status-backlog = Do oceny
command-status-backlog-empty = Nic nie czeka
command-status-backlog-count = { $count ->
    [one] { $count } pomysł, czeka od { $wait }
    [few] { $count } pomysły, najstarszy czeka od { $wait }
    [many] { $count } pomysłów, najstarszy czeka od { $wait }
   *[other] { $count } pomysłu, najstarszy czeka od { $wait }
}
command-status-residents = Zarejestrowani mieszkańcy
command-status-residents-count = { $count } ({ $percent } % z { $population } mieszkańców), w tym tygodniu: { $week }
command-status-ballots = Karty do głosowania
command-status-voters = Głosujący: { $count } ({ $percent } % zarejestrowanych)
command-status-footer = Liczby na { $at } (strefa { $zone }).

## Zmiana fazy
command-phase-title = Faza kampanii
command-phase-continue = Dalej
command-phase-confirm = Potwierdź
command-phase-op = Co zrobić?
command-phase-op-advance = Przejść teraz do następnej fazy: { $to }
command-phase-op-extend = Przedłużyć bieżącą fazę: { $phase }
command-phase-op-required = Wybierz, co zrobić.
command-phase-until-date = Nowa data końca (przy przedłużeniu)
command-phase-until-date-hint = Faza kończy się w tej chwili, strefa { $zone }. Pomijane przy przejściu do następnej fazy.
command-phase-until-time = Godzina końca ({ $zone })
command-phase-reason = Powód
command-phase-reason-hint = Wymagany. Zostaje zapisany razem ze zmianą i jest widoczny dla komitetu.
command-phase-reason-required = Podaj powód tej zmiany.
command-phase-reason-too-long = Powód jest za długi: najwyżej { $max } znaków.
command-phase-until-required = Wybierz nową datę końca.
command-phase-until-invalid = Ta godzina nie istnieje tego dnia w strefie { $zone } (zmiana czasu). Wybierz inną.
command-phase-until-past = Nowy koniec musi być w przyszłości.
command-phase-until-not-later = Nowy koniec musi być po obecnym końcu ({ $end }).
command-phase-nothing = Nie ma czego przyspieszać ani przedłużać: kampania jest w fazie „{ $phase }”.
command-phase-cannot-extend = Fazy „{ $phase }” nie można teraz przedłużyć.
command-phase-changed = Faza zmieniła się w czasie wypełniania tego formularza. Nic nie zostało zmienione: zamknij go i uruchom `/pnyx phase` ponownie.
command-phase-confirm-advance = Zamierzasz teraz zakończyć fazę *{ $from }* i otworzyć fazę *{ $to }*.
command-phase-confirm-advance-effects = Subskrybujący mieszkańcy otrzymają ogłoszenie fazy „{ $to }” w swoim języku, a komitet zostanie o tym poinformowany.
command-phase-confirm-extend = Zamierzasz przedłużyć fazę *{ $phase }* do *{ $until }* (strefa { $zone }).
command-phase-confirm-extend-next = Faza „{ $next }” zacznie się wtedy { $at }.
command-phase-confirm-reason = *Powód:* { $reason }
command-phase-refused-hint = Nic nie zostało zmienione. „Wstecz” wraca do formularza.
command-phase-done-advance = Gotowe: faza „{ $from }” się zakończyła, faza „{ $to }” jest otwarta.
command-phase-done-extend = Gotowe: faza „{ $phase }” trwa do { $until } (strefa { $zone }).
command-phase-extended-notice = :calendar: { $by } przedłużył(a) fazę *{ $phase }* do { $until } (strefa { $zone }). Powód: { $reason }

## Ogłoszenie
command-announce-title = Ogłoszenie
command-announce-title-preview = Podgląd ogłoszenia
command-announce-preview = Podgląd
command-announce-send = Wyślij
command-announce-intro = Napisz ogłoszenie w każdym języku kampanii. Tekst w języku domyślnym ({ $language }) jest wymagany; język pozostawiony pusty otrzyma tekst w języku domyślnym. Przed wysłaniem zobaczysz dokładnie to, co przeczytają mieszkańcy.
command-announce-text-required = Tekst – język: { $language } (wymagany)
command-announce-text-optional = Tekst – język: { $language } (opcjonalny)
command-announce-audience = Odbiorcy
command-announce-audience-all = Wszyscy subskrybujący mieszkańcy
command-announce-audience-area = Subskrybujący mieszkańcy dzielnicy { $area }
command-announce-audience-required = Wybierz, kto ma otrzymać ogłoszenie.
command-announce-text-missing = Tekst w języku domyślnym ({ $language }) jest wymagany.
command-announce-text-too-long = Ten tekst jest za długi: { $length } znaków, najwyżej { $max }.
command-announce-preview-title = To przeczytają mieszkańcy
command-announce-preview-audience = Odbiorcy: { $audience }. Sprawdź każdy język, a potem naciśnij „Wyślij”.
command-announce-preview-language = *{ $label }* — to otrzymają mieszkańcy czytający w tym języku:
command-announce-preview-borrowed = *{ $label }* — brak tekstu w tym języku: ci mieszkańcy otrzymają tekst w języku domyślnym ({ $fallback }):
command-announce-preview-edit = Aby poprawić, zmień tekst poniżej i naciśnij „Wyślij”: najpierw pojawi się nowy podgląd.
command-announce-changed = Tekst lub odbiorcy zmienili się od podglądu. Sprawdź ten nowy podgląd, a potem ponownie naciśnij „Wyślij”.
command-announce-started = Ogłoszenie jest wysyłane. Postęp widać na kanale { $channel }.

## Postęp ogłoszenia
command-progress-title-sending = 📣 Trwa wysyłanie ogłoszenia
command-progress-title-done = 📣 Ogłoszenie wysłane
command-progress-phase = Ogłoszenie o otwarciu fazy „{ $phase }”
command-progress-template = Automatyczne ogłoszenie kampanii
command-progress-by = Rozpoczęte przez { $by } { $at } · { $audience }
command-progress-audience-all = wszyscy subskrybujący mieszkańcy
command-progress-audience-area = subskrybujący mieszkańcy dzielnicy { $area }
command-progress-total = Zaplanowane wiadomości
command-progress-total-counting = w przygotowaniu (na razie { $queued })
command-progress-sent = Wysłane
command-progress-failed = Nieudane
command-progress-left = Pozostałe
command-progress-running = wysłane: { $sent }, nieudane: { $failed }, pozostałe: { $left }
command-progress-done = Zakończono { $at }: wysłano { $sent } z { $total } wiadomości, nieudane: { $failed }.
command-progress-skipped = niewysłane: { $skipped } — w chwili wysyłki już niepotrzebne (mieszkaniec zdążył zagłosować albo głosowanie się zakończyło).
command-progress-failed-hint = Niepowodzenie najczęściej oznacza, że mieszkaniec zablokował bota: nie otrzyma już ogłoszeń.

## Eksporty i kody
command-export-unavailable = Eksport nie jest dostępny w tej usłudze. Użyj `pnyx export` na serwerze.
command-export-started = Trwa eksport… pliki za chwilę pojawią się na tym kanale.
command-export-failed = Eksport nie powiódł się z powodu błędu po naszej stronie. Nic nie zostało opublikowane; spróbuj później.
command-export-empty = Na razie nie ma czego eksportować.
command-export-comment = { $count ->
    [one] Eksport kampanii z { $at }: { $count } plik.
    [few] Eksport kampanii z { $at }: { $count } pliki.
    [many] Eksport kampanii z { $at }: { $count } plików.
   *[other] Eksport kampanii z { $at }: { $count } pliku.
}
command-export-done = { $count ->
    [one] Eksport opublikowany na tym kanale: { $files }.
   *[other] Eksport opublikowany na tym kanale (pliki: { $count }): { $files }.
}
command-codes-file-title = { $count ->
    [one] { $count } kod jednorazowy
    [few] { $count } kody jednorazowe
    [many] { $count } kodów jednorazowych
   *[other] { $count } kodu jednorazowego
}
command-codes-comment = { $count ->
    [one] Oto zamówiony kod jednorazowy. Przekaż go na papierze; działa jeden raz.
   *[other] Oto zamówione kody jednorazowe ({ $count }). Przekaż je na papierze; każdy działa jeden raz.
}
command-codes-done = { $count ->
    [one] Utworzono { $count } kod. Plik CSV czeka w Twoich wiadomościach prywatnych z Pnyx.
    [few] Utworzono { $count } kody. Plik CSV czeka w Twoich wiadomościach prywatnych z Pnyx.
    [many] Utworzono { $count } kodów. Plik CSV czeka w Twoich wiadomościach prywatnych z Pnyx.
   *[other] Utworzono { $count } kodu. Plik CSV czeka w Twoich wiadomościach prywatnych z Pnyx.
}
command-codes-upload-failed = Kody zostały utworzone ({ $count }), ale nie udało się wysłać Ci pliku (`{ $error }`). Nikt nie ma tych kodów; utwórz nowe.

## Ambasadorzy
command-ambassador-granted = { $who } jest teraz ambasadorem (dzielnica { $area }, rejestracja { $since }). Menu ambasadora pojawi się w bocie.
command-ambassador-revoked = { $who } nie jest już ambasadorem (dzielnica { $area }, rejestracja { $since }).
command-ambassador-already = { $who } jest już ambasadorem (dzielnica { $area }, rejestracja { $since }). Nic nie zostało zmienione.
command-ambassador-not-one = { $who } nie jest ambasadorem (dzielnica { $area }, rejestracja { $since }). Nic nie zostało zmienione.
command-ambassador-is-staff = { $who } należy do zespołu; tę rolę ustala konfiguracja kampanii. Nic nie zostało zmienione.
command-ambassador-no-area = nie wybrano
command-ambassador-not-registered = rejestracja niezakończona
