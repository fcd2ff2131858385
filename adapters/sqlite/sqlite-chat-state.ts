import type Database from 'better-sqlite3';
import { CHAT_STATE_MAX_BYTES, chatStateExpiry, encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { ChatStateStore, ChatStateWrite, ChatStateWriteOutcome, JsonValue } from '../../core/ports/chat-state-store.ts';
import { retryBusy } from './sqlite-database.ts';

/** Expired entries are swept once per this many writes, at most {@link SWEEP_LIMIT} at a time. */
const SWEEP_EVERY = 64;
/** More than a sweep period's writes can leave behind, so sweeping keeps up with any write rate. */
const SWEEP_LIMIT = 256;

const HOUR_MS = 3_600_000;

/** The `expires_hour` column of an expiry instant: the hour it falls in (epoch ms / 1 h, rounded down). */
export function expiresHour(expiresAt: number): number {
  return Math.floor(expiresAt / HOUR_MS);
}

/**
 * Conversation state in the `chat_state` table. A write is one statement — an update of the
 * existing row, or when there is none (or its owner or expiry hour changed) an upsert — so it
 * applies the whole value atomically across connections and processes without a separate
 * transaction (the last one applied wins, whole); an erasure is one delete by the owner index.
 * An expired row is never returned; it is deleted when read, and in bounded sweeps every
 * {@link SWEEP_EVERY} writes (`purgeExpired`).
 *
 * Cost: most updates of the residents' bot write their chat's state, each moving its expiry by
 * a few seconds. The expiry is indexed by its hour (`expires_hour`), not the instant, so the
 * common write — same owner, expiry in the same hour — changes no indexed column and rewrites
 * the row alone (migration 10; about half the cost of the upsert it replaced).
 */
export class SqliteChatState implements ChatStateStore {
  private readonly readStmt: Database.Statement<[string]>;
  private readonly dropExpiredStmt: Database.Statement<[string, number]>;
  private readonly updateStmt: Database.Statement<[number, string, string, string, number]>;
  private readonly writeStmt: Database.Statement<[string, string, number, number, string]>;
  private readonly deleteStmt: Database.Statement<[string]>;
  private readonly eraseStmt: Database.Statement<[string]>;
  private readonly purgeStmt: Database.Statement<[number, number, number]>;
  private writes = 0;

  constructor(db: Database.Database) {
    this.readStmt = db.prepare('SELECT data, expires_at FROM chat_state WHERE key = ?');
    // Conditional: a fresh write by another connection since the read is kept.
    this.dropExpiredStmt = db.prepare('DELETE FROM chat_state WHERE key = ? AND expires_at <= ?');
    // Only unindexed columns change: the key, owner and expiry-hour indexes are left as they are.
    this.updateStmt = db.prepare('UPDATE chat_state SET expires_at = ?, data = ? WHERE key = ? AND owner = ? AND expires_hour = ?');
    this.writeStmt = db.prepare(
      `INSERT INTO chat_state (key, owner, expires_at, expires_hour, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, expires_hour = excluded.expires_hour, data = excluded.data`,
    );
    this.deleteStmt = db.prepare('DELETE FROM chat_state WHERE key = ?');
    this.eraseStmt = db.prepare('DELETE FROM chat_state WHERE owner = ?');
    // The hour index bounds the candidates (every expired row is in an hour <= now's); the
    // exact expiry picks the expired ones among them, oldest first.
    this.purgeStmt = db.prepare(
      'DELETE FROM chat_state WHERE key IN (SELECT key FROM chat_state WHERE expires_hour <= ? AND expires_at <= ? ORDER BY expires_at LIMIT ?)',
    );
  }

  async read(key: string, now: number): Promise<JsonValue | undefined> {
    const row = this.readStmt.get(key) as { data: string; expires_at: number } | undefined;
    if (row === undefined) return undefined;
    if (row.expires_at <= now) {
      retryBusy(() => this.dropExpiredStmt.run(key, now));
      return undefined;
    }
    return JSON.parse(row.data) as JsonValue;
  }

  async write(key: string, value: JsonValue, options: ChatStateWrite): Promise<ChatStateWriteOutcome> {
    const expiresAt = chatStateExpiry(options);
    const { text, bytes } = encodeChatState(value);
    if (bytes > CHAT_STATE_MAX_BYTES) return 'too_large';
    const hour = expiresHour(expiresAt);
    retryBusy(() => {
      // No row, another owner or another hour: the upsert (another connection may have
      // created the row since the update found none; the upsert then replaces it, last wins).
      if (this.updateStmt.run(expiresAt, text, key, options.owner, hour).changes === 0) this.writeStmt.run(key, options.owner, expiresAt, hour, text);
    });
    if (++this.writes % SWEEP_EVERY === 0) this.purgeExpired(options.now, SWEEP_LIMIT);
    return 'written';
  }

  async delete(key: string): Promise<void> {
    retryBusy(() => this.deleteStmt.run(key));
  }

  async eraseOwner(owner: string): Promise<number> {
    return retryBusy(() => this.eraseStmt.run(owner)).changes;
  }

  /** Deletes up to `limit` entries expired at `now` (oldest first); returns how many. */
  purgeExpired(now: number, limit: number): number {
    return retryBusy(() => this.purgeStmt.run(expiresHour(now), now, Math.max(0, Math.trunc(limit)))).changes;
  }
}
