/**
 * A leader lease in the campaign's SQLite file, for several processes on one file (two
 * `pnyx start` by mistake, or a restart overlapping the old process): one row per lease name
 * in `leases`, holding the owner's random token and the expiry instant (wall clock, which
 * processes on one machine share). Acquire and renew read and write the row inside one
 * `BEGIN IMMEDIATE` transaction, so two processes can never both see the lease free; renew
 * and release act only on the caller's own, unexpired row — the same rules as the Redis
 * lease (adapters/redis/leader-lease.ts), and driven by the same `runWhileLeader`.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { immediate, retryBusy } from './sqlite-database.ts';

/** Options of {@link SqliteLeaderLease}. */
export interface SqliteLeaseOptions {
  /** The store's connection (see `SqliteStores.leaderLease`). */
  readonly db: Database.Database;
  /** Lease name, e.g. `scheduler`. */
  readonly name: string;
  /** Lease duration (ms): a leader that stops renewing loses it after this long. */
  readonly ttlMs: number;
  /** Owner token; default a random one per lease object. */
  readonly token?: string;
  /** Wall clock (epoch ms); default `Date.now`. Tests pass their own. */
  readonly now?: () => number;
}

interface LeaseRow {
  owner: string;
  expires_at: number;
}

/** One contender for a named lease of one SQLite file (a `LeaseContender`). */
export class SqliteLeaderLease {
  readonly token: string;
  /** `leases:<name>`, for logs. */
  readonly key: string;
  readonly name: string;
  readonly ttlMs: number;
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #get: Database.Statement<[string]>;
  readonly #put: Database.Statement<[string, string, number]>;
  readonly #renew: Database.Statement<[number, string, string, number]>;
  readonly #release: Database.Statement<[string, string]>;

  constructor(options: SqliteLeaseOptions) {
    if (!(options.ttlMs > 0)) throw new Error('SqliteLeaderLease: ttlMs must be > 0');
    this.#db = options.db;
    this.name = options.name;
    this.key = `leases:${options.name}`;
    this.ttlMs = Math.ceil(options.ttlMs);
    this.token = options.token ?? randomBytes(12).toString('base64url');
    this.#now = options.now ?? Date.now;
    this.#get = this.#db.prepare('SELECT owner, expires_at FROM leases WHERE name = ?');
    this.#put = this.#db.prepare(
      'INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at',
    );
    this.#renew = this.#db.prepare('UPDATE leases SET expires_at = ? WHERE name = ? AND owner = ? AND expires_at > ?');
    this.#release = this.#db.prepare('DELETE FROM leases WHERE name = ? AND owner = ?');
  }

  /** Takes the lease if nobody holds it, it expired, or it is ours (then renews it). True when held afterwards. */
  async acquire(): Promise<boolean> {
    return immediate(this.#db, () => {
      const now = this.#now();
      const row = this.#get.get(this.name) as LeaseRow | undefined;
      if (row !== undefined && row.owner !== this.token && row.expires_at > now) return false;
      this.#put.run(this.name, this.token, now + this.ttlMs);
      return true;
    });
  }

  /** Extends the lease to ttl from now if this contender holds it and it has not expired. */
  async renew(): Promise<boolean> {
    return immediate(this.#db, () => {
      const now = this.#now();
      return this.#renew.run(now + this.ttlMs, this.name, this.token, now).changes === 1;
    });
  }

  /** Frees the lease if this contender holds it. False when it did not. */
  async release(): Promise<boolean> {
    if (!this.#db.open) return false;
    return retryBusy(() => this.#release.run(this.name, this.token)).changes === 1;
  }
}
