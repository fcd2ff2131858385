# Ablehnungen der Engine bei der Moderation (moderation.*, idea.*, finalist.*), für das Komitee. Slack mrkdwn.
refusal-moderation-already-decided = { $by ->
    [none] Idee #{ $idea } hat sich geändert, seit diese Karte angezeigt wurde (jetzt: { $state }). Es wurde nichts gespeichert; die Karte ist aktualisiert.
   *[other] { $by } hat über Idee #{ $idea } bereits entschieden: { $state } ({ $at }). Ihre Entscheidung wurde nicht gespeichert.
}
refusal-moderation-comment-required = Eine Änderungsanfrage muss den Einreichenden sagen, was zu ändern ist. Es wurde nichts gespeichert.
refusal-moderation-cost-unknown = Die Kosten der Idee #{ $idea } sind noch nicht geschätzt: Schätzen Sie sie, bevor Sie die Idee für zulässig erklären.
refusal-moderation-merge-self = Eine Idee kann kein Duplikat ihrer selbst sein. Es wurde nichts gespeichert.
refusal-moderation-merge-target-state = Die gewählte Idee kann in ihrem aktuellen Zustand ({ $state }) kein Duplikat aufnehmen. Es wurde nichts gespeichert.
refusal-moderation-merge-target-unknown = Die als Original gewählte Idee gibt es nicht. Es wurde nichts gespeichert.
refusal-moderation-not-awaiting = Idee #{ $idea } wartet auf keine Entscheidung (Zustand: { $state }). Es wurde nichts gespeichert.
refusal-moderation-unknown-criterion = „{ $criterion }“ ist kein Prüfkriterium der Kampagne. Es wurde nichts gespeichert.
refusal-moderation-not-yet = Die Moderation ist noch nicht geöffnet: Sie beginnt am { $opensAt }. Es wurde nichts gespeichert.
refusal-moderation-closed = Die Moderation ist für diese Kampagne beendet. Es wurde nichts gespeichert.
refusal-idea-author-gone = Die Einreichenden haben ihre Daten gelöscht: Niemand kann mehr auf eine Neufassung antworten. Es wurde nichts gesendet.
refusal-idea-bad-characters = { $field ->
    [title] Der Titel enthält Steuerzeichen. Entfernen Sie sie.
   *[other] Die Beschreibung enthält Steuerzeichen. Entfernen Sie sie.
}
refusal-idea-busy = Jemand anderes ändert diese Idee gerade. Es wurde nichts gespeichert; versuchen Sie es erneut.
refusal-idea-cost-invalid = Dieser Betrag ist ungültig. Es wurde nichts gespeichert.
refusal-idea-cost-out-of-bounds = Die Kosten müssen zwischen { $min } und { $max } liegen (Sie haben { $cost } angegeben).
refusal-idea-description-too-long = Beschreibung zu lang: { $length } Zeichen, höchstens { $max }.
refusal-idea-description-too-short = Beschreibung zu kurz: { $length } Zeichen, mindestens { $min }.
refusal-idea-title-too-long = Titel zu lang: { $length } Zeichen, höchstens { $max }.
refusal-idea-title-too-short = Titel zu kurz: { $length } Zeichen, mindestens { $min }.
refusal-idea-unknown = Diese Idee gibt es nicht (mehr). Es wurde nichts geändert.
refusal-idea-wrong-state = Im aktuellen Zustand der Idee #{ $idea } ({ $state }) nicht möglich. Es wurde nichts geändert.
refusal-finalist-not-eligible = Idee #{ $idea } ist nicht zulässig ({ $state }): Sie kann nicht ins Finale kommen.
refusal-finalist-not-finalist = Idee #{ $idea } ist nicht im Finale ({ $state }). Es wurde nichts geändert.
