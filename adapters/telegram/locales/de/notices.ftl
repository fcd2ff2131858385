# Nachrichten an Einwohnerinnen und Einwohner (und der Wochenbericht für die Bürgermeisterin
# oder den Bürgermeister über Telegram). Telegram-HTML.

notice-generic = Es gibt Neuigkeiten zu { $campaign }. Senden Sie /start, um sie zu sehen.

## Eine Mitteilung des Teams
notice-broadcast-message =
    📣 <b>{ $campaign }</b>

    { $text }

## Die Idee hat sich geändert
notice-notify-idea-submitted =
    ✅ Danke! Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ wurde gesendet.
    Das Team liest sie und sagt Ihnen hier, wie es weitergeht.
notice-notify-idea-changes-requested =
    ✏️ Das Team bittet Sie, Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ zu ändern.
    Nachricht des Teams: <i>{ $comment }</i>
    Öffnen Sie „Meine Ideen“, um sie zu ändern und erneut zu senden.
notice-notify-idea-eligible =
    🎉 Gute Nachricht: Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ ist zugelassen!
    { $comment ->
        [none] Sie kann jetzt für das Finale ausgewählt werden.
       *[other] Nachricht des Teams: <i>{ $comment }</i>
    }
notice-notify-idea-rejected =
    Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ wurde nicht angenommen.
    Grund: { $criterion }
    { $comment ->
        [none] Vielen Dank für Ihre Teilnahme.
       *[other] Nachricht des Teams: <i>{ $comment }</i>
    }
notice-notify-idea-merged =
    🤝 Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ ist der Idee Nr. { $into } „{ $intoTitle }“ sehr ähnlich: Das Team hat beide zusammengelegt, sie gehen gemeinsam weiter.
    { $comment ->
        [none] Danke für Ihre Idee!
       *[other] Nachricht des Teams: <i>{ $comment }</i>
    }
notice-notify-idea-finalist = 🌟 Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ ist im Finale! Jetzt kann dafür abgestimmt werden. Erzählen Sie Ihren Nachbarn davon!
notice-notify-idea-winner = 🏆 Herzlichen Glückwunsch! Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ hat gewonnen und wird finanziert. Danke!
notice-notify-idea-not-funded = Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ hat diesmal nicht genug Stimmen für eine Finanzierung bekommen. Vielen Dank für Ihre Teilnahme!
notice-notify-rewrite-proposed =
    ✍️ Das Team schlägt eine neue Formulierung für Ihre Idee Nr. { $idea } „<b>{ $title }</b>“ vor.
    Neuer Titel: „<b>{ $newTitle }</b>“
    { $comment ->
        [none] {""}
       *[other] Nachricht des Teams: <i>{ $comment }</i>
    }
    Öffnen Sie „Meine Ideen“, um zu vergleichen, und nehmen Sie den Vorschlag an oder lehnen Sie ihn ab.

## Fragen an das Team
notice-notify-question-answered =
    💬 <b>Antwort auf Ihre Frage Nr. { $question }</b>

    { $text }

    Sie können hier antworten, um weiterzuschreiben.
notice-notify-question-closed = Das Team hat Ihre Frage Nr. { $question } geschlossen. Für etwas anderes stellen Sie bitte eine neue Frage über das Menü.

## Wöchentliche Nachrichten
notice-update-weekly =
    📅 <b>Diese Woche bei { $campaign }</b>
    { $registered } Menschen machen mit, { $newIdeas_thisWeek } neue Ideen in dieser Woche.
    { $daysLeft ->
        [none] {""}
        [0] Heute ist der letzte Tag dieser Phase: „{ $phase }“.
        [one] Nur noch 1 Tag in dieser Phase: „{ $phase }“.
       *[other] Noch { $daysLeft } Tage in dieser Phase: „{ $phase }“.
    }
    Senden Sie /start, um mitzumachen.
## Die letzte Zeile des Wochenupdates während der Abstimmung, für Personen mit einem noch leeren Stimmzettel (`days`: verbleibende Abstimmungstage, heute mitgezählt)
notice-vote-left-none =
    { $days ->
        [1] ⏳ <b>Heute ist der letzte Tag der Abstimmung</b> – Sie haben noch nicht abgestimmt.
       *[other] ⏳ <b>Noch { $days } Tage bis zum Ende der Abstimmung</b> – Sie haben noch nicht abgestimmt.
    }
notice-vote-left-partial =
    { $days ->
        [1] ⏳ <b>Heute ist der letzte Tag der Abstimmung</b> – Sie haben noch nicht alle Stimmzettel ausgefüllt.
       *[other] ⏳ <b>Noch { $days } Tage bis zum Ende der Abstimmung</b> – Sie haben noch nicht alle Stimmzettel ausgefüllt.
    }
notice-digest-weekly =
    📊 <b>{ $campaign }: Zahlen der Woche</b>
    Angemeldet: { $registered } ({ $registeredPercent } % von { $population }), { $newRegistrations_thisWeek } in dieser Woche (Vorwoche { $newRegistrations_lastWeek })
    Mit Hilfe von Botschafterinnen und Botschaftern: { $assistedRegistrations } Menschen, { $assistedIdeas } Ideen, { $assistedBallots } Stimmzettel
    Neue Ideen: { $newIdeas_thisWeek } in dieser Woche (Vorwoche { $newIdeas_lastWeek })
    Warten auf Prüfung: { $backlog }
    Abgestimmt haben: { $voters } ({ $turnoutPercent } % der Angemeldeten)
    Phase: { $phase }{ $daysLeft ->
        [none] {""}
       *[other], noch { $daysLeft } Tage
    }

## Ankündigungen einer neuen Phase
notice-announce-phase-draft = { $campaign } wird vorbereitet. Wir sagen Ihnen Bescheid, wenn es losgeht.
notice-announce-phase-submission =
    💡 <b>{ $campaign } hat begonnen!</b>
    Ab heute können Sie Ihre Ideen für die Gemeinde einreichen. Senden Sie /start und wählen Sie „Idee einreichen“.
notice-announce-phase-review =
    🔎 Die Einreichung von Ideen ist beendet. Danke!
    Das Team liest jetzt jede Idee. Wir sagen Ihnen, welche zur Abstimmung kommen.
notice-announce-phase-voting =
    🗳️ <b>Die Abstimmung ist eröffnet!</b>
    Wählen Sie Ihre Lieblingsprojekte für { $campaign }. Senden Sie /start und wählen Sie „Abstimmen“.
notice-announce-phase-tallying =
    Die Abstimmung ist beendet. Danke fürs Abstimmen!
    Die Stimmen werden ausgezählt; die Ergebnisse folgen bald.
notice-announce-phase-announced =
    🏆 <b>Die Ergebnisse von { $campaign } sind da!</b>
    Senden Sie /start, um zu sehen, welche Projekte finanziert werden.
notice-announce-phase-archived = { $campaign } ist beendet. Danke an alle, die mitgemacht haben!

## Abstimmungserinnerung, nur an Einwohner, die noch nicht abgestimmt haben (`closesAt`: Ende der Abstimmung)
notice-reminder-vote =
    ⏰ <b>{ $campaign }: Sie haben noch nicht abgestimmt</b>
    Die Abstimmung endet am { $closesAt }. Senden Sie /start und wählen Sie „Abstimmen“ – es dauert nur eine Minute.
