/**
 * A leader lease in Redis: the instance holding `lease:<name>` runs the scheduler and long
 * polling; the others wait. Acquire is SET NX PX with a random owner token; renew and
 * release are Lua scripts that act only when the stored token is the caller's
 * (lua/lease-renew.lua, lua/lease-release.lua), so an instance never extends or frees a
 * lease that expired and was taken by another. One key per lease, so on a cluster it simply
 * lives on the master of its slot (the campaign's, through the prefix's hash tag).
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { outcomeOf } from './outcomes.ts';
import { defineScripts } from './scripts.ts';
import type { ScriptRunner } from './scripts.ts';
import { wrapError } from './redis-errors.ts';
import type { RedisClient } from './redis-context.ts';

/** Options of a lease. */
export interface LeaderLeaseOptions {
  /** An ioredis connection to a server or a cluster (e.g. `RedisStores.client`). */
  readonly redis: RedisClient;
  /** Full key of the lease (e.g. `keys.lease('scheduler')`). */
  readonly key: string;
  /** Lease duration (ms): a leader that stops renewing loses it after this long. */
  readonly ttlMs: number;
  /** Owner token; default a random one per lease object. */
  readonly token?: string;
}

/**
 * What `runWhileLeader` needs of a lease, whatever holds it (this Redis lease, the SQLite
 * `leases` row of adapters/sqlite/sqlite-lease.ts): acquire, renew and release, each acting
 * only for this contender's own token.
 */
export interface LeaseContender {
  /** Where the lease lives, for logs (a Redis key, a SQLite lease name). */
  readonly key: string;
  /** Lease duration (ms): a leader that stops renewing loses it after this long. */
  readonly ttlMs: number;
  /** Takes the lease if free, expired or already ours (then renews it). True when held afterwards. */
  acquire(): Promise<boolean>;
  /** Extends the lease to ttl from now if this contender still holds it. False when it does not. */
  renew(): Promise<boolean>;
  /** Frees the lease if this contender holds it. False when it did not. */
  release(): Promise<boolean>;
}

/** One contender for a named lease. */
export class LeaderLease implements LeaseContender {
  /** This contender's owner token. */
  readonly token: string;
  readonly key: string;
  readonly ttlMs: number;
  readonly #redis: RedisClient;
  readonly #run: ScriptRunner;

  constructor(options: LeaderLeaseOptions) {
    if (!(options.ttlMs > 0)) throw new Error('LeaderLease: ttlMs must be > 0');
    this.#redis = options.redis;
    this.key = options.key;
    this.ttlMs = Math.ceil(options.ttlMs);
    this.token = options.token ?? randomBytes(12).toString('base64url');
    this.#run = defineScripts(options.redis);
  }

  /** Takes the lease if free (or already ours, then renews it). True when held afterwards. */
  async acquire(): Promise<boolean> {
    try {
      const set = await this.#redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
      if (set === 'OK') return true;
      // Ours already (a re-acquire, or a SET whose reply was lost in a reconnect)?
      return await this.renew();
    } catch (e) {
      throw wrapError('lease.acquire', e, []);
    }
  }

  /** Extends the lease to ttl from now if this contender holds it. False when it does not. */
  async renew(): Promise<boolean> {
    try {
      const code = await this.#run('lease-renew', [this.key], [this.token, this.ttlMs]);
      return outcomeOf('lease-renew', code, ['ok', 'not_owner']) === 'ok';
    } catch (e) {
      throw wrapError('lease.renew', e, []);
    }
  }

  /** Frees the lease if this contender holds it. False when it did not. */
  async release(): Promise<boolean> {
    try {
      const code = await this.#run('lease-release', [this.key], [this.token]);
      return outcomeOf('lease-release', code, ['ok', 'not_owner']) === 'ok';
    } catch (e) {
      throw wrapError('lease.release', e, []);
    }
  }
}

/** Options of `runWhileLeader`. */
export interface RunWhileLeaderOptions {
  /** Stops contending (and the work, then releases the lease). */
  readonly signal?: AbortSignal;
  /** Renew period while leader (ms); default ttl / 3. */
  readonly renewEveryMs?: number;
  /** Period of acquire attempts while not leader (ms); default ttl / 2. */
  readonly retryEveryMs?: number;
  readonly logger?: Logger;
  /** Told when this contender becomes (true) or stops being (false) the leader. */
  readonly onLeadership?: (leader: boolean) => void;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Contends for `lease` until `signal` aborts; while leader runs `work` with a signal that
 * aborts as soon as leadership is lost (a failed or refused renew: the lease may have
 * expired, so the work must stop before another leader starts). `work` resolving or
 * throwing ends the run (the lease is released); abort ends it too.
 */
export async function runWhileLeader(lease: LeaseContender, work: (signal: AbortSignal) => Promise<void>, options: RunWhileLeaderOptions = {}): Promise<void> {
  const { signal, logger } = options;
  const renewEvery = options.renewEveryMs ?? Math.max(1, Math.floor(lease.ttlMs / 3));
  const retryEvery = options.retryEveryMs ?? Math.max(1, Math.floor(lease.ttlMs / 2));
  while (!signal?.aborted) {
    let held = false;
    try {
      held = await lease.acquire();
    } catch (e) {
      logger?.warn({ err: { message: (e as Error).message }, key: lease.key }, 'lease acquire failed');
    }
    if (!held) {
      await sleep(retryEvery, signal);
      continue;
    }
    options.onLeadership?.(true);
    const leadership = new AbortController();
    const stop = (): void => leadership.abort();
    signal?.addEventListener('abort', stop, { once: true });
    const state = { finished: false, lost: false, failure: null as unknown };
    const running = work(leadership.signal).then(
      () => {
        state.finished = true;
      },
      (e: unknown) => {
        state.finished = true;
        state.failure = e ?? new Error('work failed');
      },
    );
    while (!state.finished && !leadership.signal.aborted) {
      await Promise.race([running, sleep(renewEvery, leadership.signal)]);
      if (state.finished || leadership.signal.aborted) break;
      let kept = false;
      try {
        kept = await lease.renew();
      } catch (e) {
        logger?.warn({ err: { message: (e as Error).message }, key: lease.key }, 'lease renew failed');
      }
      if (!kept) {
        logger?.warn({ key: lease.key }, 'leadership lost');
        state.lost = true;
        leadership.abort();
      }
    }
    leadership.abort();
    await running;
    signal?.removeEventListener('abort', stop);
    options.onLeadership?.(false);
    try {
      await lease.release();
    } catch (e) {
      logger?.warn({ err: { message: (e as Error).message }, key: lease.key }, 'lease release failed');
    }
    if (state.failure !== null && !state.lost && !signal?.aborted) throw state.failure;
    // Lost leadership: contend again. Work that ended on its own, or an abort: done.
    if (!state.lost) return;
  }
}
