# Le bulletin de vote (features/vote.ts, render/ballot-builder.ts). HTML Telegram.
vote-header = 🗳 <b>{ $envelope }</b>
vote-header-of = 🗳 Bulletin { $index } sur { $total } : <b>{ $envelope }</b>
vote-rule-single = Choisissez <b>un</b> projet, puis confirmez.
vote-rule-approval = Choisissez jusqu’à <b>{ $max }</b> projets, puis confirmez.
vote-rule-approval-min = Choisissez entre <b>{ $min }</b> et <b>{ $max }</b> projets, puis confirmez.
vote-rule-knapsack = Choisissez les projets que vous voulez, tant que leur total tient dans le budget de <b>{ $budget }</b>.
vote-rule-cumulative = Répartissez <b>{ $points }</b> points entre les projets avec ➕ et ➖ (au plus { $max } sur un même projet).
vote-status-single-none = Aucun projet choisi pour l’instant.
vote-status-single = Votre choix : n° { $number } { $title }
vote-status-approval = { $count } sur { $max } choisis
vote-status-knapsack = Total : { $total } sur { $budget } — il reste { $left }
vote-status-cumulative = Points restants : { $left } sur { $points }
vote-points = { $points ->
    [one] 1 point
   *[other] { $points } points
}
vote-not-fitting = ne tient plus dans ce qui reste
vote-no-finalists = Il n’y a aucun projet à voter dans ce bulletin.
vote-hint = Touchez un projet pour le choisir (touchez-le encore pour le retirer) ; ℹ️ affiche sa fiche.
vote-hint-cumulative = Utilisez ➕ et ➖ pour donner des points ; touchez un titre pour voir sa fiche.
vote-closes = Le vote se termine le { $closesAt }.
vote-button-review = Vérifier mon vote ▶️
vote-card-cost = Coût
vote-card-points = Vos points pour ce projet : <b>{ $points }</b>
vote-button-choose = ✅ Choisir ce projet
vote-button-remove = ✖️ Retirer de mon choix
vote-button-photo = 📷 Photo
vote-confirm-title = Vérifiez votre vote pour <b>{ $envelope }</b> :
vote-confirm-total = Total : <b>{ $total }</b> sur { $budget }
vote-confirm-points = Points donnés : <b>{ $points }</b> sur { $max }
vote-confirm-question = Est-ce correct ? Votre vote n’est enregistré que lorsque vous appuyez sur « Voter ».
vote-button-cast = ✅ Voter
vote-button-edit = ✏️ Modifier
vote-cast-done = ✅ Votre vote pour <b>{ $envelope }</b> est enregistré. Merci !
vote-cast-replaced = ✅ Votre nouveau vote pour <b>{ $envelope }</b> est enregistré. Il remplace le précédent.
vote-current = 🗳 Votre vote pour <b>{ $envelope }</b> :
vote-receipt = Votre code de reçu : <code>{ $receipt }</code>
vote-receipt-how = Gardez ce code. Après le vote, la commune publie la liste de tous les bulletins, sans aucun nom. Cherchez-y votre code : il montre que votre bulletin a été compté tel que vous l’avez rempli.
vote-progress = { $done } bulletin(s) sur { $total } rempli(s).
vote-change-until = Vous pouvez changer votre vote jusqu’au { $closesAt }.
vote-button-next = ▶️ Bulletin suivant : { $envelope }
vote-button-change = ✏️ Changer mon vote
vote-stale = Ce bulletin n’est plus à jour. Utilisez le dernier message, ou envoyez /vote.
vote-cast-toast = Votre vote est enregistré.
