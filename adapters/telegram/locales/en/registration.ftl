reg-language = Welcome to <b>{ $campaign }</b>, where residents decide how part of the town's budget is spent.
    Which language would you like?
reg-consent = Before we start: Pnyx keeps your age band, your area and your ideas to run the campaign, and nothing else about you. The privacy notice (version { $version }) explains it all.
    Do you agree?
reg-consent-read = Read the privacy notice
reg-consent-accept = I agree
reg-consent-decline = I do not agree
reg-age = How old are you? (You can take part from { $minimumAge }.)
reg-area = Where do you live? Choose your area.
reg-area-or-postcode = Where do you live? Choose your area, or type your postcode.
reg-phone = Last step: please confirm your phone number with the button below. Telegram shares it only once, and Pnyx keeps only a coded fingerprint of it, never the number itself.
reg-phone-button = Share my phone number
reg-phone-not-own = Please share <b>your own</b> number, with the button below (not someone else's contact).
reg-code = Last step: type the one-time code the town gave you (for example <code>K7QF-2MXA</code>).
reg-code-later = Thank you, your code is noted: it will be used at the end of the registration.
reg-code-not-needed = You do not need a code: you are already registered.
reg-link-unknown = This link is not one I know; here is where you are.
reg-finish-first = Let us finish your registration first.
reg-welcome = You are registered for <b>{ $campaign }</b>. Welcome!
