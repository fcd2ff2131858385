import type Database from 'better-sqlite3';
import type { ProcessedUpdates } from '../../core/ports/processed-updates.ts';
import { retryBusy } from './sqlite-database.ts';

/** Expired claims are swept once per this many claims (the sweep walks an index). */
const SWEEP_EVERY = 256;

/**
 * Inbound de-duplication in SQLite. A claim is one upsert statement — insert, or take over a
 * row whose claim has expired — so it is atomic across connections and processes without a
 * separate transaction; exactly one claimant sees a changed row.
 */
export class SqliteProcessedUpdates implements ProcessedUpdates {
  private readonly claimStmt: Database.Statement<[string, number, number, number]>;
  private readonly releaseStmt: Database.Statement<[string]>;
  private readonly sweepStmt: Database.Statement<[number]>;
  private claims = 0;

  constructor(db: Database.Database) {
    this.claimStmt = db.prepare(
      `INSERT INTO processed_updates (key, claimed_at, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
       WHERE processed_updates.expires_at <= ?`,
    );
    this.releaseStmt = db.prepare('DELETE FROM processed_updates WHERE key = ?');
    this.sweepStmt = db.prepare('DELETE FROM processed_updates WHERE expires_at <= ?');
  }

  async claim(key: string, now: number, ttlMs: number): Promise<boolean> {
    if (++this.claims % SWEEP_EVERY === 0) retryBusy(() => this.sweepStmt.run(now));
    return retryBusy(() => this.claimStmt.run(key, now, now + ttlMs, now)).changes === 1;
  }

  async release(key: string): Promise<void> {
    retryBusy(() => this.releaseStmt.run(key));
  }
}
