import type Database from 'better-sqlite3';
import type { MessagePlatform, MessageRef, MessageReferences } from '../../core/ports/message-references.ts';
import { immediateTx, retryBusy } from './sqlite-database.ts';

/** A row of `message_refs`. */
export interface MessageRefRow {
  key: string;
  platform: MessagePlatform;
  chat: string;
  message_id: string;
  owner: string | null;
  at: number;
}

/** The reference of a row. */
export function refFromRow(r: MessageRefRow): MessageRef {
  return { key: r.key, platform: r.platform, chat: r.chat, messageId: r.message_id, owner: r.owner, at: r.at };
}

/**
 * Writes references on one handle; `put` must run inside a transaction (the outbox's ack
 * calls it inside its own, so the reference lands exactly when the ack does).
 */
export class SqliteRefWriter {
  private readonly clear: Database.Statement<[string, string, string, string]>;
  private readonly insert: Database.Statement<[string, string, string, string, string | null, number]>;

  constructor(private readonly db: Database.Database) {
    // One statement removes both what the key held and any other key naming the message.
    this.clear = db.prepare('DELETE FROM message_refs WHERE key = ? OR (platform = ? AND chat = ? AND message_id = ?)');
    this.insert = db.prepare('INSERT INTO message_refs (key, platform, chat, message_id, owner, at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  put(ref: MessageRef): void {
    if (!this.db.inTransaction) throw new Error('sqlite message refs written outside a transaction');
    this.clear.run(ref.key, ref.platform, ref.chat, ref.messageId);
    this.insert.run(ref.key, ref.platform, ref.chat, ref.messageId, ref.owner, ref.at);
  }
}

const writers = new WeakMap<Database.Database, SqliteRefWriter>();

/** The reference writer of a handle (one per handle, statements prepared once). */
export function refWriterFor(db: Database.Database): SqliteRefWriter {
  let w = writers.get(db);
  if (w === undefined) {
    w = new SqliteRefWriter(db);
    writers.set(db, w);
  }
  return w;
}

/** `MessageReferences` in SQLite: `message_refs`, unique by key and by (platform, chat, message_id). */
export class SqliteMessageReferences implements MessageReferences {
  private readonly getStmt: Database.Statement<[string], MessageRefRow>;
  private readonly findStmt: Database.Statement<[string, string, string], MessageRefRow>;
  private readonly putTx: (ref: MessageRef) => void;
  private readonly deleteStmt: Database.Statement<[string]>;
  private readonly eraseStmt: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    const writer = refWriterFor(db);
    this.getStmt = db.prepare('SELECT * FROM message_refs WHERE key = ?');
    this.findStmt = db.prepare('SELECT * FROM message_refs WHERE platform = ? AND chat = ? AND message_id = ?');
    this.putTx = immediateTx(db, (ref: MessageRef) => writer.put(ref));
    this.deleteStmt = db.prepare('DELETE FROM message_refs WHERE key = ?');
    this.eraseStmt = db.prepare('DELETE FROM message_refs WHERE owner = ?');
  }

  async get(key: string): Promise<MessageRef | null> {
    const r = this.getStmt.get(key);
    return r === undefined ? null : refFromRow(r);
  }

  async findByMessage(platform: MessagePlatform, chat: string, messageId: string): Promise<MessageRef | null> {
    const r = this.findStmt.get(platform, chat, messageId);
    return r === undefined ? null : refFromRow(r);
  }

  async put(ref: MessageRef): Promise<void> {
    this.putTx(ref);
  }

  async delete(key: string): Promise<void> {
    retryBusy(() => this.deleteStmt.run(key));
  }

  async eraseOwner(owner: string): Promise<number> {
    return retryBusy(() => this.eraseStmt.run(owner)).changes;
  }
}
