# Weigeringen: waarom de motor nee zei, en wat u nu kunt doen. Eén sleutel per code
# (core/domain/codes.ts): `refusal-` + de code, met `.` en `_` als `-`. Telegram-HTML.

refusal-generic = Sorry, dat is niet gelukt. Er is niets veranderd. Probeer het opnieuw, of ga terug naar het menu met /start.

## Fase: te vroeg (opensAt) of voorbij (nextPhase, nextPhaseOpensAt)
refusal-submission-not-yet = U kunt ideeën indienen vanaf <b>{ $opensAt }</b>. Tot dan!
refusal-submission-closed =
    Het indienen van ideeën is afgelopen.
    { $nextPhase ->
        [none] Bedankt voor uw deelname!
       *[other] Volgende stap: { $nextPhase }, vanaf { $nextPhaseOpensAt }.
    }
refusal-resubmission-not-yet = U kunt uw aangepaste idee opnieuw indienen vanaf <b>{ $opensAt }</b>.
refusal-resubmission-closed =
    Het is te laat om uw idee opnieuw in te dienen: de beoordeling is afgelopen.
    { $nextPhase ->
        [none] Bedankt voor uw deelname!
       *[other] Volgende stap: { $nextPhase }, vanaf { $nextPhaseOpensAt }.
    }
refusal-withdrawal-not-yet = U kunt een idee intrekken vanaf <b>{ $opensAt }</b>.
refusal-withdrawal-closed = Het is te laat om uw idee in te trekken: de beoordeling is afgelopen.
refusal-support-not-yet = U kunt ideeën steunen vanaf <b>{ $opensAt }</b>.
refusal-support-closed =
    Ideeën steunen kan niet meer.
    { $nextPhase ->
        [none] Bedankt voor uw deelname!
       *[other] Volgende stap: { $nextPhase }, vanaf { $nextPhaseOpensAt }.
    }
refusal-moderation-not-yet = Ideeën kunnen beoordeeld worden vanaf <b>{ $opensAt }</b>.
refusal-moderation-closed = De beoordeling van ideeën is afgelopen voor deze campagne.
refusal-finalists-not-yet = Finalisten kunnen gekozen worden vanaf <b>{ $opensAt }</b>.
refusal-finalists-closed = De keuze van de finalisten is afgelopen voor deze campagne.
refusal-voting-not-yet = De stemming begint op <b>{ $opensAt }</b>. We sturen u een bericht zodra ze begint.
refusal-voting-closed = De stemming is gesloten. Bedankt! De uitslag wordt hier bekendgemaakt.
refusal-tally-not-yet = De stemmen kunnen geteld worden vanaf <b>{ $opensAt }</b>.
refusal-tally-closed = De stemmen van deze campagne zijn al geteld.

## Ambassadeurs
refusal-ambassador-not-ambassador = Alleen ambassadeurs kunnen dit doen. Helpt u inwoners namens de gemeente, vraag het team dan om de rol van ambassadeur.

## Stembiljet
refusal-ballot-already-cast = U hebt al gestemd. Uw ontvangstbewijs: <code>{ $receipt }</code>. Bedankt!
refusal-ballot-duplicate-choice = U hebt hetzelfde project twee keer gekozen. Kies elk project maar één keer.
refusal-ballot-empty = U hebt nog geen project gekozen. Tik op een project om het te kiezen.
refusal-ballot-no-such-ballot = Dit stembiljet bestaat niet voor u. Open de stemming opnieuw via het menu.
refusal-ballot-over-budget = Uw keuze kost { $total }, maar het budget is { $budget }. Verwijder projecten voor minstens { $over }.
refusal-ballot-points-invalid = Elk project moet minstens 1 punt krijgen (een geheel getal).
refusal-ballot-points-per-idea = U kunt hoogstens { $max } punten aan één project geven.
refusal-ballot-single-one = Kies precies één project.
refusal-ballot-too-few = Kies minstens { $min } projecten. U koos er { $count }.
refusal-ballot-too-many = U kunt hoogstens { $max } projecten kiezen. U koos er { $count }: verwijder er een paar.
refusal-ballot-too-many-points = U hebt { $max } punten te verdelen en u gaf er { $total }. Neem er een paar terug.
refusal-ballot-unknown-idea = Dit project staat niet op het stembiljet. Open de stemming opnieuw via het menu.

