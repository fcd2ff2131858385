/**
 * The Telegram send budget (SPEC §2.5): before each message a delivery worker takes a slot
 * from it, and waits `retryAfterMs` when refused. Limits, per bot token: about 30 messages/s
 * overall (1,000/s in paid-broadcast mode), 1/s per chat, 20/min per group chat; after a 429
 * the sender calls `slowDown(retry_after)` and every taker is refused until it has passed.
 * `MemorySendBudget` serves the embedded mode (one process); `RedisSendBudget`
 * (adapters/redis, `lua/send-budget-take.lua`) shares one budget between every instance that
 * sends with the same token and runs the same algorithm in one script.
 *
 * The algorithm, per limit "at most N in any sliding window W":
 * - a *log* of the last N grant instants (a ring): a take has room when the oldest of them is
 *   at least W old. This is exact over every sliding window — what Telegram and the stand-in
 *   count — where fixed windows (rate-limiter-flexible, used here before) grant N at the end
 *   of one window and N more at the start of the next: twice the limit within a moment.
 * - for the bot-wide limit also GCRA (a theoretical arrival time advanced by 1/rate per
 *   grant, tolerance half an interval): grants are spread evenly over the second instead of
 *   N at once, and a taker that asks slightly early or late keeps the schedule (no rate lost
 *   to timer lateness). GCRA's tolerance alone could let N + 1 into a window; the log forbids
 *   that, so together they are smooth *and* exact. Per-chat and per-group limits are the log
 *   alone (a group may get its 20 in 20 s, 1/s by the chat limit, then waits).
 * rate-limiter-flexible has no sliding-window limiter, and its `execEvenly` only delays the
 * promise in the calling process (fixed windows underneath, each instance on its own
 * timers), so neither smooths a budget shared by several instances: hence this hand-written
 * one, a few dozen lines. Every check is made before anything is recorded, so a refusal
 * consumes nothing.
 */

/** Answer of `take`: send now, or wait at least `retryAfterMs` (ms) and ask again. */
export type SendGrant = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** A send budget shared by whoever sends with one bot token. */
export interface SendBudget {
  /**
   * Takes one message slot for `chatId` (a group when `isGroup`). Granted only when the
   * chat's, the group's (if any) and the bot's limits all allow it and the bot is not slowed
   * down — a refusal consumes nothing. Grants are smooth: at most `perBotPerSecond` in any
   * sliding second, spread about 1/rate apart. Throws (secret-free) when the budget's store
   * is unreachable.
   */
  take(chatId: number | string, isGroup: boolean): Promise<SendGrant>;
  /**
   * After Telegram answered 429 with `retry_after`: every `take` of this budget (every
   * instance sharing it) is refused until now + `retryAfterMs` (ms). A shorter slow-down
   * never ends a longer one already in force.
   */
  slowDown(retryAfterMs: number): Promise<void>;
}

/** Message limits of one bot token. */
export interface SendLimits {
  /** Messages per second over all chats, a whole number. Default 30 (1,000 in paid-broadcast mode). */
  readonly perBotPerSecond: number;
  /** Messages per second to one chat (private or group), a whole number. Default 1. */
  readonly perChatPerSecond: number;
  /** Messages per minute to one group chat, a whole number. Default 20. */
  readonly perGroupPerMinute: number;
}

