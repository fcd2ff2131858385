# Weigeringen van de engine bij vragen (question.*), voor het comité dat antwoordt of sluit. Slack mrkdwn.
refusal-question-empty = Je antwoord is leeg: er is niets doorgestuurd.
refusal-question-bad-characters = Je antwoord bevat stuurtekens: er is niets doorgestuurd.
refusal-question-too-long = Je antwoord telt { $length } tekens en de limiet is { $limit }: er is niets doorgestuurd. Maak het korter of antwoord in twee berichten.
refusal-question-closed = Vraag nr. { $question } is gesloten ({ $by ->
    [resident] door de inwoner
   *[other] door het comité
}, { $at }): je antwoord is niet doorgestuurd.
refusal-question-already-closed = Vraag nr. { $question } is al gesloten ({ $by ->
    [resident] door de inwoner
   *[other] door het comité
}, { $at }).
refusal-question-unknown = Deze vraag bestaat niet meer (de inwoner heeft misschien zijn gegevens gewist): er is niets doorgestuurd.
refusal-question-busy = De vraag wordt op dit moment gewijzigd: er is niets doorgestuurd; probeer het opnieuw.
