settings-title = ⚙️ Ustawienia
settings-language-now = Język: { $language }
settings-updates-on = Aktualności: włączone (ogłoszenia i cotygodniowe podsumowanie).
settings-updates-off = Aktualności: wyłączone.
settings-button-language = 🌐 Zmień język
settings-button-stop = 🔕 Wyłącz aktualności
settings-button-resume = 🔔 Włącz aktualności
settings-button-mydata = 📄 Moje dane
settings-button-forget = 🗑 Zapomnij mnie
settings-language-choose = W jakim języku chcesz kontynuować?
settings-language-done = Gotowe: od teraz piszę do ciebie w języku: { $language }.
settings-continue-registration = Wyślij /start, aby dokończyć rejestrację.
settings-stopped = 🔕 Aktualności wyłączone: nie będziesz już otrzymywać ogłoszeń kampanii ani cotygodniowego podsumowania.
    Nadal otrzymasz odpowiedzi na swoje pytania i wiadomości o swoich pomysłach. /resume włącza aktualności ponownie.
settings-resumed = 🔔 Aktualności włączone: znowu otrzymasz ogłoszenia kampanii i cotygodniowe podsumowanie. /stop je wyłącza.
