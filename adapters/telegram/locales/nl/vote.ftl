# Het stembiljet (features/vote.ts, render/ballot-builder.ts). Telegram-HTML.
vote-header = 🗳 <b>{ $envelope }</b>
vote-header-of = 🗳 Stembiljet { $index } van { $total }: <b>{ $envelope }</b>
vote-rule-single = Kies <b>één</b> project en bevestig daarna.
vote-rule-approval = Kies maximaal <b>{ $max }</b> projecten en bevestig daarna.
vote-rule-approval-min = Kies tussen <b>{ $min }</b> en <b>{ $max }</b> projecten en bevestig daarna.
vote-rule-knapsack = Kies de projecten die u wilt, zolang het totaal binnen het budget van <b>{ $budget }</b> blijft.
vote-rule-cumulative = Verdeel <b>{ $points }</b> punten over de projecten met ➕ en ➖ (hoogstens { $max } op één project).
vote-status-single-none = Nog geen project gekozen.
vote-status-single = Uw keuze: nr. { $number } { $title }
vote-status-approval = { $count } van { $max } gekozen
vote-status-knapsack = Totaal: { $total } van { $budget } — nog { $left } over
vote-status-cumulative = Resterende punten: { $left } van { $points }
vote-points = { $points ->
    [one] 1 punt
   *[other] { $points } punten
}
vote-not-fitting = past niet meer in wat overblijft
vote-no-finalists = Er is geen project om op te stemmen in dit stembiljet.
vote-hint = Tik op een project om het te kiezen (nog eens tikken om het te schrappen); ℹ️ toont de fiche.
vote-hint-cumulative = Gebruik ➕ en ➖ om punten te geven; tik op een titel om de fiche te zien.
vote-closes = De stemming sluit op { $closesAt }.
vote-button-review = Mijn stem nakijken ▶️
vote-card-cost = Kosten
vote-card-points = Uw punten voor dit project: <b>{ $points }</b>
vote-button-choose = ✅ Dit project kiezen
vote-button-remove = ✖️ Uit mijn keuze halen
vote-button-photo = 📷 Foto
vote-confirm-title = Kijk uw stem voor <b>{ $envelope }</b> na:
vote-confirm-total = Totaal: <b>{ $total }</b> van { $budget }
vote-confirm-points = Gegeven punten: <b>{ $points }</b> van { $max }
vote-confirm-question = Klopt dit? Uw stem wordt pas opgeslagen als u op “Stemmen” drukt.
vote-button-cast = ✅ Stemmen
vote-button-edit = ✏️ Iets wijzigen
vote-cast-done = ✅ Uw stem voor <b>{ $envelope }</b> is opgeslagen. Bedankt!
vote-cast-replaced = ✅ Uw nieuwe stem voor <b>{ $envelope }</b> is opgeslagen. Ze vervangt uw vorige stem.
vote-current = 🗳 Uw stem voor <b>{ $envelope }</b>:
vote-receipt = Uw ontvangstcode: <code>{ $receipt }</code>
vote-receipt-how = Bewaar deze code. Na de stemming publiceert de gemeente de lijst van alle stembiljetten, zonder namen. Zoek uw code erin: zo ziet u dat uw stembiljet geteld is zoals u het invulde.
vote-progress = { $done } van { $total } stembiljetten ingevuld.
vote-change-until = U kunt uw stem wijzigen tot { $closesAt }.
vote-button-next = ▶️ Volgend stembiljet: { $envelope }
vote-button-change = ✏️ Mijn stem wijzigen
vote-stale = Dit stembiljet is niet meer actueel. Gebruik het laatste bericht, of stuur /vote.
vote-cast-toast = Uw stem is opgeslagen.
