/**
 * Connection loss: the store's connections are killed (CLIENT KILL ID, from an admin
 * connection) while many casts are in flight; then Redis disappears entirely behind a proxy.
 * No partial ballot, no request applied twice, automatic recovery, clear secret-free errors.
 */
import { afterEach, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import type { CastOutcome, CastRequest } from '../../core/ports/ballot-box.ts';
import { openRedisStores, RedisStoreError } from '../../adapters/redis/index.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import { castRequest, side, sideCount } from '../contracts/contract-helpers.ts';
import { adminClient, deletePrefix, describeWithRedis, redisUrl, uniquePrefix } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';
import { startTcpProxy } from './tcp-proxy.ts';

const make = makeRedisStores();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Kills the given stores' current connections every `everyMs` until `stop()`; returns the kill count. */
function killer(admin: Redis, targets: readonly RedisStores[], everyMs: number): { stop: () => Promise<number> } {
  let running = true;
  let kills = 0;
  const loop = (async () => {
    while (running) {
      await new Promise((r) => setTimeout(r, everyMs));
      for (const t of targets) {
        const id = await t.client.client('ID').catch(() => null);
        if (id === null || !running) continue;
        kills += Number(await admin.client('KILL', 'ID', String(id)).catch(() => 0));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return kills;
    },
  };
}

describeWithRedis('Redis store: connection loss', () => {
  it('casts in flight while connections are killed: none partial, none doubled, and the store recovers', async () => {
    const f = await make();
    cleanups.push(() => f.cleanup());
    const other = await f.reopen();
    const boxes = [f.stores.ballots, other.ballots];
    const admin = adminClient();
    await admin.connect();
    cleanups.push(async () => admin.disconnect());

    const voters = Array.from({ length: 300 }, (_, i) => `vk-${String(i).padStart(3, '0')}`);
    const requests = new Map<string, CastRequest[]>();
    for (const vk of voters) {
      requests.set(
        vk,
        [1, 2, 3].map((n) => castRequest(vk, `${vk}-r${n}`, { choices: [{ ideaId: `idea_${n}`, points: n }], receipt: `R-${vk}-${n}` })),
      );
    }
    const outcomes = new Map<string, CastOutcome>();
    const queue = [...voters];
    const kill = killer(admin, [f.stores, other], 15);
    const worker = async (w: number): Promise<void> => {
      for (let vk = queue.shift(); vk !== undefined; vk = queue.shift()) {
        for (const req of requests.get(vk) ?? []) {
          outcomes.set(req.requestId, await (boxes[w % 2] ?? f.stores.ballots).cast(req, side(req.requestId)));
        }
      }
    };
    await Promise.all(Array.from({ length: 64 }, (_, w) => worker(w)));
    const kills = await kill.stop();
    expect(kills, 'connections killed during the run').toBeGreaterThanOrEqual(3);

    for (const vk of voters) {
      const reqs = requests.get(vk) ?? [];
      const versions: number[] = [];
      for (const req of reqs) {
        const out = outcomes.get(req.requestId);
        // A cast whose reply was lost is re-sent by ioredis and answers `duplicate` with its own ballot.
        expect(out?.status === 'recorded' || out?.status === 'duplicate', `${req.requestId}: ${out?.status}`).toBe(true);
        if (out?.status !== 'recorded' && out?.status !== 'duplicate') continue;
        expect(out.ballot.requestId).toBe(req.requestId);
        expect(out.ballot.receipt).toBe(req.receipt);
        expect(out.ballot.choices).toEqual(req.choices);
        versions.push(out.ballot.version);
      }
      expect(versions, vk).toEqual([1, 2, 3]);
      const stored = await f.stores.ballots.get(vk, 'town');
      const last = reqs[2] as CastRequest;
      expect(stored).toMatchObject({ version: 3, requestId: last.requestId, receipt: last.receipt, choices: last.choices, envelopeId: 'env-town' });
    }
    expect(await f.stores.ballots.countVoters()).toBe(300);
    expect(await f.stores.ballots.countByEnvelope()).toEqual({ 'env-town': 300 });
    expect(await f.stores.ballots.list('env-town')).toHaveLength(300);

    // Side records: exactly once per request, on one unbroken chain.
    const audit = await f.stores.audit.list(0, 10_000);
    expect(audit).toHaveLength(900);
    expect(verifyChain(audit)).toBeNull();
    expect(new Set(audit.map((e) => e.subject)).size).toBe(900);
    const outbox = await f.stores.outbox.list(0, 10_000);
    expect(outbox).toHaveLength(900);
    expect(await f.stores.outbox.counts()).toEqual({ pending: 900, sent: 0, failed: 0 });

    // Recovered without re-creating the store.
    const after = await f.stores.ballots.cast(castRequest('vk-after', 'after-1'), {});
    expect(after.status).toBe('recorded');
  });

  it('fails with a clear error without the password when Redis cannot be reached at open', async () => {
    const started = Date.now();
    const err = await openRedisStores({ url: 'redis://pnyx:hunter2-very-secret@127.0.0.1:1/0', prefix: uniquePrefix(), connectTimeoutMs: 500 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisStoreError);
    const text = `${(err as Error).message} ${JSON.stringify(err)} ${(err as Error).stack ?? ''}`;
    expect(text).not.toContain('hunter2');
    expect((err as Error).message).toMatch(/connect to redis:\/\/127\.0\.0\.1:1\/0 failed/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails commands clearly while Redis is gone, and recovers by itself when it is back', async () => {
    const target = new URL(redisUrl);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const prefix = uniquePrefix('gone');
    const stores = await openRedisStores({ url: `redis://127.0.0.1:${proxy.port}`, prefix, connectTimeoutMs: 500, commandTimeoutMs: 2000 });
    cleanups.push(async () => {
      await stores.close();
      await proxy.stop();
      await deletePrefix(prefix);
    });
    expect((await stores.ballots.cast(castRequest('vk-1', 'rq-1'), {})).status).toBe('recorded');

    await proxy.stop();
    const started = Date.now();
    const err = await stores.ballots.cast(castRequest('vk-2', 'rq-2'), side('gone')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RedisStoreError);
    expect((err as Error).message).toMatch(/^redis store: ballots\.cast failed: .*unreachable/);
    expect(Date.now() - started).toBeLessThan(20_000);

    await proxy.start();
    let out: CastOutcome | null = null;
    for (let i = 0; i < 50 && out === null; i++) {
      out = await stores.ballots.cast(castRequest('vk-2', 'rq-2'), side('back')).catch(() => null);
      if (out === null) await new Promise((r) => setTimeout(r, 200));
    }
    // The failed call may still have reached Redis once it was back (a timed-out command stays
    // queued in ioredis): then the retry answers `duplicate` with that very ballot. Either way
    // the request is recorded once, with one of the two sets of side records.
    expect(out?.status === 'recorded' || out?.status === 'duplicate').toBe(true);
    expect(out !== undefined && out !== null && (out.status === 'recorded' || out.status === 'duplicate') ? out.ballot.requestId : null).toBe('rq-2');
    expect(await stores.ballots.countVoters()).toBe(2);
    const landed = [await sideCount(stores, 'gone'), await sideCount(stores, 'back')];
    expect(landed.filter(([a, o]) => a === 1 && o === 1)).toHaveLength(1);
    expect(landed.filter(([a, o]) => a === 0 && o === 0)).toHaveLength(1);
  }, 60_000);
});