## Aankondigingen (team)
refusal-broadcast-bad-page-size = De paginagrootte moet tussen 1 en { $max } liggen.
refusal-broadcast-not-found = Deze aankondiging bestaat niet.
refusal-broadcast-text-missing = De tekst in het { $locale } ontbreekt. Schrijf de aankondiging in elke taal van de campagne.
refusal-broadcast-text-too-long = De tekst in het { $locale } is te lang: { $length } tekens, hoogstens { $max }.
refusal-broadcast-unknown-area = De wijk „{ $area }” bestaat niet.
refusal-broadcast-unknown-locale = De taal „{ $locale }” hoort niet bij deze campagne.

## Eenmalige codes
refusal-code-count-invalid = Kies een aantal codes tussen 1 en { $max }.
refusal-code-malformed = Deze code lijkt niet te kloppen. Controleer hem en typ hem opnieuw, precies zoals op uw papier.
refusal-code-not-registered = Nog niemand heeft zich met deze code ingeschreven. Schrijf u er eerst mee in.
refusal-code-unknown = We kennen deze code niet. Controleer hem en typ hem opnieuw, of vraag de gemeente om hulp.
refusal-code-used = Deze code is al gebruikt. Elke code werkt maar één keer. Denkt u dat dit een vergissing is, vraag het dan aan de gemeente.

## Finalisten (team)
refusal-finalist-not-eligible = Idee nr. { $idea } heeft de status „{ $state }”: alleen ontvankelijke ideeën kunnen finalist worden.
refusal-finalist-not-finalist = Idee nr. { $idea } heeft de status „{ $state }”: het is geen finalist.

## Ideeën
refusal-idea-author-gone = De indiener van dit idee heeft de campagne verlaten: het kan niet meer gewijzigd worden.
refusal-idea-bad-characters =
    { $field ->
        [title] De titel bevat tekens die we niet kunnen tonen.
       *[other] De beschrijving bevat tekens die we niet kunnen tonen.
    } Typ hem opnieuw met alleen letters, cijfers en leestekens.
refusal-idea-busy = Iemand heeft dit idee tegelijk gewijzigd. Probeer het opnieuw.
refusal-idea-cost-invalid = Typ de kosten als een geheel getal, bijvoorbeeld 5000.
refusal-idea-cost-out-of-bounds = De kosten moeten tussen { $min } en { $max } liggen. U typte { $cost }. Weet u het niet, kies dan „Ik weet het niet”.
refusal-idea-description-too-long = Uw beschrijving is te lang: { $length } tekens, hoogstens { $max }. Maak ze korter.
refusal-idea-description-too-short = Uw beschrijving is te kort: { $length } tekens, minstens { $min }. Vertel ons iets meer.
refusal-idea-location-invalid = Deze plaats kon niet gelezen worden. Stuur de locatie opnieuw, of sla deze stap over.
refusal-idea-no-rewrite = Er is geen voorstel meer om op te antwoorden voor dit idee.
refusal-idea-not-author = Alleen de indiener van dit idee kan dit doen.
refusal-idea-photo-invalid = Deze foto kon niet gebruikt worden. Stuur een andere foto, of sla deze stap over.
refusal-idea-title-too-long = Uw titel is te lang: { $length } tekens, hoogstens { $max }. Maak hem korter.
refusal-idea-title-too-short = Uw titel is te kort: { $length } tekens, minstens { $min }.
refusal-idea-unknown = Dit idee bestaat niet (meer). Open de lijst met ideeën opnieuw.
refusal-idea-unknown-area = De wijk „{ $area }” bestaat niet. Kies een wijk met de knoppen.
refusal-idea-unknown-category = De categorie „{ $category }” bestaat niet. Kies een categorie met de knoppen.
refusal-idea-wrong-state = Dat kan nu niet: idee nr. { $idea } heeft de status „{ $state }”.

