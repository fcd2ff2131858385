/**
 * Lead times of the vote reminders (`schedules.reminders`): how long before voting closes a
 * reminder goes out. Written either as ISO 8601 durations of days, hours and minutes (`P3D`,
 * `PT12H`, `P1DT12H`) or shorthand (`3d`, `12h`, `90m`, `1d12h`). A day is 24 hours here:
 * "3 days before the vote closes" is 72 hours before that instant, across a daylight-saving
 * change too. Months and years are refused (their length varies), as are seconds.
 */

const MINUTE = 60_000;
const UNIT_MS = { d: 24 * 60 * MINUTE, h: 60 * MINUTE, m: MINUTE } as const;

const SHORTHAND = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;
const ISO = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** The duration in ms, or what was expected when `text` is not one. */
export function parseLeadTime(text: string): { ok: true; ms: number } | { ok: false; problem: string } {
  const value = text.trim();
  const m = SHORTHAND.exec(value.toLowerCase()) ?? ISO.exec(value.toUpperCase());
  if (m === null || value === '' || /^PT?$/i.test(value) || /T$/i.test(value)) {
    return { ok: false, problem: `expected a duration such as "3d", "12h", "1d12h", "90m" or ISO 8601 "P3D", "PT12H" (days, hours, minutes); got "${text}"` };
  }
  const [d, h, min] = [m[1], m[2], m[3]].map((x) => (x === undefined ? 0 : Number(x)));
  const ms = d! * UNIT_MS.d + h! * UNIT_MS.h + min! * UNIT_MS.m;
  if (ms <= 0) return { ok: false, problem: `expected a duration longer than zero; got "${text}"` };
  if (ms > 365 * UNIT_MS.d) return { ok: false, problem: `expected at most 365 days; got "${text}"` };
  return { ok: true, ms };
}

/** A lead time (ms) as shorthand: 259200000 → `3d`, 129600000 → `1d12h`. */
export function formatLeadTime(ms: number): string {
  const minutes = Math.round(ms / MINUTE);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${d > 0 ? `${d}d` : ''}${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}` || '0m';
}
