# Het commando /pnyx (features/command*.ts, blocks/command-*.ts). Slack mrkdwn; plaatsnamen
# en getypte teksten komen ge-escapet binnen.

command-cancel = Annuleren
command-back = Terug
command-failed = Dat is niet gelukt door een fout bij ons. Er is niets gewijzigd; probeer het zo opnieuw.
command-form-unreadable = Dit formulier kon niet worden gelezen. Sluit het en voer het commando opnieuw uit.
command-actor-system = de planning
command-upload-failed = De bestanden konden niet in dit kanaal worden geplaatst (`{ $error }`). Nodig de app uit in het kanaal, of voer het commando uit in een kanaal waar ze al in zit.

## Fasen en toestanden van ideeën
command-phase-draft = Voorbereiding
command-phase-submission = Ideeën indienen
command-phase-review = Beoordeling van de ideeën
command-phase-voting = Stemming
command-phase-tallying = Telling
command-phase-announced = Resultaten
command-phase-archived = Gearchiveerd
command-state-submitted = Ingediend
command-state-changes-requested = Wijzigingen gevraagd
command-state-resubmitted = Opnieuw ingediend
command-state-eligible = Ontvankelijk
command-state-rejected = Afgewezen
command-state-merged = Samengevoegd
command-state-withdrawn = Ingetrokken
command-state-finalist = Finalisten
command-state-winner = Winnaars
command-state-not-funded = Niet gefinancierd
command-held-phase-guard-finalists = er zijn minstens twee finalistische ideeën nodig
command-held-phase-guard-not-tallied = de stemmen zijn nog niet geteld

## Hulp
command-help-title = Het commando /pnyx
command-help-status = `/pnyx status` — de huidige fase, de data, wat er volgt en de cijfers van de campagne.
command-help-phase = `/pnyx phase` — eerder dan gepland naar de volgende fase gaan, of de huidige fase verlengen. Er wordt om een reden gevraagd, daarna om een bevestiging. _Beheerders._
command-help-announce = `/pnyx announce` — een bericht aan de inwoners schrijven in elke taal van de campagne, het lezen zoals zij het krijgen, en het dan naar iedereen of naar één wijk sturen. De voortgang verschijnt in het aankondigingenkanaal. _Beheerders._
command-help-export = `/pnyx export` — de exports van de campagne (ideeën, resultaten, geanonimiseerde stembiljetten) als CSV-bestanden, geplaatst in dit kanaal.
command-help-codes = `/pnyx codes N` — N eenmalige codes aanmaken (1 tot 10.000) om aan inwoners uit te delen. Het CSV-bestand komt in een privébericht; de codes worden nooit in een kanaal getoond. _Beheerders._
command-help-ambassador = `/pnyx ambassador grant CODE` of `/pnyx ambassador revoke CODE` — de rol van ambassadeur geven of afnemen. CODE is de eenmalige code waarmee de persoon zich in de bot heeft ingeschreven of geverifieerd (bijvoorbeeld `K7QM-2XPA`), of de id zoals het bestand “Mijn gegevens” die toont (`tg:123456789`). _Beheerders._
command-help-help = `/pnyx help` — deze hulp.
command-help-footer = Alleen de stuurgroep kan /pnyx gebruiken. Alleen u ziet de antwoorden.

command-problem-unknown = “{ $sub }” is geen subcommando van /pnyx. Dit kan /pnyx:
command-problem-extra = `/pnyx { $sub }` neemt niets na de naam (ontvangen: “{ $extra }”).
command-problem-codes-usage = Geef aan hoeveel codes er moeten komen: `/pnyx codes 50`.
command-problem-codes-number = “{ $value }” is geen geheel getal. Geef aan hoeveel codes er moeten komen, bijvoorbeeld `/pnyx codes 50`.
command-problem-ambassador-usage = Schrijf `/pnyx ambassador grant CODE` om de rol te geven, of `/pnyx ambassador revoke CODE` om ze af te nemen.
command-problem-ambassador-who = “{ $value }” is geen eenmalige code (8 tekens, zoals `K7QM-2XPA`) en geen id van een inwoner (zoals `tg:123456789`).

