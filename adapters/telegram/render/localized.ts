/** Campaign texts (names of areas, categories, articles) in a resident's language. */
import type { Campaign, LocalizedText } from '../../../core/campaign/campaign.ts';

/** `text` in `locale`, else in the campaign's default locale, else any. */
export function localized(campaign: Pick<Campaign, 'defaultLocale'>, text: LocalizedText, locale: string): string {
  return text[locale] ?? text[campaign.defaultLocale] ?? Object.values(text)[0] ?? '';
}

/** Language names in their own language, for the language buttons. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = { fr: 'Français', en: 'English', nl: 'Nederlands', de: 'Deutsch', pl: 'Polski' };

/** The button label of a language tag (its own name, or the tag). */
export function languageName(tag: string): string {
  return LANGUAGE_NAMES[tag] ?? LANGUAGE_NAMES[tag.split('-')[0] ?? ''] ?? tag;
}
