# Weigeringen van de engine bij moderatie (moderation.*, idea.*, finalist.*), voor het comité. Slack mrkdwn.
refusal-moderation-already-decided = { $by ->
    [none] Idee #{ $idea } is gewijzigd sinds deze kaart werd getoond (nu: { $state }). Er is niets geregistreerd; de kaart is bijgewerkt.
   *[other] { $by } heeft al beslist over idee #{ $idea }: { $state } ({ $at }). Uw beslissing is niet geregistreerd.
}
refusal-moderation-comment-required = Een vraag om wijzigingen moet de indiener zeggen wat er moet veranderen. Er is niets geregistreerd.
refusal-moderation-cost-unknown = De kosten van idee #{ $idea } zijn nog niet geschat: schat ze voordat u het idee ontvankelijk verklaart.
refusal-moderation-merge-self = Een idee kan geen dubbel van zichzelf zijn. Er is niets geregistreerd.
refusal-moderation-merge-target-state = Het gekozen idee kan in zijn huidige staat ({ $state }) geen dubbel opnemen. Er is niets geregistreerd.
refusal-moderation-merge-target-unknown = Het als origineel gekozen idee bestaat niet. Er is niets geregistreerd.
refusal-moderation-not-awaiting = Idee #{ $idea } wacht niet op een beslissing (staat: { $state }). Er is niets geregistreerd.
refusal-moderation-unknown-criterion = „{ $criterion }” is geen beoordelingscriterium van de campagne. Er is niets geregistreerd.
refusal-moderation-not-yet = De moderatie is nog niet open: ze begint op { $opensAt }. Er is niets geregistreerd.
refusal-moderation-closed = De moderatie is voorbij voor deze campagne. Er is niets geregistreerd.
refusal-idea-author-gone = De indiener heeft zijn gegevens gewist: niemand kan nog op een herschrijving antwoorden. Er is niets verstuurd.
refusal-idea-bad-characters = { $field ->
    [title] De titel bevat stuurtekens. Verwijder ze.
   *[other] De beschrijving bevat stuurtekens. Verwijder ze.
}
refusal-idea-busy = Iemand anders wijzigt dit idee op dit moment. Er is niets geregistreerd; probeer het opnieuw.
refusal-idea-cost-invalid = Dit bedrag is niet geldig. Er is niets geregistreerd.
refusal-idea-cost-out-of-bounds = De kosten moeten tussen { $min } en { $max } liggen (u gaf { $cost } op).
refusal-idea-description-too-long = Beschrijving te lang: { $length } tekens, hoogstens { $max }.
refusal-idea-description-too-short = Beschrijving te kort: { $length } tekens, minstens { $min }.
refusal-idea-title-too-long = Titel te lang: { $length } tekens, hoogstens { $max }.
refusal-idea-title-too-short = Titel te kort: { $length } tekens, minstens { $min }.
refusal-idea-unknown = Dit idee bestaat niet (meer). Er is niets gewijzigd.
refusal-idea-wrong-state = Niet mogelijk in de huidige staat van idee #{ $idea } ({ $state }). Er is niets gewijzigd.
refusal-finalist-not-eligible = Idee #{ $idea } is niet ontvankelijk ({ $state }): het kan geen finalist worden.
refusal-finalist-not-finalist = Idee #{ $idea } is geen finalist ({ $state }). Er is niets gewijzigd.
