/**
 * The Telegram send budget (SPEC §2.5), scaled (300 messages/s) so no test waits long: over
 * ANY sliding second no more than the bot's limit is granted, and grants are spread (the old
 * fixed windows granted the whole second's budget at once, twice within a moment at a window
 * edge); 1/s per chat and 20 per sliding minute per group; a refusal consumes nothing;
 * `slowDown` on one instance refuses takes on the other; paid-broadcast mode runs at 1,000/s.
 * Two instances are two `RedisSendBudget`s on two connections to one Redis; the memory
 * variant runs the same behaviours on a hand-driven clock. Tests count grants in windows,
 * never how long anything took.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisSendBudget, tokenTag } from '../../adapters/redis/telegram-send-budget.ts';
import { ARRIVAL_MARGIN_MS, MemorySendBudget, SendBudgetError } from '../../adapters/system/memory-send-budget.ts';
import type { SendBudget, SendGrant, SendLimits } from '../../adapters/system/memory-send-budget.ts';
import { deletePrefix, describeWithRedis, keysUnder, redisUrl, uniquePrefix } from '../support/redis.ts';
import { maxInWindow } from '../support/sliding-count.ts';

/** The budget's one-second windows, with the margin for arrival jitter. */
const WINDOW = 1000 + ARRIVAL_MARGIN_MS;

const TOKEN = '12345:FAKE-test-token-never-in-keys-or-errors';
/** The scaled bot rate of these tests. */
const RATE = 300;
const SCALED: Partial<SendLimits> = { perBotPerSecond: RATE };

interface MakeOptions {
  readonly limits?: Partial<SendLimits>;
  readonly paidBroadcast?: boolean;
}

/** How a variant builds budgets sharing one bot's limits and lets time pass. */
interface Variant {
  /** Two takers of one bot's budget (two instances for Redis). */
  make(options?: MakeOptions): Promise<SendBudget[]>;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Takes for new private chats from every taker for `ms`; the instants of the grants. */
  hammer(budgets: readonly SendBudget[], ms: number): Promise<number[]>;
  /**
   * Grants a variant may see beyond a limit in a window only because it observes instants
   * after the fact (Redis: when the reply arrives, not when the script ran). 0 in memory.
   */
  readonly observationSlack: number;
}

const refusal = (g: SendGrant): number => (g.ok ? 0 : g.retryAfterMs);

/**
 * Takes a slot for `chat`, waiting out refusals of at most `capMs` (the bot's spacing);
 * returns the grant, or the first refusal asking for longer.
 */
async function untilGranted(v: Variant, budget: SendBudget, chat: number, isGroup: boolean, capMs = 200): Promise<SendGrant> {
  for (;;) {
    const g = await budget.take(chat, isGroup);
    if (g.ok || g.retryAfterMs > capMs) return g;
    await v.sleep(g.retryAfterMs);
  }
}

let nextChat = 1_000;

