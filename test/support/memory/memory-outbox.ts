import type { Outbox, OutboxMessage } from '../../../core/ports/outbox.ts';
import type { OutboxDraft } from '../../../core/ports/side-records.ts';
import { enqueueOutbox, frozenCopy, roundTrip } from './memory-state.ts';
import type { MemoryHandle, MemoryOutboxRow } from './memory-state.ts';

/**
 * In-memory `Outbox`. A claim at `now` leases a message until `now + leaseMs` (it can be
 * claimed again once `now' >= now + leaseMs`) and counts one attempt. `retry` and `fail` act
 * on pending messages only; `ack` marks any message sent.
 */
export class MemoryOutbox implements Outbox {
  constructor(private readonly handle: MemoryHandle) {}

  async enqueue(drafts: readonly OutboxDraft[]): Promise<void> {
    await roundTrip();
    enqueueOutbox(this.handle.open(), drafts);
  }

  async claim(now: number, limit: number, leaseMs: number): Promise<readonly OutboxMessage[]> {
    await roundTrip();
    const s = this.handle.open();
    const out: OutboxMessage[] = [];
    for (const row of s.outbox) {
      if (out.length >= limit) break;
      const m = row.message;
      if (m.status !== 'pending' || m.notBefore > now) continue;
      if (row.leaseUntil !== null && now < row.leaseUntil) continue;
      row.leaseUntil = now + leaseMs;
      row.message = frozenCopy({ ...m, attempts: m.attempts + 1 });
      out.push(row.message);
    }
    return Object.freeze(out);
  }

  async ack(seq: number): Promise<void> {
    await roundTrip();
    const row = this.find(seq);
    if (row === undefined || row.message.status === 'sent') return;
    row.message = frozenCopy({ ...row.message, status: 'sent' });
    row.leaseUntil = null;
  }

  async retry(seq: number, notBefore: number, error: string): Promise<void> {
    await roundTrip();
    const row = this.find(seq);
    if (row === undefined || row.message.status !== 'pending') return;
    row.message = frozenCopy({ ...row.message, notBefore, lastError: error });
    row.leaseUntil = null;
  }

  async fail(seq: number, error: string): Promise<void> {
    await roundTrip();
    const row = this.find(seq);
    if (row === undefined || row.message.status !== 'pending') return;
    row.message = frozenCopy({ ...row.message, status: 'failed', lastError: error });
    row.leaseUntil = null;
  }

  async counts(): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>> {
    await roundTrip();
    const c = { pending: 0, sent: 0, failed: 0 };
    for (const row of this.handle.open().outbox) c[row.message.status] += 1;
    return Object.freeze(c);
  }

  async groupCounts(group: string): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>> {
    await roundTrip();
    const c = { pending: 0, sent: 0, failed: 0 };
    for (const row of this.handle.open().outbox) if (row.message.group === group) c[row.message.status] += 1;
    return Object.freeze(c);
  }

  async list(afterSeq: number, limit: number): Promise<readonly OutboxMessage[]> {
    await roundTrip();
    const rows = this.handle.open().outbox.filter((r) => r.message.seq > afterSeq);
    return Object.freeze(rows.slice(0, Math.max(0, limit)).map((r) => r.message));
  }

  private find(seq: number): MemoryOutboxRow | undefined {
    return this.handle.open().outbox.find((r) => r.message.seq === seq);
  }
}
