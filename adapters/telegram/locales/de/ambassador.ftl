# Botschafter: Einwohnern ohne Telegram helfen (features/ambassador.ts, ambassador-ballot.ts).
amb-menu-button = 🤝 Botschafter
amb-home = <b>Botschafter</b>
    Sie helfen Einwohnern, die Telegram nicht nutzen. Was möchten Sie tun?
amb-button-register = 📝 Einwohner anmelden
amb-button-idea = 💡 Eine Idee für einen Einwohner
amb-button-vote = 🗳 Eine begleitete Stimmabgabe
amb-button-home = 🤝 Botschafter-Menü
amb-button-new-code = 🔑 Code erstellen
amb-reg-language = Anmeldung eines Einwohners ohne Telegram (1 von 4). Welche Sprache bevorzugt der Einwohner?
amb-reg-consent = (2 von 4) Bitte lesen oder erklären Sie dem Einwohner die Datenschutzerklärung (Version { $version }): Pnyx speichert Altersgruppe, Wohnviertel und Ideen, um die Kampagne durchzuführen, und sonst nichts über ihn.
    Ist der Einwohner einverstanden?
amb-reg-consent-read = Datenschutzerklärung
amb-reg-consent-accept = Der Einwohner ist einverstanden
amb-reg-age = (3 von 4) Wie alt ist der Einwohner? (Teilnehmen kann man ab { $minimumAge } Jahren.)
amb-reg-area = (4 von 4) Wo wohnt der Einwohner?
amb-reg-code = Letzter Schritt: Wenn die Gemeinde dem Einwohner einen Einmalcode auf Papier gegeben hat, tippen Sie ihn jetzt ein. Sonst drücken Sie auf „Code erstellen“.
amb-reg-done = ✅ Der Einwohner ist angemeldet.

    Sein Einmalcode:
    <code>{ $code }</code>
    Zeichen für Zeichen: <b>{ $spelled }</b>

    Schreiben Sie ihn auf Papier und geben Sie ihn dem Einwohner. Er ist sein Schlüssel: Er behält ihn für sich und zeigt ihn niemandem, außer um ihn selbst einzutippen, wenn ein Botschafter ihm beim Abstimmen hilft. Pnyx zeigt ihn nicht noch einmal.
amb-idea-code = Tippen Sie den Einmalcode des Einwohners ein, dessen Idee Sie aufschreiben. Die Nachricht wird aus diesem Chat entfernt, sobald sie gelesen ist.
amb-idea-start = Sie schreiben eine Idee für einen Einwohner auf. Sie steht in seinem Namen, und im Datensatz steht, dass Sie geholfen haben.
amb-idea-heading = <b>Idee des Einwohners, dem Sie helfen</b> (im Datensatz steht, dass Sie geholfen haben)
amb-idea-sent = Idee Nr. { $number } wurde im Namen des Einwohners eingereicht. Das Komitee prüft sie; im Datensatz steht, dass Sie geholfen haben.
amb-vote-code = Tippen Sie den Einmalcode des Einwohners ein, dem Sie beim Abstimmen helfen. Die Nachricht wird aus diesem Chat entfernt, sobald sie gelesen ist.
amb-vote-start = Dies ist der Stimmzettel des Einwohners, dem Sie helfen. Wählen Sie gemeinsam aus; am Ende bestätigt der Einwohner mit seinem eigenen Code.
amb-vote-code-prompt = <b>Noch ist nichts gespeichert.</b> Jetzt tippt der Einwohner hier seinen Einmalcode ein, um diese Stimme selbst zu bestätigen.
amb-vote-wrong-code = Das ist nicht der Code des Einwohners, dem dieser Stimmzettel gehört. Es wurde nichts gespeichert. Er kann ihn noch einmal eintippen, oder Sie ändern die Auswahl.
amb-vote-nothing-waiting = Keine Stimme wartet auf einen Code. Öffnen Sie die begleitete Stimmabgabe erneut über das Botschafter-Menü.
amb-cancelled = Abgebrochen. Es wurde nichts gespeichert.
amb-use-buttons = Bitte nutzen Sie die Tasten der letzten Nachricht, oder drücken Sie auf Abbrechen.
