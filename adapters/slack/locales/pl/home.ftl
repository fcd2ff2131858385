# Strona główna aplikacji (App Home, blocks/home.ts). Slack mrkdwn; tekst mieszkańców przychodzi zabezpieczony.
home-title = Pnyx — { $campaign }
home-not-staff = Ta aplikacja jest przeznaczona dla komitetu sterującego kampanii. Jeśli należysz do komitetu, poproś administratora o dodanie.
home-refresh = Odśwież
home-updated = Zaktualizowano { $at }
home-previous = ← Poprzednia
home-next = Następna →
home-range = Pomysły od { $from } do { $to } z { $total } · strona { $page } z { $pages }
home-bad-page = Ten przycisk nie prowadzi do żadnej strony. Nic nie zostało zmienione.
home-bad-button = Ten przycisk jest nieprawidłowy. Nic nie zostało zmienione.

home-phase-draft = Przygotowanie
home-phase-submission = Zgłaszanie pomysłów
home-phase-review = Ocena pomysłów
home-phase-voting = Głosowanie
home-phase-tallying = Liczenie głosów
home-phase-announced = Wyniki
home-phase-archived = Zakończone

home-status-open = *Etap:* { $phase }, od { $start } do { $end }
home-status-open-from = *Etap:* { $phase }, od { $start }
home-status-open-until = *Etap:* { $phase }, do { $end }
home-status-open-phase = *Etap:* { $phase }
home-status-next = Następnie: { $phase }, { $at }
home-status-between = *Między etapami:* { $after } się zakończył; { $next } zaczyna się { $at }.
home-status-held-finalists = :warning: *{ $next }* miał się zacząć { $at }, ale potrzeba co najmniej dwóch finalistów. Kampania pozostaje na etapie { $phase }, dopóki komitet jej nie przesunie.
home-status-held-not-tallied = :warning: *{ $next }* miał się zacząć { $at }, ale liczenie głosów nie jest zakończone. Kampania pozostaje na etapie { $phase }.
home-status-held = :warning: *{ $next }* miał się zacząć { $at }, ale warunek nie jest spełniony (`{ $code }`). Kampania pozostaje na etapie { $phase }.

home-figures-title = Liczby kampanii
home-figures-registered-label = Zarejestrowani mieszkańcy
home-figures-registered = { $registered } ({ $percent } % z { $population } mieszkańców)
home-figures-ideas-label = Pomysły
home-figures-ideas-none = Na razie brak pomysłów
home-figures-state = { $state }: { $count }
home-figures-backlog-label = Do oceny
home-figures-backlog = { $count } · najstarszy czeka od { $age }
home-figures-backlog-empty = Nic nie czeka
home-figures-ballots-label = Karty do głosowania
home-figures-ballots = { $ballots ->
    [one] { $ballots } karta
    [few] { $ballots } karty
    [many] { $ballots } kart
   *[other] { $ballots } karty
  } · { $voters ->
    [one] { $voters } głosujący
   *[other] { $voters } głosujących
  } ({ $turnout } % zarejestrowanych) · z pomocą: { $assisted }
home-figures-days-label = Pozostałe dni
home-figures-days = { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
  } do końca etapu
home-figures-days-none = Bez daty zakończenia

home-state-submitted = Zgłoszone
home-state-changes-requested = Poproszono o zmiany
home-state-resubmitted = Zgłoszone ponownie
home-state-eligible = Dopuszczone
home-state-rejected = Odrzucone
home-state-merged = Połączone
home-state-withdrawn = Wycofane
home-state-finalist = Finaliści
home-state-winner = Sfinansowane
home-state-not-funded = Niesfinansowane

home-queue-title = Kolejka moderacji ({ $count })
home-queue-empty = Żaden pomysł nie czeka na decyzję.
home-queue-row = { $idea } { $title }
    { $kind } · czeka od { $age }
home-queue-new = Nowy
home-queue-resubmitted = Zgłoszony ponownie

home-finalists-title = Wybór finalistów
home-finalists-intro = Finaliści trafiają na kartę do głosowania. Suma ich kosztów jest porównywana z każdą pulą.
home-finalists-none = Na razie brak dopuszczonych pomysłów.
home-guard = :warning: { $count ->
    [one] { $count } finalista
    [few] { $count } finalistów
   *[other] { $count } finalistów
  }: do otwarcia głosowania potrzeba co najmniej dwóch.
home-envelope = *{ $envelope }* · { $finalists ->
    [one] { $finalists } finalista
    [few] { $finalists } finalistów
   *[other] { $finalists } finalistów
  } · { $total } z { $amount }
home-envelope-over = :warning: Finaliści przekraczają pulę o { $over }.
home-envelope-unpriced = :warning: Bez oszacowanego kosztu: { $ideas }. Nie mogą trafić pod głosowanie, dopóki nie zostaną oszacowane.
home-envelopes-more = … i jeszcze { $count } pul, bez ostrzeżeń.
home-envelopes-more-warned = … i jeszcze { $count } pul; do sprawdzenia: { $warned }.
home-cost-unknown = :warning: Koszt do oszacowania przed głosowaniem
home-candidate-finalist = ✅ Finalista
home-candidate-eligible = Dopuszczony
home-select = Wybierz jako finalistę
home-remove = Usuń
