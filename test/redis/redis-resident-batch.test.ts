/**
 * Resident reads started in the same turn share calls of one read script (redis-resident-
 * store.ts, READ_BATCH per call); a read alone in its turn is one HMGET. Each read answers
 * exactly what it would alone: its own resident at its stored version, null for an id never
 * saved or erased, in any order and across batch boundaries.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, expect, it } from 'vitest';
import { redisKeys } from '../../adapters/redis/keys.ts';
import { READ_BATCH, RedisResidentStore } from '../../adapters/redis/redis-resident-store.ts';
import { RedisContext, connectRedis } from '../../adapters/redis/redis-context.ts';
import type { ScriptName } from '../../adapters/redis/scripts.ts';
import { range, resident } from '../contracts/contract-helpers.ts';
import { deletePrefix, describeWithRedis, redisUrl, uniquePrefix } from '../support/redis.ts';

/** A context counting the read-script calls and the residents each carried. */
class CountingContext extends RedisContext {
  readonly reads: number[] = [];
  /** `reads.length` at each `sendNow`. */
  readonly sentNow: number[] = [];
  override sendNow(): void {
    this.sentNow.push(this.reads.length);
    super.sendNow();
  }
  override script(op: string, name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    if (name === 'hash-read-many') this.reads.push(keys.length);
    return super.script(op, name, keys, args);
  }
}

const opened: { redis: Redis; prefix: string }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    o.redis.disconnect();
    await deletePrefix(o.prefix);
  }
});

function open(): { store: RedisResidentStore; ctx: CountingContext; redis: Redis } {
  const prefix = uniquePrefix('rbatch');
  const redis = new Redis(redisUrl);
  opened.push({ redis, prefix });
  const ctx = new CountingContext(redis, redisKeys(prefix), { url: redisUrl, logger: pino({ level: 'silent' }), doneTtlMs: 60_000, checkScriptKeys: true });
  return { store: new RedisResidentStore(ctx), ctx, redis };
}

describeWithRedis('Redis ResidentStore: reads of one turn share script calls', () => {
  it('a turn of reads over several batches: each answers its own resident, absent ones null', async () => {
    const { store, ctx } = open();
    const n = 2 * READ_BATCH + 22;
    // Every third id is never saved; every fifth saved one is saved twice (version 2).
    for (const i of range(0, n - 1)) {
      if (i % 3 === 0) continue;
      expect(await store.save(resident(`tg:${i}`, { displayName: `Name ${i}`, area: i % 2 === 0 ? 'north' : 'south' }), null, {})).toBe('saved');
      if (i % 5 === 0) expect(await store.save(resident(`tg:${i}`, { displayName: `Renamed ${i}`, area: 'south', version: 1 }), 1, {})).toBe('saved');
    }
    const erased = await store.get('tg:7');
    expect(erased).not.toBeNull();
    expect(await store.erase('tg:7', erased!.version, {})).toBe('saved');
    ctx.reads.length = 0;
    ctx.sentNow.length = 0;
    // Asked in a shuffled order, all in one turn.
    const order = range(0, n - 1).sort((a, b) => ((a * 37) % n) - ((b * 37) % n));
    const pending = order.map((i) => store.get(`tg:${i}`));
    // Full batches leave at once, each written past the coalescing; the rest at the turn's end.
    expect(ctx.reads).toEqual([READ_BATCH, READ_BATCH]);
    expect(ctx.sentNow).toEqual([1, 2]);
    const got = await Promise.all(pending);
    expect(ctx.reads).toEqual([READ_BATCH, READ_BATCH, 22]);
    expect(ctx.sentNow).toEqual([1, 2, 3]);
    order.forEach((i, at) => {
      const r = got[at]!;
      if (i % 3 === 0 || i === 7) {
        expect(r, `tg:${i}`).toBeNull();
        return;
      }
      expect(r, `tg:${i}`).toMatchObject({ id: `tg:${i}`, displayName: i % 5 === 0 ? `Renamed ${i}` : `Name ${i}`, version: i % 5 === 0 ? 2 : 1 });
      expect(r!.area).toBe(i % 5 === 0 ? 'south' : i % 2 === 0 ? 'north' : 'south');
    });
    // Each read answers what a read alone answers.
    for (const i of [1, 3, 5, 7, 10, n - 1]) expect(await store.get(`tg:${i}`)).toEqual(got[order.indexOf(i)]);
  });

  it('a read alone in its turn is a plain HMGET, and reads of later turns are not held back', async () => {
    const { store, ctx } = open();
    await store.save(resident('tg:1'), null, {});
    await store.save(resident('tg:2'), null, {});
    ctx.reads.length = 0;
    expect((await store.get('tg:1'))?.id).toBe('tg:1');
    expect(ctx.reads).toEqual([]);
    // Two turns, one read each: two lone reads, no script call.
    const first = store.get('tg:1');
    await new Promise((r) => setImmediate(r));
    const second = store.get('tg:2');
    expect([(await first)?.id, (await second)?.id]).toEqual(['tg:1', 'tg:2']);
    expect(ctx.reads).toEqual([]);
  });

  it('sendNow writes the commands held back in this turn to the socket at once', async () => {
    const redis = await connectRedis({ url: redisUrl, logger: pino({ level: 'silent' }), connectTimeoutMs: 2000, commandTimeoutMs: 5000, connectionName: 'pnyx-test' });
    try {
      const ctx = new RedisContext(redis, redisKeys(uniquePrefix('wnow')), { url: redisUrl, logger: pino({ level: 'silent' }), doneTtlMs: 60_000 });
      const stream = (redis as unknown as { stream: { writableCorked: number } }).stream;
      const first = redis.ping();
      // Held back until the end of the turn…
      expect(stream.writableCorked).toBe(1);
      ctx.sendNow();
      // …unless the context is told to send now.
      expect(stream.writableCorked).toBe(0);
      const second = redis.ping();
      expect(stream.writableCorked).toBe(1);
      expect([await first, await second]).toEqual(['PONG', 'PONG']);
      expect(stream.writableCorked).toBe(0);
    } finally {
      redis.disconnect();
    }
  });

  it('a failed call rejects every read it carried with a store error, and the next turn reads again', async () => {
    const { store, redis } = open();
    await store.save(resident('tg:1'), null, {});
    const keys = redisKeys(opened[0]!.prefix);
    // A key of the wrong type makes the script fail: the reads of that call fail together.
    await redis.set(keys.resident('tg:bad'), 'not a hash');
    const outs = await Promise.allSettled([store.get('tg:1'), store.get('tg:bad')]);
    expect(outs.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(String((outs[0] as PromiseRejectedResult).reason)).toMatch(/residents\.get/);
    expect((await store.get('tg:1'))?.id).toBe('tg:1');
  });
});
