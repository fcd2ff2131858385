reg-language = Willkommen bei <b>{ $campaign }</b>, wo die Einwohner entscheiden, wofür ein Teil des Gemeindehaushalts ausgegeben wird.
    In welcher Sprache möchten Sie fortfahren?
reg-consent = Bevor es losgeht: Pnyx speichert Ihre Altersgruppe, Ihr Viertel und Ihre Ideen, um die Kampagne durchzuführen, sonst nichts über Sie. Die Datenschutzerklärung (Version { $version }) erklärt alles.
    Sind Sie einverstanden?
reg-consent-read = Datenschutzerklärung lesen
reg-consent-accept = Ich stimme zu
reg-consent-decline = Ich stimme nicht zu
reg-age = Wie alt sind Sie? (Teilnehmen kann man ab { $minimumAge } Jahren.)
reg-area = Wo wohnen Sie? Wählen Sie Ihr Viertel.
reg-area-or-postcode = Wo wohnen Sie? Wählen Sie Ihr Viertel oder geben Sie Ihre Postleitzahl ein.
reg-phone = Letzter Schritt: Bestätigen Sie bitte Ihre Telefonnummer mit der Schaltfläche unten. Telegram teilt sie nur einmal, und Pnyx speichert nur einen verschlüsselten Fingerabdruck davon, nie die Nummer selbst.
reg-phone-button = Meine Nummer teilen
reg-phone-not-own = Bitte teilen Sie <b>Ihre eigene</b> Nummer mit der Schaltfläche unten (nicht den Kontakt einer anderen Person).
reg-code = Letzter Schritt: Geben Sie den Einmalcode ein, den Sie von der Gemeinde erhalten haben (zum Beispiel <code>K7QF-2MXA</code>).
reg-code-later = Danke, Ihr Code ist vorgemerkt: Er wird am Ende der Anmeldung verwendet.
reg-code-not-needed = Sie brauchen keinen Code: Sie sind bereits angemeldet.
reg-link-unknown = Diesen Link kenne ich nicht; hier ist Ihr aktueller Stand.
reg-finish-first = Schließen wir zuerst Ihre Anmeldung ab.
reg-welcome = Sie sind für <b>{ $campaign }</b> angemeldet. Willkommen!
