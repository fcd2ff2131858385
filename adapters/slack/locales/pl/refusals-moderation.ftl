# Odmowy silnika podczas moderacji (moderation.*, idea.*, finalist.*), dla komitetu. Slack mrkdwn.
refusal-moderation-already-decided = { $by ->
    [none] Pomysł nr { $idea } zmienił się od wyświetlenia tej karty (teraz: { $state }). Nic nie zostało zapisane; karta została odświeżona.
   *[other] { $by } już zdecydował(a) w sprawie pomysłu nr { $idea }: { $state } ({ $at }). Twoja decyzja nie została zapisana.
}
refusal-moderation-comment-required = Prośba o zmiany musi mówić autorowi, co zmienić. Nic nie zostało zapisane.
refusal-moderation-cost-unknown = Koszt pomysłu nr { $idea } nie jest jeszcze oszacowany: oszacuj go, zanim uznasz pomysł za dopuszczony.
refusal-moderation-merge-self = Pomysł nie może być duplikatem samego siebie. Nic nie zostało zapisane.
refusal-moderation-merge-target-state = Wybrany pomysł nie może przyjąć duplikatu w obecnym stanie ({ $state }). Nic nie zostało zapisane.
refusal-moderation-merge-target-unknown = Pomysł wybrany jako oryginał nie istnieje. Nic nie zostało zapisane.
refusal-moderation-not-awaiting = Pomysł nr { $idea } nie czeka na decyzję (stan: { $state }). Nic nie zostało zapisane.
refusal-moderation-unknown-criterion = „{ $criterion }” nie jest kryterium oceny tej kampanii. Nic nie zostało zapisane.
refusal-moderation-not-yet = Moderacja jeszcze się nie rozpoczęła: zaczyna się { $opensAt }. Nic nie zostało zapisane.
refusal-moderation-closed = Moderacja w tej kampanii już się zakończyła. Nic nie zostało zapisane.
refusal-idea-author-gone = Autor usunął swoje dane: nikt już nie może odpowiedzieć na nową wersję. Nic nie zostało wysłane.
refusal-idea-bad-characters = { $field ->
    [title] Tytuł zawiera znaki sterujące. Usuń je.
   *[other] Opis zawiera znaki sterujące. Usuń je.
}
refusal-idea-busy = Ktoś inny właśnie zmienia ten pomysł. Nic nie zostało zapisane; spróbuj ponownie.
refusal-idea-cost-invalid = Ta kwota jest nieprawidłowa. Nic nie zostało zapisane.
refusal-idea-cost-out-of-bounds = Koszt musi wynosić od { $min } do { $max } (podano { $cost }).
refusal-idea-description-too-long = Opis za długi: { $length } znaków, najwyżej { $max }.
refusal-idea-description-too-short = Opis za krótki: { $length } znaków, co najmniej { $min }.
refusal-idea-title-too-long = Tytuł za długi: { $length } znaków, najwyżej { $max }.
refusal-idea-title-too-short = Tytuł za krótki: { $length } znaków, co najmniej { $min }.
refusal-idea-unknown = Ten pomysł nie istnieje (już). Nic nie zostało zmienione.
refusal-idea-wrong-state = Niemożliwe w obecnym stanie pomysłu nr { $idea } ({ $state }). Nic nie zostało zmienione.
refusal-finalist-not-eligible = Pomysł nr { $idea } nie jest dopuszczony ({ $state }): nie może zostać finalistą.
refusal-finalist-not-finalist = Pomysł nr { $idea } nie jest finalistą ({ $state }). Nic nie zostało zmienione.
