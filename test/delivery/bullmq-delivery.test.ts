/**
 * The BullMQ delivery engine on Redis, against the strict Telegram stand-in: two instances on
 * one Redis (each its relay and workers) share the send budget — every message once, no 429;
 * a 429 holds back every worker of every instance; a 403 marks the resident unreachable and
 * is not retried; server errors are retried then parked; a job lost from the queue comes
 * back through the outbox's claim lease; a job whose instance died is taken over by another
 * worker (stalled), and the dead worker's late attempt does not send again.
 */
import type { Redis } from 'ioredis';
import { afterEach, expect, it } from 'vitest';
import type { Clock } from '../../core/ports/clock.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { openRedisStores } from '../../adapters/redis/index.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import { RedisSendBudget } from '../../adapters/redis/telegram-send-budget.ts';
import { BullDelivery, bullConnection, jobIdOf } from '../../adapters/delivery/bullmq-delivery.ts';
import type { BullDeliveryOptions } from '../../adapters/delivery/bullmq-delivery.ts';
import type { SendBudget } from '../../adapters/system/memory-send-budget.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import type { SendLimitOptions } from '../support/telegram/send-limits.ts';
import { deletePrefix, describeWithRedis, redisUrl, uniquePrefix } from '../support/redis.ts';
import { TOKEN, deliveryWorld, plainRender, silent, until } from './delivery-fixture.ts';
import type { DeliveryWorld } from './delivery-fixture.ts';

const realClock: Clock = { now: () => Date.now() };
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

interface Instance {
  readonly w: DeliveryWorld;
  readonly stores: RedisStores;
  readonly connection: Redis;
  delivery(extra?: Partial<BullDeliveryOptions>): BullDelivery;
}

/** `n` instances on one campaign prefix and one stand-in. */
async function instances(n: number, limits: SendLimitOptions): Promise<{ all: Instance[]; api: TelegramStandIn; prefix: string }> {
  const prefix = uniquePrefix('dl');
  const api = await TelegramStandIn.start({ token: TOKEN, limits });
  cleanups.push(async () => {
    await api.stop();
    await deletePrefix(prefix);
  });
  const all: Instance[] = [];
  for (let i = 0; i < n; i++) {
    const stores = await openRedisStores({ url: redisUrl, prefix, connectTimeoutMs: 2000 });
    const w = await deliveryWorld(stores, limits, api);
    const connection = bullConnection(stores.client) as Redis;
    const made: BullDelivery[] = [];
    cleanups.push(async () => {
      for (const d of made) await d.close();
      connection.disconnect();
      await w.stop();
      await stores.close();
    });
    all.push({
      w,
      stores,
      connection,
      delivery: (extra = {}) => {
        const d = new BullDelivery({ outbox: stores.outbox, engine: w.h.engine, api: w.newApi(), render: plainRender, clock: realClock, logger: silent, connection, prefix: `${prefix}bull`, idleMs: 20, ...extra });
        made.push(d);
        return d;
      },
    });
  }
  return { all, api, prefix };
}

function sharedBudget(prefix: string, client: RedisStores['client'], perBotPerSecond: number): SendBudget {
  return new RedisSendBudget({ redis: client, botToken: TOKEN, keyPrefix: `${prefix}budget:`, limits: { perBotPerSecond } });
}

/** Runs relays and workers of `engines` until `done`, then stops them all. */
async function runAll(engines: readonly BullDelivery[], done: () => Promise<boolean>, what: string, ms = 30_000, relays = engines): Promise<void> {
  const stop = new AbortController();
  const running = [...relays.map((e) => e.runRelay(stop.signal)), ...engines.map((e) => e.runWorkers(stop.signal))];
  try {
    await until(done, what, ms);
  } finally {
    stop.abort();
    await Promise.all(running);
  }
}

async function telegramMessages(stores: Stores) {
  return (await stores.outbox.list(0, 10_000)).filter((m) => m.recipient.kind === 'resident');
}
const allSent = (stores: Stores) => async () => (await telegramMessages(stores)).every((m) => m.status === 'sent');

