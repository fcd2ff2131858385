# Ablehnungen der Engine bei Fragen (question.*), für das Komitee, das antwortet oder schließt. Slack mrkdwn.
refusal-question-empty = Ihre Antwort ist leer: Es wurde nichts weitergeleitet.
refusal-question-bad-characters = Ihre Antwort enthält Steuerzeichen: Es wurde nichts weitergeleitet.
refusal-question-too-long = Ihre Antwort hat { $length } Zeichen, die Grenze liegt bei { $limit }: Es wurde nichts weitergeleitet. Kürzen Sie sie oder antworten Sie in zwei Nachrichten.
refusal-question-closed = Frage Nr. { $question } ist geschlossen ({ $by ->
    [resident] von der fragenden Person
   *[other] vom Komitee
}, { $at }): Ihre Antwort wurde nicht weitergeleitet.
refusal-question-already-closed = Frage Nr. { $question } ist bereits geschlossen ({ $by ->
    [resident] von der fragenden Person
   *[other] vom Komitee
}, { $at }).
refusal-question-unknown = Diese Frage gibt es nicht mehr (die fragende Person hat vielleicht ihre Daten gelöscht): Es wurde nichts weitergeleitet.
refusal-question-busy = Die Frage wird gerade geändert: Es wurde nichts weitergeleitet; versuchen Sie es erneut.
