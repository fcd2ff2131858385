/**
 * The leader lease with two contenders on two connections. Robust on a loaded machine: a
 * lease that must *not* expire during a test has a TTL far above any pause, a lease that
 * must expire is waited out, and "has X happened yet" is polled with a deadline instead of
 * assumed after a fixed sleep.
 */
import { afterEach, expect, it } from 'vitest';
import { LeaderLease, runWhileLeader } from '../../adapters/redis/index.ts';
import { describeWithRedis } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';

const make = makeRedisStores();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once `done()` holds; fails after `timeoutMs` (a deadline, never the assertion). */
async function until(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Two contenders for one lease on two connections; `ttlB` defaults to `ttlA`. */
async function twoContenders(ttlA: number, ttlB = ttlA): Promise<[LeaderLease, LeaderLease]> {
  const f = await make();
  cleanups.push(() => f.cleanup());
  const other = await f.reopen();
  return [f.stores.leaderLease('scheduler', ttlA), other.leaderLease('scheduler', ttlB)];
}

/** Waits until `lease`'s key is gone from Redis (its TTL ran out). */
async function expired(lease: LeaderLease, client: { exists(key: string): Promise<number> }): Promise<void> {
  for (;;) {
    if ((await client.exists(lease.key)) === 0) return;
    await sleep(Math.max(10, lease.ttlMs / 4));
  }
}

describeWithRedis('Redis leader lease', () => {
  it('one holder at a time; renew and release only by the owner', async () => {
    const [a, b] = await twoContenders(5000);
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(true);
    expect(await b.renew()).toBe(false);
    expect(await b.release()).toBe(false);
    expect(await a.renew()).toBe(true);
    expect(await a.release()).toBe(true);
    expect(await a.release()).toBe(false);
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
  });

  it('an expired lease goes to the other contender, and the old owner can neither renew nor free it', async () => {
    // a's lease is meant to run out; b's must not while the test still checks it.
    const [a, b] = await twoContenders(150, 60_000);
    expect(await a.acquire()).toBe(true);
    const probe = await make();
    cleanups.push(() => probe.cleanup());
    await expired(a, probe.stores.client);
    expect(await b.acquire()).toBe(true);
    expect(await a.renew()).toBe(false);
    expect(await a.release()).toBe(false);
    expect(await b.renew()).toBe(true);
  });

  it('runWhileLeader: exactly one runs the work, the other takes over when the leader stops', async () => {
    // Long enough that no pause of a loaded machine lets a's lease lapse while it leads: the
    // hand-over below comes from a's release, not from expiry.
    const [a, b] = await twoContenders(30_000);
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const work = (name: string) => async (signal: AbortSignal) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      log.push(`${name}:start`);
      await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
      log.push(`${name}:stop`);
      running--;
    };
    const stopA = new AbortController();
    const stopB = new AbortController();
    let bTries = 0;
    // b, counting its acquire attempts (a delegate: the class keeps its connection private).
    const counted = {
      key: b.key,
      token: b.token,
      ttlMs: b.ttlMs,
      acquire: () => {
        bTries++;
        return b.acquire();
      },
      renew: () => b.renew(),
      release: () => b.release(),
    } as unknown as LeaderLease;
    const runA = runWhileLeader(a, work('a'), { signal: stopA.signal, renewEveryMs: 50, retryEveryMs: 30 });
    await until(() => log.includes('a:start'), 'a to lead');
    const runB = runWhileLeader(counted, work('b'), { signal: stopB.signal, renewEveryMs: 50, retryEveryMs: 30 });
    // b has tried several times while a leads, and was refused each time.
    await until(() => bTries >= 5, 'b to contend');
    expect(log).toEqual(['a:start']);
    stopA.abort();
    await runA;
    await until(() => log.includes('b:start'), 'b to take over');
    expect(log).toEqual(['a:start', 'a:stop', 'b:start']);
    stopB.abort();
    await runB;
    expect(maxRunning).toBe(1);
    expect(await a.acquire()).toBe(true);
  });

  it('runWhileLeader: a leader whose lease was taken stops its work', async () => {
    const [a, b] = await twoContenders(30_000);
    const stop = new AbortController();
    const events: string[] = [];
    const run = runWhileLeader(
      a,
      async (signal) => {
        events.push('start');
        await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
        events.push('stop');
        stop.abort();
      },
      { signal: stop.signal, renewEveryMs: 40, retryEveryMs: 40 },
    );
    await until(() => events.includes('start'), 'a to lead');
    // Another instance steals the key (as if a's lease had expired during a long pause).
    const thief = await make();
    cleanups.push(() => thief.cleanup());
    await thief.stores.client.set(a.key, b.token, 'PX', 30_000);
    await run;
    expect(events).toEqual(['start', 'stop']);
    expect(await b.renew()).toBe(true);
  });
});
