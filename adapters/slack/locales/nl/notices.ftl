# Berichten en waarschuwingen voor de stuurgroep (blocks/notice-*.ts). Slack mrkdwn; tekst van inwoners en stuurgroep komt ge-escapet binnen.
notice-phase-draft = ontwerp
notice-phase-submission = indienen
notice-phase-review = beoordeling
notice-phase-voting = stemming
notice-phase-tallying = telling
notice-phase-announced = resultaten
notice-phase-archived = gearchiveerd
notice-phase-entered = :arrow_forward: *De campagne is in de fase { $to }* (na { $from }) sinds { $at }.
notice-phase-entered-text = De campagne is in de fase { $to }.
notice-phase-entered-by = Verzet door { $by }. Reden: { $reason }
notice-phase-entered-schedule = Geopend volgens de planning.
notice-phase-entered-announcement = De inwoners worden ingelicht, ieder in de eigen taal.
notice-phase-held-text = Waarschuwing: de fase { $phase } kon niet openen.
notice-phase-held-finalists = :warning: *De stemming kon op { $at } niet openen*: { $finalists ->
    [0] er is geen enkele finalist
    [one] er is maar 1 finalist
   *[other] er zijn maar { $finalists } finalisten
  }, en voor de stemming zijn er minstens twee nodig. De campagne blijft waar ze is tot de stuurgroep ingrijpt.
notice-phase-held-finalists-todo = *Wat te doen:* kies minstens twee finalisten in het tabblad Start van de app en open daarna de stemming met `/pnyx phase`.
notice-phase-held-not-tallied = :warning: *De resultaten konden op { $at } niet bekendgemaakt worden*: de telling is niet gedaan. De campagne blijft waar ze is tot de stuurgroep ingrijpt.
notice-phase-held-not-tallied-todo = *Wat te doen:* voer de telling uit (`pnyx tally`) en ga daarna naar de resultaten met `/pnyx phase`.
notice-phase-held-other = :warning: *De fase { $phase } kon op { $at } niet openen* (`{ $code }`). De campagne blijft waar ze is tot de stuurgroep ingrijpt.
notice-phase-held-other-todo = *Wat te doen:* los de oorzaak op en verzet daarna de fase met `/pnyx phase`.
notice-tally-computed = :ballot_box_with_ballot: *De telling is klaar* (methode `{ $method }`): { $funded ->
    [0] geen enkel idee gefinancierd
    [one] 1 idee gefinancierd
   *[other] { $funded } ideeën gefinancierd
  }.
notice-tally-computed-text = De telling is klaar: { $funded } ideeën gefinancierd.
notice-rewrite-accepted = :pencil2: De indiener heeft de voorgestelde herschrijving van idee nr. { $idea } { $title } *aanvaard*: de kaart toont de nieuwe tekst.
notice-rewrite-declined = :pencil2: De indiener heeft de voorgestelde herschrijving van idee nr. { $idea } { $title } *geweigerd*: het idee behoudt de eigen tekst.
notice-failed-deliveries = :warning: *{ $total ->
    [one] 1 bericht kon niet worden bezorgd
   *[other] { $total } berichten konden niet worden bezorgd
  }*.
notice-failed-deliveries-added = ({ $added } nieuw sinds de vorige waarschuwing)
notice-failed-deliveries-todo = Inwoners die de bot hebben geblokkeerd, zijn uitgeschreven; elk opgegeven bericht staat met de reden in het logboek van de dienst.
notice-failed-deliveries-latest = Laatste: een bericht aan de stuurgroep (`{ $template }`) is opgegeven: { $reason }.
notice-failed-deliveries-text = Waarschuwing: { $total } berichten konden niet worden bezorgd.
notice-parked-refused = :no_entry: *Telegram weigerde { $count ->
    [one] 1 bericht
   *[other] { $count } berichten
  }*: `{ $reason }`.
notice-parked-server = :warning: *Telegram antwoordde met serverfouten: { $count ->
    [one] 1 bericht geparkeerd
   *[other] { $count } berichten geparkeerd
  }* na { $attempts } pogingen (`{ $reason }`).
notice-parked-network = :warning: *Telegram was niet bereikbaar: { $count ->
    [one] 1 bericht geparkeerd
   *[other] { $count } berichten geparkeerd
  }* na { $attempts } pogingen (`{ $reason }`).
notice-parked-other = :warning: *Niet verzonden: { $count ->
    [one] 1 bericht geparkeerd
   *[other] { $count } berichten geparkeerd
  }* na { $attempts } pogingen: `{ $reason }`.
notice-parked-refused-todo = Telegram neemt deze berichten zo niet aan, dus ze worden niet opnieuw geprobeerd. Inwoners die de bot hebben geblokkeerd, tellen hier niet mee.
notice-parked-retried-todo = Elk bericht is { $attempts } keer geprobeerd voordat het werd opgegeven; geen enkel wordt opnieuw geprobeerd.
notice-parked-where = Het aantal telt elk bericht dat om deze reden geparkeerd is, zoals `/readyz` het toont (`outbox.parked`); het logboek van de dienst noemt elk bij zijn nummer.
notice-parked-context = Eerste in deze waarschuwing: { $since } · aantal op { $at } · één waarschuwing per reden, bijgewerkt zolang er meer bijkomen
notice-parked-text = Waarschuwing: geparkeerde berichten ({ $count }): `{ $reason }`.
