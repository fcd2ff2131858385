fallback-group = I only talk in private chats: write to me directly at @{ $bot }.
fallback-unknown-command = I do not know this command. /menu shows what you can do, /help lists every command.
fallback-text = I did not understand this message. To propose an idea, browse the ideas or ask the team a question, use the menu below (or /help).
fallback-sticker = Nice! I can only read text and buttons, though: /menu shows what you can do.
fallback-voice = I cannot listen to voice or audio messages. Please write your message instead: /menu shows what you can do.
fallback-media = I cannot use this here. /menu shows what you can do.
