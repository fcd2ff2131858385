# Het voortgangsbericht van een aankondiging: tempo, resterende tijd, eindoverzicht (notices/progress-view.ts).
progress-rate = { $rate } berichten/s
progress-rate-minute = { $rate } berichten/min
progress-rate-unknown = Tempo: wordt gemeten
progress-eta = nog ongeveer { $eta }
progress-eta-counting = resterende tijd bekend zodra alle berichten klaarstaan
progress-stalled = ⏸ De laatste minuut is geen bericht vertrokken: het verzenden wacht (limieten van Telegram, of de bot draait niet).
progress-took = Duur: { $duration }.
progress-average = Gemiddeld { $rate }.
progress-reasons-title = Mislukt per reden
progress-reason = • { $reason }: { $count }
progress-reason-others = • andere redenen: { $count }
progress-reasons-unknown = De redenen van de mislukkingen konden niet worden gelezen.
