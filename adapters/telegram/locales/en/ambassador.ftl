# Ambassadors: helping residents without Telegram (features/ambassador.ts, ambassador-ballot.ts).
amb-menu-button = 🤝 Ambassador
amb-home = <b>Ambassador</b>
    You help residents who do not use Telegram. What would you like to do?
amb-button-register = 📝 Register a resident
amb-button-idea = 💡 An idea for a resident
amb-button-vote = 🗳 An assisted ballot
amb-button-home = 🤝 Ambassador menu
amb-button-new-code = 🔑 Create a code
amb-reg-language = Registering a resident without Telegram (1 of 4). Which language does the resident prefer?
amb-reg-consent = (2 of 4) Please read or explain the privacy notice (version { $version }) to the resident: Pnyx keeps their age band, their area and their ideas to run the campaign, and nothing else about them.
    Does the resident agree?
amb-reg-consent-read = Privacy notice
amb-reg-consent-accept = The resident agrees
amb-reg-age = (3 of 4) How old is the resident? (People can take part from { $minimumAge }.)
amb-reg-area = (4 of 4) Where does the resident live?
amb-reg-code = Last step: if the town gave the resident a one-time code on paper, type it now. Otherwise press “Create a code”.
amb-reg-done = ✅ The resident is registered.

    Their one-time code:
    <code>{ $code }</code>
    Letter by letter: <b>{ $spelled }</b>

    Write it on paper and give it to the resident. It is their key: they keep it private and show it to nobody, except to type it themselves when an ambassador helps them vote. Pnyx will not show it again.
amb-idea-code = Please type the one-time code of the resident whose idea you are writing down. The message is removed from this chat as soon as it is read.
amb-idea-start = You are writing down an idea for a resident. It will be in their name, and the record will say that you helped.
amb-idea-heading = <b>Idea for the resident you are helping</b> (the record will say that you helped)
amb-idea-sent = Idea #{ $number } has been sent in the resident's name. The committee will review it; the record says that you helped.
amb-vote-code = Please type the one-time code of the resident you are helping to vote. The message is removed from this chat as soon as it is read.
amb-vote-start = This is the ballot of the resident you are helping. Choose with them; at the end, the resident confirms with their own code.
amb-vote-code-prompt = <b>Nothing is recorded yet.</b> Now the resident types their one-time code here, to confirm this ballot themselves.
amb-vote-wrong-code = This is not the code of the resident this ballot is for. Nothing was recorded. They can type it again, or you can change the choices.
amb-vote-nothing-waiting = No ballot is waiting for a code. Open the assisted ballot again from the ambassador menu.
amb-cancelled = Stopped. Nothing was recorded.
amb-use-buttons = Please use the buttons of the last message, or press Cancel.
