/**
 * The Telegram send budget (SPEC §2.5): before each message a delivery worker takes a slot
 * from it, and waits `retryAfterMs` when refused. Limits, per bot token: about 30 messages/s
 * overall, 1/s per chat, and 20/min per group chat. `MemorySendBudget` serves the embedded
 * mode (one process); `RedisSendBudget` (adapters/redis) shares one budget between every
 * instance that sends with the same token. Both use rate-limiter-flexible's fixed windows.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Answer of `take`: send now, or wait at least `retryAfterMs` (ms) and ask again. */
export type SendGrant = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** A send budget shared by whoever sends with one bot token. */
export interface SendBudget {
  /**
   * Takes one message slot for `chatId` (a group when `isGroup`). Granted only when the
   * chat's, the group's (if any) and the bot's limits all allow it — a refusal consumes
   * nothing. Throws (secret-free) when the budget's store is unreachable.
   */
  take(chatId: number | string, isGroup: boolean): Promise<SendGrant>;
}

/** Message limits of one bot token. */
export interface SendLimits {
  /** Messages per second over all chats. Default 30. */
  readonly perBotPerSecond: number;
  /** Messages per second to one chat (private or group). Default 1. */
  readonly perChatPerSecond: number;
  /** Messages per minute to one group chat. Default 20. */
  readonly perGroupPerMinute: number;
}

/** Telegram's published limits (core.telegram.org/bots/faq). */
export const TELEGRAM_SEND_LIMITS: SendLimits = { perBotPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 };

/** The part of a rate-limiter-flexible limiter the budget uses. */
export interface BudgetLimiter {
  consume(key: string | number, points?: number): Promise<RateLimiterRes>;
  reward(key: string | number, points?: number): Promise<RateLimiterRes>;
}

/** The three limiters of a budget: window lengths are fixed (1 s, 1 s, 60 s). */
export interface BudgetLimiters {
  readonly bot: BudgetLimiter;
  readonly chat: BudgetLimiter;
  readonly group: BudgetLimiter;
}

/** Limiter settings (rate-limiter-flexible `points` per `duration` seconds) of `limits`. */
export function limiterSettings(limits: SendLimits): Record<keyof BudgetLimiters, { points: number; duration: number }> {
  for (const [name, v] of Object.entries(limits)) if (!Number.isInteger(v) || v < 1) throw new Error(`send budget: ${name} must be a whole number ≥ 1`);
  return {
    bot: { points: limits.perBotPerSecond, duration: 1 },
    chat: { points: limits.perChatPerSecond, duration: 1 },
    group: { points: limits.perGroupPerMinute, duration: 60 },
  };
}

/** A budget store failure (never carries a token or a message). */
export class SendBudgetError extends Error {
  override readonly name = 'SendBudgetError';
}

/**
 * Takes one slot from the chat's, the group's and the bot's limiters, in that order: a chat
 * over its own limit is refused before it eats into the bot-wide budget. When a later
 * limiter refuses, the slots already taken are given back.
 */
export async function takeSlot(limiters: BudgetLimiters, chatId: number | string, isGroup: boolean, describe: (e: unknown) => string): Promise<SendGrant> {
  const chat = String(chatId);
  const steps: [BudgetLimiter, string][] = [[limiters.chat, chat]];
  if (isGroup) steps.push([limiters.group, chat]);
  steps.push([limiters.bot, 'all']);
  const taken: [BudgetLimiter, string][] = [];
  for (const [limiter, key] of steps) {
    try {
      await limiter.consume(key, 1);
      taken.push([limiter, key]);
    } catch (e) {
      // Refunds are best effort: an unreturned slot only delays a message by one window.
      await Promise.allSettled(taken.map(([l, k]) => l.reward(k, 1)));
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterMs: Math.max(1, Math.ceil(e.msBeforeNext)) };
      throw new SendBudgetError(`send budget: ${describe(e)}`);
    }
  }
  return { ok: true };
}

/** The budget of the embedded mode: one process sends, so memory suffices. */
export class MemorySendBudget implements SendBudget {
  readonly #limiters: BudgetLimiters;

  /** `limits`: default Telegram's (`TELEGRAM_SEND_LIMITS`). */
  constructor(limits: Partial<SendLimits> = {}) {
    const s = limiterSettings({ ...TELEGRAM_SEND_LIMITS, ...limits });
    this.#limiters = {
      bot: new RateLimiterMemory({ keyPrefix: 'bot', ...s.bot }),
      chat: new RateLimiterMemory({ keyPrefix: 'chat', ...s.chat }),
      group: new RateLimiterMemory({ keyPrefix: 'group', ...s.group }),
    };
  }

  take(chatId: number | string, isGroup: boolean): Promise<SendGrant> {
    return takeSlot(this.#limiters, chatId, isGroup, (e) => (e instanceof Error ? e.message : 'failed'));
  }
}
