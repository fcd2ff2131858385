/**
 * The campaign scheduler on in-memory stores, with a fixed clock and manual timers: phase
 * ticks at boundaries, one digest and one update per cron occurrence (in the campaign's time
 * zone), only the latest missed occurrence after a downtime, and nothing without the lease.
 */
import { describe, expect, it } from 'vitest';
import { CampaignScheduler } from '../../adapters/scheduling/index.ts';
import { occurrenceKey, updateBroadcastId } from '../../core/phases/scheduled-messages.ts';
import type { Lease } from '../../adapters/scheduling/index.ts';
import { LocalLease } from '../../adapters/system/local-lease.ts';
import type { OutboxMessage } from '../../core/ports/outbox.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { DAY, HOUR, T, testCampaign } from '../support/test-campaign.ts';
import { ManualTimers } from './manual-timers.ts';

const MIN = 60_000;
/** Friday 5 June 2026, 08:00 in Brussels (UTC+2): an occurrence of `0 8 * * 5`. */
const DIGEST_1 = Date.UTC(2026, 5, 5, 6, 0);
/** Monday 1 June 2026, 09:00 in Brussels: an occurrence of `0 9 * * 1`. */
const UPDATE_1 = Date.UTC(2026, 5, 1, 7, 0);

/** The one digest recipient of these tests: the mayor in Slack. */
const MAYOR = { channel: 'slack', userId: 'U0MAYOR', name: 'Mayor' } as const;
const digestKey = (at: number): string => `${occurrenceKey('digest', at)}:slack:U0MAYOR`;
const updateId = (at: number): string => updateBroadcastId(at);

/** A campaign in review with three finalists; the clock just before voting opens. */
async function beforeVoting(overrides: Partial<Campaign> = {}): Promise<Harness> {
  const h = harness(testCampaign({ digestRecipients: [MAYOR], ...overrides }));
  const author = await h.register(1000);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const idea = await h.submit(author, `Idea number ${i + 1} for the town`, 500_000 + i * 100_000);
    await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null });
    ids.push(idea.id);
  }
  h.clock.set(T.review + 1);
  await h.engine.tick();
  for (const id of ids) await h.engine.selectFinalist('U-ADMIN', id, true);
  return h;
}

async function scheduled(h: Harness): Promise<OutboxMessage[]> {
  return (await h.stores.outbox.list(0, 1000)).filter((m) => /^digest:/.test(m.key));
}

/** Ids of the weekly-update broadcasts, oldest first. */
async function updates(h: Harness): Promise<string[]> {
  return (await h.engine.listBroadcasts(null, 100)).filter((b) => b.id.startsWith('bc_upd-')).map((b) => b.id).reverse();
}

/** Digest keys and update broadcast ids, in the order recorded (digests, then updates). */
async function recorded(h: Harness): Promise<string[]> {
  return [...(await scheduled(h)).map((m) => m.key), ...(await updates(h))];
}

