/**
 * The cron schedules as BullMQ job schedulers on a real Redis, in real time (BullMQ's timers
 * ignore fake timers): campaigns built in code with a six-field cron that fires every few
 * seconds (the campaign file allows five fields only — minute resolution — but the schedulers
 * and our occurrences take six). Two instances → one digest per recipient per occurrence; the
 * only instance down over occurrences → exactly one late digest, for the latest of them;
 * registration on every start idempotent, a changed schedule replaced and a stray one removed;
 * a queue lost while down caught up once; BullMQ's instants are our DST-safe occurrences.
 */
import { defaultRepeatStrategy } from 'bullmq';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { bullConnection } from '../../adapters/delivery/bullmq-delivery.ts';
import { openRedisStores } from '../../adapters/redis/index.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import { BullSchedules, occurrenceStrategy } from '../../adapters/scheduling/bullmq-schedules.ts';
import type { ScheduleRun } from '../../adapters/scheduling/bullmq-schedules.ts';
import { latestOccurrence, nextOccurrence } from '../../adapters/scheduling/cron-occurrences.ts';
import { CryptoIds, SystemClock } from '../../adapters/system/index.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import { digestKey, updateBroadcastId } from '../../core/phases/scheduled-messages.ts';
import { TEST_SECRET } from '../support/engine-harness.ts';
import { deletePrefix, describeWithRedis, redisUrl, uniquePrefix } from '../support/redis.ts';
import { DAY } from '../support/test-campaign.ts';
import { LIVE_RECIPIENTS, liveCampaign } from '../support/live-campaign.ts';

const silent = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
const TZ = 'Europe/Brussels';
const RECIPIENTS = LIVE_RECIPIENTS;

interface Instance {
  readonly stores: RedisStores;
  readonly engine: CampaignEngine;
  readonly schedules: BullSchedules;
  readonly runs: ScheduleRun[];
  /** Runs the worker until `stop` resolves it. */
  work(): void;
  /** Stops the worker and closes everything (the instance is gone). */
  stop(): Promise<void>;
}

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A fresh campaign prefix, deleted after the test (the queue lives under it: `<prefix>bull`). */
function campaignPrefix(): string {
  const prefix = uniquePrefix('sch');
  cleanups.push(async () => void (await deletePrefix(prefix)));
  return prefix;
}

/** One instance: its own connections, engine and schedules on the campaign's prefix. */
async function instance(prefix: string, campaign: Campaign): Promise<Instance> {
  const stores = await openRedisStores({ url: redisUrl, prefix, connectTimeoutMs: 2000 });
  const engine = createEngine({ campaign, stores, clock: new SystemClock(), ids: new CryptoIds(), keys: new VoterKeys(TEST_SECRET) });
  const started = await engine.start();
  if (!started.ok) throw new Error(`engine start refused: ${started.code}`);
  const connection = bullConnection(stores.client) as Redis;
  const schedules = new BullSchedules({ engine, connection, prefix: `${prefix}bull`, logger: silent, jobBackoffMs: 200 });
  const runs: ScheduleRun[] = [];
  const halt = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    halt.abort();
    await running;
    await schedules.close();
    connection.disconnect();
    await stores.close();
  };
  cleanups.push(stop);
  return {
    stores,
    engine,
    schedules,
    runs,
    work: () => {
      running = schedules.runWorker(halt.signal, { onRun: (r) => void runs.push(r) });
    },
    stop,
  };
}

async function until(what: string, ms: number, probe: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The occurrence of a digest key (`digest:<iso>:<recipient>`). */
const digestInstant = (key: string): number => Date.parse(key.split(':').slice(1, 4).join(':'));

async function digests(stores: RedisStores): Promise<string[]> {
  return (await stores.outbox.list(0, 10_000)).filter((m) => m.key.startsWith('digest:')).map((m) => m.key);
}

/** Digest occurrences recorded, each with its keys. */
async function digestsByOccurrence(stores: RedisStores): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  for (const key of await digests(stores)) out.set(digestInstant(key), [...(out.get(digestInstant(key)) ?? []), key]);
  return out;
}

async function updateIds(stores: RedisStores): Promise<string[]> {
  return (await stores.broadcasts.list(null, 1000)).filter((b) => b.id.startsWith('bc_upd-')).map((b) => b.id);
}

