# Wiadomości do mieszkańców (i cotygodniowe podsumowanie dla burmistrza przez Telegram). HTML Telegrama.

notice-generic = Są nowości w { $campaign }. Wyślij /start, aby je zobaczyć.

## Ogłoszenie zespołu
notice-broadcast-message =
    📣 <b>{ $campaign }</b>

    { $text }

## Zmiana stanu pomysłu
notice-notify-idea-submitted =
    ✅ Dziękujemy! Twój pomysł nr { $idea } „<b>{ $title }</b>” został wysłany.
    Zespół go przeczyta i napisze tutaj, co dalej.
notice-notify-idea-changes-requested =
    ✏️ Zespół prosi o zmiany w Twoim pomyśle nr { $idea } „<b>{ $title }</b>”.
    Wiadomość zespołu: <i>{ $comment }</i>
    Otwórz „Moje pomysły”, aby go poprawić i wysłać ponownie.
notice-notify-idea-eligible =
    🎉 Dobra wiadomość: Twój pomysł nr { $idea } „<b>{ $title }</b>” został dopuszczony!
    { $comment ->
        [none] Może teraz zostać wybrany do finału.
       *[other] Wiadomość zespołu: <i>{ $comment }</i>
    }
notice-notify-idea-rejected =
    Twój pomysł nr { $idea } „<b>{ $title }</b>” nie został przyjęty.
    Powód: { $criterion }
    { $comment ->
        [none] Bardzo dziękujemy za udział.
       *[other] Wiadomość zespołu: <i>{ $comment }</i>
    }
notice-notify-idea-merged =
    🤝 Twój pomysł nr { $idea } „<b>{ $title }</b>” jest bardzo podobny do pomysłu nr { $into } „{ $intoTitle }”: zespół je połączył, więc idą dalej razem.
    { $comment ->
        [none] Dziękujemy za pomysł!
       *[other] Wiadomość zespołu: <i>{ $comment }</i>
    }
notice-notify-idea-finalist = 🌟 Twój pomysł nr { $idea } „<b>{ $title }</b>” jest w finale! Mieszkańcy mogą teraz na niego głosować. Opowiedz o nim sąsiadom!
notice-notify-idea-winner = 🏆 Gratulacje! Twój pomysł nr { $idea } „<b>{ $title }</b>” wygrał i zostanie sfinansowany. Dziękujemy!
notice-notify-idea-not-funded = Twój pomysł nr { $idea } „<b>{ $title }</b>” tym razem nie zdobył dość głosów, aby zostać sfinansowanym. Bardzo dziękujemy za udział!
notice-notify-rewrite-proposed =
    ✍️ Zespół proponuje nowe sformułowanie Twojego pomysłu nr { $idea } „<b>{ $title }</b>”.
    Nowy tytuł: „<b>{ $newTitle }</b>”
    { $comment ->
        [none] {""}
       *[other] Wiadomość zespołu: <i>{ $comment }</i>
    }
    Otwórz „Moje pomysły”, aby porównać, a potem przyjmij lub odrzuć propozycję.

## Pytania do zespołu
notice-notify-question-answered =
    💬 <b>Odpowiedź na Twoje pytanie nr { $question }</b>

    { $text }

    Możesz odpisać tutaj, aby kontynuować.
notice-notify-question-closed = Zespół zamknął Twoje pytanie nr { $question }. Aby zapytać o coś innego, zadaj nowe pytanie z menu.

## Wiadomości cotygodniowe
notice-update-weekly =
    📅 <b>W tym tygodniu: { $campaign }</b>
    Uczestnicy: { $registered }, nowe pomysły w tym tygodniu: { $newIdeas_thisWeek }.
    { $daysLeft ->
        [none] {""}
        [0] Dziś jest ostatni dzień tego etapu: „{ $phase }”.
        [one] Został 1 dzień tego etapu: „{ $phase }”.
        [few] Zostały { $daysLeft } dni tego etapu: „{ $phase }”.
       *[other] Zostało { $daysLeft } dni tego etapu: „{ $phase }”.
    }
    Wyślij /start, aby wziąć udział.
