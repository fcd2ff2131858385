/**
 * The Redis subscription index: a fan-out page reads the records of subscribed residents
 * only, however many unsubscribed ones surround them, and an area page finds its residents
 * among many of other areas.
 */
import { afterEach, expect, it } from 'vitest';
import { resident } from '../contracts/contract-helpers.ts';
import type { Resident } from '../../core/residents/resident.ts';
import { adminClient, describeWithRedis } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';
import type { RedisFixture } from './redis-fixture.ts';

const make = makeRedisStores();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function fixture(): Promise<RedisFixture> {
  const f = await make();
  cleanups.push(() => f.cleanup());
  return f;
}

async function saveAll(f: RedisFixture, residents: readonly Resident[]): Promise<void> {
  for (let i = 0; i < residents.length; i += 200) {
    const outs = await Promise.all(residents.slice(i, i + 200).map((r) => f.stores.residents.save(r, null, {})));
    expect(outs.every((o) => o === 'saved')).toBe(true);
  }
}

async function allPages(f: RedisFixture, area: string | null, size: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await f.stores.residents.listSubscribed(area, after, size);
    out.push(...page.map((r) => r.id));
    if (page.length < size) return out;
    after = page.at(-1)!.id;
  }
}

describeWithRedis('Redis store: subscription index', () => {
  it('never reads an unsubscribed resident: their records may even be unreadable', async () => {
    const f = await fixture();
    const residents = Array.from({ length: 1500 }, (_, i) => resident(`tg:${100_000 + i}`, { subscribed: i % 500 === 7, area: i % 2 ? 'north' : 'south' }));
    await saveAll(f, residents);
    // Spoil every unsubscribed record: reading any of them would throw on its JSON.
    const admin = adminClient();
    await admin.connect();
    try {
      const pipe = admin.pipeline();
      for (const r of residents) if (!r.subscribed) pipe.hset(f.stores.keys.resident(r.id), 'd', '{not json');
      await pipe.exec();
    } finally {
      admin.disconnect();
    }
    const subscribed = residents.filter((r) => r.subscribed).map((r) => r.id);
    expect(subscribed).toHaveLength(3);
    expect(await allPages(f, null, 2)).toEqual(subscribed);
    expect(await allPages(f, 'north', 1)).toEqual(residents.filter((r) => r.subscribed && r.area === 'north').map((r) => r.id));
    await expect(f.stores.residents.list(null, 10)).rejects.toThrow();
  });

  it('finds an area\'s few residents among thousands of other areas, page after page', async () => {
    const f = await fixture();
    const residents = Array.from({ length: 2600 }, (_, i) => resident(`tg:${200_000 + i}`, { area: i % 900 === 450 ? 'south' : 'north' }));
    await saveAll(f, residents);
    const south = residents.filter((r) => r.area === 'south').map((r) => r.id);
    expect(south).toHaveLength(3);
    expect(await allPages(f, 'south', 2)).toEqual(south);
    expect(await allPages(f, 'south', 100)).toEqual(south);
    expect(await allPages(f, 'north', 1000)).toEqual(residents.filter((r) => r.area === 'north').map((r) => r.id));
    expect(await allPages(f, null, 999)).toHaveLength(2600);
  });
});
