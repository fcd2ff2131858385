/**
 * The languages Pnyx can run a campaign in. A campaign locale is a canonical BCP-47 tag
 * (`fr`, `en`, `fr-BE`) whose language has Pnyx translations.
 */

/**
 * Languages with Pnyx interface translations (primary language subtags): exactly the ones
 * the residents' bot has texts for (`BOT_LOCALES`, one folder each under
 * adapters/telegram/locales/). Kept here because config/ imports no adapter; a test checks
 * the three agree, so `check-config` refuses a campaign language the bot could not speak.
 */
export const SUPPORTED_LANGUAGES = ['fr', 'en', 'nl', 'de', 'pl'] as const;

/**
 * Checks one locale tag; returns null when usable, else what was expected. The tag must be
 * well-formed BCP-47, already in canonical form (so texts keyed `en` match the locale `en`),
 * and in a supported language.
 */
export function checkLocaleTag(tag: string): string | null {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return `"${tag}" is not a BCP-47 language tag; expected one of ${SUPPORTED_LANGUAGES.join(', ')} (optionally with a region, e.g. fr-BE)`;
  }
  if (canonical !== tag) return `write the language tag in canonical form: "${canonical}"`;
  const language = tag.split('-')[0] ?? '';
  if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) {
    return `Pnyx has no translation for "${tag}"; expected a language among ${SUPPORTED_LANGUAGES.join(', ')}`;
  }
  return null;
}
