/**
 * Cron occurrences across the daylight-saving changes of Europe/Brussels (2026: summer time
 * from Sunday 29 March, 02:00 CET → 03:00 CEST; winter time from Sunday 25 October,
 * 03:00 CEST → 02:00 CET), for a weekly Monday 08:00 and a daily 02:30 schedule: which
 * occurrences fire, once each, at which UTC instant — whichever instant one looks from.
 * The documented choice (adapters/scheduling/cron-occurrences.ts): a 02:30 that does not
 * exist fires once at 03:30 summer time (01:30 UTC); a 02:30 that exists twice fires once,
 * at the first (summer time, 00:30 UTC). The pure functions are tested, not BullMQ's timers.
 */
import { describe, expect, it } from 'vitest';
import { CampaignScheduler, latestOccurrence, nextOccurrence } from '../../adapters/scheduling/index.ts';
import { LocalLease } from '../../adapters/system/local-lease.ts';
import { harness } from '../support/engine-harness.ts';
import { testCampaign } from '../support/test-campaign.ts';

const TZ = 'Europe/Brussels';
const MIN = 60_000;
const HOUR = 60 * MIN;
const utc = (iso: string): number => Date.parse(iso);

/** Every instant from `from` to `to` every `step` ms. */
function grid(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let t = from; t <= to; t += step) out.push(t);
  return out;
}

/**
 * Checks that, from every instant of the grid of `step` (and one ms either side of each occurrence),
 * `nextOccurrence` is the first of `expected` strictly after it and `latestOccurrence` the
 * last at or before it.
 */
function expectOccurrences(expression: string, expected: readonly string[], from: number, to: number, step = 5 * MIN): void {
  const at = expected.map(utc);
  const probes = [...grid(from, to, step), ...at.flatMap((t) => [t - 1, t, t + 1])];
  for (const t of probes) {
    const next = at.find((x) => x > t) ?? null;
    const latest = at.filter((x) => x <= t).at(-1) ?? null;
    if (next !== null) expect([new Date(t).toISOString(), iso(nextOccurrence(expression, TZ, t))]).toEqual([new Date(t).toISOString(), iso(next)]);
    if (latest !== null) expect([new Date(t).toISOString(), iso(latestOccurrence(expression, TZ, t))]).toEqual([new Date(t).toISOString(), iso(latest)]);
  }
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

describe('cron occurrences across the Brussels daylight-saving changes', () => {
  it('weekly Monday 08:00 stays 08:00 local: 07:00 UTC in winter, 06:00 UTC in summer', () => {
    expectOccurrences('0 8 * * 1', ['2026-03-16T07:00:00.000Z', '2026-03-23T07:00:00.000Z', '2026-03-30T06:00:00.000Z', '2026-04-06T06:00:00.000Z'], utc('2026-03-16T08:00:00Z'), utc('2026-04-06T05:00:00Z'), HOUR);
    expectOccurrences('0 8 * * 1', ['2026-10-12T06:00:00.000Z', '2026-10-19T06:00:00.000Z', '2026-10-26T07:00:00.000Z', '2026-11-02T07:00:00.000Z'], utc('2026-10-12T07:00:00Z'), utc('2026-11-02T06:00:00Z'), HOUR);
  });

  it('daily 02:30 on the spring-forward day (02:30 does not exist) fires once, at 03:30 summer time = 01:30 UTC', () => {
    expectOccurrences(
      '30 2 * * *',
      ['2026-03-27T01:30:00.000Z', '2026-03-28T01:30:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z'],
      utc('2026-03-27T02:00:00Z'),
      utc('2026-03-31T00:00:00Z'),
    );
  });

  it('daily 02:30 on the fall-back day (02:30 exists twice) fires once, at the first: 02:30 summer time = 00:30 UTC', () => {
    expectOccurrences(
      '30 2 * * *',
      ['2026-10-23T00:30:00.000Z', '2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z', '2026-10-27T01:30:00.000Z'],
      utc('2026-10-23T01:00:00Z'),
      utc('2026-10-27T01:00:00Z'),
    );
  });

  it('occurrences in and around the changed hour: distinct instants, in order, none twice', () => {
    // Every 30 minutes from 01:00 to 03:30 local.
    const expr = '0,30 1-3 * * *';
    expectOccurrences(
      expr,
      // 29 March: 01:00, 01:30 CET; 02:00 → 03:00 CEST and 03:00 CEST are one instant; 02:30 → 03:30 CEST and 03:30 CEST too.
      ['2026-03-29T00:00:00.000Z', '2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z', '2026-03-29T23:00:00.000Z'],
      utc('2026-03-28T23:30:00Z'),
      utc('2026-03-29T22:30:00Z'),
    );
    expectOccurrences(
      expr,
      // 25 October: 01:00, 01:30, 02:00, 02:30 CEST (the first 02:xx), then 03:00, 03:30 CET.
      ['2026-10-24T23:00:00.000Z', '2026-10-24T23:30:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-25T02:00:00.000Z', '2026-10-25T02:30:00.000Z', '2026-10-26T00:00:00.000Z'],
      utc('2026-10-24T22:30:00Z'),
      utc('2026-10-25T23:30:00Z'),
    );
  });

  it('the scheduler, woken every 5 minutes over both changes, handles each 02:30 once', async () => {
    for (const [from, expected] of [
      ['2026-03-28T00:00:00Z', ['digest:2026-03-28T01:30:00.000Z', 'digest:2026-03-29T01:30:00.000Z', 'digest:2026-03-30T00:30:00.000Z']],
      ['2026-10-24T00:00:00Z', ['digest:2026-10-24T00:30:00.000Z', 'digest:2026-10-25T00:30:00.000Z', 'digest:2026-10-26T01:30:00.000Z']],
    ] as const) {
      const h = harness(testCampaign({ schedules: { residentUpdate: '0 9 * * 1', mayorDigest: '30 2 * * *', reminders: [] }, digestRecipients: [{ channel: 'slack', userId: 'U0MAYOR', name: 'Mayor' }] }));
      const start = utc(from);
      h.clock.set(start);
      const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
      // The first call catches up the latest occurrence before `from` (the day before's).
      await s.runDue(start);
      const handled: string[] = [];
      for (const t of grid(start + 5 * MIN, start + 3 * 24 * HOUR - MIN, 5 * MIN)) {
        h.clock.set(t);
        const r = await s.runDue(t);
        // Before the campaign in March (reported, not sent); held in review in October (sent): handled once either way.
        handled.push(...r.enqueued.map((k) => k.replace(/:slack:U0MAYOR$/, '')), ...r.outOfPhase.filter((k) => k.startsWith('digest:')));
      }
      expect(handled).toEqual(expected);
    }
  });
});
