/** Placeholder until the texts branch lands (same signature). */
import type { Campaign } from '../../../core/campaign/campaign.ts';

/** Formatting of dates, money and numbers for a locale. */
export function formatFor(locale: string, campaign: Campaign): { date(ms: number): string; money(minor: number): string; number(n: number): string } {
  const d = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: campaign.timeZone });
  const m = new Intl.NumberFormat(locale, { style: 'currency', currency: campaign.currency });
  return { date: (ms) => d.format(ms), money: (minor) => m.format(minor / 10 ** campaign.currencyMinorUnits), number: (n) => new Intl.NumberFormat(locale).format(n) };
}
