mydata-caption = Oto wszystko, co Pnyx przechowuje o tobie: odpowiedzi z rejestracji, twoje pomysły, pomysły, które popierasz, twoje pytania i, jeśli głosowałeś, twoja karta do głosowania. Ten plik jest tylko dla ciebie.
forget-explain = <b>Zapomnij mnie</b>
    To usuwa twoją rejestrację (imię, język, grupę wiekową, dzielnicę, weryfikację), twoje pytania i odpowiedzi na nie, twoje poparcia i tę rozmowę z botem.
    Co zostaje: twoje pomysły zostają w kampanii, bez twojego imienia; jeśli głosowałeś, twój głos pozostaje policzony, bez niczego, co łączyłoby go z tobą.
    Czy chcesz usunąć swoje dane?
forget-confirm = 🗑 Tak, usuń moje dane
forget-keep = Nie, zachowaj moje dane
forget-kept = Nic nie zostało usunięte.
forget-already = Twoje dane zostały już usunięte.
forget-done = Twoje dane zostały usunięte. Dziękujemy za udział!
    Jeśli kiedyś zechcesz znowu wziąć udział, wyślij /start.
