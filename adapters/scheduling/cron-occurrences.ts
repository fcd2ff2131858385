/**
 * Occurrences of a cron expression in a campaign's time zone (cron-parser), as epoch ms.
 * Five fields (minute resolution) or six (with seconds); daylight-saving changes follow the
 * zone: `0 8 * * 5` is 08:00 Brussels time in winter and in summer.
 */
import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';

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

/*
 * Occurrences are found on the campaign's *wall clock* and only then placed on the
 * timeline, so that a daylight-saving change yields the same occurrences whichever instant
 * one starts looking from (cron-parser's own time-zone walk does not: in Europe/Brussels its
 * prev() skips a 02:30 that does not exist and its next() finds it only from before 02:00,
 * and prev() returns a 02:30 that exists twice twice — a skipped or a doubled message). The
 * expression is walked in a zone without changes (UTC) as local wall-clock time, and each
 * wall-clock occurrence becomes an instant thus:
 * - a local time that exists once is that instant;
 * - a local time that exists twice (autumn: 02:30 on the last Sunday of October) fires
 *   once, at the first of the two (02:30 summer time, 00:30 UTC);
 * - a local time that does not exist (spring: 02:30 on the last Sunday of March) fires
 *   once, shifted forward by the gap: 03:30 summer time (01:30 UTC), the instant it would
 *   have been without the change. Occurrences that land on one instant count once.
 * These are the occurrences cron-parser's next() reaches walking from one occurrence to the
 * next; BullMQ's job schedulers (bullmq-schedules.ts) use `nextOccurrence` itself as their
 * repeat strategy, since they also start from an arbitrary instant (a registration), so the
 * tick and the schedulers find the same instants.
 */

const HOUR = 3_600_000;
/** A daylight-saving change moves a wall-clock time by at most this much (real zones: ≤ 1 h; 2 h historically). */
const MAX_SHIFT = 2 * HOUR;

/** The zone's UTC offset (ms) at instant `t`. */
function offsetAt(timeZone: string, t: number): number {
  return DateTime.fromMillis(t, { zone: timeZone }).offset * 60_000;
}

/** `t`'s local wall-clock time, as ms on a timeline without changes. */
function wallOf(timeZone: string, t: number): number {
  return t + offsetAt(timeZone, t);
}

/** The instant of wall-clock time `w` under the policy above. */
function instantOf(timeZone: string, w: number): number {
  const before = offsetAt(timeZone, w - 14 * HOUR);
  const after = offsetAt(timeZone, w + 14 * HOUR);
  const valid = [w - before, w - after].filter((t) => offsetAt(timeZone, t) === w - t);
  // Two readings: the first; none (a gap): the offset from before the change.
  return valid.length > 0 ? Math.min(...valid) : w - before;
}

/** Whether the zone's offset changes within MAX_SHIFT + 1 h of instant `t`. */
function nearChange(timeZone: string, t: number): boolean {
  return offsetAt(timeZone, t - MAX_SHIFT - HOUR) !== offsetAt(timeZone, t + MAX_SHIFT + HOUR);
}

/** The next wall-clock occurrence walking one way (ms), or null past the expression's range. */
function step(move: () => { getTime(): number }): number | null {
  try {
    return move().getTime();
  } catch {
    return null;
  }
}

function wallCron(expression: string, w: number) {
  return CronExpressionParser.parse(expression, { tz: 'UTC', currentDate: new Date(w) });
}

/** The latest occurrence at or before `now` (epoch ms), or null when there is none. */
export function latestOccurrence(expression: string, timeZone: string, now: number): number | null {
  // Near a change, wall-clock occurrences up to MAX_SHIFT past now's wall time may still land at or before now.
  const margin = nearChange(timeZone, now) ? MAX_SHIFT : 0;
  const cron = wallCron(expression, wallOf(timeZone, now) + margin + 1);
  let best: { at: number; wall: number } | null = null;
  // Away from a change one occurrence settles it; near one, look MAX_SHIFT of wall time further.
  for (let w = step(() => cron.prev()); w !== null; w = step(() => cron.prev())) {
    if (best !== null && w < best.wall - MAX_SHIFT) break;
    const at = instantOf(timeZone, w);
    if (at <= now && (best === null || at > best.at)) {
      best = { at, wall: w };
      if (!nearChange(timeZone, at)) break;
    }
  }
  return best?.at ?? null;
}

/** The first occurrence strictly after `now` (epoch ms), or null when there is none. */
export function nextOccurrence(expression: string, timeZone: string, now: number): number | null {
  // Near a change, wall-clock occurrences up to MAX_SHIFT before now's wall time may still land after now.
  const margin = nearChange(timeZone, now) ? MAX_SHIFT + 1 : 0;
  const cron = wallCron(expression, wallOf(timeZone, now) - margin);
  let best: { at: number; wall: number } | null = null;
  for (let w = step(() => cron.next()); w !== null; w = step(() => cron.next())) {
    if (best !== null && w > best.wall + MAX_SHIFT) break;
    const at = instantOf(timeZone, w);
    if (at > now && (best === null || at < best.at)) {
      best = { at, wall: w };
      if (!nearChange(timeZone, at)) break;
    }
  }
  return best?.at ?? null;
}
