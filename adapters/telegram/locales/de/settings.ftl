settings-title = ⚙️ Einstellungen
settings-language-now = Sprache: { $language }
settings-updates-on = Neuigkeiten: an (Ankündigungen und der Wochenüberblick).
settings-updates-off = Neuigkeiten: aus.
settings-button-language = 🌐 Sprache ändern
settings-button-stop = 🔕 Keine Neuigkeiten mehr
settings-button-resume = 🔔 Neuigkeiten erhalten
settings-button-mydata = 📄 Meine Daten
settings-button-forget = 🗑 Vergiss mich
settings-language-choose = In welcher Sprache möchten Sie weitermachen?
settings-language-done = Erledigt: Ich schreibe Ihnen ab jetzt auf { $language }.
settings-continue-registration = Senden Sie /start, um Ihre Anmeldung abzuschließen.
settings-stopped = 🔕 Neuigkeiten gestoppt: Sie erhalten keine Ankündigungen der Kampagne und keinen Wochenüberblick mehr.
    Antworten auf Ihre Fragen und Neuigkeiten zu Ihren eigenen Ideen erhalten Sie weiterhin. Mit /resume schalten Sie die Neuigkeiten wieder ein.
settings-resumed = 🔔 Neuigkeiten wieder an: Sie erhalten wieder die Ankündigungen der Kampagne und den Wochenüberblick. Mit /stop schalten Sie sie aus.
