/**
 * The one writer of audit entries, outbox messages and new broadcasts. Store methods call it *inside* their
 * own immediate transaction, after deciding to write, so side records land exactly when the
 * change does (core/ports/side-records.ts).
 */
import type Database from 'better-sqlite3';
import { GENESIS_HASH, canonicalJson, linkEntries } from '../../core/audit/audit-chain.ts';
import type { AuditEntry } from '../../core/ports/audit-log.ts';
import type { AuditDraft, OutboxDraft, SideRecords } from '../../core/ports/side-records.ts';
import type { BroadcastDraft } from '../../core/broadcasts/broadcast.ts';
import { broadcastData } from './broadcast-rows.ts';

/** Writes side records on one database handle. Every method must run inside a transaction. */
export class SqliteSideRecords {
  private readonly headStmt: Database.Statement<[], { seq: number; hash: string }>;
  private readonly auditInsert: Database.Statement<unknown[]>;
  private readonly outboxInsert: Database.Statement<unknown[]>;
  private readonly groupPending: Database.Statement<[string]>;
  private readonly broadcastInsert: Database.Statement<unknown[]>;

  constructor(private readonly db: Database.Database) {
    this.headStmt = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.auditInsert = db.prepare(
      `INSERT INTO audit_log (seq, prev_hash, hash, at, actor, action, subject, assisted, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.outboxInsert = db.prepare(
      `INSERT INTO outbox (key, recipient, template, params, not_before, status, attempts, after_key, grp, resident_id)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
       ON CONFLICT (key) DO NOTHING`,
    );
    this.groupPending = db.prepare(
      'INSERT INTO outbox_groups (grp, pending) VALUES (?, 1) ON CONFLICT (grp) DO UPDATE SET pending = pending + 1',
    );
    this.broadcastInsert = db.prepare(
      `INSERT INTO broadcasts (id, started_at, status, cursor, queued, total, fanned_out_at, finished_at, version, data)
       VALUES (?, ?, 'fanning_out', NULL, 0, NULL, NULL, NULL, 1, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
  }

  /** Writes every kind of side record; returns the linked audit entries. */
  write(side: SideRecords): AuditEntry[] {
    const entries = side.audit !== undefined && side.audit.length > 0 ? this.appendAudit(side.audit) : [];
    if (side.outbox !== undefined && side.outbox.length > 0) this.enqueue(side.outbox);
    if (side.broadcasts !== undefined && side.broadcasts.length > 0) this.createBroadcasts(side.broadcasts);
    return entries;
  }

  /** Stores new broadcasts (`fanning_out`, version 1); returns how many ids were new. */
  createBroadcasts(drafts: readonly BroadcastDraft[]): number {
    this.assertInTransaction();
    let created = 0;
    for (const d of drafts) created += this.broadcastInsert.run(d.id, d.startedAt, broadcastData(d)).changes;
    return created;
  }

  /** Links `drafts` after the current head and stores them. */
  appendAudit(drafts: readonly AuditDraft[]): AuditEntry[] {
    this.assertInTransaction();
    if (drafts.length === 0) return [];
    const head = this.headStmt.get() ?? { seq: 0, hash: GENESIS_HASH };
    const entries = linkEntries(head, drafts);
    for (const e of entries) {
      this.auditInsert.run(e.seq, e.prevHash, e.hash, e.at, e.actor, e.action, e.subject, e.assisted ? 1 : 0, canonicalJson(e.data));
    }
    return entries;
  }

  /** Stores outbox drafts; a draft whose key already exists is ignored. */
  enqueue(drafts: readonly OutboxDraft[]): void {
    this.assertInTransaction();
    for (const d of drafts) {
      const residentId = d.recipient.kind === 'resident' ? d.recipient.residentId : null;
      const group = d.group ?? null;
      const inserted = this.outboxInsert.run(d.key, JSON.stringify(d.recipient), d.template, JSON.stringify(d.params), d.notBefore, d.after ?? null, group, residentId);
      if (inserted.changes === 1 && group !== null) this.groupPending.run(group);
    }
  }

  private assertInTransaction(): void {
    // A bug guard: outside a transaction the head read and the insert could interleave.
    if (!this.db.inTransaction) throw new Error('sqlite side records written outside a transaction');
  }
}

const writers = new WeakMap<Database.Database, SqliteSideRecords>();

/** The side-record writer of a handle (one per handle, statements prepared once). */
export function sideRecordsFor(db: Database.Database): SqliteSideRecords {
  let w = writers.get(db);
  if (w === undefined) {
    w = new SqliteSideRecords(db);
    writers.set(db, w);
  }
  return w;
}