## Moderatie (team)
refusal-moderation-already-decided = Iemand heeft al beslist over idee nr. { $idea }: de status is nu „{ $state }”.
refusal-moderation-comment-required = Schrijf een opmerking: de indiener moet weten wat te veranderen.
refusal-moderation-cost-unknown = Idee nr. { $idea } heeft nog geen kosten. Schat eerst de kosten.
refusal-moderation-merge-self = Een idee kan niet met zichzelf samengevoegd worden.
refusal-moderation-merge-target-state = Het andere idee heeft de status „{ $state }”: het kan dit idee niet opnemen.
refusal-moderation-merge-target-unknown = Het andere idee bestaat niet.
refusal-moderation-not-awaiting = Idee nr. { $idea } heeft de status „{ $state }”: het wacht niet op een beslissing.
refusal-moderation-unknown-criterion = „{ $criterion }” is geen beoordelingscriterium.

## Fasen (team)
refusal-phase-busy = Iemand heeft de fase tegelijk gewijzigd. Probeer het opnieuw.
refusal-phase-extend-not-later = Het nieuwe einde moet later zijn dan het huidige ({ $end }).
refusal-phase-extend-not-open = Alleen een open fase kan verlengd worden (nu: „{ $phase }”).
refusal-phase-extend-overlaps = Het nieuwe einde overlapt met de fase „{ $phase }”, die eindigt op { $end }.
refusal-phase-guard-finalists = De fase „{ $phase }” kan niet beginnen met minder dan 2 finalisten (nu: { $finalists }).
refusal-phase-guard-not-tallied = De fase „{ $phase }” kan niet beginnen voordat de stemmen geteld zijn.
refusal-phase-no-next = Er is geen fase na „{ $phase }”.
refusal-phase-moved = De campagne is niet meer in „{ $from }” (nu in „{ $phase }”): er is niets gewijzigd.
refusal-phase-reason-required = Geef een reden voor deze wijziging.
refusal-phase-window-passed = Het is te laat om de fase „{ $phase }” te openen: haar tijd eindigde op { $end }.

## Een Pabulib-bestand naspelen (beheerder)
refusal-replay-amount-precision = { $what } heeft meer dan twee decimalen.
refusal-replay-missing-meta = Het bestand heeft het META-veld { $key } nodig.
refusal-replay-unknown-rule = De regel „{ $rule }” van dit bestand kan niet nagespeeld worden.
refusal-replay-vote-type = Stembiljetten van het type „{ $voteType }” kunnen niet nagespeeld worden.

## Vragen
refusal-question-already-closed = Vraag nr. { $question } is al afgesloten.
refusal-question-bad-characters = Uw bericht bevat tekens die we niet kunnen tonen. Typ het opnieuw.
refusal-question-busy = Uw vraag is tegelijk gewijzigd. Stuur uw bericht opnieuw.
refusal-question-campaign-archived = Deze campagne is afgelopen: het team beantwoordt hier geen vragen meer. Bedankt voor uw deelname!
refusal-question-closed = Vraag nr. { $question } is afgesloten. Wilt u iets anders vragen, stel dan een nieuwe vraag via het menu.
refusal-question-empty = Uw bericht is leeg. Typ uw vraag.
refusal-question-not-owner = Deze vraag is van iemand anders.
refusal-question-photo-invalid = Deze foto kon niet gebruikt worden. Stuur een andere, of alleen tekst.
refusal-question-rate-limited =
    { $limit ->
        [questions] U hebt vandaag veel vragen gesteld.
       *[other] U hebt veel berichten gestuurd in korte tijd.
    } Wacht tot { $retryAt } en probeer het dan opnieuw. Bedankt voor uw geduld!
refusal-question-too-long = Uw bericht is te lang: { $length } tekens, hoogstens { $max }. Maak het korter of stuur het in twee delen.
refusal-question-unknown = Deze vraag bestaat niet (meer).

