# Wiadomość o postępie ogłoszenia: tempo, pozostały czas, podsumowanie (notices/progress-view.ts).
progress-rate = { $rate } wiadomości/s
progress-rate-minute = { $rate } wiadomości/min
progress-rate-unknown = Tempo: trwa pomiar
progress-eta = pozostało około { $eta }
progress-eta-counting = pozostały czas będzie znany, gdy wszystkie wiadomości zostaną przygotowane
progress-stalled = ⏸ W ostatniej minucie nie wysłano żadnej wiadomości: wysyłka czeka (limity Telegrama albo bot nie działa).
progress-took = Czas trwania: { $duration }.
progress-average = Średnio { $rate }.
progress-reasons-title = Niepowodzenia według przyczyny
progress-reason = • { $reason }: { $count }
progress-reason-others = • inne przyczyny: { $count }
progress-reasons-unknown = Nie udało się odczytać przyczyn niepowodzeń.