## Status
command-status-title = { $campaign } — waar de campagne staat
command-status-window = *Fase:* { $phase }, van { $start } tot { $end } (tijdzone { $zone })
command-status-window-from = *Fase:* { $phase }, sinds { $start } (tijdzone { $zone })
command-status-window-until = *Fase:* { $phase }, tot { $end } (tijdzone { $zone })
command-status-window-open = *Fase:* { $phase }
command-status-next = *Daarna:* { $next }, vanaf { $at }
command-status-held = :warning: *{ $next }* had op { $at } moeten beginnen, maar de campagne blijft staan: { $reason }. Alleen een handmatige overgang (`/pnyx phase`) opent die fase.
command-status-between = *Tussen twee fasen:* { $after } is afgelopen; { $next } begint op { $at } (tijdzone { $zone }).
command-status-ideas = Ideeën ({ $count })
command-status-count = { $label }: { $count }
command-status-no-ideas = nog geen ideeën
command-status-backlog = Te beoordelen
command-status-backlog-empty = Niets in de wachtrij
command-status-backlog-count = { $count ->
    [one] { $count } idee, wacht al { $wait }
   *[other] { $count } ideeën, het oudste wacht al { $wait }
}
command-status-residents = Ingeschreven inwoners
command-status-residents-count = { $count } ({ $percent } % van { $population } inwoners), { $week } deze week
command-status-ballots = Stembiljetten
command-status-voters = { $count } kiezers ({ $percent } % van de ingeschrevenen)
command-status-footer = Cijfers op { $at } (tijdzone { $zone }).

## Van fase veranderen
command-phase-title = Fase van de campagne
command-phase-continue = Verder
command-phase-confirm = Bevestigen
command-phase-op = Wat moet er gebeuren?
command-phase-op-advance = Nu naar de volgende fase: { $to }
command-phase-op-extend = De huidige fase verlengen: { $phase }
command-phase-op-required = Kies wat er moet gebeuren.
command-phase-until-date = Nieuwe einddatum (bij een verlenging)
command-phase-until-date-hint = De fase eindigt op dat moment, tijdzone { $zone }. Genegeerd bij een overgang naar de volgende fase.
command-phase-until-time = Eindtijd ({ $zone })
command-phase-reason = Reden
command-phase-reason-hint = Verplicht. Ze wordt bij de wijziging bewaard en is zichtbaar voor de stuurgroep.
command-phase-reason-required = Geef de reden voor deze wijziging.
command-phase-reason-too-long = De reden is te lang: hoogstens { $max } tekens.
command-phase-until-required = Kies de nieuwe einddatum.
command-phase-until-invalid = Dat tijdstip bestaat die dag niet in { $zone } (klokwissel). Kies een ander.
command-phase-until-past = Het nieuwe einde moet in de toekomst liggen.
command-phase-until-not-later = Het nieuwe einde moet na het huidige einde liggen ({ $end }).
command-phase-nothing = Er valt niets te vervroegen of te verlengen: de campagne is in de fase “{ $phase }”.
command-phase-cannot-extend = De fase “{ $phase }” kan nu niet worden verlengd.
command-phase-changed = De fase is veranderd terwijl u dit formulier invulde. Er is niets gewijzigd: sluit het en voer `/pnyx phase` opnieuw uit.
command-phase-confirm-advance = U gaat de fase *{ $from }* nu beëindigen en de fase *{ $to }* openen.
command-phase-confirm-advance-effects = Geabonneerde inwoners krijgen de aankondiging van de fase “{ $to }” in hun taal, en de stuurgroep wordt op de hoogte gebracht.
command-phase-confirm-extend = U gaat de fase *{ $phase }* verlengen tot *{ $until }* (tijdzone { $zone }).
command-phase-confirm-extend-next = De fase “{ $next }” begint dan op { $at }.
command-phase-confirm-reason = *Reden:* { $reason }
command-phase-refused-hint = Er is niets gewijzigd. “Terug” brengt u naar het formulier.
command-phase-done-advance = Klaar: de fase “{ $from }” is afgelopen, de fase “{ $to }” is open.
command-phase-done-extend = Klaar: de fase “{ $phase }” duurt tot { $until } (tijdzone { $zone }).
command-phase-extended-notice = :calendar: { $by } heeft de fase *{ $phase }* verlengd tot { $until } (tijdzone { $zone }). Reden: { $reason }

