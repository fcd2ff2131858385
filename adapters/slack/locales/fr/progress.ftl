# Le message de progression d'une annonce : rythme, temps restant, bilan final (notices/progress-view.ts).
progress-rate = { $rate } messages/s
progress-rate-minute = { $rate } messages/min
progress-rate-unknown = Rythme : en cours de mesure
progress-eta = encore environ { $eta }
progress-eta-counting = temps restant connu une fois tous les messages préparés
progress-stalled = ⏸ Aucun message parti depuis une minute : l'envoi attend (limites de Telegram, ou le bot n'est pas lancé).
progress-took = Durée : { $duration }.
progress-average = Moyenne { $rate }.
progress-reasons-title = Échecs par motif
progress-reason = • { $reason } : { $count }
progress-reason-others = • autres motifs : { $count }
progress-reasons-unknown = Les motifs des échecs n'ont pas pu être lus.
