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

/** Texts kept by a translator, at most (then all are dropped and kept again as asked). */
const TEXTS_KEPT = 5000;
/** A variable longer than this (a resident's own text) makes a text not worth keeping. */
const KEPT_VARIABLE_MAX = 120;

/**
 * A {@link Translator} over a loaded plugin. A text depends only on its locale, key and
 * variables (every bundle is loaded at start), and a builder message formats the same twenty
 * or so on every press: each formatted text is kept, by locale, key and typed variables (a
 * number and a string of the same digits select plurals apart). A missing text is never
 * kept, so its warning is given each time, as before.
 */
export function translatorOf(i18n: I18n<Context> | I18n<never>): Translator {
  const kept = new Map<string, string>();
  const format = (locale: string, key: string, variables: TextVariables | undefined): string => (i18n as I18n<Context>).t(locale, key, variables as Record<string, string | number> | undefined);
  return (locale, key, variables) => {
    let memoKey = `${locale}\u0000${key}`;
    if (variables !== undefined) {
      for (const name in variables) {
        const v = variables[name];
        if (typeof v === 'string') {
          if (v.length > KEPT_VARIABLE_MAX || v.includes('\u0000')) return format(locale, key, variables);
          memoKey += `\u0000${name}\u0001s${v}`;
        } else if (typeof v === 'number' && !Object.is(v, -0)) memoKey += `\u0000${name}\u0001n${v}`;
        else return format(locale, key, variables);
      }
    }
    let text = kept.get(memoKey);
    if (text === undefined) {
      text = format(locale, key, variables);
      if (text === `{${key}}`) return text;
      if (kept.size >= TEXTS_KEPT) kept.clear();
      kept.set(memoKey, text);
    }
    return text;
  };
}
