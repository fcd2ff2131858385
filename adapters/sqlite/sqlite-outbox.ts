import type Database from 'better-sqlite3';
import type { MessageParams } from '../../core/domain/domain-error.ts';
import type { Outbox, OutboxMessage } from '../../core/ports/outbox.ts';
import type { OutboxDraft, Recipient } from '../../core/ports/side-records.ts';
import { immediateTx, retryBusy } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

/** A row of `outbox`. */
export interface OutboxRow {
  seq: number;
  key: string;
  recipient: string;
  template: string;
  params: string;
  not_before: number;
  status: OutboxMessage['status'];
  attempts: number;
  last_error: string | null;
  lease_until: number | null;
  group_id: string | null;
}

/** The message of a row (its lease is not part of it). */
export function messageFromRow(r: OutboxRow): OutboxMessage {
  return {
    seq: r.seq,
    key: r.key,
    recipient: JSON.parse(r.recipient) as Recipient,
    template: r.template,
    params: JSON.parse(r.params) as MessageParams,
    notBefore: r.not_before,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    ...(r.group_id === null ? {} : { group: r.group_id }),
  };
}

/**
 * The outbox in SQLite. `seq` is an AUTOINCREMENT rowid, so it only grows. A claim is one
 * immediate transaction that picks due pending rows without a live lease and stamps
 * `lease_until`; each claim counts as one delivery attempt. Workers in several processes never
 * get the same message while its lease runs.
 */
export class SqliteOutbox implements Outbox {
  private readonly enqueueTx: (drafts: readonly OutboxDraft[]) => void;
  private readonly claimTx: (now: number, limit: number, leaseMs: number) => OutboxMessage[];
  private readonly ackStmt: Database.Statement<[number]>;
  private readonly retryStmt: Database.Statement<[number, string, number]>;
  private readonly failStmt: Database.Statement<[string, number]>;
  private readonly countsStmt: Database.Statement<[], { status: OutboxMessage['status']; n: number }>;
  private readonly groupCountsStmt: Database.Statement<[string], { status: OutboxMessage['status']; n: number }>;
  private readonly listStmt: Database.Statement<[number, number], OutboxRow>;

  constructor(db: Database.Database) {
    const side = sideRecordsFor(db);
    this.enqueueTx = immediateTx(db, (drafts: readonly OutboxDraft[]) => side.enqueue(drafts));
    const due = db.prepare<[number, number, number], OutboxRow>(
      `SELECT * FROM outbox
       WHERE status = 'pending' AND not_before <= ? AND (lease_until IS NULL OR lease_until <= ?)
       ORDER BY seq LIMIT ?`,
    );
    const lease = db.prepare<[number, number]>('UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE seq = ?');
    this.claimTx = immediateTx(db, (now: number, limit: number, leaseMs: number) => {
      const rows = due.all(now, now, limit);
      for (const r of rows) lease.run(now + leaseMs, r.seq);
      return rows.map((r) => messageFromRow({ ...r, attempts: r.attempts + 1 }));
    });
    this.ackStmt = db.prepare("UPDATE outbox SET status = 'sent', lease_until = NULL WHERE seq = ? AND status <> 'sent'");
    this.retryStmt = db.prepare(
      `UPDATE outbox SET not_before = ?, last_error = ?, lease_until = NULL
       WHERE seq = ? AND status = 'pending'`,
    );
    this.failStmt = db.prepare(
      "UPDATE outbox SET status = 'failed', last_error = ?, lease_until = NULL WHERE seq = ? AND status = 'pending'",
    );
    this.countsStmt = db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status');
    this.listStmt = db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    this.groupCountsStmt = db.prepare('SELECT status, COUNT(*) AS n FROM outbox INDEXED BY outbox_by_group WHERE group_id = ? GROUP BY status');
  }

  async enqueue(drafts: readonly OutboxDraft[]): Promise<void> {
    if (drafts.length > 0) this.enqueueTx(drafts);
  }

  async claim(now: number, limit: number, leaseMs: number): Promise<readonly OutboxMessage[]> {
    if (limit <= 0) return [];
    return this.claimTx(now, limit, leaseMs);
  }

  async ack(seq: number): Promise<void> {
    retryBusy(() => this.ackStmt.run(seq));
  }

  async retry(seq: number, notBefore: number, error: string): Promise<void> {
    retryBusy(() => this.retryStmt.run(notBefore, error, seq));
  }

  async fail(seq: number, error: string): Promise<void> {
    retryBusy(() => this.failStmt.run(error, seq));
  }

  async counts(): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>> {
    const out = { pending: 0, sent: 0, failed: 0 };
    for (const r of this.countsStmt.all()) out[r.status] = r.n;
    return out;
  }

  async groupCounts(group: string): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>> {
    const out = { pending: 0, sent: 0, failed: 0 };
    for (const r of this.groupCountsStmt.all(group)) out[r.status] = r.n;
    return out;
  }

  async list(afterSeq: number, limit: number): Promise<readonly OutboxMessage[]> {
    if (limit <= 0) return [];
    return this.listStmt.all(afterSeq, limit).map(messageFromRow);
  }
}
