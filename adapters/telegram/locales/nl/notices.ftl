# Berichten aan inwoners (en het overzicht voor de burgemeester via Telegram). Telegram-HTML.

notice-generic = Er is nieuws over { $campaign }. Stuur /start om het te bekijken.

## Een aankondiging van het team
notice-broadcast-message =
    📣 <b>{ $campaign }</b>

    { $text }

## Het idee van de indiener is veranderd
notice-notify-idea-submitted =
    ✅ Bedankt! Uw idee nr. { $idea } „<b>{ $title }</b>” is verstuurd.
    Het team leest het en laat u hier weten wat er verder gebeurt.
notice-notify-idea-changes-requested =
    ✏️ Het team vraagt u uw idee nr. { $idea } „<b>{ $title }</b>” aan te passen.
    Hun bericht: <i>{ $comment }</i>
    Open „Mijn ideeën” om het aan te passen en opnieuw te versturen.
notice-notify-idea-eligible =
    🎉 Goed nieuws: uw idee nr. { $idea } „<b>{ $title }</b>” is ontvankelijk!
    { $comment ->
        [none] Het kan nu als finalist gekozen worden.
       *[other] Bericht van het team: <i>{ $comment }</i>
    }
notice-notify-idea-rejected =
    Uw idee nr. { $idea } „<b>{ $title }</b>” is niet aanvaard.
    Reden: { $criterion }
    { $comment ->
        [none] Hartelijk bedankt voor uw deelname.
       *[other] Bericht van het team: <i>{ $comment }</i>
    }
notice-notify-idea-merged =
    🤝 Uw idee nr. { $idea } „<b>{ $title }</b>” lijkt sterk op idee nr. { $into } „{ $intoTitle }”: het team heeft ze samengevoegd, zodat ze samen verdergaan.
    { $comment ->
        [none] Bedankt voor uw idee!
       *[other] Bericht van het team: <i>{ $comment }</i>
    }
notice-notify-idea-finalist = 🌟 Uw idee nr. { $idea } „<b>{ $title }</b>” is finalist! Inwoners kunnen er nu op stemmen. Vertel het aan uw buren!
notice-notify-idea-winner = 🏆 Gefeliciteerd! Uw idee nr. { $idea } „<b>{ $title }</b>” heeft gewonnen en wordt gefinancierd. Bedankt!
notice-notify-idea-not-funded = Uw idee nr. { $idea } „<b>{ $title }</b>” kreeg deze keer niet genoeg stemmen om gefinancierd te worden. Hartelijk bedankt voor uw deelname!
notice-notify-rewrite-proposed =
    ✍️ Het team stelt een nieuwe formulering voor van uw idee nr. { $idea } „<b>{ $title }</b>”.
    Nieuwe titel: „<b>{ $newTitle }</b>”
    { $comment ->
        [none] {""}
       *[other] Hun bericht: <i>{ $comment }</i>
    }
    Open „Mijn ideeën” om te vergelijken, en aanvaard of weiger het voorstel.

## Vragen aan het team
notice-notify-question-answered =
    💬 <b>Antwoord op uw vraag nr. { $question }</b>

    { $text }

    U kunt hier antwoorden om verder te gaan.
notice-notify-question-closed = Het team heeft uw vraag nr. { $question } afgesloten. Wilt u iets anders vragen, stel dan een nieuwe vraag via het menu.

## Wekelijkse berichten
notice-update-weekly =
    📅 <b>Deze week bij { $campaign }</b>
    { $registered } inwoners doen mee, { $newIdeas_thisWeek } nieuwe ideeën deze week.
    { $daysLeft ->
        [none] {""}
        [0] Vandaag is de laatste dag van deze fase: „{ $phase }”.
        [one] Nog 1 dag in deze fase: „{ $phase }”.
       *[other] Nog { $daysLeft } dagen in deze fase: „{ $phase }”.
    }
    Stuur /start om mee te doen.
## De laatste regel van de wekelijkse update tijdens de stemming, voor een inwoner met nog een stembiljet in te vullen (`days`: resterende stemdagen, vandaag inbegrepen)
notice-vote-left-none =
    { $days ->
        [1] ⏳ <b>Vandaag is de laatste dag om te stemmen</b> — u hebt nog niet gestemd.
       *[other] ⏳ <b>Nog { $days } dagen om te stemmen</b> — u hebt nog niet gestemd.
    }
notice-vote-left-partial =
    { $days ->
        [1] ⏳ <b>Vandaag is de laatste dag om te stemmen</b> — u hebt nog niet al uw stembiljetten ingevuld.
       *[other] ⏳ <b>Nog { $days } dagen om te stemmen</b> — u hebt nog niet al uw stembiljetten ingevuld.
    }
notice-digest-weekly =
    📊 <b>{ $campaign }: cijfers van de week</b>
    Ingeschreven: { $registered } ({ $registeredPercent } % van { $population }), { $newRegistrations_thisWeek } deze week (vorige week { $newRegistrations_lastWeek })
    Met hulp van een ambassadeur: { $assistedRegistrations } inwoners, { $assistedIdeas } ideeën, { $assistedBallots } stembiljetten
    Nieuwe ideeën: { $newIdeas_thisWeek } deze week (vorige week { $newIdeas_lastWeek })
    Wachten op beoordeling: { $backlog }
    Stemmers: { $voters } ({ $turnoutPercent } % van de ingeschrevenen)
    Fase: { $phase }{ $daysLeft ->
        [none] {""}
       *[other], nog { $daysLeft } dagen
    }

## Aankondigingen van een nieuwe fase
notice-announce-phase-draft = { $campaign } wordt voorbereid. We laten u weten wanneer het begint.
notice-announce-phase-submission =
    💡 <b>{ $campaign } is begonnen!</b>
    Vanaf vandaag kunt u uw ideeën voor de gemeente indienen. Stuur /start en kies „Een idee indienen”.
notice-announce-phase-review =
    🔎 Het indienen van ideeën is afgelopen. Bedankt!
    Het team leest nu elk idee. We laten u weten welke ideeën naar de stemming gaan.
notice-announce-phase-voting =
    🗳️ <b>De stemming is geopend!</b>
    Kies uw favoriete projecten voor { $campaign }. Stuur /start en kies „Stemmen”.
notice-announce-phase-tallying =
    De stemming is gesloten. Bedankt om te stemmen!
    De stemmen worden geteld; de uitslag volgt binnenkort.
notice-announce-phase-announced =
    🏆 <b>De uitslag van { $campaign } is bekend!</b>
    Stuur /start om te zien welke projecten gefinancierd worden.
notice-announce-phase-archived = { $campaign } is afgelopen. Bedankt aan iedereen die heeft meegedaan!

## Stemherinnering, alleen voor inwoners die nog niet gestemd hebben (`closesAt`: einde van de stemming)
notice-reminder-vote =
    ⏰ <b>{ $campaign }: u hebt nog niet gestemd</b>
    De stemming sluit op { $closesAt }. Stuur /start en kies “Stemmen” — het duurt maar een minuut.
