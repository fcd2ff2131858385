import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { PROCESSED_KEEP_MS } from '../../core/ports/processed-updates.ts';
import type { ProcessedUpdates, UpdateBegin } from '../../core/ports/processed-updates.ts';
import type { GroupCommit } from './sqlite-database.ts';

/** Expired rows are swept once per this many `begin` calls (the sweep walks an index). */
const SWEEP_EVERY = 256;

interface Row {
  state: 'in_progress' | 'done';
  holder: string | null;
  expires_at: number;
}

/** Attempts of `begin` when the row it found is gone before it could be read (another caller's abandon or sweep). */
const BEGIN_ATTEMPTS = 4;

/**
 * Inbound de-duplication in SQLite: one row per key, `state` in progress (with the holder's
 * lease token in `holder`) or done, until `expires_at`. `begin` is one statement — an upsert
 * that inserts the key, or takes over its row only when that row has expired, and says
 * whether it did (`RETURNING`) — so concurrent begins from any connection or process
 * serialise on SQLite's write lock and exactly one sees `new`; a caller that took nothing
 * reads the row it met. (One statement rather than a `BEGIN IMMEDIATE` read-then-write: the
 * same atomicity, a third of the steps on every Slack request and Telegram update.)
 * `finish` and `abandon` are single statements. All three go through the store's group
 * commit (see {@link GroupCommit}): the requests of one turn of the event loop share one
 * commit, and each call settles once that commit is done.
 */
export class SqliteProcessedUpdates implements ProcessedUpdates {
  private readonly holdStmt: Database.Statement<[string, string, number, number], { held: number }>;
  private readonly readStmt: Database.Statement<[string], Row>;
  private readonly finishStmt: Database.Statement<[string, number, number]>;
  private readonly abandonStmt: Database.Statement<[string, string]>;
  private readonly sweepStmt: Database.Statement<[number]>;
  private begins = 0;

  constructor(
    db: Database.Database,
    private readonly group: GroupCommit,
  ) {
    this.readStmt = db.prepare<[string], Row>('SELECT state, holder, expires_at FROM processed_updates WHERE key = ?');
    this.holdStmt = db.prepare<[string, string, number, number], { held: number }>(
      `INSERT INTO processed_updates (key, state, holder, claimed_at, expires_at) VALUES (?, 'in_progress', ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET state = excluded.state, holder = excluded.holder, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
       WHERE processed_updates.expires_at <= excluded.claimed_at
       RETURNING 1 AS held`,
    );
    this.finishStmt = db.prepare(
      `INSERT INTO processed_updates (key, state, holder, claimed_at, expires_at) VALUES (?, 'done', NULL, ?, ?)
       ON CONFLICT (key) DO UPDATE SET state = 'done', holder = NULL, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at`,
    );
    this.abandonStmt = db.prepare("DELETE FROM processed_updates WHERE key = ? AND state = 'in_progress' AND holder = ?");
    this.sweepStmt = db.prepare('DELETE FROM processed_updates WHERE expires_at <= ?');
  }

  begin(key: string, now: number, leaseMs: number): Promise<UpdateBegin> {
    return this.group.run(() => this.beginNow(key, now, leaseMs));
  }

  private beginNow(key: string, now: number, leaseMs: number): UpdateBegin {
    if (++this.begins % SWEEP_EVERY === 0) this.sweepStmt.run(now);
    const until = now + leaseMs;
    for (let attempt = 1; ; attempt++) {
      // randomUUID draws from a pooled entropy buffer: no system call per request.
      const lease = randomUUID();
      if (this.holdStmt.get(key, lease, now, until) !== undefined) return { status: 'new', lease, until };
      const row = this.readStmt.get(key);
      if (row !== undefined && now < row.expires_at) return { status: row.state, until: row.expires_at };
      // The row met was removed, or expired, meanwhile: try to take the key again.
      if (attempt >= BEGIN_ATTEMPTS) throw new Error('processed_updates: the key kept changing under begin');
    }
  }

  async finish(key: string, now: number, keepMs: number = PROCESSED_KEEP_MS): Promise<void> {
    await this.group.run(() => this.finishStmt.run(key, now, now + keepMs));
  }

  abandon(key: string, lease: string): Promise<boolean> {
    return this.group.run(() => this.abandonStmt.run(key, lease).changes === 1);
  }
}