## Aankondiging
command-announce-title = Aankondiging
command-announce-title-preview = Voorbeeld
command-announce-preview = Voorbeeld
command-announce-send = Versturen
command-announce-intro = Schrijf de aankondiging in elke taal van de campagne. De tekst in het { $language } is verplicht; een taal die leeg blijft, krijgt de tekst in het { $language }. Daarna ziet u precies wat de inwoners zullen lezen, voor u ze verstuurt.
command-announce-text-required = Tekst in het { $language } (verplicht)
command-announce-text-optional = Tekst in het { $language } (facultatief)
command-announce-audience = Ontvangers
command-announce-audience-all = Alle geabonneerde inwoners
command-announce-audience-area = Geabonneerde inwoners van { $area }
command-announce-audience-required = Kies wie de aankondiging krijgt.
command-announce-text-missing = De tekst in het { $language } is verplicht.
command-announce-text-too-long = Deze tekst is te lang: { $length } tekens, hoogstens { $max }.
command-announce-preview-title = Dit zullen de inwoners lezen
command-announce-preview-audience = Ontvangers: { $audience }. Controleer elke taal en druk dan op “Versturen”.
command-announce-preview-language = *{ $label }* — wat inwoners die { $language } lezen, krijgen:
command-announce-preview-borrowed = *{ $label }* — geen tekst in het { $language }: deze inwoners krijgen de tekst in het { $fallback }:
command-announce-preview-edit = Wilt u iets verbeteren, pas dan de tekst hieronder aan en druk op “Versturen”: eerst verschijnt een nieuw voorbeeld.
command-announce-changed = De tekst of de ontvangers zijn veranderd sinds het voorbeeld. Controleer dit nieuwe voorbeeld en druk dan opnieuw op “Versturen”.
command-announce-started = De aankondiging wordt verstuurd. De voortgang verschijnt in { $channel }.

## Voortgang van een aankondiging
command-progress-title-sending = 📣 Aankondiging wordt verstuurd
command-progress-title-done = 📣 Aankondiging verstuurd
command-progress-phase = Aankondiging dat de fase “{ $phase }” open is
command-progress-template = Automatische aankondiging van de campagne
command-progress-by = Gestart door { $by } op { $at } · { $audience }
command-progress-audience-all = alle geabonneerde inwoners
command-progress-audience-area = geabonneerde inwoners van { $area }
command-progress-total = Geplande berichten
command-progress-total-counting = in voorbereiding ({ $queued } tot nu toe)
command-progress-sent = Verstuurd
command-progress-failed = Mislukt
command-progress-left = Resterend
command-progress-running = { $sent } verstuurd, { $failed } mislukt, { $left } resterend
command-progress-done = Afgerond op { $at }: { $sent } van de { $total } berichten verstuurd, { $failed } mislukt.
command-progress-skipped = { $skipped } niet verstuurd: niet meer nodig toen ze aan de beurt waren (de inwoner had intussen gestemd, of de stemming was gesloten).
command-progress-failed-hint = Mislukt betekent meestal dat de inwoner de bot heeft geblokkeerd: hij of zij krijgt geen aankondigingen meer.

## Exports en codes
command-export-unavailable = Exporteren is op deze dienst niet beschikbaar. Gebruik `pnyx export` op de server.
command-export-started = Bezig met exporteren… de bestanden komen zo in dit kanaal.
command-export-failed = Het exporteren is mislukt door een fout bij ons. Er is niets geplaatst; probeer het later opnieuw.
command-export-empty = Er is nog niets te exporteren.
command-export-comment = { $count ->
    [one] Export van de campagne van { $at }: { $count } bestand.
   *[other] Export van de campagne van { $at }: { $count } bestanden.
}
command-export-done = { $count ->
    [one] Export geplaatst in dit kanaal: { $files }.
   *[other] Export geplaatst in dit kanaal ({ $count } bestanden): { $files }.
}
command-codes-file-title = { $count ->
    [one] { $count } eenmalige code
   *[other] { $count } eenmalige codes
}
command-codes-comment = { $count ->
    [one] Hier is de gevraagde eenmalige code. Geef ze op papier af; ze werkt één keer.
   *[other] Hier zijn de { $count } gevraagde eenmalige codes. Geef ze op papier af; elke code werkt één keer.
}
command-codes-done = { $count ->
    [one] { $count } code aangemaakt. Het CSV-bestand wacht in uw privéberichten met Pnyx.
   *[other] { $count } codes aangemaakt. Het CSV-bestand wacht in uw privéberichten met Pnyx.
}
command-codes-upload-failed = Er zijn { $count } codes aangemaakt, maar het bestand kon u niet worden gestuurd (`{ $error }`). Niemand heeft deze codes; maak nieuwe aan.

## Ambassadeurs
command-ambassador-granted = { $who } is nu ambassadeur (wijk { $area }, ingeschreven op { $since }). Het ambassadeursmenu verschijnt in de bot.
command-ambassador-revoked = { $who } is geen ambassadeur meer (wijk { $area }, ingeschreven op { $since }).
command-ambassador-already = { $who } is al ambassadeur (wijk { $area }, ingeschreven op { $since }). Er is niets gewijzigd.
command-ambassador-not-one = { $who } is geen ambassadeur (wijk { $area }, ingeschreven op { $since }). Er is niets gewijzigd.
command-ambassador-is-staff = { $who } hoort bij het team; die rol wordt in de configuratie van de campagne geregeld. Er is niets gewijzigd.
command-ambassador-no-area = niet gekozen
command-ambassador-not-registered = inschrijving niet afgerond