/** Telegram's published limits (core.telegram.org/bots/faq). */
export const TELEGRAM_SEND_LIMITS: SendLimits = { perBotPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

/** Bot-wide messages per second with `allow_paid_broadcast` (paid in Telegram Stars). */
export const PAID_BROADCAST_PER_SECOND = 1000;

/** One limit: at most `count` grants in any sliding `windowMs`; `smooth` adds GCRA spacing. */
export interface WindowLimit {
  readonly count: number;
  readonly windowMs: number;
  readonly smooth: boolean;
}

/** The three limits of a budget. */
export interface BudgetPlan {
  readonly bot: WindowLimit;
  readonly chat: WindowLimit;
  readonly group: WindowLimit;
}

/**
 * Added to the one-second windows: a grant is not the moment Telegram counts the message — it
 * counts its arrival, after the request is built, sent and read, which jitters by a few ms to
 * tens of ms on a busy machine. A budget granting exactly 30 in a second then lets 31 arrive in
 * some second now and then, and every 429 costs a pause of the whole bot. 25 ms of margin keeps
 * the sustained rate at 30 / 1.025 ≈ 29.3 messages/s (97.6 % of the limit).
 */
export const ARRIVAL_MARGIN_MS = 25;

/**
 * The plan of `limits` (defaults Telegram's); `paidBroadcast` raises the bot rate to
 * {@link PAID_BROADCAST_PER_SECOND} unless `perBotPerSecond` is given. Throws on a limit
 * that is not a whole number ≥ 1 (a configuration error).
 */
export function budgetPlan(limits: Partial<SendLimits> = {}, paidBroadcast = false): BudgetPlan {
  const l: SendLimits = { ...TELEGRAM_SEND_LIMITS, ...(paidBroadcast ? { perBotPerSecond: PAID_BROADCAST_PER_SECOND } : {}), ...limits };
  for (const [name, v] of Object.entries(l)) if (!Number.isInteger(v) || v < 1) throw new Error(`send budget: ${name} must be a whole number ≥ 1`);
  return {
    bot: { count: l.perBotPerSecond, windowMs: 1000 + ARRIVAL_MARGIN_MS, smooth: true },
    chat: { count: l.perChatPerSecond, windowMs: 1000 + ARRIVAL_MARGIN_MS, smooth: false },
    group: { count: l.perGroupPerMinute, windowMs: 60_000, smooth: false },
  };
}

/** Checks a `slowDown` argument: a finite number of ms ≥ 0. */
export function checkRetryAfter(retryAfterMs: number): void {
  if (!Number.isFinite(retryAfterMs) || retryAfterMs < 0) throw new Error('send budget: retryAfterMs must be a finite number ≥ 0');
}

/** A budget store failure (never carries a token or a message). */
export class SendBudgetError extends Error {
  override readonly name = 'SendBudgetError';
}

/** The last `count` grant instants of one key, and (smooth limits) its theoretical arrival time. */
class GrantLog {
  readonly #times: Float64Array;
  #next = 0;
  /** GCRA: when the next grant is due on the even schedule. */
  #tat = -Infinity;

  constructor(readonly limit: WindowLimit) {
    this.#times = new Float64Array(limit.count).fill(-Infinity);
  }

  /** Ms until this limit allows a grant at `now` (0: allowed now). */
  waitMs(now: number): number {
    const { windowMs, count, smooth } = this.limit;
    let wait = this.#times[this.#next]! + windowMs - now;
    if (smooth) wait = Math.max(wait, this.#tat - windowMs / count / 2 - now);
    return Math.max(0, wait);
  }

  record(now: number): void {
    this.#times[this.#next] = now;
    this.#next = (this.#next + 1) % this.#times.length;
    if (this.limit.smooth) this.#tat = Math.max(this.#tat, now) + this.limit.windowMs / this.limit.count;
  }

  /** True when nothing recorded here still counts at `now` (the entry can go). */
  idle(now: number): boolean {
    const newest = this.#times[(this.#next + this.#times.length - 1) % this.#times.length]!;
    return newest <= now - this.limit.windowMs && this.#tat <= now;
  }
}

/** Options of the memory budget: the limits (default Telegram's) plus these. */
export interface MemorySendBudgetOptions extends Partial<SendLimits> {
  /** Paid-broadcast mode: the bot rate becomes 1,000/s (the sender passes `allow_paid_broadcast`). */
  readonly paidBroadcast?: boolean;
  /** The clock, in ms (fractions welcome). Default `performance.now()` (monotonic). Tests drive it. */
  readonly now?: () => number;
}

/** Idle per-chat entries are dropped every this many takes, so memory follows the live chats only. */
const SWEEP_EVERY = 4096;

/** The budget of the embedded mode: one process sends, so memory suffices. */
export class MemorySendBudget implements SendBudget {
  /** Whether sends must pass `allow_paid_broadcast: true`. */
  readonly paidBroadcast: boolean;
  readonly #plan: BudgetPlan;
  readonly #now: () => number;
  readonly #bot: GrantLog;
  readonly #chats = new Map<string, GrantLog>();
  readonly #groups = new Map<string, GrantLog>();
  #pausedUntil = -Infinity;
  #takes = 0;

  constructor(options: MemorySendBudgetOptions = {}) {
    const { paidBroadcast = false, now = () => performance.now(), ...limits } = options;
    this.paidBroadcast = paidBroadcast;
    this.#plan = budgetPlan(limits, paidBroadcast);
    this.#now = now;
    this.#bot = new GrantLog(this.#plan.bot);
  }

  take(chatId: number | string, isGroup: boolean): Promise<SendGrant> {
    const now = this.#now();
    const key = String(chatId);
    if (++this.#takes % SWEEP_EVERY === 0) this.#sweep(now);
    const chat = this.#chats.get(key);
    const group = isGroup ? this.#groups.get(key) : undefined;
    const wait = Math.max(this.#pausedUntil - now, this.#bot.waitMs(now), chat?.waitMs(now) ?? 0, group?.waitMs(now) ?? 0);
    if (wait > 0) return Promise.resolve({ ok: false, retryAfterMs: Math.max(1, Math.ceil(wait)) });
    this.#bot.record(now);
    this.#log(this.#chats, key, this.#plan.chat).record(now);
    if (isGroup) this.#log(this.#groups, key, this.#plan.group).record(now);
    return Promise.resolve({ ok: true });
  }

  async slowDown(retryAfterMs: number): Promise<void> {
    checkRetryAfter(retryAfterMs);
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#now() + retryAfterMs);
  }

  #log(map: Map<string, GrantLog>, key: string, limit: WindowLimit): GrantLog {
    let log = map.get(key);
    if (log === undefined) {
      log = new GrantLog(limit);
      map.set(key, log);
    }
    return log;
  }

  #sweep(now: number): void {
    for (const map of [this.#chats, this.#groups]) for (const [k, log] of map) if (log.idle(now)) map.delete(k);
  }
}
