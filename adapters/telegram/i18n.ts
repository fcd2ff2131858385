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
  memoizeBundleMatching(i18n.fluent);
  return i18n;
}

/**
 * The plugin negotiates which bundles serve a locale (@fluent/langneg over every loaded
 * locale) on each text it formats: a builder message of twenty texts paid that twenty times,
 * a tenth of the bot's CPU. The answer only depends on the locales asked for and the bundles
 * loaded (all at start), so it is kept per locale list and loaded-bundle count. `matchBundles`
 * is the plugin's private step; if a later version drops it, nothing is memoized.
 */
function memoizeBundleMatching(fluent: I18n['fluent']): void {
  const f = fluent as unknown as { matchBundles?: (locales: string[]) => ReadonlySet<unknown>; bundles?: ReadonlySet<unknown> };
  const match = f.matchBundles;
  if (typeof match !== 'function' || f.bundles === undefined) return;
  const bundles = f.bundles;
  const memo = new Map<string, ReadonlySet<unknown>>();
  f.matchBundles = (locales) => {
    const key = `${bundles.size}|${locales.join('|')}`;
    let found = memo.get(key);
    if (found === undefined) {
      found = match.call(fluent, locales);
      if (memo.size >= 256) memo.clear();
      memo.set(key, found);
    }
    return found;
  };
}

/** A {@link Translator} over a loaded plugin. */
export function translatorOf(i18n: I18n<Context> | I18n<never>): Translator {
  return (locale, key, variables) => (i18n as I18n<Context>).t(locale, key, variables as Record<string, string | number> | undefined);
}
