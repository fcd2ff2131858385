# Fragen an das Team (features/questions.ts). Telegram-HTML.
q-prompt = ❓ <b>Eine Frage an das Team stellen</b>
    Schreiben Sie Ihre Frage in einer Nachricht. Sie können ein Foto anhängen (mit oder ohne Bildunterschrift). Das Team liest jede Frage und antwortet hier, in diesem Chat.
q-prompt-followup = ➕ Schreiben Sie, was Sie Ihrer Frage Nr. { $question } hinzufügen möchten (Text oder ein Foto).
q-mine-button = 🗂 Meine Fragen
q-new-button = ✏️ Eine neue Frage stellen
q-add-button = ➕ Meine Frage Nr. { $question } ergänzen
q-cancelled = In Ordnung, es wurde nichts gesendet.
q-text-or-photo = Bitte schreiben Sie Ihre Frage als Text, oder senden Sie ein Foto.
q-photo-only = (Foto ohne Text)
q-asked = ✅ Ihre Frage <b>Nr. { $question }</b> wurde an das Team gesendet.
    Wie es weitergeht: Ein Teammitglied liest sie und antwortet hier, meist innerhalb weniger Werktage. Um etwas zu ergänzen, antworten Sie auf diese Nachricht oder tippen Sie auf die Schaltfläche unten.
q-added = ✅ Zu Ihrer Frage <b>Nr. { $question }</b> hinzugefügt. Das Team sieht es zusammen mit dem Rest Ihrer Frage.
q-busy = Bitte schließen Sie zuerst ab (oder brechen Sie ab), was Sie gerade tun, und stellen Sie dann Ihre Frage.
q-state-open = 🕓 wartet auf das Team
q-state-answered = 💬 beantwortet
q-state-closed = ✔️ abgeschlossen
q-mine-title = 🗂 Meine Fragen
q-mine-none = Sie haben noch keine Frage gestellt.
q-mine-answer = 💬 Letzte Antwort: <i>{ $text }</i>
q-mine-messages = { $count ->
    [one] 1 Nachricht
   *[other] { $count } Nachrichten
}
