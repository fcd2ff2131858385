# Vragen aan het team (features/questions.ts). Telegram-HTML.
q-prompt = ❓ <b>Stel het team een vraag</b>
    Schrijf uw vraag in één bericht. U mag een foto toevoegen (met of zonder bijschrift). Het team leest elke vraag en antwoordt hier, in dit gesprek.
q-prompt-followup = ➕ Schrijf wat u wilt toevoegen aan uw vraag nr. { $question } (tekst of een foto).
q-mine-button = 🗂 Mijn vragen
q-new-button = ✏️ Een nieuwe vraag stellen
q-add-button = ➕ Aanvullen bij mijn vraag nr. { $question }
q-cancelled = Goed, er is niets verstuurd.
q-text-or-photo = Schrijf uw vraag als tekst, of stuur een foto.
q-photo-only = (foto zonder tekst)
q-asked = ✅ Uw vraag <b>nr. { $question }</b> is naar het team gestuurd.
    Wat nu: een teamlid leest ze en antwoordt hier, meestal binnen enkele werkdagen. Wilt u iets toevoegen? Antwoord op dit bericht of gebruik de knop hieronder.
q-added = ✅ Toegevoegd aan uw vraag <b>nr. { $question }</b>. Het team ziet het samen met de rest van uw vraag.
q-busy = Rond eerst af (of annuleer) waar u mee bezig bent, en stel dan uw vraag.
q-state-open = 🕓 wacht op het team
q-state-answered = 💬 beantwoord
q-state-closed = ✔️ afgesloten
q-mine-title = 🗂 Mijn vragen
q-mine-none = U hebt nog geen vragen gesteld.
q-mine-answer = 💬 Laatste antwoord: <i>{ $text }</i>
q-mine-messages = { $count ->
    [one] 1 bericht
   *[other] { $count } berichten
}
