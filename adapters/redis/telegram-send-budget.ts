/**
 * The Telegram send budget in Redis: every instance that sends with one bot token takes its
 * slots from the same logs, by one Lua script (`lua/send-budget-take.lua`, the algorithm of
 * adapters/system/memory-send-budget.ts on Redis time, so instances whose clocks disagree
 * still space their sends right). Keys: `<keyPrefix>tg-send:{<token hash>}:` + `pause`,
 * `bot`, `bot-tat`, `chat:<id>`, `group:<id>`. The token never reaches Redis, a log or an
 * error; only 64 bits of its SHA-256 name the budget. The hash tag keeps one bot's keys in one
 * slot, so on a Redis Cluster a take is one atomic script on one master — checked and
 * recorded at once, never over-granted — and a `slowDown` is seen by the very next take of
 * every instance. One bot's sending is a few hundred small commands a second at most: one
 * master carries it easily.
 */
import { createHash } from 'node:crypto';
import type { BudgetPlan, SendBudget, SendGrant, SendLimits } from '../system/memory-send-budget.ts';
import { SendBudgetError, budgetPlan, checkRetryAfter } from '../system/memory-send-budget.ts';
import { wrapError } from './redis-errors.ts';
import type { RedisClient } from './redis-context.ts';
import { defineScripts } from './scripts.ts';
import type { ScriptRunner } from './scripts.ts';

/** Options of the Redis send budget. */
export interface RedisSendBudgetOptions {
  /** An ioredis connection to a server or a cluster (e.g. `RedisStores.client`). */
  readonly redis: RedisClient;
  /** The bot token; only a hash of it is used (in key names). */
  readonly botToken: string;
  /**
   * Prefix of the budget's keys. Default `pnyx:` — deliberately not a campaign prefix: the
   * limits are per bot token, so campaigns sending with one token share one budget.
   */
  readonly keyPrefix?: string;
  /** Default Telegram's (`TELEGRAM_SEND_LIMITS`). */
  readonly limits?: Partial<SendLimits>;
  /** Paid-broadcast mode: the bot rate becomes 1,000/s (the sender passes `allow_paid_broadcast`). */
  readonly paidBroadcast?: boolean;
}

/** Names a bot token's budget without revealing the token: 16 hex digits of its SHA-256. */
export function tokenTag(botToken: string): string {
  return createHash('sha256').update(botToken, 'utf8').digest('hex').slice(0, 16);
}

const US_PER_MS = 1000;

/** The send budget shared through Redis by every instance using one bot token. */
export class RedisSendBudget implements SendBudget {
  /** Prefix of every key of this budget (holds the token hash as hash tag, never the token). */
  readonly keyPrefix: string;
  /** Whether sends must pass `allow_paid_broadcast: true`. */
  readonly paidBroadcast: boolean;
  readonly #run: ScriptRunner;
  readonly #args: readonly number[];

  constructor(options: RedisSendBudgetOptions) {
    if (options.botToken === '') throw new Error('RedisSendBudget: botToken must not be empty');
    this.paidBroadcast = options.paidBroadcast === true;
    const plan: BudgetPlan = budgetPlan(options.limits, this.paidBroadcast);
    this.keyPrefix = `${options.keyPrefix ?? 'pnyx:'}tg-send:{${tokenTag(options.botToken)}}:`;
    this.#run = defineScripts(options.redis);
    const { bot, chat, group } = plan;
    this.#args = [
      bot.count,
      bot.windowMs * US_PER_MS,
      // Rounded up: the even schedule never runs faster than the rate.
      Math.ceil((bot.windowMs * US_PER_MS) / bot.count),
      chat.count,
      chat.windowMs * US_PER_MS,
      group.count,
      group.windowMs * US_PER_MS,
    ];
  }

  async take(chatId: number | string, isGroup: boolean): Promise<SendGrant> {
    const p = this.keyPrefix;
    const keys = [`${p}pause`, `${p}bot`, `${p}bot-tat`, `${p}chat:${chatId}`, ...(isGroup ? [`${p}group:${chatId}`] : [])];
    let waitUs: unknown;
    try {
      waitUs = await this.#run('send-budget-take', keys, this.#args);
    } catch (e) {
      throw new SendBudgetError(`send budget: ${wrapError('send-budget.take', e, []).message}`);
    }
    const wait = Number(waitUs);
    return wait <= 0 ? { ok: true } : { ok: false, retryAfterMs: Math.max(1, Math.ceil(wait / US_PER_MS)) };
  }

  async slowDown(retryAfterMs: number): Promise<void> {
    checkRetryAfter(retryAfterMs);
    try {
      await this.#run('send-budget-pause', [`${this.keyPrefix}pause`], [retryAfterMs]);
    } catch (e) {
      throw new SendBudgetError(`send budget: ${wrapError('send-budget.slowDown', e, []).message}`);
    }
  }
}
