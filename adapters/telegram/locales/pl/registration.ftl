reg-language = Witamy w <b>{ $campaign }</b>, gdzie mieszkańcy decydują, jak wydać część budżetu gminy.
    W jakim języku chcesz kontynuować?
reg-consent = Zanim zaczniemy: Pnyx przechowuje Twoją grupę wiekową, dzielnicę i pomysły, aby prowadzić kampanię, i nic więcej o Tobie. Informacja o prywatności (wersja { $version }) wyjaśnia wszystko.
    Czy się zgadzasz?
reg-consent-read = Przeczytaj informację o prywatności
reg-consent-accept = Zgadzam się
reg-consent-decline = Nie zgadzam się
reg-age = Ile masz lat? (Można wziąć udział od { $minimumAge } lat.)
reg-area = Gdzie mieszkasz? Wybierz swoją dzielnicę.
reg-area-or-postcode = Gdzie mieszkasz? Wybierz dzielnicę lub wpisz kod pocztowy.
reg-phone = Ostatni krok: potwierdź numer telefonu przyciskiem poniżej. Telegram udostępnia go tylko raz, a Pnyx przechowuje jedynie zakodowany odcisk, nigdy sam numer.
reg-phone-button = Udostępnij mój numer
reg-phone-not-own = Udostępnij <b>swój własny</b> numer przyciskiem poniżej (nie kontakt innej osoby).
reg-code = Ostatni krok: wpisz jednorazowy kod otrzymany od gminy (na przykład <code>K7QF-2MXA</code>).
reg-code-later = Dziękujemy, kod zapisany: zostanie użyty na końcu rejestracji.
reg-code-not-needed = Nie potrzebujesz kodu: jesteś już zarejestrowany.
reg-link-unknown = Nie znam tego linku; oto gdzie jesteś.
reg-finish-first = Najpierw dokończmy rejestrację.
reg-welcome = Jesteś zarejestrowany w <b>{ $campaign }</b>. Witamy!
