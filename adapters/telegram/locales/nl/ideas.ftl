# De ideeënwizard (idea-…) en mijn ideeën (mine-…). Telegram-HTML.
idea-step = <i>Stap { $step } van { $steps }</i>
idea-ask-title = 💡 <b>De titel van je idee</b>
    Typ een korte titel ({ $min } tot { $max } tekens), bijvoorbeeld ‘Bankjes langs de rivier’.
idea-ask-description = 📝 <b>Beschrijf je idee</b>
    Wat wil je doen, waar, en wie heeft er iets aan? ({ $min } tot { $max } tekens)
idea-ask-category = 🏷 <b>Welke categorie past het best bij je idee?</b>
idea-ask-area = 📍 <b>Voor welke wijk is het?</b>
idea-ask-cost = 💶 <b>Wat zou het ongeveer kosten?</b>
    Typ een bedrag in { $currency } tussen { $minCost } en { $maxCost }, bijvoorbeeld 5000. Weet je het niet, dan schat het comité het.
idea-ask-photo = 📷 <b>Een foto?</b>
    Stuur een foto van de plek of van het idee, of sla deze stap over.
idea-ask-location = 🗺 <b>Een precieze plek?</b>
    Deel een locatie (📎 en dan ‘Locatie’), of sla deze stap over.
idea-current = Huidig antwoord: { $value }
idea-keep = Dit antwoord houden
idea-use-buttons = Antwoord alsjeblieft met de knoppen onder de vraag.
idea-type-title = Typ de titel alsjeblieft als tekstbericht.
idea-type-description = Typ de beschrijving alsjeblieft als tekstbericht.
idea-type-cost = Typ het bedrag alsjeblieft in cijfers, of druk op ‘Weet ik niet’.
idea-send-photo = Stuur alsjeblieft een foto, of druk op ‘Overslaan’.
idea-send-location = Deel alsjeblieft een locatie, of druk op ‘Overslaan’.
idea-field-title = Titel
idea-field-description = Beschrijving
idea-field-category = Categorie
idea-field-area = Wijk
idea-field-cost = Kosten
idea-field-photo = Foto
idea-field-location = Plek
idea-summary-line = { $field }: { $value }
idea-summary-block =
    { $field }:
    { $value }
idea-summary-title = <b>Dit is je idee voordat het verstuurd wordt:</b>
idea-summary-check = Klopt alles? Bevestig om het naar het comité te sturen, of wijzig een veld.
idea-summary-none = geen
idea-summary-photo-yes = 1 foto
idea-sent = 🎉 Bedankt! Je idee <b>nr. { $number }</b> is verstuurd. Het comité bekijkt het en je hoort hier van ons. Je vindt het altijd terug onder ‘Mijn ideeën’.
idea-resubmitted = ✅ Je idee <b>nr. { $number }</b> is opnieuw verstuurd. Het comité bekijkt het nog een keer.
idea-cancelled = Je idee is niet verstuurd en er is niets bewaard. Je kunt altijd opnieuw beginnen met /idea.
idea-not-sent = Je idee is niet verstuurd.
idea-busy = Je bent in dit gesprek al vragen aan het beantwoorden: maak die eerst af, of stuur /cancel.
idea-resubmit-heading = ✏️ <b>Idee nr. { $number }: het comité vraagt om wijzigingen</b>
    { $comment }
    Pas aan wat nodig is met de knoppen hieronder en bevestig dan.
idea-nothing-to-cancel = Er is niets om te annuleren. Stuur /menu om te zien wat je kunt doen.
mine-title = 🗂 <b>Jouw ideeën ({ $count })</b>
mine-empty = Je hebt nog geen idee verstuurd. Begin met /idea!
mine-open-hint = Druk op een idee om het te bekijken en te zien wat je kunt doen.
mine-comment = De opmerking van het comité:
mine-next-changes-requested = 👉 Het comité wacht op je wijzigingen: druk op ‘Wijzigen en opnieuw versturen’.
mine-next-rewrite = 👉 Het comité stelt een nieuwe formulering voor: aanvaard of weiger die hieronder.
mine-next-wait = 👉 Je hoeft niets te doen: het comité bekijkt het binnenkort.
mine-next-eligible = 👉 Je idee kan gekozen worden voor de stemming. Voorlopig hoef je niets te doen.
mine-next-finalist = 👉 Je idee staat op het stembiljet: vertel het verder!
mine-next-none = Voor dit idee hoef je niets meer te doen.
mine-resubmit = ✏️ Wijzigen en opnieuw versturen
mine-withdraw = ↩️ Dit idee intrekken
mine-withdraw-confirm = Wil je idee <b>nr. { $number } { $title }</b> echt intrekken? Dat kan niet ongedaan worden gemaakt.
mine-withdraw-yes = Ja, intrekken
mine-withdraw-no = Nee, houden
mine-withdrawn = Je idee nr. { $number } is ingetrokken.
mine-back = ◀️ Mijn ideeën
mine-rewrite-heading = ✍️ <b>Het comité stelt een nieuwe formulering van je idee voor</b>
mine-rewrite-current = Nu:
mine-rewrite-proposed = Voorstel:
mine-rewrite-comment = Hun toelichting:
mine-rewrite-accept = ✅ Aanvaarden
mine-rewrite-decline = ✖️ Weigeren
mine-rewrite-accepted = ✅ Gedaan: idee nr. { $number } heeft nu de nieuwe formulering.
mine-rewrite-declined = Je idee nr. { $number } houdt jouw formulering.
mine-rewrite-gone = Er is geen voorstel meer om op te antwoorden. Hier is je idee zoals het nu is.
mine-changed = Dit voorstel is veranderd sinds het getoond werd. Hier is het zoals het nu is.
