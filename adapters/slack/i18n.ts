/**
 * The committee app's texts: Fluent files under `locales/<locale>/*.ftl`, every file of a
 * locale merged (each feature keeps its texts in its own file). The committee works in the
 * campaign's default language; a key missing there falls back to English, and a key missing
 * everywhere shows the key itself (and is caught by the locale tests, not by users).
 *
 * @fluent/bundle directly rather than @grammyjs/i18n: that plugin is built around grammY's
 * context, and Bolt has none of it; the bundle is what it wraps.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';

/** Where the Fluent files are. */
export const SLACK_LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'locales');

/** The languages the committee app has texts for (one folder each). */
export const SLACK_LOCALES = ['en', 'fr', 'nl', 'de', 'pl'] as const;

/** Variables of a text. */
export type SlackTextVariables = Readonly<Record<string, string | number>>;

/** Translates a key in the committee's language. */
export type SlackTranslate = (key: string, variables?: SlackTextVariables) => string;

/** Loads one locale's bundle (every .ftl of its folder); throws on a syntax error. */
export function loadSlackBundle(locale: string): FluentBundle {
  // No bidi isolation marks: Slack shows them as stray characters around variables.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const dir = path.join(SLACK_LOCALES_DIR, locale);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl')).sort()) {
    const errors = bundle.addResource(new FluentResource(readFileSync(path.join(dir, file), 'utf8')));
    if (errors.length > 0) throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join('; ')}`);
  }
  return bundle;
}

/** The translator of `locale` (English fallback). Loads the files once, synchronously, at start. */
export function slackTranslator(locale: string): SlackTranslate {
  const chosen = (SLACK_LOCALES as readonly string[]).includes(locale) ? locale : 'en';
  const bundles = chosen === 'en' ? [loadSlackBundle('en')] : [loadSlackBundle(chosen), loadSlackBundle('en')];
  return (key, variables) => {
    for (const bundle of bundles) {
      const message = bundle.getMessage(key);
      if (message?.value != null) return bundle.formatPattern(message.value, variables);
    }
    return key;
  };
}
