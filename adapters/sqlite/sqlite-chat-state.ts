import type Database from 'better-sqlite3';
import { CHAT_STATE_MAX_BYTES, chatStateExpiry, encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { ChatStateStore, ChatStateWrite, ChatStateWriteOutcome, JsonValue } from '../../core/ports/chat-state-store.ts';
import { retryBusy } from './sqlite-database.ts';

/** Expired entries are swept once per this many writes, at most {@link SWEEP_LIMIT} at a time. */
const SWEEP_EVERY = 64;
/** More than a sweep period's writes can leave behind, so sweeping keeps up with any write rate. */
const SWEEP_LIMIT = 256;

/**
 * Conversation state in the `chat_state` table. Each method is one statement, so it is
 * atomic across connections and processes without a separate transaction: a write is one
 * upsert (last one wins, whole), an erasure one delete by the owner index. An expired row is
 * never returned; it is deleted when read, and in bounded sweeps every {@link SWEEP_EVERY}
 * writes (`purgeExpired`).
 */
export class SqliteChatState implements ChatStateStore {
  private readonly readStmt: Database.Statement<[string]>;
  private readonly dropExpiredStmt: Database.Statement<[string, number]>;
  private readonly writeStmt: Database.Statement<[string, string, number, string]>;
  private readonly deleteStmt: Database.Statement<[string]>;
  private readonly eraseStmt: Database.Statement<[string]>;
  private readonly purgeStmt: Database.Statement<[number, number]>;
  private writes = 0;

  constructor(db: Database.Database) {
    this.readStmt = db.prepare('SELECT data, expires_at FROM chat_state WHERE key = ?');
    // Conditional: a fresh write by another connection since the read is kept.
    this.dropExpiredStmt = db.prepare('DELETE FROM chat_state WHERE key = ? AND expires_at <= ?');
    this.writeStmt = db.prepare(
      `INSERT INTO chat_state (key, owner, expires_at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at, data = excluded.data`,
    );
    this.deleteStmt = db.prepare('DELETE FROM chat_state WHERE key = ?');
    this.eraseStmt = db.prepare('DELETE FROM chat_state WHERE owner = ?');
    this.purgeStmt = db.prepare(
      'DELETE FROM chat_state WHERE key IN (SELECT key FROM chat_state WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)',
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
    retryBusy(() => this.writeStmt.run(key, options.owner, expiresAt, text));
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
    return retryBusy(() => this.purgeStmt.run(now, Math.max(0, Math.trunc(limit)))).changes;
  }
}
