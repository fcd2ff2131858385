import { randomBytes } from 'node:crypto';
import { PROCESSED_KEEP_MS } from '../../core/ports/processed-updates.ts';
import type { ProcessedUpdates, UpdateBegin } from '../../core/ports/processed-updates.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

/** An update's stored state, as `pnyx migrate` carries it. */
export interface ProcessedState {
  readonly state: 'in_progress' | 'done';
  readonly expiresAt: number;
}

/**
 * The state a stored value means (see lua/processed-begin.lua for the formats); null when it
 * is no state at all.
 */
export function processedStateOf(value: string): ProcessedState | null {
  const m = /^(?:([id]):)?(\d+)(?::|$)/.exec(value);
  if (m === null) return null;
  return { state: m[1] === 'i' ? 'in_progress' : 'done', expiresAt: Number(m[2]) };
}

/**
 * The value that stores `s` (for a restore). An in-progress state gets a lease no caller
 * holds: it runs out, nobody can abandon it early.
 */
export function processedValueOf(s: ProcessedState): string {
  return s.state === 'done' ? `d:${s.expiresAt}` : `i:${s.expiresAt}:migrated`;
}

/**
 * Inbound de-duplication in Redis: one string per key, in progress `i:<until>:<token>` or
 * done `d:<until>`. `begin` is a script (lua/processed-begin.lua) that also recognises a
 * re-send of the same call (same token) after a lost reply, so a reconnect never turns a
 * `new` into `in_progress`. The in-progress value itself is the lease: `abandon` deletes the
 * key only while it still holds that value, so a holder whose lease was taken over (the
 * value then carries the taker's token) or finished (`d:…`) changes nothing. `finish` is a
 * plain SET: it needs no lease. Redis drops a key after its lease or keep time (PX).
 */
export class RedisProcessedUpdates implements ProcessedUpdates {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async begin(key: string, now: number, leaseMs: number): Promise<UpdateBegin> {
    const token = randomBytes(9).toString('base64url');
    const [code, until, lease] = (await this.#ctx.script('processed.begin', 'processed-begin', [this.#ctx.keys.processed(key)], [String(now), String(leaseMs), token])) as [
      number,
      number,
      string?,
    ];
    const outcome = outcomeOf('processed-begin', code, ['claimed', 'not_owner', 'duplicate']);
    if (outcome === 'claimed') return { status: 'new', lease: String(lease), until: Number(until) };
    return { status: outcome === 'not_owner' ? 'in_progress' : 'done', until: Number(until) };
  }

  async finish(key: string, now: number, keepMs: number = PROCESSED_KEEP_MS): Promise<void> {
    const value = processedValueOf({ state: 'done', expiresAt: now + keepMs });
    await this.#ctx.guard('processed.finish', () => this.#ctx.redis.set(this.#ctx.keys.processed(key), value, 'PX', Math.max(1, Math.trunc(keepMs))));
  }

  async abandon(key: string, lease: string): Promise<boolean> {
    // Only an in-progress value is a lease: a done value (`d:…`, or an old-style claim)
    // passed in by mistake must not delete the state it names.
    if (!lease.startsWith('i:')) return false;
    const code = await this.#ctx.script('processed.abandon', 'lease-release', [this.#ctx.keys.processed(key)], [lease]);
    return outcomeOf('lease-release', code, ['ok', 'not_owner']) === 'ok';
  }
}
