fallback-group = Ik praat alleen in privégesprekken: schrijf me rechtstreeks via @{ $bot }.
fallback-unknown-command = Deze opdracht ken ik niet. /menu toont wat u kunt doen, /help geeft alle opdrachten.
fallback-text = Dit bericht heb ik niet begrepen. Om een idee voor te stellen, de ideeën te bekijken of het team een vraag te stellen, gebruikt u het menu hieronder (of /help).
fallback-sticker = Leuk! Ik kan echter alleen tekst en knoppen lezen: /menu toont wat u kunt doen.
fallback-voice = Spraak- en audioberichten kan ik niet beluisteren. Typ uw bericht liever: /menu toont wat u kunt doen.
fallback-media = Dit kan ik hier niet gebruiken. /menu toont wat u kunt doen.