describe('CampaignScheduler.runDue', () => {
  it('at an occurrence enqueues one digest and one update with flat figures; again, or from a second scheduler, adds nothing', async () => {
    const h = await beforeVoting();
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    h.clock.set(DIGEST_1 + 30_000);
    const report = await s.runDue();
    expect(report.entered).toEqual(['voting']);
    expect(report.enqueued).toEqual([digestKey(DIGEST_1)]);
    expect(report.enqueued[0]).toBe('digest:2026-06-05T06:00:00.000Z:slack:U0MAYOR');
    expect(report.broadcasts).toEqual(['bc_upd-20260601t0700z']);

    const [digest] = await scheduled(h);
    expect(digest).toMatchObject({ key: 'digest:2026-06-05T06:00:00.000Z:slack:U0MAYOR', recipient: { kind: 'slackUser', userId: 'U0MAYOR' }, template: 'digest.weekly', notBefore: DIGEST_1 });
    const update = (await h.engine.listBroadcasts(null, 10)).find((b) => b.id === updateId(UPDATE_1));
    expect(update).toMatchObject({ by: 'system:scheduler', audience: { kind: 'all' }, content: { kind: 'template', template: 'update.weekly', params: { schedule: 'update', occurrence: '2026-06-01T07:00:00.000Z', phase: 'voting', 'ideasByState.finalist': 3, 'week.phase': 'voting', 'week.finalists': 0 } } });
    expect(digest?.params).toMatchObject({ schedule: 'digest', occurrence: '2026-06-05T06:00:00.000Z', registered: 1, population: 8000, phase: 'voting', 'ideasByState.finalist': 3, 'newRegistrations.thisWeek': 0, 'nextMilestone.phase': 'tallying', 'nextMilestone.at': T.votingEnd });
    for (const v of Object.values(digest?.params ?? {})) expect(['number', 'string', 'boolean'].includes(typeof v) || v === null).toBe(true);

    expect(await s.runDue()).toMatchObject({ enqueued: [], broadcasts: [] });
    const other = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    expect(await other.runDue()).toMatchObject({ enqueued: [digestKey(DIGEST_1)], broadcasts: [updateId(UPDATE_1)] });
    expect(await scheduled(h)).toHaveLength(1);
    expect(await updates(h)).toEqual([updateId(UPDATE_1)]);
  });

  it('after a downtime enqueues only the latest missed occurrence, or none when too late', async () => {
    const h = await beforeVoting();
    h.clock.set(DIGEST_1 + MIN);
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    await s.runDue();
    // Three weeks without a leader: the Fridays 12, 19 and 26 June passed.
    const last = DIGEST_1 + 21 * DAY;
    h.clock.set(last + 2 * HOUR);
    const restarted = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    expect(await restarted.runDue()).toMatchObject({ enqueued: ['digest:2026-06-26T06:00:00.000Z:slack:U0MAYOR'], broadcasts: ['bc_upd-20260622t0700z'] });
    expect(await s.runDue()).toMatchObject({ enqueued: ['digest:2026-06-26T06:00:00.000Z:slack:U0MAYOR'], broadcasts: ['bc_upd-20260622t0700z'] });
    expect(await recorded(h)).toEqual(['digest:2026-06-05T06:00:00.000Z:slack:U0MAYOR', 'digest:2026-06-26T06:00:00.000Z:slack:U0MAYOR', 'bc_upd-20260601t0700z', 'bc_upd-20260622t0700z']);

    const strict = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler'), maxLatenessMs: HOUR });
    h.clock.set(last + 7 * DAY + 2 * HOUR);
    const late = await strict.runDue();
    expect(late).toMatchObject({ enqueued: [], broadcasts: [] });
    expect(late.skipped).toEqual(['digest:2026-07-03T06:00:00.000Z', 'update:2026-06-29T07:00:00.000Z']);
    expect(await recorded(h)).toHaveLength(4);
  });

  it('wakes at the next phase boundary (recorded windows), cron occurrence or minute, whichever is first', async () => {
    const h = await beforeVoting();
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    expect(await s.nextWakeAt(T.voting - 10_000)).toBe(T.voting);
    expect(await s.nextWakeAt(T.voting + 1)).toBe(T.voting + 1 + MIN);
    expect(await s.nextWakeAt(DIGEST_1 - 30_000)).toBe(DIGEST_1);
    h.clock.set(T.voting + HOUR);
    await h.engine.tick();
    const until = T.votingEnd + 2 * DAY;
    expect((await h.engine.extendPhase('U-ADMIN', until, 'more time')).ok).toBe(true);
    expect(await s.nextWakeAt(until - 5_000)).toBe(until);
    expect(await s.nextWakeAt(T.votingEnd - 5_000)).toBe(T.votingEnd - 5_000 + MIN);
  });

  it('sends nothing before the campaign opens, and no residents\' update once voting is over', async () => {
    // Friday 3 April 2026, 08:00 in Brussels: before submission opens on 9 April.
    const early = Date.UTC(2026, 3, 3, 6, 0);
    const fresh = harness(testCampaign({ digestRecipients: [MAYOR] }));
    fresh.clock.set(early + 60_000);
    const before = await new CampaignScheduler({ engine: fresh.engine, lease: new LocalLease('scheduler') }).runDue();
    expect(before.enqueued).toEqual([]);
    expect(before.outOfPhase).toEqual([occurrenceKey('digest', early), occurrenceKey('update', Date.UTC(2026, 2, 30, 7, 0))]);
    expect(await recorded(fresh)).toEqual([]);

    const h = await beforeVoting();
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    // Friday 10 July, 08:00 in Brussels: tallying. The mayor's digest goes out; Monday 6 July's update does not.
    h.clock.set(Date.UTC(2026, 6, 10, 6, 1));
    const tallying = await s.runDue();
    expect(tallying).toMatchObject({ enqueued: [digestKey(Date.UTC(2026, 6, 10, 6, 0))], broadcasts: [] });
    expect(tallying.outOfPhase).toEqual([occurrenceKey('update', Date.UTC(2026, 6, 6, 7, 0))]);
    expect(await recorded(h)).toEqual(['digest:2026-07-10T06:00:00.000Z:slack:U0MAYOR']);
  });

  it('without the cron schedules (Redis: BullMQ job schedulers send them) ticks phases and reminders only, and wakes for no cron occurrence', async () => {
    const h = await beforeVoting({ schedules: { ...testCampaign().schedules, reminders: [29 * DAY] } });
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler'), cronSchedules: false });
    h.clock.set(DIGEST_1 + 30_000);
    const report = await s.runDue();
    expect(report.entered).toEqual(['voting']);
    expect(report.enqueued).toEqual([]);
    expect(report.broadcasts).toEqual(['bc_rem-20260701t0000z-41760m']);
    expect(await recorded(h)).toEqual([]);
    expect(await s.nextWakeAt(DIGEST_1 + 7 * DAY - 30_000)).toBe(DIGEST_1 + 7 * DAY - 30_000 + MIN);
  });

  it('refuses an invalid cron expression, naming the schedule', () => {
    const h = harness(undefined);
    const bad = { ...h.engine, campaign: { ...h.campaign, schedules: { ...h.campaign.schedules, mayorDigest: '61 8 * * 5' } } };
    expect(() => new CampaignScheduler({ engine: bad, lease: new LocalLease('scheduler') })).toThrow(/schedule mayorDigest/);
  });
});

