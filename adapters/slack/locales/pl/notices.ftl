# Powiadomienia i alerty dla komitetu (blocks/notice-*.ts). Slack mrkdwn; tekst mieszkańców i komitetu przychodzi już zabezpieczony.
notice-phase-draft = szkic
notice-phase-submission = zgłaszanie pomysłów
notice-phase-review = ocena
notice-phase-voting = głosowanie
notice-phase-tallying = liczenie głosów
notice-phase-announced = wyniki
notice-phase-archived = zarchiwizowana
notice-phase-entered = :arrow_forward: *Kampania jest w fazie: { $to }* (po fazie: { $from }) od { $at }.
notice-phase-entered-text = Kampania jest w fazie: { $to }.
notice-phase-entered-by = Zmienione przez: { $by }. Powód: { $reason }
notice-phase-entered-schedule = Otwarte zgodnie z harmonogramem.
notice-phase-entered-announcement = Mieszkańcy są powiadamiani, każdy w swoim języku.
notice-phase-held-text = Alert: faza { $phase } nie mogła się rozpocząć.
notice-phase-held-finalists = :warning: *Głosowanie nie mogło się rozpocząć { $at }*: { $finalists ->
    [0] nie ma żadnego finalisty
    [one] jest tylko 1 finalista
    [few] jest tylko { $finalists } finalistów
    [many] jest tylko { $finalists } finalistów
   *[other] jest tylko { $finalists } finalistów
  }, a głosowanie wymaga co najmniej dwóch. Kampania pozostaje tam, gdzie jest, dopóki komitet nie zadziała.
notice-phase-held-finalists-todo = *Co zrobić:* wybierz co najmniej dwóch finalistów w karcie Strona główna aplikacji, a potem otwórz głosowanie poleceniem `/pnyx phase`.
notice-phase-held-not-tallied = :warning: *Wyników nie można było ogłosić { $at }*: głosy nie zostały policzone. Kampania pozostaje tam, gdzie jest, dopóki komitet nie zadziała.
notice-phase-held-not-tallied-todo = *Co zrobić:* policz głosy (`pnyx tally`), a potem przejdź do wyników poleceniem `/pnyx phase`.
notice-phase-held-other = :warning: *Faza { $phase } nie mogła się rozpocząć { $at }* (`{ $code }`). Kampania pozostaje tam, gdzie jest, dopóki komitet nie zadziała.
notice-phase-held-other-todo = *Co zrobić:* usuń przyczynę, a potem zmień fazę poleceniem `/pnyx phase`.
notice-tally-computed = :ballot_box_with_ballot: *Głosy są policzone* (metoda `{ $method }`): { $funded ->
    [0] żaden pomysł nie otrzymał finansowania
    [one] 1 pomysł otrzymał finansowanie
    [few] { $funded } pomysły otrzymały finansowanie
   *[other] { $funded } pomysłów otrzymało finansowanie
  }.
notice-tally-computed-text = Głosy są policzone: sfinansowane pomysły: { $funded }.
notice-rewrite-accepted = :pencil2: Autor *przyjął* nową wersję zaproponowaną dla pomysłu nr { $idea } { $title }: karta pokazuje nowy tekst.
notice-rewrite-declined = :pencil2: Autor *odrzucił* nową wersję zaproponowaną dla pomysłu nr { $idea } { $title }: pomysł zachowuje własny tekst.
notice-failed-deliveries = :warning: *{ $total ->
    [one] 1 wiadomości nie udało się dostarczyć
   *[other] { $total } wiadomości nie udało się dostarczyć
  }*.
notice-failed-deliveries-added = (nowych od ostatniego alertu: { $added })
notice-failed-deliveries-todo = Mieszkańcy, którzy zablokowali bota, zostali wypisani; każda porzucona wiadomość jest w dzienniku usługi wraz z przyczyną.
notice-failed-deliveries-latest = Ostatnio: powiadomienie dla komitetu (`{ $template }`) zostało porzucone: { $reason }.
notice-failed-deliveries-text = Alert: nie udało się dostarczyć wiadomości: { $total }.
notice-parked-refused = :no_entry: *Telegram odrzucił wiadomości: { $count }*: `{ $reason }`.
notice-parked-server = :warning: *Odłożone wiadomości: { $count }. Telegram odpowiadał błędami serwera* po { $attempts } próbach (`{ $reason }`).
notice-parked-network = :warning: *Odłożone wiadomości: { $count }. Telegram był nieosiągalny* po { $attempts } próbach (`{ $reason }`).
notice-parked-other = :warning: *Odłożone wiadomości: { $count }* po { $attempts } próbach: `{ $reason }`.
notice-parked-refused-todo = Telegram nie przyjmie tych wiadomości w tej postaci, więc nie są ponawiane. Mieszkańcy, którzy zablokowali bota, nie są tu liczeni.
notice-parked-retried-todo = Każdą próbowano wysłać { $attempts } razy, zanim została porzucona; żadna nie będzie ponawiana.
notice-parked-where = Liczba obejmuje wszystkie wiadomości odłożone z tej przyczyny, tak jak pokazuje je `/readyz` (`outbox.parked`); dziennik usługi podaje numer każdej z nich.
notice-parked-context = Pierwsza w tym alercie: { $since } · stan na { $at } · jeden alert na przyczynę, aktualizowany na bieżąco
notice-parked-text = Alert: odłożone wiadomości: { $count } (`{ $reason }`).
