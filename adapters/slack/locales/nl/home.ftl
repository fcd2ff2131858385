# Het startscherm van de app (App Home, blocks/home.ts). Slack mrkdwn; tekst van inwoners komt geëscapet binnen.
home-title = Pnyx — { $campaign }
home-not-staff = Deze app is bedoeld voor het stuurcomité van de campagne. Zit u in het comité, vraag dan een beheerder om u toe te voegen.
home-refresh = Vernieuwen
home-updated = Bijgewerkt op { $at }
home-previous = ← Vorige
home-next = Volgende →
home-range = Ideeën { $from } tot { $to } van { $total } · pagina { $page } van { $pages }
home-bad-page = Deze knop leidt naar geen enkele pagina. Er is niets gewijzigd.
home-bad-button = Deze knop is niet geldig. Er is niets gewijzigd.

home-phase-draft = Voorbereiding
home-phase-submission = Ideeën indienen
home-phase-review = Beoordeling van de ideeën
home-phase-voting = Stemming
home-phase-tallying = Telling van de stemmen
home-phase-announced = Uitslag
home-phase-archived = Afgelopen

home-status-open = *Fase:* { $phase }, van { $start } tot { $end }
home-status-open-from = *Fase:* { $phase }, sinds { $start }
home-status-open-until = *Fase:* { $phase }, tot { $end }
home-status-open-phase = *Fase:* { $phase }
home-status-next = Daarna: { $phase }, op { $at }
home-status-between = *Tussen twee fasen:* { $after } is afgelopen; { $next } begint op { $at }.
home-status-held-finalists = :warning: *{ $next }* had op { $at } moeten beginnen, maar er zijn minstens twee finalisten nodig. De campagne blijft in { $phase } tot het comité haar verder zet.
home-status-held-not-tallied = :warning: *{ $next }* had op { $at } moeten beginnen, maar de telling is niet klaar. De campagne blijft in { $phase }.
home-status-held = :warning: *{ $next }* had op { $at } moeten beginnen, maar aan een voorwaarde is niet voldaan (`{ $code }`). De campagne blijft in { $phase }.

home-figures-title = Cijfers van de campagne
home-figures-registered-label = Ingeschreven inwoners
home-figures-registered = { $registered } ({ $percent } % van { $population } inwoners)
home-figures-ideas-label = Ideeën
home-figures-ideas-none = Nog geen ideeën
home-figures-state = { $state }: { $count }
home-figures-backlog-label = Te beoordelen
home-figures-backlog = { $count } · het oudste wacht al { $age }
home-figures-backlog-empty = Niets in de wachtrij
home-figures-ballots-label = Stembiljetten
home-figures-ballots = { $ballots ->
    [one] { $ballots } stembiljet
   *[other] { $ballots } stembiljetten
  } · { $voters ->
    [one] { $voters } kiezer
   *[other] { $voters } kiezers
  } ({ $turnout } % van de ingeschrevenen) · geholpen: { $assisted }
home-figures-days-label = Resterende dagen
home-figures-days = { $days ->
    [one] { $days } dag
   *[other] { $days } dagen
  } tot het einde van de fase
home-figures-days-none = Geen einddatum

home-state-submitted = Ingediend
home-state-changes-requested = Aanpassingen gevraagd
home-state-resubmitted = Opnieuw ingediend
home-state-eligible = Ontvankelijk
home-state-rejected = Geweigerd
home-state-merged = Samengevoegd
home-state-withdrawn = Ingetrokken
home-state-finalist = Finalisten
home-state-winner = Gefinancierd
home-state-not-funded = Niet gefinancierd

home-queue-title = Te beoordelen ideeën ({ $count })
home-queue-empty = Geen enkel idee wacht op een beslissing.
home-queue-row = { $idea } { $title }
    { $kind } · wacht al { $age }
home-queue-new = Nieuw
home-queue-resubmitted = Opnieuw ingediend

home-finalists-title = Keuze van de finalisten
home-finalists-intro = De finalisten komen op het stembiljet. Het totaal van hun kosten wordt met elke enveloppe vergeleken.
home-finalists-none = Nog geen ontvankelijk idee.
home-guard = :warning: { $count ->
    [one] { $count } finalist
   *[other] { $count } finalisten
  }: er zijn er minstens twee nodig om de stemming te openen.
home-envelope = *{ $envelope }* · { $finalists ->
    [one] { $finalists } finalist
   *[other] { $finalists } finalisten
  } · { $total } van { $amount }
home-envelope-over = :warning: De finalisten overschrijden de enveloppe met { $over }.
home-envelope-unpriced = :warning: Zonder geschatte kost: { $ideas }. Ze kunnen pas op het stembiljet als ze geschat zijn.
home-envelopes-more = … en nog { $count } enveloppen, zonder waarschuwing.
home-envelopes-more-warned = … en nog { $count } enveloppen; na te kijken: { $warned }.
home-cost-unknown = :warning: Kost te schatten vóór de stemming
home-candidate-finalist = ✅ Finalist
home-candidate-eligible = Ontvankelijk
home-select = Kiezen als finalist
home-remove = Verwijderen
