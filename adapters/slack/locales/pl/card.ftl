# Karta moderacji (blocks/card.ts). Slack mrkdwn; tekst mieszkańców przychodzi już zabezpieczony.
card-text = Pomysł nr { $idea }: { $title } ({ $state })
card-category = Kategoria
card-area = Dzielnica
card-whole-town = Cała gmina
card-cost = Szacowany koszt
card-cost-unknown = Do oszacowania
card-cost-by-staff = _oszacowany przez komitet_
card-state = Stan
card-photo-alt = Zdjęcie pomysłu nr { $idea }
card-photo-pending = :camera: Autor dołączył zdjęcie; jest właśnie dodawane do tej karty.
card-photo-thread = :camera: Zdjęcie autora jest w wątku tej karty.
card-photo-unavailable = :camera: Autor dołączył zdjęcie, ale nie udało się go tu pokazać.
card-author = Autor { $author } · { $supports ->
    [one] 1 poparcie
    [few] { $supports } poparcia
   *[other] { $supports } poparć
  }
card-author-erased = (usunięty)
card-assisted = zgłoszony z pomocą ambasadora { $ambassador }
card-waiting = czeka od { $age }
card-rewrite-pending = Nowa wersja zaproponowana przez { $by } dnia { $at } czeka na odpowiedź autora.
card-decided = *{ $outcome }* — { $by }, { $at }
card-decided-criterion = Powód: { $criterion }
card-decided-merged = Duplikat pomysłu nr { $idea } { $title }
card-decided-comment = Komentarz: { $comment }
card-withdrawn = Wycofany przez autora, { $at }
card-diff-heading = *Zgłoszony ponownie { $at }: co się zmieniło od poprzedniej wersji*
card-diff-title = • *Tytuł*: { $before } → { $after }
card-diff-description = • *Opis* napisany od nowa. Wcześniej: „{ $before }”
card-diff-category = • *Kategoria*: { $before } → { $after }
card-diff-area = • *Dzielnica*: { $before } → { $after }
card-diff-cost = • *Koszt*: { $before } → { $after }
card-diff-photo-changed = • *Zdjęcie*: nowe zdjęcie
card-diff-photo-removed = • *Zdjęcie*: usunięte
card-diff-none = • nic się nie zmieniło
card-superseded = Ta karta jest nieaktualna: autor ponownie zgłosił pomysł { $at }. Jest on rozpatrywany na nowej karcie.
card-superseded-link = Otwórz nową kartę
card-superseded-text = Pomysł nr { $idea }: { $title } (zgłoszony ponownie, zobacz nową kartę)
card-button-eligible = Dopuszczony
card-button-changes = Poproś o zmiany
card-button-reject = Odrzuć
card-button-merge = Duplikat…
card-button-rewrite = Zaproponuj nową wersję
card-button-estimate = Oszacuj koszt
card-state-submitted = Zgłoszony
card-state-resubmitted = Zgłoszony ponownie
card-state-changes-requested = Poproszono o zmiany
card-state-eligible = Dopuszczony
card-state-rejected = Odrzucony
card-state-merged = Połączony
card-state-withdrawn = Wycofany
card-state-finalist = Finalista
card-state-winner = Zwycięzca
card-state-not-funded = Niesfinansowany
