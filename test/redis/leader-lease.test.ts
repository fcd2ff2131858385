/** The leader lease with two contenders on two connections. */
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

async function twoContenders(ttlMs: number): Promise<[LeaderLease, LeaderLease]> {
  const f = await make();
  cleanups.push(() => f.cleanup());
  const other = await f.reopen();
  return [f.stores.leaderLease('scheduler', ttlMs), other.leaderLease('scheduler', ttlMs)];
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
    const [a, b] = await twoContenders(150);
    expect(await a.acquire()).toBe(true);
    await sleep(250);
    expect(await b.acquire()).toBe(true);
    expect(await a.renew()).toBe(false);
    expect(await a.release()).toBe(false);
    expect(await b.renew()).toBe(true);
  });

  it('runWhileLeader: exactly one runs the work, the other takes over when the leader stops', async () => {
    const [a, b] = await twoContenders(300);
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
    const runA = runWhileLeader(a, work('a'), { signal: stopA.signal, renewEveryMs: 50, retryEveryMs: 30 });
    await sleep(100);
    const runB = runWhileLeader(b, work('b'), { signal: stopB.signal, renewEveryMs: 50, retryEveryMs: 30 });
    await sleep(500);
    expect(log).toEqual(['a:start']);
    stopA.abort();
    await runA;
    await sleep(200);
    expect(log).toEqual(['a:start', 'a:stop', 'b:start']);
    stopB.abort();
    await runB;
    expect(maxRunning).toBe(1);
    expect(await a.acquire()).toBe(true);
  });

  it('runWhileLeader: a leader whose lease was taken stops its work', async () => {
    const [a, b] = await twoContenders(200);
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
    await sleep(80);
    // Another instance steals the key (as if a's lease had expired during a long pause).
    const thief = await make();
    cleanups.push(() => thief.cleanup());
    await thief.stores.client.set(a.key, b.token, 'PX', 5000);
    await run;
    expect(events).toEqual(['start', 'stop']);
    expect(await b.renew()).toBe(true);
  });
});
