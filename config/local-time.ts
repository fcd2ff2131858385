/**
 * Phase dates as written in a campaign file — a local date `2026-04-09` (00:00 that day)
 * or a local date-time `2026-04-09T18:00` — turned into epoch milliseconds in the campaign's
 * time zone.
 */
import { DateTime, IANAZone } from 'luxon';

/** The accepted shapes of a local date or date-time. */
export const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

/** True when `zone` is an IANA time zone known to the runtime (e.g. `Europe/Brussels`). */
export function isKnownTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Epoch ms of a local date or date-time in `zone`, or a string saying what was expected:
 * the text must be a real calendar date, and a time that does not exist locally (skipped by
 * a daylight-saving change) is refused rather than silently moved.
 */
export function localToEpochMs(text: string, zone: string): number | string {
  if (!LOCAL_DATE_TIME_PATTERN.test(text)) {
    return `expected a local date YYYY-MM-DD or date-time YYYY-MM-DDTHH:MM (got "${text}")`;
  }
  const dt = DateTime.fromISO(text, { zone });
  if (!dt.isValid) return `"${text}" is not a real date or time`;
  const written = DateTime.fromISO(text, { zone: 'utc' });
  if (dt.hour !== written.hour || dt.minute !== written.minute || dt.day !== written.day) {
    return `"${text}" does not exist in ${zone} (daylight-saving change); pick another time`;
  }
  return dt.toMillis();
}

/** Formats epoch ms as a local `YYYY-MM-DD HH:mm` in `zone`, for summaries. */
export function formatLocal(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
