import type { AuditDraft } from './side-records.ts';

/** A linked audit entry. */
export interface AuditEntry extends AuditDraft {
  /** 1, 2, 3… without gaps. */
  readonly seq: number;
  /** Hash of the previous entry (64 hex zeros for the first). */
  readonly prevHash: string;
  /** `auditHash(prevHash, entry)` — see core/audit/audit-chain.ts. */
  readonly hash: string;
}

/**
 * Append-only audit log with a SHA-256 hash chain. Appending and linking is one atomic step
 * in every store, so the chain never forks, even with several processes appending at once.
 */
export interface AuditLog {
  /** Appends drafts in order, linking each to the previous head; returns the linked entries. */
  append(drafts: readonly AuditDraft[]): Promise<readonly AuditEntry[]>;
  /** Entries with seq > `afterSeq`, in order, at most `limit`. */
  list(afterSeq: number, limit: number): Promise<readonly AuditEntry[]>;
}
