/** Placeholder until the texts branch lands (same signature). */
import type { Campaign } from '../../../core/campaign/campaign.ts';
import type { Translator } from '../i18n.ts';

/** The key of a refusal's text. */
export function refusalKey(code: string): string {
  return `refusal-${code.replace(/[._]/g, '-')}`;
}

/** A refusal as a message for the resident. */
export function refusalText(t: Translator, locale: string, _campaign: Campaign, refusal: { readonly code: string; readonly params?: Readonly<Record<string, unknown>> }): string {
  return t(locale, refusalKey(refusal.code));
}