function sharedBehaviour(v: Variant): void {
  it(`hammered at ${RATE}/s from two takers for 3 s: no sliding second over ${RATE}, and no burst`, async () => {
    const times = await v.hammer(await v.make({ limits: SCALED }), 3000);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(RATE + v.observationSlack);
    // Smooth: a tenth of a second holds about a tenth of the rate (fixed windows: all of it).
    expect(maxInWindow(times, 100)).toBeLessThanOrEqual(RATE / 10 + 2 + 4 * v.observationSlack);
  });

  it('a burst of takes at one instant gets one grant, not the whole second', async () => {
    const budgets = await v.make({ limits: SCALED });
    const started = v.now();
    const grants = await Promise.all(Array.from({ length: 400 }, (_, i) => budgets[i % 2]!.take(nextChat++, false)));
    const elapsed = v.now() - started;
    // Real time moves while 400 takes are served: the even schedule allows one per 1/RATE of it.
    expect(grants.filter((g) => g.ok).length).toBeLessThanOrEqual(1 + Math.ceil((elapsed * RATE) / 1000));
    for (const g of grants) expect(refusal(g)).toBeLessThanOrEqual(WINDOW);
  });

  it('one message per second to one chat, whichever instance sends it', async () => {
    const [a, b] = (await v.make({ limits: SCALED })) as [SendBudget, SendBudget];
    expect(await a.take(42, false)).toEqual({ ok: true });
    const refused = await b.take(42, false);
    expect(refusal(refused)).toBeGreaterThan(500);
    expect(refusal(refused)).toBeLessThanOrEqual(WINDOW);
    expect((await untilGranted(v, a, 43, false)).ok).toBe(true);
    await v.sleep(refusal(refused));
    expect((await untilGranted(v, b, 42, false)).ok).toBe(true);
  });

  it('20 messages per sliding minute to a group across instances; a private chat is not held to it', async () => {
    const budgets = await v.make({ limits: { ...SCALED, perChatPerSecond: 30 } });
    const group: SendGrant[] = [];
    for (let i = 0; i < 25; i++) group.push(await untilGranted(v, budgets[i % 2]!, -100_123, true));
    expect(group.filter((g) => g.ok)).toHaveLength(20);
    for (const g of group.slice(20)) {
      expect(refusal(g)).toBeGreaterThan(50_000);
      expect(refusal(g)).toBeLessThanOrEqual(60_000);
    }
    const person: SendGrant[] = [];
    for (let i = 0; i < 25; i++) person.push(await untilGranted(v, budgets[i % 2]!, 777, false));
    expect(person.filter((g) => g.ok)).toHaveLength(25);
  });

  it('a refusal consumes nothing: group takes refused while slowed down leave the group its 20', async () => {
    const [a, b] = (await v.make({ limits: { ...SCALED, perChatPerSecond: 30 } })) as [SendBudget, SendBudget];
    await a.slowDown(300);
    const refused = await Promise.all(Array.from({ length: 10 }, () => b.take(-100_555, true)));
    expect(refused.filter((g) => g.ok)).toHaveLength(0);
    await v.sleep(Math.max(...refused.map(refusal)));
    const later: SendGrant[] = [];
    for (let i = 0; i < 21; i++) later.push(await untilGranted(v, i % 2 === 0 ? a : b, -100_555, true));
    expect(later.filter((g) => g.ok)).toHaveLength(20);
  });

  it('a refusal consumes nothing: a take refused by its chat leaves the bot its slot', async () => {
    // 2/s: the bot's next slot comes 250–500 ms after a grant, the chat's after 1 s.
    const [a, b] = (await v.make({ limits: { perBotPerSecond: 2 } })) as [SendBudget, SendBudget];
    expect(await a.take(7, false)).toEqual({ ok: true });
    await v.sleep(600);
    expect((await b.take(7, false)).ok).toBe(false);
    expect(await a.take(8, false)).toEqual({ ok: true });
  });

  it('slowDown on one instance refuses every take on the other until it has passed; a shorter one does not end it', async () => {
    const [a, b] = (await v.make({ limits: SCALED })) as [SendBudget, SendBudget];
    await a.slowDown(400);
    const first = await b.take(1, false);
    expect(refusal(first)).toBeGreaterThan(200);
    expect(refusal(first)).toBeLessThanOrEqual(400);
    expect((await a.take(2, false)).ok).toBe(false);
    await b.slowDown(10);
    expect(refusal(await a.take(3, false))).toBeGreaterThan(100);
    await v.sleep(400);
    expect((await untilGranted(v, b, 4, false, 50)).ok).toBe(true);
  });

  it('paid-broadcast mode runs the bot at 1,000/s; without it the same takers get 30/s', async () => {
    const paid = await v.make({ paidBroadcast: true });
    expect(paid.every((b) => (b as { paidBroadcast?: boolean }).paidBroadcast === true)).toBe(true);
    const fast = await v.hammer(paid, 1000);
    expect(maxInWindow(fast, 1000)).toBeLessThanOrEqual(1000 + v.observationSlack);
    // Far beyond Telegram's free 30/s (how far depends on the machine for Redis; see hammer).
    expect(fast.length).toBeGreaterThan(100);
    const free = await v.hammer(await v.make(), 1000);
    expect(maxInWindow(free, 1000)).toBeLessThanOrEqual(30);
  });
}

