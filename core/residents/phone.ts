/**
 * Phone numbers as verification (SPEC §2.4, issue 10). Telegram hands the bot the sender's
 * own contact with the number as digits, sometimes with a leading `+`; the engine keeps only
 * a keyed hash of the normalised form (`VoterKeys.phoneKey`), never the number.
 */

/** Fewest digits a phone number may have (short national numbers). */
export const PHONE_MIN_DIGITS = 6;
/** Most digits a phone number may have (E.164: 15). */
export const PHONE_MAX_DIGITS = 15;

/**
 * The digits of `raw` (every other character dropped: `+`, spaces, dashes, dots, brackets),
 * or null when that leaves fewer than PHONE_MIN_DIGITS or more than PHONE_MAX_DIGITS. So
 * `+32 478 91 26 53` and `32478912653` are one number, as Telegram may send either.
 */
export function normalisePhone(raw: string): string | null {
  // ASCII digits only: `\d` with the u flag would keep other scripts' digits, which no
  // Telegram contact carries and which would hash differently from the same number.
  const digits = raw.replace(/[^0-9]/gu, '');
  return digits.length < PHONE_MIN_DIGITS || digits.length > PHONE_MAX_DIGITS ? null : digits;
}
