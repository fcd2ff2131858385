/**
 * The Redis store on a real Redis Cluster (three masters on loopback, started once for this
 * file): the ballot-box, outbox and processed-updates contracts and the engine scenarios run
 * through ioredis' `Cluster` client, with two campaigns whose hash tags land on different
 * masters; leases, the send budget and `pnyx migrate` from one server into the cluster too.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisSendBudget, openRedisStores, openRedisTransfer, redisKeys } from '../../adapters/redis/index.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import { initialPhaseState } from '../../core/phases/phase-machine.ts';
import { migrateCommand } from '../../bot/commands/migrate.ts';
import { redisPrefixFor } from '../../bot/compose.ts';
import { bertrixFile, recordingIo, tempDir } from '../cli/cli-fixture.ts';
import { describeBallotBoxContract, describeOutboxContract, describeProcessedUpdatesContract } from '../contracts/index.ts';
import type { MakeStores } from '../contracts/stores-fixture.ts';
import { castRequest, side } from '../contracts/contract-helpers.ts';
import { describeEngineScenarios } from '../contracts/engine-scenarios.ts';
import { fillCampaign, migrationCampaign } from '../migrate/fill-campaign.ts';
import { describeWithRedisCluster, idsOnDistinctMasters, startRedisCluster } from '../support/redis-cluster.ts';
import type { TestRedisCluster } from '../support/redis-cluster.ts';
import { deletePrefix, redisProblem, redisUrl, uniquePrefix } from '../support/redis.ts';
import { testCampaign } from '../support/test-campaign.ts';

describeWithRedisCluster('Redis stores on a Redis Cluster', () => {
  let cluster: TestRedisCluster;
  /** Two campaign ids whose slots are on different masters. */
  let campaigns: { id: string; port: number }[] = [];
  const stem = `test-cl-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    campaigns = await idsOnDistinctMasters(cluster, stem, 2);
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  /**
   * Stores on the cluster under `prefix()` (fresh per test), scripts key-checked (a cluster
   * only checks slots); `cleanup` deletes the prefix's keys on every master.
   */
  const onCluster = (prefix: () => string): MakeStores => async () => {
    const p = prefix();
    const open = (): Promise<RedisStores> => openRedisStores({ url: cluster.url, prefix: p, connectTimeoutMs: 2000, checkScriptKeys: true });
    const handles = [await open()];
    return {
      stores: handles[0]!,
      async reopen() {
        const s = await open();
        handles.push(s);
        return s;
      },
      async cleanup() {
        for (const h of handles.splice(0)) await h.close();
        await cluster.deletePrefix(p);
      },
    };
  };

  // Each contract test on its own prefix, hence its own slot: spread over the masters.
  describeBallotBoxContract('redis cluster', onCluster(() => uniquePrefix('cl')));
  describeOutboxContract('redis cluster', onCluster(() => uniquePrefix('cl')));
  describeProcessedUpdatesContract('redis cluster', onCluster(() => uniquePrefix('cl')));
  // The engine end to end on two campaigns, each under the composition root's prefix, on two masters.
  describeEngineScenarios('redis cluster, campaign 1', onCluster(() => redisPrefixFor(campaigns[0]!.id)));
  describeEngineScenarios('redis cluster, campaign 2', onCluster(() => redisPrefixFor(campaigns[1]!.id)));

  describe('placement and cluster-wide parts', () => {
    it('keeps each campaign wholly on the master of its hash tag, two campaigns on two masters', async () => {
      expect(campaigns[0]!.port).not.toBe(campaigns[1]!.port);
      const opened = await Promise.all(campaigns.map((c) => openRedisStores({ url: cluster.url, prefix: redisPrefixFor(c.id) })));
      try {
        for (const [i, stores] of opened.entries()) {
          expect(await stores.campaign.savePhaseState(initialPhaseState(testCampaign()), null, side(`p-${i}`))).toBe('saved');
          expect((await stores.ballots.cast(castRequest(`vk-${i}`, `rq-${i}`), side(`c-${i}`))).status).toBe('recorded');
          expect(await stores.processed.begin(`tg:${i}`, 1000, 60_000)).toMatchObject({ status: 'new' });
        }
        for (const [i, c] of campaigns.entries()) {
          const prefix = redisPrefixFor(c.id);
          for (const node of cluster.nodes) {
            const keys = await cluster.keysOn(node.port, prefix);
            if (node.port === c.port) {
              expect(keys).toContain(redisKeys(prefix).phase);
              expect(keys).toContain(redisKeys(prefix).ballot('town', `vk-${i}`));
              expect(keys).toContain(redisKeys(prefix).auditList);
            } else {
              expect(keys).toEqual([]);
            }
          }
        }
        // Each campaign reads back only its own records.
        expect(await opened[0]!.ballots.get('vk-1', 'town')).toBeNull();
        expect((await opened[1]!.ballots.get('vk-1', 'town'))?.version).toBe(1);
      } finally {
        for (const s of opened) await s.close();
        for (const c of campaigns) await cluster.deletePrefix(redisPrefixFor(c.id));
      }
    });

    it('refuses a key prefix without hash tag, whose scripts would span slots', async () => {
      await expect(openRedisStores({ url: cluster.url, prefix: 'pnyx-test:no-tag:' })).rejects.toThrow(/needs a hash tag/);
    });

    it('runs a leader lease and the shared send budget on the cluster', async () => {
      const prefix = uniquePrefix('cl-lease');
      const a = await openRedisStores({ url: cluster.url, prefix });
      const b = await openRedisStores({ url: cluster.url, prefix });
      const budgetPrefix = `pnyx-test:budget-${randomBytes(3).toString('hex')}:`;
      try {
        const [la, lb] = [a.leaderLease('scheduler', 10_000), b.leaderLease('scheduler', 10_000)];
        expect(await la.acquire()).toBe(true);
        expect(await lb.acquire()).toBe(false);
        expect(await lb.renew()).toBe(false);
        expect(await la.release()).toBe(true);
        expect(await lb.acquire()).toBe(true);

        // A bot's budget keys share the token hash as hash tag: one script on one master per take.
        const budgets = [a, b].map((s) => new RedisSendBudget({ redis: s.client, botToken: '12345:FAKE-cluster-token', keyPrefix: budgetPrefix }));
        const started = performance.now();
        const grants = await Promise.all(Array.from({ length: 40 }, (_, i) => budgets[i % 2]!.take(i + 1, false)));
        // Smooth at 30/s: a burst gets one slot per 33 ms it lasted, never the second's 30 at once.
        expect(grants.filter((g) => g.ok).length).toBeGreaterThanOrEqual(1);
        expect(grants.filter((g) => g.ok).length).toBeLessThanOrEqual(1 + Math.ceil(((performance.now() - started) * 30) / 1000));
        const firstChat = grants.findIndex((g) => g.ok) + 1;
        expect((await budgets[1]!.take(firstChat, false)).ok).toBe(false);
        await budgets[0]!.slowDown(60_000);
        await new Promise((r) => setTimeout(r, 100));
        const paused = await budgets[1]!.take(999, false);
        expect(paused.ok ? 0 : paused.retryAfterMs).toBeGreaterThan(59_000);
      } finally {
        await a.close();
        await b.close();
        await cluster.deletePrefix(prefix);
        await cluster.deletePrefix(budgetPrefix);
      }
    });

    it.skipIf(redisProblem !== null)('pnyx migrate copies a campaign from one server under the old prefix into the cluster', async () => {
      const tag = `test-clmig-${randomBytes(3).toString('hex')}`;
      const legacy = `pnyx:${tag}:`;
      const target = `pnyx:{${tag}}:`;
      const { dir, cleanup } = await tempDir('cluster-migrate');
      const source = await openRedisStores({ url: redisUrl, prefix: legacy });
      try {
        await fillCampaign(source, migrationCampaign(tag));
        const io = recordingIo(dir, { REDIS_URL: cluster.url });
        const code = await migrateCommand(['--config', bertrixFile, '--from', 'redis', '--to', 'redis', '--from-redis-url', redisUrl, '--from-prefix', legacy, '--redis-prefix', target], io);
        expect(io.err()).toBe('');
        expect(code).toBe(0);
        expect(io.out()).toContain(`from  Redis redis://127.0.0.1:6379, key prefix ${legacy}`);
        expect(io.out()).toContain(`to    Redis ${cluster.url}, key prefix ${target}`);
        expect(io.out()).toContain('checksums match');
        const home = await cluster.masterOf(`{${tag}}`);
        for (const node of cluster.nodes) expect((await cluster.keysOn(node.port, target)).length > 0).toBe(node.port === home);
        // The copy dumps, from the cluster, to what the server holds.
        const [from, to] = await Promise.all([openRedisTransfer({ url: redisUrl, prefix: legacy }), openRedisTransfer({ url: cluster.url, prefix: target })]);
        try {
          expect(await to.dump()).toEqual(await from.dump());
          expect(await to.state()).toBe('data');
        } finally {
          await from.close();
          await to.close();
        }
      } finally {
        await source.close();
        await deletePrefix(legacy);
        await cluster.deletePrefix(target);
        await cleanup();
      }
    });
  });
});
