/**
 * Access to the test Redis (REDIS_URL, default redis://127.0.0.1:6379). Suites that need it
 * use `describeWithRedis`: run when Redis answers a PING, skipped with a loud reason when it
 * does not — except under CI=true, where a missing Redis is a failure, never a silent pass.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A short-lived connection for probes and admin commands (no retries, no offline queue). */
export function adminClient(url: string = redisUrl): Redis {
  return new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
}

async function ping(): Promise<string | null> {
  const r = adminClient();
  let socketError: string | null = null;
  r.on('error', (e: Error) => {
    socketError ??= e.message;
  });
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (e) {
    return socketError ?? (e as Error).message;
  } finally {
    r.disconnect();
  }
}

/** Why Redis is unusable, or null when it answered (probed once per test file). */
export const redisProblem: string | null = await ping();

/** `describe` that needs Redis: skipped loudly when absent, failing under CI. */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisProblem === null) {
    describe(name, body);
    return;
  }
  const reason = `Redis not reachable at ${redisUrl.replace(/\/\/[^@/]*@/, '//')} (${redisProblem})`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('Redis is required under CI', () => {
        throw new Error(`Redis is required under CI: ${reason}`);
      });
    });
  } else {
    process.stderr.write(`SKIPPED "${name}": ${reason}\n`);
    describe.skip(`${name} [skipped: ${reason}]`, body);
  }
}

/** A fresh key prefix for one test: `pnyx-test:{<tag>-<random>}:` (hash-tagged, as campaigns' are). */
export function uniquePrefix(tag = 't'): string {
  return `pnyx-test:{${tag}-${randomBytes(6).toString('hex')}}:`;
}

/** Every key under `prefix` (SCAN, not KEYS). */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    out.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return out;
}

/** Every string stored under a key, whatever its type (for scans of what a store wrote). */
export async function keyContents(r: Redis, key: string): Promise<string[]> {
  const type = await r.type(key);
  if (type === 'string') return [(await r.get(key)) ?? ''];
  if (type === 'hash') return Object.entries(await r.hgetall(key)).flat();
  if (type === 'set') return r.smembers(key);
  if (type === 'zset') return r.zrange(key, '0', '-1');
  if (type === 'list') return r.lrange(key, 0, -1);
  throw new Error(`unexpected type ${type} of ${key}`);
}

/** Prefixes tests may delete: their own, never a real campaign's. */
export function isTestPrefix(prefix: string): boolean {
  return ['pnyx-test:', 'pnyx-bench:', 'pnyx:test-', 'pnyx:{test-', 'pnyx-bull:{test-'].some((p) => prefix.startsWith(p));
}

/** Deletes every key under `prefix` (SCAN + UNLINK); returns how many. */
export async function deletePrefix(prefix: string, url: string = redisUrl): Promise<number> {
  // pnyx:{test-…}: a test campaign opened through the composition root (prefix pnyx:{<campaign id>}:);
  // pnyx:test-…: one under the prefix of older versions; pnyx-bull:{test-…}: its BullMQ queues.
  if (!isTestPrefix(prefix)) throw new Error(`refusing to delete non-test prefix ${prefix}`);
  const r = adminClient(url);
  r.on('error', () => {});
  await r.connect();
  try {
    const keys = await keysUnder(r, prefix);
    for (let i = 0; i < keys.length; i += 500) await r.unlink(...keys.slice(i, i + 500));
    return keys.length;
  } finally {
    r.disconnect();
  }
}
