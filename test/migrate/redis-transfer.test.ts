import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { openRedisStores, redisTransfer } from '../../adapters/redis/index.ts';
import { openSqliteStores, sqliteFileFor, sqliteTransfer } from '../../adapters/sqlite/index.ts';
import { TransferRefusedError, dumpSummary } from '../../adapters/transfer/index.ts';
import type { CampaignDump } from '../../core/ports/store-transfer.ts';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import { makeTempDir } from '../sqlite/sqlite-fixture.ts';
import { adminClient, deletePrefix, describeWithRedis, keysUnder, redisUrl, uniquePrefix } from '../support/redis.ts';
import { expectBehavesLikeSource, fillCampaign } from './fill-campaign.ts';
import type { FilledCampaign } from './fill-campaign.ts';

describeWithRedis('redisTransfer: SQLite → Redis → SQLite', () => {
  const prefixes: string[] = [];
  const dirs: string[] = [];
  const clients: Redis[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const p of prefixes.splice(0)) await deletePrefix(p);
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const client = async (): Promise<Redis> => {
    const c = adminClient();
    clients.push(c);
    await c.connect();
    return c;
  };
  const prefix = (): string => {
    const p = uniquePrefix('mig');
    prefixes.push(p);
    return p;
  };
  const file = (name: string): string => {
    const dir = makeTempDir();
    dirs.push(dir);
    return sqliteFileFor(dir, name);
  };
  const filledSqlite = async (): Promise<{ file: string; filled: FilledCampaign; dump: CampaignDump }> => {
    const f = file('source');
    const stores = openSqliteStores({ file: f });
    const filled = await fillCampaign(stores);
    await stores.close();
    const t = sqliteTransfer(f);
    const dump = await t.dump();
    t.close();
    return { file: f, filled, dump };
  };

  it('keeps every section at each hop; the Redis copy and the final SQLite file behave like the source', async () => {
    const { filled, dump } = await filledSqlite();
    const p = prefix();
    const redis = redisTransfer(await client(), p, { chunkSize: 50 });
    await redis.restore(dump);
    const fromRedis = await redis.dump();
    expect(dumpSummary(fromRedis)).toEqual(dumpSummary(dump));
    // Equal record for record, in the same order, support times included.
    expect(fromRedis).toEqual(dump);
    expect(await redis.state()).toBe('data');

    const back = sqliteTransfer(file('back'));
    await back.restore(fromRedis);
    const final = await back.dump();
    back.close();
    expect(dumpSummary(final)).toEqual(dumpSummary(dump));
    expect(verifyChain(final.audit)).toBeNull();

    const onRedis = await openRedisStores({ url: redisUrl, prefix: p });
    try {
      expect(verifyChain(await onRedis.audit.list(0, 100_000))).toBeNull();
      await expectBehavesLikeSource(onRedis, filled);
    } finally {
      await onRedis.close();
    }
  });

  it('a store written by the Redis adapter itself dumps like the SQLite one (same engine run on both)', async () => {
    const { dump } = await filledSqlite();
    const p = prefix();
    const stores = await openRedisStores({ url: redisUrl, prefix: p });
    try {
      await fillCampaign(stores);
    } finally {
      await stores.close();
    }
    const native = await redisTransfer(await client(), p).dump();
    expect(dumpSummary(native)).toEqual(dumpSummary(dump));
  });

  it('refuses to restore into a prefix that holds keys, and changes nothing', async () => {
    const { dump } = await filledSqlite();
    const p = prefix();
    const c = await client();
    await redisTransfer(c, p).restore(dump);
    const keysBefore = (await keysUnder(c, p)).sort();
    const before = dumpSummary(await redisTransfer(c, p).dump());
    const attempt = redisTransfer(c, p).restore(dump);
    await expect(attempt).rejects.toBeInstanceOf(TransferRefusedError);
    await expect(attempt).rejects.toMatchObject({ refusal: 'target_not_empty' });
    expect((await keysUnder(c, p)).sort()).toEqual(keysBefore);
    expect(dumpSummary(await redisTransfer(c, p).dump())).toEqual(before);

    // One stray key is enough to refuse.
    const q = prefix();
    await c.set(`${q}anything`, '1');
    await expect(redisTransfer(c, q).restore(dump)).rejects.toMatchObject({ refusal: 'target_not_empty' });
    expect(await keysUnder(c, q)).toEqual([`${q}anything`]);
  });

  it('a restore cut off part-way leaves its marker: the prefix is reported partial and refused by dump and restore', async () => {
    const { dump } = await filledSqlite();
    const p = prefix();
    const c = await client();
    let transactions = 0;
    // A connection that dies after three MULTI/EXEC chunks.
    const dying = new Proxy(c, {
      get(target, name, receiver) {
        if (name === 'multi' && ++transactions > 3) {
          return () => {
            throw new Error('Connection is closed.');
          };
        }
        const v = Reflect.get(target, name, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const t = redisTransfer(dying, p, { chunkSize: 20 });
    await expect(t.restore(dump)).rejects.toThrow(/Connection is closed/);
    expect(await t.state()).toBe('partial');
    expect((await keysUnder(c, p)).length).toBeGreaterThan(10);
    const again = redisTransfer(c, p);
    await expect(again.dump()).rejects.toMatchObject({ refusal: 'partial_restore' });
    await expect(again.restore(dump)).rejects.toMatchObject({ refusal: 'partial_restore' });
    expect(await c.exists(again.markerKey)).toBe(1);
    // The bots refuse to start on it too.
    await expect(openRedisStores({ url: redisUrl, prefix: p })).rejects.toThrow(/restore into this prefix did not finish/);
  });

  it('restored update claims outlive the migration even when the engine clock put their expiry in the past', async () => {
    const { dump } = await filledSqlite();
    const p = prefix();
    const c = await client();
    await redisTransfer(c, p).restore(dump);
    const expired = dump.processed.find((x) => x.key === 'slack:Ev42');
    expect(expired).toBeDefined();
    expect((await redisTransfer(c, p).dump()).processed).toEqual(dump.processed);
  });
});
