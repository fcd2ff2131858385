# Der Ideen-Assistent (idea-…) und meine Ideen (mine-…). Telegram-HTML.
idea-step = <i>Schritt { $step } von { $steps }</i>
idea-ask-title = 💡 <b>Der Titel Ihrer Idee</b>
    Schreiben Sie einen kurzen Titel ({ $min } bis { $max } Zeichen), zum Beispiel „Bänke am Flussufer“.
idea-ask-description = 📝 <b>Beschreiben Sie Ihre Idee</b>
    Was möchten Sie tun, wo, und wem hilft es? ({ $min } bis { $max } Zeichen)
idea-ask-category = 🏷 <b>Welche Kategorie passt am besten zu Ihrer Idee?</b>
idea-ask-area = 📍 <b>Für welches Viertel ist sie?</b>
idea-ask-cost = 💶 <b>Was würde sie ungefähr kosten?</b>
    Schreiben Sie einen Betrag in { $currency } zwischen { $minCost } und { $maxCost }, zum Beispiel 5000. Wenn Sie es nicht wissen, schätzt das Komitee die Kosten.
idea-ask-photo = 📷 <b>Ein Foto?</b>
    Senden Sie ein Foto des Ortes oder der Idee, oder überspringen Sie diesen Schritt.
idea-ask-location = 🗺 <b>Ein genauer Ort?</b>
    Teilen Sie einen Standort (📎 und dann „Standort“), oder überspringen Sie diesen Schritt.
idea-current = Aktuelle Antwort: { $value }
idea-keep = Diese Antwort behalten
idea-use-buttons = Bitte antworten Sie mit den Schaltflächen unter der Frage.
idea-type-title = Bitte schreiben Sie den Titel als Textnachricht.
idea-type-description = Bitte schreiben Sie die Beschreibung als Textnachricht.
idea-type-cost = Bitte schreiben Sie den Betrag in Ziffern, oder tippen Sie auf „Weiß nicht“.
idea-send-photo = Bitte senden Sie ein Foto, oder tippen Sie auf „Überspringen“.
idea-send-location = Bitte teilen Sie einen Standort, oder tippen Sie auf „Überspringen“.
idea-field-title = Titel
idea-field-description = Beschreibung
idea-field-category = Kategorie
idea-field-area = Viertel
idea-field-cost = Kosten
idea-field-photo = Foto
idea-field-location = Ort
idea-summary-line = { $field }: { $value }
idea-summary-block =
    { $field }:
    { $value }
idea-summary-title = <b>So sieht Ihre Idee vor dem Absenden aus:</b>
idea-summary-check = Stimmt alles? Bestätigen Sie, um sie an das Komitee zu senden, oder ändern Sie ein Feld.
idea-summary-none = keine
idea-summary-photo-yes = 1 Foto
idea-sent = 🎉 Danke! Ihre Idee <b>Nr. { $number }</b> wurde gesendet. Das Komitee prüft sie, und Sie erhalten hier eine Antwort. Sie finden sie jederzeit unter „Meine Ideen“.
idea-resubmitted = ✅ Ihre Idee <b>Nr. { $number }</b> wurde erneut gesendet. Das Komitee prüft sie noch einmal.
idea-cancelled = Ihre Idee wurde nicht gesendet, und nichts wurde gespeichert. Mit /idea können Sie jederzeit neu beginnen.
idea-not-sent = Ihre Idee wurde nicht gesendet.
idea-busy = Sie beantworten in diesem Chat bereits Fragen: bitte schließen Sie diese zuerst ab, oder senden Sie /cancel.
idea-resubmit-heading = ✏️ <b>Idee Nr. { $number }: Das Komitee bittet um Änderungen</b>
    { $comment }
    Ändern Sie mit den Schaltflächen unten, was nötig ist, und bestätigen Sie dann.
idea-nothing-to-cancel = Es gibt nichts abzubrechen. Senden Sie /menu, um zu sehen, was Sie tun können.
mine-title = 🗂 <b>Ihre Ideen ({ $count })</b>
mine-empty = Sie haben noch keine Idee gesendet. Legen Sie los mit /idea!
mine-open-hint = Tippen Sie auf eine Idee, um sie zu sehen und zu erfahren, was Sie tun können.
mine-comment = Der Kommentar des Komitees:
mine-next-changes-requested = 👉 Das Komitee wartet auf Ihre Änderungen: tippen Sie auf „Ändern und erneut senden“.
mine-next-rewrite = 👉 Das Komitee schlägt eine neue Formulierung vor: nehmen Sie sie unten an oder lehnen Sie sie ab.
mine-next-wait = 👉 Nichts zu tun: Das Komitee prüft sie bald.
mine-next-eligible = 👉 Ihre Idee kann für die Abstimmung ausgewählt werden. Im Moment ist nichts zu tun.
mine-next-finalist = 👉 Ihre Idee steht zur Abstimmung: Erzählen Sie davon!
mine-next-none = Für diese Idee ist nichts mehr zu tun.
mine-resubmit = ✏️ Ändern und erneut senden
mine-withdraw = ↩️ Diese Idee zurückziehen
mine-withdraw-confirm = Möchten Sie die Idee <b>Nr. { $number } { $title }</b> wirklich zurückziehen? Das lässt sich nicht rückgängig machen.
mine-withdraw-yes = Ja, zurückziehen
mine-withdraw-no = Nein, behalten
mine-withdrawn = Ihre Idee Nr. { $number } wurde zurückgezogen.
mine-back = ◀️ Meine Ideen
mine-rewrite-heading = ✍️ <b>Das Komitee schlägt eine neue Formulierung Ihrer Idee vor</b>
mine-rewrite-current = Jetzt:
mine-rewrite-proposed = Vorschlag:
mine-rewrite-comment = Ihre Anmerkung:
mine-rewrite-accept = ✅ Annehmen
mine-rewrite-decline = ✖️ Ablehnen
mine-rewrite-accepted = ✅ Erledigt: Idee Nr. { $number } hat jetzt die neue Formulierung.
mine-rewrite-declined = Ihre Idee Nr. { $number } behält Ihre Formulierung.
mine-rewrite-gone = Es gibt keinen Vorschlag mehr, auf den Sie antworten können. Hier ist Ihre Idee, wie sie jetzt ist.
mine-changed = Dieser Vorschlag hat sich seit der Anzeige geändert. Hier ist er, wie er jetzt ist.
