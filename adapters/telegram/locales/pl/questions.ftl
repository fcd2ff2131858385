# Pytania do zespołu (features/questions.ts). HTML Telegrama.
q-prompt = ❓ <b>Zadaj pytanie zespołowi</b>
    Napisz swoje pytanie w jednej wiadomości. Możesz dołączyć zdjęcie (z podpisem lub bez). Zespół czyta każde pytanie i odpowiada tutaj, w tym czacie.
q-prompt-followup = ➕ Napisz, co chcesz dodać do swojego pytania nr { $question } (tekst lub zdjęcie).
q-mine-button = 🗂 Moje pytania
q-new-button = ✏️ Zadaj nowe pytanie
q-add-button = ➕ Uzupełnij moje pytanie nr { $question }
q-cancelled = Dobrze, nic nie zostało wysłane.
q-text-or-photo = Napisz pytanie tekstem lub wyślij zdjęcie.
q-photo-only = (zdjęcie bez tekstu)
q-asked = ✅ Twoje pytanie <b>nr { $question }</b> zostało wysłane do zespołu.
    Co dalej: członek zespołu je przeczyta i odpowie tutaj, zwykle w ciągu kilku dni roboczych. Aby coś dodać, odpowiedz na tę wiadomość lub naciśnij przycisk poniżej.
q-added = ✅ Dodano do Twojego pytania <b>nr { $question }</b>. Zespół zobaczy to razem z resztą pytania.
q-busy = Najpierw dokończ (lub anuluj) to, co robisz, a potem zadaj pytanie.
q-state-open = 🕓 czeka na zespół
q-state-answered = 💬 z odpowiedzią
q-state-closed = ✔️ zamknięte
q-mine-title = 🗂 Moje pytania
q-mine-none = Nie zadałeś jeszcze żadnego pytania.
q-mine-answer = 💬 Ostatnia odpowiedź: <i>{ $text }</i>
q-mine-messages = { $count ->
    [one] 1 wiadomość
    [few] { $count } wiadomości
   *[other] { $count } wiadomości
}
