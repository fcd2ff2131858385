/**
 * What the shared ProcessedUpdates contract cannot reach on Redis: a re-sent begin (ioredis
 * after a reconnect, same token) answers new again instead of refusing its own lease, and
 * claims written before the two states (`<expires at>:<token>`) read as done, by the stores
 * and by `pnyx migrate`.
 */
import { afterEach, expect, it } from 'vitest';
import { processedStateOf } from '../../adapters/redis/redis-processed-updates.ts';
import { redisTransfer } from '../../adapters/redis/redis-transfer.ts';
import { defineScripts } from '../../adapters/redis/scripts.ts';
import { T0 } from '../contracts/contract-helpers.ts';
import { describeWithRedis } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';
import type { RedisFixture } from './redis-fixture.ts';

const make = makeRedisStores();
const made: RedisFixture[] = [];
afterEach(async () => {
  for (const f of made.splice(0)) await f.cleanup();
});
async function open(): Promise<RedisFixture> {
  const f = await make();
  made.push(f);
  return f;
}

describeWithRedis('Redis ProcessedUpdates', () => {
  it('a re-sent begin (same token) answers new with the same lease; another call is refused', async () => {
    const { stores } = await open();
    const run = defineScripts(stores.client);
    const key = stores.keys.processed('tg:7');
    const first = (await run('processed-begin', [key], [String(T0), '60000', 'tok-a'])) as unknown[];
    const again = (await run('processed-begin', [key], [String(T0), '60000', 'tok-a'])) as unknown[];
    expect(again).toEqual(first);
    expect(first[0]).toBe(13); // RC_CLAIMED
    expect(await stores.processed.begin('tg:7', T0 + 1, 60_000)).toEqual({ status: 'in_progress', until: T0 + 60_000 });
    // The lease handed out is the one abandon accepts.
    expect(await stores.processed.abandon('tg:7', String(first[2]))).toBe(true);
    expect((await stores.processed.begin('tg:7', T0 + 2, 60_000)).status).toBe('new');
  });

  it('reads a claim written before the two states as done until its expiry', async () => {
    const { stores, prefix } = await open();
    await stores.client.set(stores.keys.processed('tg:old'), `${T0 + 1000}:Ab12Cd34Ef56`, 'PX', 3_600_000);
    expect(await stores.processed.begin('tg:old', T0, 60_000)).toEqual({ status: 'done', until: T0 + 1000 });
    expect(await stores.processed.abandon('tg:old', `${T0 + 1000}:Ab12Cd34Ef56`)).toBe(false);
    expect((await redisTransfer(stores.client, prefix).dump()).processed).toEqual([{ key: 'tg:old', state: 'done', expiresAt: T0 + 1000 }]);
    expect((await stores.processed.begin('tg:old', T0 + 1001, 60_000)).status).toBe('new');
  });

  it('tells every stored format apart', () => {
    expect(processedStateOf('i:123:tok')).toEqual({ state: 'in_progress', expiresAt: 123 });
    expect(processedStateOf('i:123:migrated')).toEqual({ state: 'in_progress', expiresAt: 123 });
    expect(processedStateOf('d:456')).toEqual({ state: 'done', expiresAt: 456 });
    expect(processedStateOf('789:tok')).toEqual({ state: 'done', expiresAt: 789 });
    expect(processedStateOf('garbage')).toBeNull();
  });
});
