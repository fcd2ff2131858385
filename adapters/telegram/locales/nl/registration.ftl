reg-language = Welkom bij <b>{ $campaign }</b>, waar inwoners beslissen hoe een deel van het gemeentebudget wordt besteed.
    In welke taal wilt u verder?
reg-consent = Voor we beginnen: Pnyx bewaart uw leeftijdsgroep, uw wijk en uw ideeën om de campagne te voeren, en verder niets over u. De privacyverklaring (versie { $version }) legt alles uit.
    Gaat u akkoord?
reg-consent-read = Privacyverklaring lezen
reg-consent-accept = Ik ga akkoord
reg-consent-decline = Ik ga niet akkoord
reg-age = Hoe oud bent u? (Meedoen kan vanaf { $minimumAge } jaar.)
reg-area = Waar woont u? Kies uw wijk.
reg-area-or-postcode = Waar woont u? Kies uw wijk of typ uw postcode.
reg-phone = Laatste stap: bevestig uw telefoonnummer met de knop hieronder. Telegram deelt het één keer, en Pnyx bewaart alleen een gecodeerde vingerafdruk ervan, nooit het nummer zelf.
reg-phone-button = Mijn nummer delen
reg-phone-not-own = Deel <b>uw eigen</b> nummer met de knop hieronder (niet het contact van iemand anders).
reg-code = Laatste stap: typ de eenmalige code die u van de gemeente kreeg (bijvoorbeeld <code>K7QF-2MXA</code>).
reg-code-later = Dank u, uw code is genoteerd: hij wordt gebruikt aan het einde van de inschrijving.
reg-code-not-needed = U hebt geen code nodig: u bent al ingeschreven.
reg-link-unknown = Deze link ken ik niet; hier staat u nu.
reg-finish-first = Laten we eerst uw inschrijving afronden.
reg-welcome = U bent ingeschreven voor <b>{ $campaign }</b>. Welkom!
