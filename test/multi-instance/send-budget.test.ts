/**
 * The Telegram send budget (SPEC §2.5): two instances on two Redis connections share one
 * budget per bot token (30/s overall, 1/s per chat, 20/min per group), a refusal consumes
 * nothing, the token never appears in a key or an error; and the in-memory variant.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisSendBudget, tokenTag } from '../../adapters/redis/telegram-send-budget.ts';
import { MemorySendBudget, SendBudgetError } from '../../adapters/system/memory-send-budget.ts';
import type { SendBudget, SendGrant, SendLimits } from '../../adapters/system/memory-send-budget.ts';
import { deletePrefix, describeWithRedis, keysUnder, redisUrl, uniquePrefix } from '../support/redis.ts';

const TOKEN = '12345:FAKE-test-token-never-in-keys-or-errors';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const granted = (grants: readonly SendGrant[]): number => grants.filter((g) => g.ok).length;
const waits = (grants: readonly SendGrant[]): number[] => grants.flatMap((g) => (g.ok ? [] : [g.retryAfterMs]));

/** Takes one slot per chat id, all at once, alternating between the budgets. */
function burst(budgets: readonly SendBudget[], chats: readonly number[], isGroup = false): Promise<SendGrant[]> {
  return Promise.all(chats.map((chat, i) => budgets[i % budgets.length]!.take(chat, isGroup)));
}

const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);

/** The behaviours both variants share; `make` returns budgets that share one bot's limits. */
function sharedBehaviour(make: (limits?: Partial<SendLimits>) => Promise<SendBudget[]>): void {
  it('grants at most 30 of 40 messages to 40 chats within one second, then refills', async () => {
    const budgets = await make();
    const started = Date.now();
    const grants = await burst(budgets, range(1, 40));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(900);
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

  sharedBehaviour(make);

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
  sharedBehaviour(async (limits) => [new MemorySendBudget(limits)]);
});