/** A lease the test grants and revokes by hand. */
class ManualLease implements Lease {
  readonly name = 'manual';
  #grant: (() => void) | null = null;
  #revoke: (() => void) | null = null;
  async runWhileLeader(work: (leadership: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await new Promise<void>((r) => {
        this.#grant = r;
        signal.addEventListener('abort', () => r(), { once: true });
      });
      if (signal.aborted) return;
      const leadership = new AbortController();
      this.#revoke = () => leadership.abort();
      signal.addEventListener('abort', () => leadership.abort(), { once: true });
      await work(leadership.signal);
    }
  }
  grant(): void {
    this.#grant?.();
  }
  revoke(): void {
    this.#revoke?.();
  }
}

describe('CampaignScheduler.run', () => {
  it('ticks every period and right at the voting boundary, and enqueues at each cron instant', async () => {
    const h = await beforeVoting();
    const period = 10 * MIN;
    h.clock.set(T.voting - 15 * MIN);
    const timers = new ManualTimers(h.clock);
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler'), timers, clock: h.clock, tickEveryMs: period });
    const stop = new AbortController();
    const running = s.run(stop.signal);
    expect((await timers.armed()).ms).toBe(period);
    // The first start caught up the latest occurrences before now.
    expect(await recorded(h)).toEqual(['digest:2026-05-29T06:00:00.000Z:slack:U0MAYOR', 'bc_upd-20260525t0700z']);
    timers.fireNext();
    // 5 min before the boundary: the next wake is the boundary itself, not a period later.
    expect((await timers.armed()).due).toBe(T.voting);
    expect((await h.stores.campaign.loadPhaseState())?.value.phase).toBe('review');
    timers.fireNext();
    await timers.armed();
    const state = (await h.stores.campaign.loadPhaseState())?.value;
    expect(state?.phase).toBe('voting');
    expect(state?.transitions.at(-1)).toMatchObject({ to: 'voting', at: T.voting, by: 'system:scheduler' });
    const fired: number[] = [];
    while ((await timers.armed()).due <= DIGEST_1) fired.push(timers.fireNext());
    await timers.armed();
    expect(fired).toContain(UPDATE_1);
    expect(fired).toContain(DIGEST_1);
    expect(await recorded(h)).toEqual(['digest:2026-05-29T06:00:00.000Z:slack:U0MAYOR', 'digest:2026-06-05T06:00:00.000Z:slack:U0MAYOR', 'bc_upd-20260525t0700z', 'bc_upd-20260601t0700z']);
    stop.abort();
    await running;
    expect(timers.pending).toEqual([]);
  });

  it('does nothing without the lease and stops as soon as leadership is lost', async () => {
    const h = await beforeVoting();
    h.clock.set(T.voting + HOUR);
    const timers = new ManualTimers(h.clock);
    const lease = new ManualLease();
    const s = new CampaignScheduler({ engine: h.engine, lease, timers, clock: h.clock });
    const stop = new AbortController();
    const running = s.run(stop.signal);
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(timers.pending).toEqual([]);
    expect((await h.stores.campaign.loadPhaseState())?.value.phase).toBe('review');
    expect(await recorded(h)).toEqual([]);
    lease.grant();
    await timers.armed();
    expect((await h.stores.campaign.loadPhaseState())?.value.phase).toBe('voting');
    lease.revoke();
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(timers.pending).toEqual([]);
    stop.abort();
    await running;
  });
});

describe('LocalLease', () => {
  it('leads at once, one holder at a time, and stops the work on abort', async () => {
    const lease = new LocalLease('scheduler');
    const order: string[] = [];
    const first = new AbortController();
    const hold = (name: string, signal: AbortSignal) =>
      lease.runWhileLeader(async (leadership) => {
        order.push(`${name}:start`);
        await new Promise<void>((r) => leadership.addEventListener('abort', () => r(), { once: true }));
        order.push(`${name}:stop`);
      }, signal);
    const a = hold('a', first.signal);
    const second = new AbortController();
    const b = hold('b', second.signal);
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['a:start']);
    first.abort();
    await a;
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['a:start', 'a:stop', 'b:start']);
    second.abort();
    await b;
    expect(order).toEqual(['a:start', 'a:stop', 'b:start', 'b:stop']);
  });
});
