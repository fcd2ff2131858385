# Refus du moteur sur les questions (question.*), pour le comité qui répond ou clôt. Slack mrkdwn.
refusal-question-empty = Votre réponse est vide : rien n'a été transmis.
refusal-question-bad-characters = Votre réponse contient des caractères de contrôle : rien n'a été transmis.
refusal-question-too-long = Votre réponse compte { $length } caractères, la limite est de { $limit } : rien n'a été transmis. Raccourcissez-la ou répondez en deux messages.
refusal-question-closed = La question n° { $question } est close ({ $by ->
    [resident] par l'habitant·e
   *[other] par le comité
}, { $at }) : votre réponse n'a pas été transmise.
refusal-question-already-closed = La question n° { $question } est déjà close ({ $by ->
    [resident] par l'habitant·e
   *[other] par le comité
}, { $at }).
refusal-question-unknown = Cette question n'existe plus (l'habitant·e a peut-être effacé ses données) : rien n'a été transmis.
refusal-question-busy = La question est modifiée en ce moment : rien n'a été transmis ; réessayez.
