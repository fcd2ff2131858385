import type { AuditEntry, AuditLog } from '../../../core/ports/audit-log.ts';
import type { AuditDraft } from '../../../core/ports/side-records.ts';
import { appendAudit, roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/** In-memory `AuditLog`: linking and appending happen in one synchronous step. */
export class MemoryAuditLog implements AuditLog {
  constructor(private readonly handle: MemoryHandle) {}

  async append(drafts: readonly AuditDraft[]): Promise<readonly AuditEntry[]> {
    await roundTrip();
    return Object.freeze([...appendAudit(this.handle.open(), drafts)]);
  }

  async list(afterSeq: number, limit: number): Promise<readonly AuditEntry[]> {
    await roundTrip();
    const entries = this.handle.open().audit;
    // seq n is at index n - 1 (no gaps).
    const start = Math.max(0, afterSeq);
    return Object.freeze(entries.slice(start, start + Math.max(0, limit)));
  }
}
