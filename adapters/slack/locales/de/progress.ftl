# Die Fortschrittsnachricht einer Ankündigung: Tempo, Restzeit, Abschlussbericht (notices/progress-view.ts).
progress-rate = { $rate } Nachrichten/s
progress-rate-minute = { $rate } Nachrichten/min
progress-rate-unknown = Tempo: wird gemessen
progress-eta = noch etwa { $eta }
progress-eta-counting = Restzeit bekannt, sobald alle Nachrichten vorbereitet sind
progress-stalled = ⏸ In der letzten Minute ging keine Nachricht hinaus: der Versand wartet (Telegram-Limits, oder der Bot läuft nicht).
progress-took = Dauer: { $duration }.
progress-average = Durchschnitt { $rate }.
progress-reasons-title = Fehlschläge nach Grund
progress-reason = • { $reason }: { $count }
progress-reason-others = • andere Gründe: { $count }
progress-reasons-unknown = Die Gründe der Fehlschläge konnten nicht gelesen werden.
