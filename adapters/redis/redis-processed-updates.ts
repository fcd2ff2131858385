import { randomBytes } from 'node:crypto';
import type { ProcessedUpdates } from '../../core/ports/processed-updates.ts';
import type { RedisContext } from './redis-context.ts';

/**
 * Inbound de-duplication in Redis: one string per claimed key, `<expires at>:<token>`, set
 * by a script that also recognises a re-send of the same call (same token) after a lost
 * reply, so a reconnect never turns the first claim into a refusal. Redis drops the key
 * after the ttl (PX).
 */
export class RedisProcessedUpdates implements ProcessedUpdates {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async claim(key: string, now: number, ttlMs: number): Promise<boolean> {
    const token = randomBytes(9).toString('base64url');
    const r = await this.#ctx.script('processed.claim', 'processed-claim', [this.#ctx.keys.processed(key)], [String(now), String(ttlMs), token]);
    return r === 1;
  }

  async release(key: string): Promise<void> {
    await this.#ctx.guard('processed.release', () => this.#ctx.redis.unlink(this.#ctx.keys.processed(key)));
  }
}
