# Der Stimmzettel (features/vote.ts, render/ballot-builder.ts). Telegram-HTML.
vote-header = 🗳 <b>{ $envelope }</b>
vote-header-of = 🗳 Stimmzettel { $index } von { $total }: <b>{ $envelope }</b>
vote-rule-single = Wählen Sie <b>ein</b> Projekt und bestätigen Sie dann.
vote-rule-approval = Wählen Sie bis zu <b>{ $max }</b> Projekte und bestätigen Sie dann.
vote-rule-approval-min = Wählen Sie zwischen <b>{ $min }</b> und <b>{ $max }</b> Projekten und bestätigen Sie dann.
vote-rule-knapsack = Wählen Sie die Projekte, die Sie möchten, solange ihre Summe in das Budget von <b>{ $budget }</b> passt.
vote-rule-cumulative = Verteilen Sie <b>{ $points }</b> Punkte mit ➕ und ➖ auf die Projekte (höchstens { $max } auf ein Projekt).
vote-status-single-none = Noch kein Projekt gewählt.
vote-status-single = Ihre Wahl: Nr. { $number } { $title }
vote-status-approval = { $count } von { $max } gewählt
vote-status-knapsack = Summe: { $total } von { $budget } — { $left } übrig
vote-status-cumulative = Verbleibende Punkte: { $left } von { $points }
vote-points = { $points ->
    [one] 1 Punkt
   *[other] { $points } Punkte
}
vote-not-fitting = passt nicht mehr in den Rest
vote-no-finalists = Auf diesem Stimmzettel steht kein Projekt zur Wahl.
vote-hint = Tippen Sie auf ein Projekt, um es zu wählen (nochmals tippen, um es zu entfernen); ℹ️ zeigt seinen Steckbrief.
vote-hint-cumulative = Mit ➕ und ➖ vergeben Sie Punkte; tippen Sie auf einen Titel für den Steckbrief.
vote-closes = Die Abstimmung endet am { $closesAt }.
vote-button-review = Meine Stimme prüfen ▶️
vote-card-cost = Kosten
vote-card-points = Ihre Punkte für dieses Projekt: <b>{ $points }</b>
vote-button-choose = ✅ Dieses Projekt wählen
vote-button-remove = ✖️ Aus meiner Wahl entfernen
vote-button-photo = 📷 Foto
vote-confirm-title = Bitte prüfen Sie Ihre Stimme für <b>{ $envelope }</b>:
vote-confirm-total = Summe: <b>{ $total }</b> von { $budget }
vote-confirm-points = Vergebene Punkte: <b>{ $points }</b> von { $max }
vote-confirm-question = Stimmt das? Ihre Stimme wird erst gespeichert, wenn Sie auf „Abstimmen“ drücken.
vote-button-cast = ✅ Abstimmen
vote-button-edit = ✏️ Etwas ändern
vote-cast-done = ✅ Ihre Stimme für <b>{ $envelope }</b> ist gespeichert. Danke!
vote-cast-replaced = ✅ Ihre neue Stimme für <b>{ $envelope }</b> ist gespeichert. Sie ersetzt Ihre vorherige.
vote-current = 🗳 Ihre Stimme für <b>{ $envelope }</b>:
vote-receipt = Ihr Quittungscode: <code>{ $receipt }</code>
vote-receipt-how = Bewahren Sie diesen Code auf. Nach der Abstimmung veröffentlicht die Gemeinde die Liste aller Stimmzettel, ohne Namen. Suchen Sie darin Ihren Code: So sehen Sie, dass Ihr Stimmzettel so gezählt wurde, wie Sie ihn ausgefüllt haben.
vote-progress = { $done } von { $total } Stimmzetteln ausgefüllt.
vote-change-until = Sie können Ihre Stimme bis { $closesAt } ändern.
vote-button-next = ▶️ Nächster Stimmzettel: { $envelope }
vote-button-change = ✏️ Meine Stimme ändern
vote-stale = Dieser Stimmzettel ist nicht mehr aktuell. Bitte nutzen Sie die neueste Nachricht oder senden Sie /vote.
vote-cast-toast = Ihre Stimme ist gespeichert.
