# Odmowy silnika przy pytaniach (question.*), dla komitetu, który odpowiada lub zamyka. Slack mrkdwn.
refusal-question-empty = Twoja odpowiedź jest pusta: nic nie zostało przekazane.
refusal-question-bad-characters = Twoja odpowiedź zawiera znaki sterujące: nic nie zostało przekazane.
refusal-question-too-long = Twoja odpowiedź ma { $length } znaków, a limit to { $limit }: nic nie zostało przekazane. Skróć ją lub odpowiedz w dwóch wiadomościach.
refusal-question-closed = Pytanie nr { $question } jest zamknięte ({ $by ->
    [resident] przez mieszkańca
   *[other] przez komitet
}, { $at }): Twoja odpowiedź nie została przekazana.
refusal-question-already-closed = Pytanie nr { $question } jest już zamknięte ({ $by ->
    [resident] przez mieszkańca
   *[other] przez komitet
}, { $at }).
refusal-question-unknown = To pytanie już nie istnieje (mieszkaniec mógł usunąć swoje dane): nic nie zostało przekazane.
refusal-question-busy = Pytanie jest właśnie zmieniane: nic nie zostało przekazane; spróbuj ponownie.
