/**
 * The bot's texts: @grammyjs/i18n (Fluent) over `locales/<locale>/*.ftl`. The plugin merges
 * every `.ftl` file of a locale's folder, so each feature keeps its texts in its own file.
 * `useIsolating: false`: Telegram clients show Fluent's bidi isolation marks as stray
 * characters around every variable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { I18n } from '@grammyjs/i18n';
import type { Context } from 'grammy';

/** Where the Fluent files are. */
export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/** The languages the bot has texts for (one folder each under LOCALES_DIR). */
export const BOT_LOCALES = ['fr', 'en', 'nl', 'de', 'pl'] as const;

/** Variables of a text: Fluent takes strings and numbers. */
export type TextVariables = Readonly<Record<string, string | number>>;

/** Translates `key` in `locale` (a context-free lookup, for senders working outside an update). */
export type Translator = (locale: string, key: string, variables?: TextVariables) => string;

/** Options of {@link createI18n}. */
export interface BotI18nOptions<C extends Context> {
  /** The language used when the resident's own has no text (the campaign's default locale). */
  readonly defaultLocale: string;
  /** Picks the locale of an update (the resident's registered language). */
  readonly localeNegotiator: (ctx: C) => string | undefined | PromiseLike<string | undefined>;
}

/** The i18n plugin with every shipped text loaded (synchronously: at start, once). */
export function createI18n<C extends Context>(options: BotI18nOptions<C>): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: options.defaultLocale,
    useSession: false,
    localeNegotiator: options.localeNegotiator,
    fluentBundleOptions: { useIsolating: false },
  });
  i18n.loadLocalesDirSync(LOCALES_DIR);
  return i18n;
}

/** A {@link Translator} over a loaded plugin. */
export function translatorOf(i18n: I18n<Context> | I18n<never>): Translator {
  return (locale, key, variables) => (i18n as I18n<Context>).t(locale, key, variables as Record<string, string | number> | undefined);
}
