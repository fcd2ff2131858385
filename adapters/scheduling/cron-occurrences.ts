/**
 * Occurrences of a cron expression in a campaign's time zone (cron-parser), as epoch ms.
 * Five fields (minute resolution) or six (with seconds); daylight-saving changes follow the
 * zone: `0 8 * * 5` is 08:00 Brussels time in winter and in summer.
 */
import { CronExpressionParser } from 'cron-parser';

/** A cron expression that cron-parser refuses. The message names the schedule, not a secret. */
export class InvalidScheduleError extends Error {
  override readonly name = 'InvalidScheduleError';
  constructor(
    /** Which schedule, e.g. `mayorDigest`. */
    readonly schedule: string,
    expression: string,
    reason: string,
  ) {
    super(`schedule ${schedule}: "${expression}" is not a valid cron expression (${reason})`);
  }
}

/** Throws `InvalidScheduleError` unless `expression` parses in `timeZone`. */
export function checkCron(schedule: string, expression: string, timeZone: string): void {
  try {
    CronExpressionParser.parse(expression, { tz: timeZone, currentDate: new Date(0) });
  } catch (e) {
    throw new InvalidScheduleError(schedule, expression, (e as Error).message);
  }
}

/** The latest occurrence at or before `now` (epoch ms), or null when there is none. */
export function latestOccurrence(expression: string, timeZone: string, now: number): number | null {
  // cron-parser's prev() is strictly before its current date: start 1 ms after now.
  const cron = CronExpressionParser.parse(expression, { tz: timeZone, currentDate: new Date(now + 1) });
  if (!cron.hasPrev()) return null;
  return cron.prev().getTime();
}

/** The first occurrence strictly after `now` (epoch ms), or null when there is none. */
export function nextOccurrence(expression: string, timeZone: string, now: number): number | null {
  const cron = CronExpressionParser.parse(expression, { tz: timeZone, currentDate: new Date(now) });
  if (!cron.hasNext()) return null;
  return cron.next().getTime();
}
