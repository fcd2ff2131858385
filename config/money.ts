/**
 * Money as written in a campaign file (major units, `20000` or `20000.50`) turned into the
 * core's integer minor units, refusing more decimals than the currency has.
 */
import type { Money } from '../core/campaign/campaign.ts';

/** ISO 4217 codes this runtime knows (from ICU). */
const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** True when `code` is a 3-letter ISO 4217 currency code known to the runtime. */
export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

/** Number of decimals of a currency's minor unit (2 for EUR, 0 for JPY, 3 for KWD). */
export function currencyDecimals(code: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Converts a major-unit amount to minor units. Returns a string (what was expected) when the
 * amount has more decimals than the currency allows or is not a plain decimal number.
 */
export function toMinorUnits(amount: number, decimals: number): Money | string {
  // String(n) is the shortest text that round-trips, i.e. what the author wrote (20000.5 for 20000.50).
  const text = String(amount);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return `expected a plain amount in major units such as 20000 or 20000.50 (got ${text})`;
  const fraction = match[3] ?? '';
  if (fraction.length > decimals) {
    return decimals === 0
      ? `this currency has no minor unit; write a whole amount (got ${text})`
      : `at most ${decimals} decimals for this currency (got ${text})`;
  }
  const minor = Number(`${match[1]}${match[2]}${fraction.padEnd(decimals, '0')}`);
  if (!Number.isSafeInteger(minor)) return `amount too large (got ${text})`;
  return minor;
}