## Inschrijving
refusal-registration-area-locked = Tijdens de stemming kunt u niet van wijk veranderen. Dat kan weer na { $closesAt }.
refusal-registration-area-not-eligible = Sorry, inwoners van uw wijk kunnen niet deelnemen aan deze campagne.
refusal-registration-consent-outdated = De privacyverklaring is gewijzigd. Lees ze en aanvaard ze opnieuw om verder te gaan: stuur /start.
refusal-registration-consent-required = Om deel te nemen moet u de privacyverklaring aanvaarden. U kunt ze lezen via de link hierboven.
refusal-registration-incomplete = Rond eerst uw inschrijving af: stuur /start.
refusal-registration-no-verification-needed = In deze campagne is geen controle nodig. U kunt verdergaan.
refusal-registration-not-at-verification = Deze controle is bij deze stap niet mogelijk. Ga verder met uw inschrijving: stuur /start.
refusal-registration-not-verified = Bevestig eerst wie u bent: stuur /start om uw inschrijving af te ronden.
refusal-registration-too-young = Sorry, u moet minstens { $minimumAge } jaar oud zijn om deel te nemen.
refusal-registration-unknown-age-band = Kies uw leeftijd met de knoppen.
refusal-registration-unknown-area = We kennen deze wijk niet. Kies uw wijk met de knoppen, of typ uw postcode.
refusal-registration-unknown-language = De taal „{ $locale }” is niet beschikbaar. Kies een taal met de knoppen.
refusal-registration-use-verification = Gebruik de controleknop om te bevestigen wie u bent.
refusal-registration-wrong-verification =
    { $expected ->
        [phone] In deze campagne bevestigt u wie u bent door uw telefoonnummer te delen met de knop hieronder.
       *[other] In deze campagne bevestigt u wie u bent met de code die u van de gemeente kreeg. Typ hem in.
    }

## Inwoners
refusal-resident-busy = Uw gegevens zijn tegelijk gewijzigd. Probeer het opnieuw.
refusal-resident-unknown = We kennen u nog niet. Stuur /start om u in te schrijven.

## Uitslag
refusal-results-not-yet = De uitslag is nog niet bekend. We sturen hem zodra hij bekendgemaakt wordt.

## Beheerder en team
refusal-secret-mismatch = PNYX_SECRET is niet het geheim waarmee deze campagne begon. Zet het oorspronkelijke geheim terug.
refusal-staff-admin-only = Alleen een beheerder kan dit doen.
refusal-staff-not-staff = Alleen leden van het team kunnen dit doen.

## Steun
refusal-support-not-supportable = Idee nr. { $idea } kan nu niet gesteund worden.
refusal-support-own-idea = Dit is uw eigen idee: u kunt het niet steunen, maar u kunt het wel delen!

## Telling (team)
refusal-tally-busy = Er worden nog { $unsettled } stembiljetten opgeslagen. Probeer het zo meteen opnieuw.
refusal-tally-invalid-instance = De stemmen kunnen niet geteld worden: de gegevens kloppen niet.
refusal-tally-tie = Er is een gelijke stand in „{ $envelope }” tussen de projecten { $tied }. Er is een beslissing nodig.
refusal-tally-unsupported = Deze telmethode kan niet gebruikt worden met deze stembiljetten.

## Stemming
refusal-voting-busy = Er stemmen nu veel mensen tegelijk. Probeer het zo meteen opnieuw: uw stem is nog niet opgeslagen.
refusal-browse-unknown-area = De wijk „{ $area }” bestaat niet. Kies een wijk met de knoppen.
refusal-browse-unknown-category = De categorie „{ $category }” bestaat niet. Kies een categorie met de knoppen.
refusal-phone-already-used = Met dit telefoonnummer is al een ander account bevestigd. Eén nummer bevestigt maar één account. Is dit uw nummer en schreef u zich nooit eerder in, neem dan contact op met de gemeente.
refusal-phone-invalid = Dit telefoonnummer kon niet worden gelezen (het moet { $min } tot { $max } cijfers hebben). Deel het opnieuw met de knop.
refusal-registration-unknown-postcode = De postcode „{ $postcode }” kennen we niet. Controleer hem, of kies uw wijk met de knoppen.
