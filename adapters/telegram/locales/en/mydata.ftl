mydata-caption = Here is everything Pnyx holds about you: your registration answers, your ideas, the ideas you support, your questions and, if you voted, your ballot. The file is for you only.
forget-explain = <b>Forget me</b>
    This erases your registration (name, language, age band, area, verification), your questions and their answers, your supports and this conversation with the bot.
    What stays: your ideas stay in the campaign, without your name; if you have voted, your ballot stays counted, without anything that links it to you.
    Do you want to erase your data?
forget-confirm = 🗑 Yes, erase my data
forget-keep = No, keep my data
forget-kept = Nothing was erased.
forget-already = Your data has already been erased.
forget-done = Your data has been erased. Thank you for taking part!
    If you want to take part again one day, send /start.
