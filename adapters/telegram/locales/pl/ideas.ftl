# Kreator pomysłu (idea-…) i moje pomysły (mine-…). HTML Telegrama.
idea-step = <i>Krok { $step } z { $steps }</i>
idea-ask-title = 💡 <b>Tytuł Twojego pomysłu</b>
    Wpisz krótki tytuł (od { $min } do { $max } znaków), na przykład „Ławki nad rzeką”.
idea-ask-description = 📝 <b>Opisz swój pomysł</b>
    Co chcesz zrobić, gdzie i komu to pomoże? (od { $min } do { $max } znaków)
idea-ask-category = 🏷 <b>Która kategoria najlepiej pasuje do Twojego pomysłu?</b>
idea-ask-area = 📍 <b>Dla której dzielnicy?</b>
idea-ask-cost = 💶 <b>Ile mniej więcej by to kosztowało?</b>
    Wpisz kwotę w { $currency } od { $minCost } do { $maxCost }, na przykład 5000. Jeśli nie wiesz, komisja ją oszacuje.
idea-ask-photo = 📷 <b>Zdjęcie?</b>
    Wyślij zdjęcie miejsca lub pomysłu albo pomiń ten krok.
idea-ask-location = 🗺 <b>Dokładne miejsce?</b>
    Udostępnij lokalizację (📎, potem „Lokalizacja”) albo pomiń ten krok.
idea-current = Obecna odpowiedź: { $value }
idea-keep = Zachowaj tę odpowiedź
idea-use-buttons = Odpowiedz, proszę, przyciskami pod pytaniem.
idea-type-title = Wpisz, proszę, tytuł jako wiadomość tekstową.
idea-type-description = Wpisz, proszę, opis jako wiadomość tekstową.
idea-type-cost = Wpisz, proszę, kwotę cyframi albo naciśnij „Nie wiem”.
idea-send-photo = Wyślij, proszę, zdjęcie albo naciśnij „Pomiń”.
idea-send-location = Udostępnij, proszę, lokalizację albo naciśnij „Pomiń”.
idea-field-title = Tytuł
idea-field-description = Opis
idea-field-category = Kategoria
idea-field-area = Dzielnica
idea-field-cost = Koszt
idea-field-photo = Zdjęcie
idea-field-location = Miejsce
idea-summary-line = { $field }: { $value }
idea-summary-block =
    { $field }:
    { $value }
idea-summary-title = <b>Tak wygląda Twój pomysł przed wysłaniem:</b>
idea-summary-check = Wszystko się zgadza? Potwierdź, aby wysłać go do komisji, albo zmień pole.
idea-summary-none = brak
idea-summary-photo-yes = 1 zdjęcie
idea-sent = 🎉 Dziękujemy! Twój pomysł <b>nr { $number }</b> został wysłany. Komisja go rozpatrzy, a odpowiedź otrzymasz tutaj. Znajdziesz go zawsze w „Moich pomysłach”.
idea-resubmitted = ✅ Twój pomysł <b>nr { $number }</b> został wysłany ponownie. Komisja rozpatrzy go jeszcze raz.
idea-cancelled = Twój pomysł nie został wysłany i nic nie zostało zapisane. Możesz zacząć od nowa w każdej chwili poleceniem /idea.
idea-not-sent = Twój pomysł nie został wysłany.
idea-busy = Odpowiadasz już na pytania w tej rozmowie: najpierw je dokończ albo wyślij /cancel.
idea-resubmit-heading = ✏️ <b>Pomysł nr { $number }: komisja prosi o zmiany</b>
    { $comment }
    Zmień, co trzeba, przyciskami poniżej, a potem potwierdź.
idea-nothing-to-cancel = Nie ma czego anulować. Wyślij /menu, aby zobaczyć, co możesz zrobić.
mine-title = 🗂 <b>Twoje pomysły ({ $count })</b>
mine-empty = Nie wysłałeś jeszcze żadnego pomysłu. Zacznij od /idea!
mine-open-hint = Naciśnij pomysł, aby go zobaczyć i sprawdzić, co możesz zrobić.
mine-comment = Komentarz komisji:
mine-next-changes-requested = 👉 Komisja czeka na Twoje zmiany: naciśnij „Popraw i wyślij ponownie”.
mine-next-rewrite = 👉 Komisja proponuje nowe sformułowanie: przyjmij je lub odrzuć poniżej.
mine-next-wait = 👉 Nic nie trzeba robić: komisja wkrótce go rozpatrzy.
mine-next-eligible = 👉 Twój pomysł może zostać wybrany do głosowania. Na razie nic nie trzeba robić.
mine-next-finalist = 👉 Twój pomysł jest na karcie do głosowania: opowiedz o nim innym!
mine-next-none = Przy tym pomyśle nie ma już nic do zrobienia.
mine-resubmit = ✏️ Popraw i wyślij ponownie
mine-withdraw = ↩️ Wycofaj ten pomysł
mine-withdraw-confirm = Czy na pewno chcesz wycofać pomysł <b>nr { $number } { $title }</b>? Tego nie można cofnąć.
mine-withdraw-yes = Tak, wycofaj
mine-withdraw-no = Nie, zostaw
mine-withdrawn = Twój pomysł nr { $number } został wycofany.
mine-back = ◀️ Moje pomysły
mine-rewrite-heading = ✍️ <b>Komisja proponuje nowe sformułowanie Twojego pomysłu</b>
mine-rewrite-current = Teraz:
mine-rewrite-proposed = Propozycja:
mine-rewrite-comment = Ich uwaga:
mine-rewrite-accept = ✅ Przyjmij
mine-rewrite-decline = ✖️ Odrzuć
mine-rewrite-accepted = ✅ Gotowe: pomysł nr { $number } ma teraz nowe sformułowanie.
mine-rewrite-declined = Twój pomysł nr { $number } zachowuje Twoje sformułowanie.
mine-rewrite-gone = Nie ma już propozycji, na którą można odpowiedzieć. Oto Twój pomysł w obecnej postaci.
mine-changed = Ta propozycja zmieniła się od czasu wyświetlenia. Oto jej obecna wersja.
