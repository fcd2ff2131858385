settings-title = ⚙️ Settings
settings-language-now = Language: { $language }
settings-updates-on = Updates: on (announcements and the weekly update).
settings-updates-off = Updates: off.
settings-button-language = 🌐 Change the language
settings-button-stop = 🔕 Stop the updates
settings-button-resume = 🔔 Receive the updates
settings-button-mydata = 📄 My data
settings-button-forget = 🗑 Forget me
settings-language-choose = Which language would you like?
settings-language-done = Done: I will now write to you in { $language }.
settings-continue-registration = Send /start to finish your registration.
settings-stopped = 🔕 Updates stopped: you will no longer receive the campaign's announcements or the weekly update.
    You will still receive the answers to your questions and news about your own ideas. /resume turns the updates back on.
settings-resumed = 🔔 Updates back on: you will receive the campaign's announcements and the weekly update again. /stop turns them off.
