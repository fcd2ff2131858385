import type { Campaign } from '../../core/campaign/campaign.ts';

/**
 * Formats minor units in the campaign currency for the CLI: `20,000.00 EUR` (always the
 * currency's decimals, English separators, so output is the same on every machine).
 */
export function formatMoney(campaign: Pick<Campaign, 'currency' | 'currencyMinorUnits'>, minor: number, withCode = true): string {
  const decimals = Math.round(Math.log10(campaign.currencyMinorUnits));
  const number = new Intl.NumberFormat('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(minor / campaign.currencyMinorUnits);
  return withCode ? `${number} ${campaign.currency}` : number;
}

/** The text of a localized name in the CLI's language: English when the campaign has it, else its default. */
export function cliText(campaign: Pick<Campaign, 'defaultLocale'>, text: Readonly<Record<string, string>>): string {
  return text.en ?? text[campaign.defaultLocale] ?? Object.values(text)[0] ?? '';
}
