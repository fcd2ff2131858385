/**
 * The Telegram send budget in Redis: every instance that sends with one bot token takes its
 * slots from the same counters (rate-limiter-flexible `RateLimiterRedis`, whose
 * increment-and-expire is one Lua script, so instances never over-grant together). Keys:
 * `<keyPrefix>tg-send:<token hash>:{bot,chat,group}:<id>`. The token never reaches Redis,
 * a log or an error; only 64 bits of its SHA-256 name the budget. Each counter is one key
 * taken by a one-key script, so on a Redis Cluster the counters spread over the masters and
 * need no hash tag.
 */
import { createHash } from 'node:crypto';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { BudgetLimiters, SendBudget, SendGrant, SendLimits } from '../system/memory-send-budget.ts';
import { TELEGRAM_SEND_LIMITS, limiterSettings, takeSlot } from '../system/memory-send-budget.ts';
import { wrapError } from './redis-errors.ts';
import type { RedisClient } from './redis-context.ts';

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
}

/** Names a bot token's budget without revealing the token: 16 hex digits of its SHA-256. */
export function tokenTag(botToken: string): string {
  return createHash('sha256').update(botToken, 'utf8').digest('hex').slice(0, 16);
}

/** The send budget shared through Redis by every instance using one bot token. */
export class RedisSendBudget implements SendBudget {
  /** Prefix of every key of this budget (holds the token hash, never the token). */
  readonly keyPrefix: string;
  readonly #limiters: BudgetLimiters;

  constructor(options: RedisSendBudgetOptions) {
    if (options.botToken === '') throw new Error('RedisSendBudget: botToken must not be empty');
    const s = limiterSettings({ ...TELEGRAM_SEND_LIMITS, ...options.limits });
    this.keyPrefix = `${options.keyPrefix ?? 'pnyx:'}tg-send:${tokenTag(options.botToken)}`;
    const make = (name: keyof BudgetLimiters): RateLimiterRedis =>
      new RateLimiterRedis({ storeClient: options.redis, keyPrefix: `${this.keyPrefix}:${name}`, ...s[name] });
    this.#limiters = { bot: make('bot'), chat: make('chat'), group: make('group') };
  }

  take(chatId: number | string, isGroup: boolean): Promise<SendGrant> {
    return takeSlot(this.#limiters, chatId, isGroup, (e) => wrapError('send-budget.take', e, []).message);
  }
}
