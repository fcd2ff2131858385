/**
 * A cost typed by a resident, read leniently: "1500", "1 500", "1.500", "1.500,50",
 * "1,500.50", "€ 2000", "2000 EUR", "1'500". Residents type amounts the way their language
 * writes them, so the only question is which separator is the decimal one: the last of two
 * different separators is; a lone separator followed by exactly three digits groups
 * thousands ("1.500" = 1,500); any other lone separator is decimal ("12,5").
 */

/** Longest input considered (characters): a cost is short; anything longer is not one. */
const MAX_INPUT = 40;

/**
 * The amount in minor units, or null when the text is not an amount (letters other than a
 * currency, two decimal separators, more decimals than the currency has, a negative sign).
 * `minorPerMajor` is the campaign's `currencyMinorUnits` (100 for EUR: two decimals; a
 * currency whose minor units are not a power of ten takes whole amounts only). Bounds are not
 * judged here: `validateCost` does that.
 */
export function parseAmount(raw: string, minorPerMajor: number): number | null {
  if (raw.length > MAX_INPUT) return null;
  const decimals = Number.isInteger(Math.log10(minorPerMajor)) ? Math.log10(minorPerMajor) : 0;
  // Currency signs and codes, spaces of every kind (NBSP and narrow NBSP in French), apostrophes (Swiss).
  const text = raw
    .trim()
    .replace(/^(€|\$|£|zł|eur|euro|euros|pln|chf|usd|gbp)\s*/iu, '')
    .replace(/\s*(€|\$|£|zł|eur|euro|euros|pln|chf|usd|gbp|,-|\.-)$/iu, '')
    .replace(/[\s\u00A0\u202F'’]/gu, '');
  if (!/^[0-9][0-9.,]*$/u.test(text)) return null;
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  let integer: string;
  let fraction = '';
  if (dots > 0 && commas > 0) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const parts = text.split(decimal);
    if (parts.length !== 2) return null;
    integer = grouped(parts[0] ?? '', group);
    fraction = parts[1] ?? '';
    if (integer === '' || fraction.includes(group)) return null;
  } else if (dots + commas === 0) {
    integer = text;
  } else {
    const sep = dots > 0 ? '.' : ',';
    const parts = text.split(sep);
    if (parts.length > 2 || /^[0-9]+[.,][0-9]{3}$/u.test(text)) {
      integer = grouped(text, sep);
      if (integer === '') return null;
    } else {
      integer = parts[0] ?? '';
      fraction = parts[1] ?? '';
    }
  }
  if (!/^[0-9]+$/u.test(integer) || !/^[0-9]*$/u.test(fraction) || fraction.length > decimals) return null;
  const minor = Number(integer) * minorPerMajor + (fraction === '' ? 0 : Number(fraction.padEnd(decimals, '0')));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Digits with `sep` every three from the right ("1.234.567"), without the separators; '' when not so grouped. */
function grouped(text: string, sep: string): string {
  const parts = text.split(sep);
  const [head, ...rest] = parts;
  if (head === undefined || !/^[0-9]{1,3}$/u.test(head) || rest.some((p) => !/^[0-9]{3}$/u.test(p))) return rest.length === 0 && head !== undefined && /^[0-9]+$/u.test(head) ? head : '';
  return parts.join('');
}
