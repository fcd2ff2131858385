/** Memory per registered resident stays under 1 KiB (MEMORY USAGE of every key of the prefix). */
import { afterEach, expect, it } from 'vitest';
import { resident } from '../contracts/contract-helpers.ts';
import { adminClient, describeWithRedis, keysUnder } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';

const make = makeRedisStores();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describeWithRedis('Redis store: memory', () => {
  it('a registered resident costs at most 1 KiB, done markers included', async () => {
    const f = await make();
    cleanups.push(() => f.cleanup());
    const n = 300;
    for (let i = 0; i < n; i++) {
      const id = `tg:${400_000_000 + i}`;
      expect(await f.stores.residents.save(resident(id, { telegramId: 400_000_000 + i, displayName: `Resident ${i}` }), null, {})).toBe('saved');
    }
    const admin = adminClient();
    await admin.connect();
    try {
      let bytes = 0;
      for (const key of await keysUnder(admin, f.prefix)) bytes += Number(await admin.memory('USAGE', key, 'SAMPLES', '0'));
      expect(bytes / n).toBeLessThanOrEqual(1024);
    } finally {
      admin.disconnect();
    }
  });
});
