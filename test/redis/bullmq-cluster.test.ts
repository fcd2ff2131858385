/**
 * BullMQ on a real Redis Cluster (three masters on loopback, started for this file): the
 * Telegram delivery queue and the job schedulers run through ioredis' `Cluster` client. BullMQ's
 * scripts take several keys of one queue, which a cluster allows only in one slot: the queue
 * prefix `pnyx-bull:{<campaign>}` (`queuePrefix`) puts all of them in the campaign's slot, on
 * the campaign's master, beside the campaign's own keys.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BullDelivery, bullConnection, queuePrefix } from '../../adapters/delivery/bullmq-delivery.ts';
import { openRedisStores } from '../../adapters/redis/index.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import { BullSchedules } from '../../adapters/scheduling/bullmq-schedules.ts';
import { latestOccurrence } from '../../adapters/scheduling/cron-occurrences.ts';
import { CryptoIds, SystemClock } from '../../adapters/system/index.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import { digestKey } from '../../core/phases/scheduled-messages.ts';
import { redisPrefixFor } from '../../bot/compose.ts';
import { TOKEN, deliveryWorld, plainRender, until } from '../delivery/delivery-fixture.ts';
import { TEST_SECRET } from '../support/engine-harness.ts';
import { LIVE_RECIPIENTS, liveCampaign } from '../support/live-campaign.ts';
import { describeWithRedisCluster, idsOnDistinctMasters, startRedisCluster } from '../support/redis-cluster.ts';
import type { TestRedisCluster } from '../support/redis-cluster.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';

const silent = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

describeWithRedisCluster('BullMQ on a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  /** Two campaign ids whose hash tags are on different masters. */
  let campaigns: { id: string; port: number }[] = [];
  const stem = `test-bq-${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    campaigns = await idsOnDistinctMasters(cluster, stem, 2);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  /** Every key of the campaign and of its queues is on its master, none elsewhere. */
  async function expectOnItsMaster(campaign: { id: string; port: number }): Promise<void> {
    for (const node of cluster.nodes) {
      const bull = await cluster.keysOn(node.port, `${queuePrefix(campaign.id)}:`);
      const own = await cluster.keysOn(node.port, redisPrefixFor(campaign.id));
      if (node.port === campaign.port) {
        expect(bull.length).toBeGreaterThan(0);
        expect(own.length).toBeGreaterThan(0);
      } else {
        expect([...bull, ...own]).toEqual([]);
      }
    }
  }

  it('the Telegram delivery queue: relay and workers of two instances send every message once, the queue in the campaign\'s slot', async () => {
    const campaign = campaigns[0]!;
    const api = await TelegramStandIn.start({ token: TOKEN, limits: { perSecond: 300, perChatPerSecond: 1 } });
    const opened: RedisStores[] = [];
    const closers: Array<() => Promise<void> | void> = [];
    try {
      const engines: BullDelivery[] = [];
      let world: Awaited<ReturnType<typeof deliveryWorld>> | null = null;
      for (let i = 0; i < 2; i++) {
        const stores = await openRedisStores({ url: cluster.url, prefix: redisPrefixFor(campaign.id), connectTimeoutMs: 2000 });
        opened.push(stores);
        const w = await deliveryWorld(stores, {}, api);
        world ??= w;
        closers.push(() => w.stop());
        const connection = bullConnection(stores.client);
        closers.push(() => connection.disconnect());
        const d = new BullDelivery({ outbox: stores.outbox, engine: w.h.engine, api: w.newApi(), render: plainRender, clock: { now: () => Date.now() }, logger: silent, connection, prefix: queuePrefix(campaign.id), idleMs: 20, concurrency: 4 });
        closers.push(() => d.close());
        engines.push(d);
      }
      const chats = Array.from({ length: 30 }, (_, i) => 8800 + i);
      await world!.enqueueFor(await world!.residents(chats));
      const stop = new AbortController();
      const running = engines.flatMap((e) => [e.runRelay(stop.signal), e.runWorkers(stop.signal)]);
      try {
        await until(async () => (await opened[0]!.outbox.list(0, 1000)).filter((m) => m.recipient.kind === 'resident').every((m) => m.status === 'sent'), 'every message sent', 30_000);
      } finally {
        stop.abort();
        await Promise.all(running);
      }
      for (const chat of chats) expect(api.botMessages(chat)).toHaveLength(1);
      await expectOnItsMaster(campaign);
    } finally {
      for (const c of closers.reverse()) await c();
      for (const s of opened) await s.close();
      await api.stop();
      await cluster.deletePrefix(redisPrefixFor(campaign.id));
      await cluster.deletePrefix(`${queuePrefix(campaign.id)}:`);
    }
  }, 60_000);

  it('the job schedulers: registered by two instances, one digest per recipient per occurrence, the queue in the campaign\'s slot', async () => {
    const campaign = campaigns[1]!;
    const pattern = '*/2 * * * * *';
    const live = { ...liveCampaign(pattern), id: campaign.id };
    const instances: { stores: RedisStores; schedules: BullSchedules; disconnect: () => void }[] = [];
    const stop = new AbortController();
    const working: Promise<void>[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const stores = await openRedisStores({ url: cluster.url, prefix: redisPrefixFor(campaign.id), connectTimeoutMs: 2000 });
        const engine = createEngine({ campaign: live, stores, clock: new SystemClock(), ids: new CryptoIds(), keys: new VoterKeys(TEST_SECRET) });
        const started = await engine.start();
        if (!started.ok) throw new Error(`engine start refused: ${started.code}`);
        const connection = bullConnection(stores.client);
        instances.push({ stores, schedules: new BullSchedules({ engine, connection, prefix: queuePrefix(campaign.id), logger: silent }), disconnect: () => connection.disconnect() });
      }
      await Promise.all(instances.map((x) => x.schedules.register()));
      const registeredAt = Date.now();
      expect((await instances[0]!.schedules.queue.getJobSchedulers(0, -1)).map((s) => s.key).sort()).toEqual(['digest', 'update']);
      for (const x of instances) working.push(x.schedules.runWorker(stop.signal));
      const recorded = async (): Promise<string[]> => (await instances[0]!.stores.outbox.list(0, 1000)).map((m) => m.key).filter((k) => k.startsWith('digest:'));
      const after = async (): Promise<number[]> => [...new Set((await recorded()).map((k) => Date.parse(k.split(':').slice(1, 4).join(':'))))].filter((t) => t > registeredAt).sort((a, b) => a - b);
      await until(async () => (await after()).length >= 2, 'two occurrences recorded', 20_000);
      stop.abort();
      await Promise.all(working);
      const keys = await recorded();
      for (const t of await after()) {
        expect(latestOccurrence(pattern, live.timeZone, t)).toBe(t);
        expect(keys.filter((k) => LIVE_RECIPIENTS.some((r) => k === digestKey(t, r)))).toHaveLength(LIVE_RECIPIENTS.length);
      }
      await expectOnItsMaster(campaign);
    } finally {
      stop.abort();
      await Promise.allSettled(working);
      for (const x of instances) {
        await x.schedules.close();
        x.disconnect();
        await x.stores.close();
      }
      await cluster.deletePrefix(redisPrefixFor(campaign.id));
      await cluster.deletePrefix(`${queuePrefix(campaign.id)}:`);
    }
  }, 60_000);
});