describeWithRedis('the BullMQ delivery engine (Redis)', () => {
  it('two instances on one Redis share the send budget: every message sent once, no 429, both instances sending', async () => {
    // Telegram allows 30/s; the budget, shared, grants 25/s. Two budgets of their own would send 50/s.
    const { all, api, prefix } = await instances(2, { perSecond: 30, perChatPerSecond: 1, retryAfterSeconds: 1 });
    const [a, b] = all as [Instance, Instance];
    for (const i of all) i.w.proxy.delayMs = 60;
    const ids = await a.w.residents(Array.from({ length: 60 }, (_, i) => 9700 + i));
    await a.w.enqueueFor(ids);
    const engines = all.map((i) => i.delivery({ concurrency: 8, budget: sharedBudget(prefix, i.stores.client, 25) }));
    const t0 = Date.now();
    await runAll(engines, allSent(a.stores), 'every message sent');
    const elapsed = Date.now() - t0;
    for (let i = 0; i < 60; i++) expect(api.botMessages(9700 + i)).toHaveLength(1);
    expect(api.limits.tooManyRequests).toBe(0);
    expect(a.w.proxy.sends).toBeGreaterThan(5);
    expect(b.w.proxy.sends).toBeGreaterThan(5);
    expect(a.w.proxy.sends + b.w.proxy.sends).toBe(60);
    // 60 messages at 25/s, spread evenly: 2.4 s at least; two budgets of their own would take 1.2 s.
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    // Done jobs are removed: nothing piles up in the queue.
    expect(await engines[0]!.queue.getJobCounts('completed', 'wait', 'active', 'failed')).toEqual({ completed: 0, wait: 0, active: 0, failed: 0 });
    api.expectNoViolations();
  });

  it('a 429 holds back every worker of every instance for retry_after', async () => {
    const { all, api, prefix } = await instances(2, { perSecond: 5, retryAfterSeconds: 1 });
    const [a] = all as [Instance, Instance];
    for (const i of all) i.w.proxy.delayMs = 20;
    const ids = await a.w.residents(Array.from({ length: 16 }, (_, i) => 9800 + i));
    await a.w.enqueueFor(ids);
    // More generous than this Telegram (5/s): Telegram answers 429.
    const engines = all.map((i) => i.delivery({ concurrency: 6, budget: sharedBudget(prefix, i.stores.client, 300) }));
    await runAll(engines, allSent(a.stores), 'every message sent', 40_000);
    expect(api.limits.tooManyRequests).toBeGreaterThan(0);
    const first429 = api.calls.find((c) => c.status === 429)!.at;
    const accepted = api.limits.accepted.map((x) => x.at);
    expect(accepted.filter((t) => t > first429 + 150 && t < first429 + 1000)).toEqual([]);
    for (let i = 0; i < 16; i++) expect(api.botMessages(9800 + i)).toHaveLength(1);
    api.violations.splice(0, api.violations.length, ...api.violations.filter((v) => !v.includes('inside a retry_after')));
    api.expectNoViolations();
  });

  it('403: failed once, not retried, the resident unreachable and unsubscribed; 5xx: retried, then parked with the reason', async () => {
    const { all } = await instances(1, {});
    const [a] = all as [Instance];
    const [blocked, down] = await a.w.residents([9901, 9902]);
    a.w.api.block(9901);
    a.w.proxy.failures.set(9902, { status: 500, remaining: 1_000 });
    await a.w.enqueueFor([blocked!, down!]);
    const parked: string[] = [];
    const engine = a.delivery({ concurrency: 4, backoffMs: 20, maxAttempts: 3, onParked: (p) => void parked.push(p.reason) });
    await runAll([engine], async () => (await telegramMessages(a.stores)).every((m) => m.status === 'failed'), 'both given up');
    const [x, y] = await telegramMessages(a.stores);
    expect([x!.lastError, x!.attempts]).toEqual(['telegram 403: blocked by the user', 1]);
    expect([y!.lastError, y!.attempts]).toEqual(['telegram 500', 3]);
    expect(parked).toEqual(['telegram 500']);
    expect(a.w.proxy.injected).toBe(3);
    expect(await a.stores.residents.get(blocked!)).toMatchObject({ subscribed: false, unreachable: { wasSubscribed: true } });
    expect(await a.stores.residents.get(down!)).toMatchObject({ subscribed: true });
  });

  it('a job lost from the queue comes back through the claim lease, as a new job, and is sent once', async () => {
    const { all } = await instances(1, {});
    const [a] = all as [Instance];
    const [id] = await a.w.residents([9951]);
    await a.w.enqueueFor([id!]);
    const engine = a.delivery({ claimLeaseMs: 800 });
    expect(await engine.relayRound()).toBe(1);
    const [first] = await engine.queue.getJobs(['wait']);
    expect(first!.id).toMatch(/^m\d+-1$/);
    // Redis lost the job (or someone removed it): the claim still holds, nothing to send yet.
    await first!.remove();
    expect(await engine.relayRound()).toBe(0);
    await new Promise((r) => setTimeout(r, 900));
    await runAll([engine], allSent(a.stores), 'the message sent');
    const [m] = await telegramMessages(a.stores);
    expect(m!.attempts).toBe(2);
    expect(a.w.api.botMessages(9951)).toHaveLength(1);
  });

  it('a queued job whose claim was lost meanwhile does not send; re-adding a claim is ignored', async () => {
    const { all } = await instances(1, {});
    const [a] = all as [Instance];
    const [id] = await a.w.residents([9961]);
    await a.w.enqueueFor([id!]);
    const engine = a.delivery({ claimLeaseMs: 300 });
    const [stale] = await a.stores.outbox.claim(Date.now(), 10, 300);
    // The same claim twice: one job.
    const job = { name: 'send', data: { seq: stale!.seq, token: stale!.token, claimedAt: Date.now() }, opts: { jobId: jobIdOf(stale!) } };
    await engine.queue.addBulk([job, job]);
    expect(await engine.queue.getJobCountByTypes('wait')).toBe(1);
    // The claim runs out and someone else claims the message (and holds it).
    await new Promise((r) => setTimeout(r, 350));
    const [other] = await a.stores.outbox.claim(Date.now(), 10, 60_000);
    expect(other!.seq).toBe(stale!.seq);
    const stop = new AbortController();
    const workers = engine.runWorkers(stop.signal);
    await until(async () => (await engine.queue.getJobCountByTypes('wait', 'active')) === 0, 'the stale job processed');
    stop.abort();
    await workers;
    expect(a.w.api.botMessages(9961)).toHaveLength(0);
    expect(await a.stores.outbox.ack(other!.seq, other!.token)).toBe('ok');
  });

  it('a job whose instance died is taken over by another worker after the lock runs out; the dead one, waking up late, sends nothing', async () => {
    const { all } = await instances(2, {});
    const [a, b] = all as [Instance, Instance];
    const [id] = await a.w.residents([9971]);
    await a.w.enqueueFor([id!]);
    // Instance A's worker takes the job and hangs before its send (a budget that does not answer).
    let release: () => void = () => {};
    const hanging: SendBudget = { take: () => new Promise((r) => (release = () => r({ ok: true }))), slowDown: async () => {} };
    const dead = a.delivery({ budget: hanging, lockDurationMs: 500 });
    expect(await dead.relayRound()).toBe(1);
    const stopA = new AbortController();
    const crashA = new AbortController();
    const runningA = dead.runWorkers(stopA.signal, { crash: crashA.signal });
    await until(async () => (await dead.queue.getJobCountByTypes('active')) === 1, 'A holds the job');
    // A dies: its worker stops at once and no longer renews the job's lock.
    crashA.abort();
    await runningA;
    // B's worker finds the stalled job and sends it.
    const alive = b.delivery({ lockDurationMs: 500 });
    const stopB = new AbortController();
    const runningB = alive.runWorkers(stopB.signal);
    await until(async () => (await telegramMessages(b.stores)).every((m) => m.status === 'sent'), 'B sent the message', 20_000);
    stopB.abort();
    await runningB;
    expect(b.w.api.botMessages(9971)).toHaveLength(1);
    // A wakes up: its fence finds the claim settled by B, so it does not send.
    release();
    await new Promise((r) => setTimeout(r, 300));
    expect(b.w.api.botMessages(9971)).toHaveLength(1);
  });
});
