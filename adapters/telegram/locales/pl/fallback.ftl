fallback-group = Rozmawiam tylko w czatach prywatnych: napisz do mnie bezpośrednio na @{ $bot }.
fallback-unknown-command = Nie znam tego polecenia. /menu pokazuje, co możesz zrobić, /help wymienia wszystkie polecenia.
fallback-text = Nie zrozumiałem tej wiadomości. Aby zgłosić pomysł, przeglądać pomysły lub zadać pytanie zespołowi, użyj menu poniżej (lub /help).
fallback-sticker = Fajnie! Czytam jednak tylko tekst i przyciski: /menu pokazuje, co możesz zrobić.
fallback-voice = Nie mogę odsłuchać wiadomości głosowych ani audio. Napisz proszę swoją wiadomość: /menu pokazuje, co możesz zrobić.
fallback-media = Nie mogę tu tego użyć. /menu pokazuje, co możesz zrobić.
