import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PROCESSED_KEEP_MS } from '../../core/ports/processed-updates.ts';
import type { ProcessedUpdates, UpdateBegin } from '../../core/ports/processed-updates.ts';
import { immediateTx, retryBusy } from './sqlite-database.ts';

/** Expired rows are swept once per this many `begin` calls (the sweep walks an index). */
const SWEEP_EVERY = 256;

interface Row {
  state: 'in_progress' | 'done';
  holder: string | null;
  expires_at: number;
}

/**
 * Inbound de-duplication in SQLite: one row per key, `state` in progress (with the holder's
 * lease token in `holder`) or done, until `expires_at`. `begin` is one `BEGIN IMMEDIATE`
 * transaction (read the row, take it over when absent or expired), so concurrent begins from
 * any connection or process serialise on the write lock and exactly one sees `new`.
 * `finish` and `abandon` are single statements.
 */
export class SqliteProcessedUpdates implements ProcessedUpdates {
  private readonly beginTx: (key: string, now: number, leaseMs: number) => UpdateBegin;
  private readonly finishStmt: Database.Statement<[string, number, number]>;
  private readonly abandonStmt: Database.Statement<[string, string]>;
  private readonly sweepStmt: Database.Statement<[number]>;
  private begins = 0;

  constructor(db: Database.Database) {
    const read = db.prepare<[string], Row>('SELECT state, holder, expires_at FROM processed_updates WHERE key = ?');
    const hold = db.prepare<[string, string, number, number]>(
      `INSERT INTO processed_updates (key, state, holder, claimed_at, expires_at) VALUES (?, 'in_progress', ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET state = excluded.state, holder = excluded.holder, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at`,
    );
    this.beginTx = immediateTx(db, (key: string, now: number, leaseMs: number): UpdateBegin => {
      const row = read.get(key);
      if (row !== undefined && now < row.expires_at) return { status: row.state, until: row.expires_at };
      const lease = randomBytes(9).toString('base64url');
      const until = now + leaseMs;
      hold.run(key, lease, now, until);
      return { status: 'new', lease, until };
    });
    this.finishStmt = db.prepare(
      `INSERT INTO processed_updates (key, state, holder, claimed_at, expires_at) VALUES (?, 'done', NULL, ?, ?)
       ON CONFLICT (key) DO UPDATE SET state = 'done', holder = NULL, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at`,
    );
    this.abandonStmt = db.prepare("DELETE FROM processed_updates WHERE key = ? AND state = 'in_progress' AND holder = ?");
    this.sweepStmt = db.prepare('DELETE FROM processed_updates WHERE expires_at <= ?');
  }

  async begin(key: string, now: number, leaseMs: number): Promise<UpdateBegin> {
    if (++this.begins % SWEEP_EVERY === 0) retryBusy(() => this.sweepStmt.run(now));
    return this.beginTx(key, now, leaseMs);
  }

  async finish(key: string, now: number, keepMs: number = PROCESSED_KEEP_MS): Promise<void> {
    retryBusy(() => this.finishStmt.run(key, now, now + keepMs));
  }

  async abandon(key: string, lease: string): Promise<boolean> {
    return retryBusy(() => this.abandonStmt.run(key, lease)).changes === 1;
  }
}