## Ostatni wiersz cotygodniowej informacji w trakcie głosowania, dla mieszkańca z niewypełnioną kartą (`days`: pozostałe dni głosowania, łącznie z dzisiejszym)
notice-vote-left-none =
    { $days ->
        [1] ⏳ <b>Dziś jest ostatni dzień głosowania</b> — jeszcze nie zagłosowałeś/aś.
        [few] ⏳ <b>Zostały { $days } dni głosowania</b> — jeszcze nie zagłosowałeś/aś.
       *[other] ⏳ <b>Zostało { $days } dni głosowania</b> — jeszcze nie zagłosowałeś/aś.
    }
notice-vote-left-partial =
    { $days ->
        [1] ⏳ <b>Dziś jest ostatni dzień głosowania</b> — nie wypełniłeś/aś jeszcze wszystkich kart do głosowania.
        [few] ⏳ <b>Zostały { $days } dni głosowania</b> — nie wypełniłeś/aś jeszcze wszystkich kart do głosowania.
       *[other] ⏳ <b>Zostało { $days } dni głosowania</b> — nie wypełniłeś/aś jeszcze wszystkich kart do głosowania.
    }
notice-digest-weekly =
    📊 <b>{ $campaign }: liczby tygodnia</b>
    Zarejestrowani: { $registered } ({ $registeredPercent } % z { $population }), w tym tygodniu { $newRegistrations_thisWeek } (poprzednio { $newRegistrations_lastWeek })
    Z pomocą ambasadora: mieszkańcy { $assistedRegistrations }, pomysły { $assistedIdeas }, karty { $assistedBallots }
    Nowe pomysły: w tym tygodniu { $newIdeas_thisWeek } (poprzednio { $newIdeas_lastWeek })
    Czeka na ocenę: { $backlog }
    Głosujący: { $voters } ({ $turnoutPercent } % zarejestrowanych)
    Etap: { $phase }{ $daysLeft ->
        [none] {""}
       *[other], pozostało dni: { $daysLeft }
    }

## Ogłoszenia nowego etapu
notice-announce-phase-draft = { $campaign } jest w przygotowaniu. Damy znać, gdy się zacznie.
notice-announce-phase-submission =
    💡 <b>{ $campaign } się zaczyna!</b>
    Od dziś możesz zgłaszać swoje pomysły dla gminy. Wyślij /start i wybierz „Zgłoś pomysł”.
notice-announce-phase-review =
    🔎 Zgłaszanie pomysłów zakończone. Dziękujemy!
    Zespół czyta teraz każdy pomysł. Damy znać, które trafią do głosowania.
notice-announce-phase-voting =
    🗳️ <b>Głosowanie jest otwarte!</b>
    Wybierz swoje ulubione projekty w { $campaign }. Wyślij /start i wybierz „Głosuj”.
notice-announce-phase-tallying =
    Głosowanie zakończone. Dziękujemy za oddanie głosu!
    Trwa liczenie głosów; wyniki już wkrótce.
notice-announce-phase-announced =
    🏆 <b>Są wyniki: { $campaign }!</b>
    Wyślij /start, aby zobaczyć, które projekty zostaną sfinansowane.
notice-announce-phase-archived = { $campaign } dobiegło końca. Dziękujemy wszystkim za udział!

## Przypomnienie o głosowaniu, tylko dla mieszkańców, którzy jeszcze nie głosowali (`closesAt`: koniec głosowania)
notice-reminder-vote =
    ⏰ <b>{ $campaign }: jeszcze nie zagłosowałeś/aś</b>
    Głosowanie kończy się { $closesAt }. Wyślij /start i wybierz „Głosuj” — to zajmie minutę.
