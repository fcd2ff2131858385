/**
 * The command list Telegram shows residents (the "/" menu), set once at start: one list per
 * campaign language (`language_code`, so each resident sees it in their app's language) plus
 * the default list, in the campaign's default language, for every other app language. Only
 * private chats get a list: the bot serves nobody in groups.
 */
import type { Api } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { Translator } from './i18n.ts';

/** The residents' commands, in the order Telegram shows them (each has a `cmd-<name>` text). */
export const RESIDENT_COMMANDS = ['start', 'menu', 'idea', 'ideas', 'myideas', 'vote', 'results', 'ask', 'myquestions', 'news', 'help', 'language', 'mydata', 'forget', 'stop', 'resume'] as const;

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
const DESCRIPTION_MAX = 256;

/** The command list in `locale`; throws (a bug) when a name or description breaks Telegram's rules. */
export function commandList(translate: Translator, locale: string): BotCommand[] {
  return RESIDENT_COMMANDS.map((command) => {
    const description = translate(locale, `cmd-${command}`).trim();
    if (!COMMAND_NAME.test(command)) throw new Error(`command "${command}" is not a valid Telegram command name`);
    if (description.length === 0 || description.length > DESCRIPTION_MAX || description === `cmd-${command}`) throw new Error(`command "${command}" has no valid description in ${locale}`);
    return { command, description };
  });
}

/** Telegram's `language_code` of a campaign locale (`fr-BE` → `fr`); null when it has none. */
function languageCodeOf(locale: string): LanguageCode | null {
  const code = locale.split('-')[0]?.toLowerCase() ?? '';
  return /^[a-z]{2}$/.test(code) ? (code as LanguageCode) : null;
}

/**
 * Sets the command lists: the default one in `defaultLocale` (default: the first campaign
 * locale), then one per campaign locale. Idempotent: calling it again sets the same lists.
 */
export async function registerCommands(api: Api, campaignLocales: readonly string[], translate: Translator, defaultLocale: string = campaignLocales[0] ?? 'en'): Promise<void> {
  const scope = { type: 'all_private_chats' } as const;
  await api.setMyCommands(commandList(translate, defaultLocale), { scope });
  const done = new Set<string>();
  for (const locale of campaignLocales) {
    const code = languageCodeOf(locale);
    if (code === null || done.has(code)) continue;
    done.add(code);
    await api.setMyCommands(commandList(translate, locale), { scope, language_code: code });
  }
}
