/**
 * The key check of the scripts (scripts.ts `keyCheckedSource`), which the Redis contract
 * fixtures switch on: a script touching a key it was not given in KEYS fails, so a script
 * that builds a key from ARGV or a prefix cannot pass the contracts (Redis Cluster would only
 * notice once that key lands in another slot).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { keyCheckedSource } from '../../adapters/redis/scripts.ts';
import { adminClient, deletePrefix, describeWithRedis, uniquePrefix } from '../support/redis.ts';

describeWithRedis('key-checked scripts', () => {
  let r: Redis;
  const p = uniquePrefix('keys');
  beforeAll(async () => {
    r = adminClient();
    await r.connect();
  });
  afterAll(async () => {
    await deletePrefix(p);
    r.disconnect();
  });
  const run = (lua: string, keys: string[], args: string[] = []): Promise<unknown> => r.eval(keyCheckedSource(lua), keys.length, ...keys, ...args);

  it('lets a script touch the keys it was given', async () => {
    expect(await run("redis.call('SET', KEYS[1], 'x'); return redis.call('GET', KEYS[1])", [`${p}a`])).toBe('x');
    expect(await run("return redis.call('EXISTS', KEYS[1], KEYS[2])", [`${p}a`, `${p}b`])).toBe(1);
    expect(await run("redis.call('ZADD', KEYS[2], 1, 'm'); return redis.call('ZUNIONSTORE', KEYS[1], 1, KEYS[2])", [`${p}u`, `${p}z`])).toBe(1);
  });

  it('fails a script that builds a key from ARGV, whatever the command', async () => {
    await expect(run("return redis.call('GET', ARGV[1] .. 'x')", [`${p}a`], [p])).rejects.toThrow(/key not in KEYS: GET/);
    await expect(run("return redis.call('EXISTS', KEYS[1], ARGV[1])", [`${p}a`], [`${p}b`])).rejects.toThrow(/key not in KEYS: EXISTS/);
    await expect(run("return redis.call('ZUNIONSTORE', KEYS[1], 2, KEYS[1], ARGV[1])", [`${p}u`], [`${p}z`])).rejects.toThrow(/key not in KEYS: ZUNIONSTORE/);
    await expect(run("return redis.pcall('SREM', ARGV[1], 'm')", [], [`${p}s`])).rejects.toThrow(/key not in KEYS: SREM/);
    expect(await r.exists(`${p}x`, `${p}s`)).toBe(0);
  });
});
