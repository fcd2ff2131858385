/**
 * The service on Redis runs the cron schedules as BullMQ job schedulers (registered by every
 * instance under `pnyx-bull:{<campaign>}`, a worker on each), not from the lease-based tick:
 * two instances of the whole service, a campaign whose digest fires every two seconds → one
 * digest per recipient per occurrence, keyed by occurrence as on the embedded store.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { pino } from 'pino';
import { bullConnection, queuePrefix } from '../../adapters/delivery/bullmq-delivery.ts';
import { openRedisStores } from '../../adapters/redis/index.ts';
import { latestOccurrence } from '../../adapters/scheduling/cron-occurrences.ts';
import { digestKey } from '../../core/phases/scheduled-messages.ts';
import { runService } from '../../bot/service/run-service.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { LIVE_RECIPIENTS, liveCampaign } from '../support/live-campaign.ts';
import { deletePrefix, describeWithRedis, redisUrl } from '../support/redis.ts';
import { SECRET, environment, root } from './service-fixture.ts';

const silent = pino({ level: 'silent' });

describeWithRedis('the service on Redis: the schedules as BullMQ job schedulers', () => {
  const id = `test-svcs-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    await deletePrefix(`pnyx:{${id}}:`);
    await deletePrefix(`${queuePrefix(id)}:`);
  });

  it('two instances register the schedulers and send one digest per recipient per occurrence', async () => {
    const pattern = '*/2 * * * * *';
    const campaign = { ...liveCampaign(pattern), id };
    const ports = [await freePort(), await freePort()];
    const stops = [new AbortController(), new AbortController()];
    const started = Date.now();
    const runs = ports.map((port, i) => runService({ campaign, env: environment({ REDIS_URL: redisUrl, PNYX_SECRET: SECRET, PORT: String(port) }), cwd: root, logger: silent, signal: stops[i]!.signal }));
    const stores = await openRedisStores({ url: redisUrl, prefix: `pnyx:{${id}}:` });
    const connection = bullConnection(stores.client);
    const queue = new Queue('schedules', { connection, prefix: queuePrefix(id) });
    try {
      for (const p of ports) expect(await waitForHttp(`http://127.0.0.1:${p}/readyz`)).toMatchObject({ status: 200 });
      const occurrences = async (): Promise<Map<number, string[]>> => {
        const out = new Map<number, string[]>();
        for (const m of await stores.outbox.list(0, 10_000)) {
          if (!m.key.startsWith('digest:')) continue;
          const at = Date.parse(m.key.split(':').slice(1, 4).join(':'));
          out.set(at, [...(out.get(at) ?? []), m.key]);
        }
        return out;
      };
      const deadline = Date.now() + 30_000;
      while ([...(await occurrences()).keys()].filter((t) => t > started).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      for (const s of stops) s.abort();
      expect(await Promise.all(runs)).toEqual([{ exitCode: 0 }, { exitCode: 0 }]);

      expect((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
        ['digest', pattern, campaign.timeZone],
        ['update', pattern, campaign.timeZone],
      ]);
      const byOccurrence = await occurrences();
      const after = [...byOccurrence.keys()].filter((t) => t > started).sort((a, b) => a - b);
      expect(after.length).toBeGreaterThanOrEqual(3);
      for (const t of after) {
        expect(latestOccurrence(pattern, campaign.timeZone, t)).toBe(t);
        expect(byOccurrence.get(t)!.sort()).toEqual(LIVE_RECIPIENTS.map((r) => digestKey(t, r)).sort());
      }
    } finally {
      for (const s of stops) s.abort();
      await Promise.allSettled(runs);
      await queue.close();
      connection.disconnect();
      await stores.close();
    }
  }, 60_000);
});
