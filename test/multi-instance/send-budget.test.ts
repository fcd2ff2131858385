/**
 * The Telegram send budget (SPEC §2.5): two instances on two Redis connections share one
 * budget per bot token (30/s overall, 1/s per chat, 20/min per group), a refusal consumes
 * nothing, the token never appears in a key or an error; and the in-memory variant, on fake
 * time (no assertion about how long anything took).
 */
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RedisSendBudget, tokenTag } from '../../adapters/redis/telegram-send-budget.ts';
import { MemorySendBudget, SendBudgetError } from '../../adapters/system/memory-send-budget.ts';
import type { SendBudget, SendGrant, SendLimits } from '../../adapters/system/memory-send-budget.ts';
import { deletePrefix, describeWithRedis, keysUnder, redisUrl, uniquePrefix } from '../support/redis.ts';

const TOKEN = '12345:FAKE-test-token-never-in-keys-or-errors';
const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const granted = (grants: readonly SendGrant[]): number => grants.filter((g) => g.ok).length;
const waits = (grants: readonly SendGrant[]): number[] => grants.flatMap((g) => (g.ok ? [] : [g.retryAfterMs]));

/** Takes one slot per chat id, all at once, alternating between the budgets. */
function burst(budgets: readonly SendBudget[], chats: readonly number[], isGroup = false): Promise<SendGrant[]> {
  return Promise.all(chats.map((chat, i) => budgets[i % budgets.length]!.take(chat, isGroup)));
}

const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

/** How a variant lets time pass. */
interface Time {
  sleep(ms: number): Promise<void>;
  /**
   * Real time only: the burst must have fitted in one window for "30 granted" to be the
   * expected count, so it is checked rather than assumed (fake time never moves by itself).
   */
  readonly burstFitsWindow?: (elapsedMs: number) => void;
}

/** The behaviours both variants share; `make` returns budgets that share one bot's limits. */
function sharedBehaviour(make: (limits?: Partial<SendLimits>) => Promise<SendBudget[]>, time: Time): void {
  const { sleep } = time;
  it('grants at most 30 of 40 messages to 40 chats within one second, then refills', async () => {
    const budgets = await make();
    const started = Date.now();
    const grants = await burst(budgets, range(1, 40));
    time.burstFitsWindow?.(Date.now() - started);
    expect(granted(grants)).toBe(30);
    for (const w of waits(grants)) {
      expect(w).toBeGreaterThan(0);
      expect(w).toBeLessThanOrEqual(1000);
    }
    await sleep(Math.max(...waits(grants)) + 20);
    expect(granted(await burst(budgets, range(101, 10)))).toBe(10);
  });

  it('one message per second to one private chat, whichever instance sends it', async () => {
    const budgets = await make();
    const [a, b] = [budgets[0]!, budgets[budgets.length - 1]!];
    expect(await a.take(42, false)).toEqual({ ok: true });
    const refused = await b.take(42, false);
    expect(refused.ok).toBe(false);
    const wait = refused.ok ? 0 : refused.retryAfterMs;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(1000);
    expect((await a.take(43, false)).ok).toBe(true);
    await sleep(wait + 20);
    expect(await b.take(42, false)).toEqual({ ok: true });
  });

  it('20 messages per minute to a group across instances; a private chat is not held to it', async () => {
    const budgets = await make({ perChatPerSecond: 30, perBotPerSecond: 60 });
    const group = await Promise.all(range(0, 25).map((i) => budgets[i % budgets.length]!.take(-100_123, true)));
    expect(granted(group)).toBe(20);
    for (const w of waits(group)) {
      expect(w).toBeGreaterThan(1000);
      expect(w).toBeLessThanOrEqual(60_000);
    }
    const person = await Promise.all(range(0, 25).map((i) => budgets[i % budgets.length]!.take(777, false)));
    expect(granted(person)).toBe(25);
  });

  it('a refusal consumes nothing: group messages refused by the bot-wide limit leave the group its 20', async () => {
    const budgets = await make({ perChatPerSecond: 30 });
    expect(granted(await burst(budgets, range(1, 30)))).toBe(30);
    const refused = await Promise.all(range(0, 10).map((i) => budgets[i % budgets.length]!.take(-100_555, true)));
    expect(granted(refused)).toBe(0);
    await sleep(Math.max(...waits(refused)) + 20);
    const later = await Promise.all(range(0, 21).map((i) => budgets[i % budgets.length]!.take(-100_555, true)));
    expect(granted(later)).toBe(20);
  });
}

describeWithRedis('Redis send budget shared by two instances', () => {
  const prefixes: string[] = [];
  const clients: Redis[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    for (const p of prefixes.splice(0)) await deletePrefix(p);
  });
  const connect = (): Redis => {
    const c = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    c.on('error', () => {});
    clients.push(c);
    return c;
  };
  const make = async (limits?: Partial<SendLimits>): Promise<SendBudget[]> => {
    const keyPrefix = uniquePrefix('budget');
    prefixes.push(keyPrefix);
    return [connect(), connect()].map((redis) => new RedisSendBudget({ redis, botToken: TOKEN, keyPrefix, ...(limits ? { limits } : {}) }));
  };

  sharedBehaviour(make, { sleep: realSleep, burstFitsWindow: (elapsed) => expect(elapsed).toBeLessThan(900) });

  it('names keys by a hash of the token, never the token; a store failure says so without it', async () => {
    const keyPrefix = uniquePrefix('budget');
    prefixes.push(keyPrefix);
    const redis = connect();
    const budget = new RedisSendBudget({ redis, botToken: TOKEN, keyPrefix });
    await budget.take(5, true);
    const keys = await keysUnder(redis, keyPrefix);
    // The per-second keys may already have expired on a loaded machine; the per-minute group key has not.
    const expected = [`bot:all`, `chat:5`, `group:5`].map((k) => `${keyPrefix}tg-send:${tokenTag(TOKEN)}:${k}`);
    expect(keys).toContain(expected[2]);
    for (const k of keys) expect(expected).toContain(k);
    for (const k of keys) expect(k).not.toContain(TOKEN.split(':')[1]);
    // Another token has its own budget.
    const other = new RedisSendBudget({ redis, botToken: `${TOKEN}-other`, keyPrefix });
    expect(await other.take(5, true)).toEqual({ ok: true });

    const broken = connect();
    broken.disconnect();
    const failing = new RedisSendBudget({ redis: broken, botToken: TOKEN, keyPrefix });
    const error = await failing.take(6, false).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SendBudgetError);
    expect(String((error as Error).message)).toMatch(/send budget/);
    expect(JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack })).not.toContain(TOKEN);
  });
});

describe('Memory send budget', () => {
  // rate-limiter-flexible's memory store keeps its windows with Date.now and setTimeout.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  sharedBehaviour(async (limits) => [new MemorySendBudget(limits)], { sleep: (ms) => vi.advanceTimersByTimeAsync(ms).then(() => undefined) });

  it('refuses until the window has passed, and grants right after it', async () => {
    const budget = new MemorySendBudget();
    expect(await budget.take(42, false)).toEqual({ ok: true });
    const refused = await budget.take(42, false);
    expect(refused).toEqual({ ok: false, retryAfterMs: 1000 });
    await vi.advanceTimersByTimeAsync(999);
    expect((await budget.take(42, false)).ok).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await budget.take(42, false)).toEqual({ ok: true });
  });
});
