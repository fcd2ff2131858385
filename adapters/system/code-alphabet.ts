/**
 * Alphabets of codes and ids. Codes people type (receipts, one-time codes) avoid the
 * look-alikes 0/O and 1/I; ids are lower-case for URLs and logs.
 */

/** Receipt and one-time code alphabet: 32 symbols, no 0/O, no 1/I. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Id alphabet ("base32-ish"): 32 lower-case symbols, no 0/o, no 1/l. */
export const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** Length of a ballot receipt code (50 bits). */
export const RECEIPT_LENGTH = 10;

/** Length of a one-time code handed out on paper (40 bits). */
export const ONE_TIME_CODE_LENGTH = 8;

/** Random characters in an id after `<prefix>_` (80 bits). */
export const ID_RANDOM_LENGTH = 16;

/** `length` symbols of `alphabet`, each chosen by `pick(alphabet.length)` (uniform in [0, n)). */
export function drawCode(alphabet: string, length: number, pick: (n: number) => number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[pick(alphabet.length)];
  return out;
}

/** Checks an id prefix: short, URL-safe, so the whole id stays ≤ 32 characters. */
export function checkIdPrefix(prefix: string): void {
  if (!/^[A-Za-z0-9-]{1,15}$/.test(prefix)) throw new Error(`id prefix ${JSON.stringify(prefix)}: expected 1 to 15 characters among A-Z, a-z, 0-9 and "-"`);
}
