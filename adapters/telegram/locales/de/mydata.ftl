mydata-caption = Hier ist alles, was Pnyx über Sie speichert: Ihre Antworten bei der Anmeldung, Ihre Ideen, die Ideen, die Sie unterstützen, Ihre Fragen und, falls Sie abgestimmt haben, Ihr Stimmzettel. Diese Datei ist nur für Sie.
forget-explain = <b>Vergiss mich</b>
    Damit werden Ihre Anmeldung (Name, Sprache, Altersgruppe, Viertel, Überprüfung), Ihre Fragen und die Antworten darauf, Ihre Unterstützungen und dieser Chat mit dem Bot gelöscht.
    Was bleibt: Ihre Ideen bleiben in der Kampagne, ohne Ihren Namen; wenn Sie abgestimmt haben, bleibt Ihre Stimme gezählt, ohne etwas, das sie mit Ihnen verbindet.
    Möchten Sie Ihre Daten löschen?
forget-confirm = 🗑 Ja, meine Daten löschen
forget-keep = Nein, meine Daten behalten
forget-kept = Es wurde nichts gelöscht.
forget-already = Ihre Daten wurden bereits gelöscht.
forget-done = Ihre Daten wurden gelöscht. Danke fürs Mitmachen!
    Wenn Sie eines Tages wieder mitmachen möchten, senden Sie /start.