describe('BullMQ and our occurrences', () => {
  it('the repeat strategy is our DST-safe next occurrence; BullMQ\'s own misses the 02:30 skipped in spring from inside the gap', () => {
    // Sunday 29 March 2026 in Brussels: 02:00 → 03:00. At 03:00:30 summer time, "02:30" is still to come, shifted to 03:30.
    const insideGap = Date.UTC(2026, 2, 29, 1, 0, 30);
    const opts = { pattern: '30 2 * * *', tz: TZ };
    expect(occurrenceStrategy(insideGap, opts)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(defaultRepeatStrategy(insideGap, opts)).not.toBe(Date.UTC(2026, 2, 29, 1, 30));
    for (const from of [Date.UTC(2026, 9, 25, 0, 0), Date.UTC(2026, 9, 25, 0, 45), Date.UTC(2026, 5, 5, 12, 0)]) {
      expect(occurrenceStrategy(from, { pattern: '30 2 * * *', tz: TZ })).toBe(nextOccurrence('30 2 * * *', TZ, from));
      expect(occurrenceStrategy(from, { pattern: '*/3 * * * * *', tz: TZ })).toBe(nextOccurrence('*/3 * * * * *', TZ, from));
    }
  });
});

describeWithRedis('the cron schedules as BullMQ job schedulers (Redis)', () => {
  it('two instances: both register (idempotent), one digest per recipient and one update per occurrence, each occurrence run once', async () => {
    const pattern = '*/3 * * * * *';
    const campaign = liveCampaign(pattern);
    const prefix = campaignPrefix();
    const [a, b] = await Promise.all([instance(prefix, campaign), instance(prefix, campaign)]);
    await Promise.all([a.schedules.register(), b.schedules.register()]);
    const registeredAt = Date.now();
    const schedulers = await a.schedules.queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      ['digest', pattern, TZ],
      ['update', pattern, TZ],
    ]);
    // Starting again changes nothing: one pending job per scheduler, at our next occurrence.
    expect(await b.schedules.register()).toMatchObject({ kept: ['digest', 'update'], upserted: [], removed: [] });
    const pending = (await a.schedules.queue.getJobs(['delayed', 'waiting'])).map((j) => j.id ?? '').filter((id) => id.startsWith('repeat:'));
    expect(pending.map((id) => id.replace(/:\d+$/, '')).sort()).toEqual(['repeat:digest', 'repeat:update']);
    for (const id of pending) expect(latestOccurrence(pattern, TZ, Number(id.split(':')[2]))).toBe(Number(id.split(':')[2]));

    a.work();
    b.work();
    await until('three occurrences after registration recorded', 20_000, async () => [...(await digestsByOccurrence(a.stores)).keys()].filter((t) => t > registeredAt).length >= 3);
    await a.stop();
    await b.stop();

    const check = await instance(prefix, campaign);
    const byOccurrence = await digestsByOccurrence(check.stores);
    const after = [...byOccurrence.keys()].filter((t) => t > registeredAt).sort((x, y) => x - y);
    for (const t of after) {
      // An occurrence of the pattern, keyed as the tick keys it, once per recipient.
      expect(latestOccurrence(pattern, TZ, t)).toBe(t);
      expect(byOccurrence.get(t)!.sort()).toEqual(RECIPIENTS.map((r) => digestKey(t, r)).sort());
    }
    expect((await updateIds(check.stores)).filter((id) => after.map(updateBroadcastId).includes(id)).sort()).toEqual(after.map(updateBroadcastId).sort());
    // One job per occurrence and schedule, on one instance or the other.
    const runs = [...a.runs, ...b.runs].filter((r) => r.at !== null && r.at > registeredAt);
    for (const t of after) for (const kind of ['digest', 'update']) expect(runs.filter((r) => r.at === t && r.kind === kind), `${kind} ${t}`).toHaveLength(1);
  }, 40_000);

  it('the only instance down over two occurrences: after restart exactly one late digest per recipient, for the latest of them, then on time again', async () => {
    const pattern = '*/4 * * * * *';
    const period = 4_000;
    const campaign = liveCampaign(pattern);
    const prefix = campaignPrefix();
    const first = await instance(prefix, campaign);
    await first.schedules.register();
    const registeredAt = Date.now();
    first.work();
    await until('an occurrence recorded', 15_000, async () => [...(await digestsByOccurrence(first.stores)).keys()].some((t) => t > registeredAt));
    await first.stop();
    const stoppedAt = Date.now();
    // Down over two occurrences; back up a second into a period, far from the next one.
    await until('two occurrences passed', 15_000, () => {
      const now = Date.now();
      const last = latestOccurrence(pattern, TZ, now)!;
      return last - period > stoppedAt && now - last >= 1_000 && now - last < 1_500;
    });
    const restartedAt = Date.now();
    const missed = [latestOccurrence(pattern, TZ, restartedAt)! - period, latestOccurrence(pattern, TZ, restartedAt)!];

    const second = await instance(prefix, campaign);
    // The schedulers were there as configured: left alone, so their overdue jobs run now.
    expect(await second.schedules.register()).toMatchObject({ kept: ['digest', 'update'], upserted: [], catchUps: [] });
    second.work();
    await until('the next occurrence recorded on time', 15_000, async () => [...(await digestsByOccurrence(second.stores)).keys()].some((t) => t > restartedAt));
    await second.stop();

    const check = await instance(prefix, campaign);
    const byOccurrence = await digestsByOccurrence(check.stores);
    const whileDown = [...byOccurrence.keys()].filter((t) => t > stoppedAt && t < restartedAt);
    // Not zero, not two: the latest missed occurrence, once per recipient (what the tick sends after a downtime).
    expect(whileDown).toEqual([missed[1]]);
    expect(byOccurrence.get(missed[1]!)!.sort()).toEqual(RECIPIENTS.map((r) => digestKey(missed[1]!, r)).sort());
    expect(byOccurrence.has(missed[0]!)).toBe(false);
    expect((await updateIds(check.stores)).filter((id) => id === updateBroadcastId(missed[0]!) || id === updateBroadcastId(missed[1]!))).toEqual([updateBroadcastId(missed[1]!)]);
    // The late run happened after the restart, on the second instance.
    expect(second.runs.filter((r) => r.kind === 'digest' && r.at === missed[1])).toHaveLength(1);
  }, 40_000);

  it('a changed schedule is replaced and a stray scheduler removed on start; the new one is caught up once', async () => {
    const prefix = campaignPrefix();
    const old = await instance(prefix, liveCampaign('0 8 * * 5'));
    const lastFriday = latestOccurrence('0 8 * * 5', TZ, Date.now())!;
    // The first registration catches up last Friday's digest (run below, no worker yet).
    expect(await old.schedules.register()).toEqual({ kept: [], upserted: ['digest', 'update'], removed: [], catchUps: [`catchup-digest-${lastFriday}`, `catchup-update-${lastFriday}`] });
    // A scheduler from another version of the configuration.
    await old.schedules.queue.upsertJobScheduler('reminder-3d', { pattern: '0 0 * * *', tz: TZ }, { name: 'reminder-3d', data: { kind: 'digest', pattern: '0 0 * * *', timeZone: TZ } });
    await old.stop();

    // The digest now goes on Mondays at 09:00; the update is unchanged.
    const changed = liveCampaign('0 8 * * 5', { schedules: { residentUpdate: '0 8 * * 5', mayorDigest: '0 9 * * 1', reminders: [] } });
    const fresh = await instance(prefix, changed);
    const now = Date.now();
    const report = await fresh.schedules.register();
    const lastMonday = latestOccurrence('0 9 * * 1', TZ, now)!;
    expect(report).toEqual({ kept: ['update'], upserted: ['digest'], removed: ['reminder-3d'], catchUps: [`catchup-digest-${lastMonday}`] });
    const schedulers = await fresh.schedules.queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => [s.key, s.pattern]).sort()).toEqual([
      ['digest', '0 9 * * 1'],
      ['update', '0 8 * * 5'],
    ]);
    // One pending job per scheduler, the digest's at the next Monday 09:00 (the old Friday's is gone).
    const pending = (await fresh.schedules.queue.getJobs(['delayed'])).map((j) => j.id).filter((id) => id?.startsWith('repeat:')).sort();
    expect(pending).toEqual([`repeat:digest:${nextOccurrence('0 9 * * 1', TZ, now)}`, `repeat:update:${nextOccurrence('0 8 * * 5', TZ, now)}`]);

    // An instance still on the old configuration (a rolling deploy) checks periodically: it reverts nothing.
    const lagging = await instance(prefix, liveCampaign('0 8 * * 5'));
    expect(await lagging.schedules.register('repair')).toEqual({ kept: ['digest', 'update'], upserted: [], removed: [], catchUps: [] });
    await lagging.stop();
    expect((await fresh.schedules.queue.getJobScheduler('digest'))?.pattern).toBe('0 9 * * 1');

    fresh.work();
    await until('the catch-ups recorded', 15_000, async () => (await digests(fresh.stores)).length >= 2 * RECIPIENTS.length);
    await new Promise((r) => setTimeout(r, 300));
    expect((await digests(fresh.stores)).sort()).toEqual([...RECIPIENTS.map((r) => digestKey(lastFriday, r)), ...RECIPIENTS.map((r) => digestKey(lastMonday, r))].sort());
  }, 40_000);

  it('a scheduler whose pending job is gone (BullMQ failed to add the next iteration) is repaired by the periodic check, as stored', async () => {
    const prefix = campaignPrefix();
    const campaign = liveCampaign('0 8 * * 5');
    const x = await instance(prefix, campaign);
    await x.schedules.register();
    const next = (await x.schedules.queue.getJobScheduler('digest'))!.next!;
    // The pending job disappears, as when the worker that took the previous one could not add it.
    const redis = x.stores.client as Redis;
    await redis.zrem(`${prefix}bull:schedules:delayed`, `repeat:digest:${next}`);
    await redis.del(`${prefix}bull:schedules:repeat:digest:${next}`);
    expect(await x.schedules.queue.getJobState(`repeat:digest:${next}`)).toBe('unknown');
    // Checked by an instance on another configuration (a rolling deploy): repaired as stored, not as it would write it.
    const other = await instance(prefix, liveCampaign('0 9 * * 1'));
    const report = await other.schedules.register('repair');
    expect(report).toMatchObject({ kept: ['update'], upserted: ['digest'], removed: [] });
    expect((await x.schedules.queue.getJobScheduler('digest'))?.pattern).toBe('0 8 * * 5');
    expect(await x.schedules.queue.getJobState(`repeat:digest:${nextOccurrence('0 8 * * 5', TZ, Date.now())}`)).toBe('delayed');
  });

  it('a queue lost while every instance was down: recreated at start and the latest occurrence sent late, once', async () => {
    const prefix = campaignPrefix();
    const campaign = liveCampaign('0 8 * * 5');
    const lastFriday = latestOccurrence('0 8 * * 5', TZ, Date.now())!;
    const before = await instance(prefix, campaign);
    // As if it ran last Friday: the digest of that occurrence is already in the outbox.
    await before.engine.enqueueScheduled([{ kind: 'digest', at: lastFriday - 7 * DAY }]);
    await before.schedules.register();
    await before.stop();
    // Redis lost the queue (no persistence, a flush): only the campaign's own keys are left.
    const queueKeys = `${prefix}bull`;
    expect(await deletePrefix(queueKeys)).toBeGreaterThan(0);

    const [x, y] = await Promise.all([instance(prefix, campaign), instance(prefix, campaign)]);
    const reports = await Promise.all([x.schedules.register(), y.schedules.register()]);
    // Each recreated by one of them (or both); the other then finds it as configured.
    expect([...new Set(reports.flatMap((r) => r.upserted))].sort()).toEqual(['digest', 'update']);
    for (const r of reports) expect([...r.kept, ...r.upserted].sort()).toEqual(['digest', 'update']);
    x.work();
    y.work();
    await until('the missed digest recorded', 15_000, async () => (await digests(x.stores)).length >= 2 * RECIPIENTS.length);
    await new Promise((r) => setTimeout(r, 500));
    expect((await digests(x.stores)).sort()).toEqual([...RECIPIENTS.map((r) => digestKey(lastFriday - 7 * DAY, r)), ...RECIPIENTS.map((r) => digestKey(lastFriday, r))].sort());
    // Both instances added the same catch-up job: it ran once.
    expect([...x.runs, ...y.runs].filter((r) => r.kind === 'digest' && r.at === lastFriday)).toHaveLength(1);
  }, 40_000);
});
