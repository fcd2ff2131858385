mydata-caption = Dit is alles wat Pnyx over u bewaart: uw antwoorden bij de inschrijving, uw ideeën, de ideeën die u steunt, uw vragen en, als u hebt gestemd, uw stembiljet. Dit bestand is alleen voor u.
forget-explain = <b>Vergeet mij</b>
    Dit wist uw inschrijving (naam, taal, leeftijdsgroep, wijk, verificatie), uw vragen en de antwoorden erop, uw steunbetuigingen en dit gesprek met de bot.
    Wat blijft: uw ideeën blijven in de campagne, zonder uw naam; als u hebt gestemd, blijft uw stem geteld, zonder iets dat haar aan u koppelt.
    Wilt u uw gegevens wissen?
forget-confirm = 🗑 Ja, wis mijn gegevens
forget-keep = Nee, bewaar mijn gegevens
forget-kept = Er is niets gewist.
forget-already = Uw gegevens zijn al gewist.
forget-done = Uw gegevens zijn gewist. Bedankt voor uw deelname!
    Wilt u ooit weer meedoen, stuur dan /start.