describe('Memory send budget', () => {
  let clock = 0;
  const variant: Variant = {
    make: async (o = {}) => {
      const b = new MemorySendBudget({ ...o.limits, ...(o.paidBroadcast === undefined ? {} : { paidBroadcast: o.paidBroadcast }), now: () => clock });
      return [b, b];
    },
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    // Both takers ask every 0.25 ms of hand-driven time.
    hammer: async (budgets, ms) => {
      const times: number[] = [];
      for (const end = clock + ms; clock < end; clock += 0.25) for (const b of budgets) if ((await b.take(nextChat++, false)).ok) times.push(clock);
      return times;
    },
    observationSlack: 0,
  };
  sharedBehaviour(variant);

  it('keeps the even schedule: 3 s of asking every 0.25 ms yields the full rate, evenly', async () => {
    const [b] = await variant.make({ limits: SCALED });
    const times = await variant.hammer([b!], 3000);
    expect(times.length).toBeGreaterThanOrEqual(Math.floor((3000 / WINDOW) * RATE) - 3);
    expect(maxInWindow(times, WINDOW)).toBe(RATE);
    expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(RATE);
    expect(maxInWindow(times, 100)).toBeLessThanOrEqual(RATE / 10 + 1);
  });

  it('refuses a chat until its second has passed, and grants right at it', async () => {
    const [b] = await variant.make();
    expect(await b!.take(42, false)).toEqual({ ok: true });
    expect(await b!.take(42, false)).toEqual({ ok: false, retryAfterMs: WINDOW });
    clock += WINDOW - 1;
    expect(await b!.take(42, false)).toEqual({ ok: false, retryAfterMs: 1 });
    clock += 1;
    expect(await b!.take(42, false)).toEqual({ ok: true });
  });

  it('refuses limits that are not whole numbers ≥ 1, and a negative slow-down', async () => {
    expect(() => new MemorySendBudget({ perBotPerSecond: 0 })).toThrow(/perBotPerSecond/);
    expect(() => new MemorySendBudget({ perGroupPerMinute: 2.5 })).toThrow(/perGroupPerMinute/);
    await expect(new MemorySendBudget().slowDown(-1)).rejects.toThrow(/retryAfterMs/);
  });
});

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
  const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  const variant: Variant = {
    make: async (o = {}) => {
      const keyPrefix = uniquePrefix('budget');
      prefixes.push(keyPrefix);
      return [connect(), connect()].map((redis) => new RedisSendBudget({ redis, botToken: TOKEN, keyPrefix, ...o }));
    },
    now: () => performance.now(),
    sleep: realSleep,
    // Four takers per instance, each waiting what it is told.
    hammer: async (budgets, ms) => {
      const times: number[] = [];
      const end = performance.now() + ms;
      await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          while (performance.now() < end) {
            const g = await budgets[i % budgets.length]!.take(nextChat++, false);
            if (g.ok) times.push(performance.now());
            else await realSleep(g.retryAfterMs);
          }
        }),
      );
      return times.sort((x, y) => x - y);
    },
    observationSlack: 2,
  };
  sharedBehaviour(variant);

  it('names keys by a hash tag of the token, never the token; a store failure says so without it', async () => {
    const [budget] = (await variant.make()) as [RedisSendBudget];
    const keyPrefix = prefixes.at(-1)!;
    await budget.take(5, true);
    await budget.slowDown(60_000);
    const keys = await keysUnder(connect(), keyPrefix);
    const tagged = `${keyPrefix}tg-send:{${tokenTag(TOKEN)}}:`;
    expect(budget.keyPrefix).toBe(tagged);
    // The per-second keys may already have expired on a loaded machine; the per-minute ones have not.
    expect(keys).toEqual(expect.arrayContaining([`${tagged}group:5`, `${tagged}pause`]));
    for (const k of keys) expect([`${tagged}bot`, `${tagged}bot-tat`, `${tagged}chat:5`, `${tagged}group:5`, `${tagged}pause`]).toContain(k);
    for (const k of keys) expect(k).not.toContain(TOKEN.split(':')[1]);
    // Another token has its own budget (not slowed down).
    const other = new RedisSendBudget({ redis: connect(), botToken: `${TOKEN}-other`, keyPrefix });
    expect(await other.take(5, true)).toEqual({ ok: true });

    const broken = connect();
    broken.disconnect();
    const failing = new RedisSendBudget({ redis: broken, botToken: TOKEN, keyPrefix });
    for (const attempt of [failing.take(6, false), failing.slowDown(1000)]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SendBudgetError);
      expect(String((error as Error).message)).toMatch(/send budget/);
      expect(JSON.stringify({ message: (error as Error).message, stack: (error as Error).stack })).not.toContain(TOKEN);
    }
  });
});
