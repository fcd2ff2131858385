import type Database from 'better-sqlite3';
import type { AuditEntry, AuditLog } from '../../core/ports/audit-log.ts';
import type { AuditDraft } from '../../core/ports/side-records.ts';
import { immediateTx } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

interface AuditRow {
  seq: number;
  prev_hash: string;
  hash: string;
  at: number;
  actor: string;
  action: string;
  subject: string;
  assisted: number;
  data: string;
}

/** An audit row back as an entry: exactly the fields `verifyChain` hashes. */
export function auditEntryFromRow(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    prevHash: r.prev_hash,
    hash: r.hash,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    assisted: r.assisted === 1,
    data: JSON.parse(r.data) as Record<string, unknown>,
  };
}

/**
 * The audit log in SQLite. Reading the head and inserting the linked entries happen in one
 * `BEGIN IMMEDIATE` transaction, so concurrent appenders (connections or processes) queue
 * behind the write lock and the chain never forks; `prev_hash` is also UNIQUE as a last guard.
 */
export class SqliteAuditLog implements AuditLog {
  private readonly appendTx: (drafts: readonly AuditDraft[]) => AuditEntry[];
  private readonly listStmt: Database.Statement<[number, number], AuditRow>;

  constructor(db: Database.Database) {
    const side = sideRecordsFor(db);
    this.appendTx = immediateTx(db, (drafts: readonly AuditDraft[]) => side.appendAudit(drafts));
    this.listStmt = db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
  }

  async append(drafts: readonly AuditDraft[]): Promise<readonly AuditEntry[]> {
    if (drafts.length === 0) return [];
    return this.appendTx(drafts);
  }

  async list(afterSeq: number, limit: number): Promise<readonly AuditEntry[]> {
    if (limit <= 0) return [];
    return this.listStmt.all(afterSeq, limit).map(auditEntryFromRow);
  }
}
