import { randomBytes } from 'node:crypto';
import type { ClaimFilter, ClaimedMessage, DeliveryResult, Outbox, OutboxCounts, OutboxGroupCounts, OutboxMessage, SettleOutcome, FailedReason } from '../../../core/ports/outbox.ts';
import { groupOutcome, skippedNote } from '../../../core/ports/outbox.ts';
import type { OutboxDraft } from '../../../core/ports/side-records.ts';
import { countInGroup, enqueueOutbox, frozenCopy, groupCountsOf, putRef, roundTrip } from './memory-state.ts';
import type { MemoryHandle, MemoryOutboxRow, MemoryState, MemoryTokenState } from './memory-state.ts';

type Settle = Exclude<MemoryTokenState, 'claimed'>;

/**
 * In-memory `Outbox`. A claim at `now` leases a message until `now + leaseMs` (it can be
 * claimed again once `now' >= now + leaseMs`), counts one attempt and gives it a fresh token.
 * A settle takes effect only with the token of the live claim; the token then remembers how it
 * settled, so repeating the same settle answers `ok` and changes nothing. A claim with a
 * recipient filter skips the other kinds' rows without changing them.
 */
/** Reason counts, most frequent first, then by reason. */
function sortReasons(by: Map<string, number>, limit: number): FailedReason[] {
  return [...by]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
    .slice(0, Math.max(0, limit));
}

export class MemoryOutbox implements Outbox {
  constructor(private readonly handle: MemoryHandle) {}

  async enqueue(drafts: readonly OutboxDraft[]): Promise<void> {
    await roundTrip();
    enqueueOutbox(this.handle.open(), drafts);
  }

  async claim(now: number, limit: number, leaseMs: number, only?: ClaimFilter): Promise<readonly ClaimedMessage[]> {
    await roundTrip();
    const s = this.handle.open();
    const out: ClaimedMessage[] = [];
    for (const row of s.outbox) {
      if (out.length >= limit) break;
      const m = row.message;
      if (only !== undefined && !only.recipientKinds.includes(m.recipient.kind)) continue;
      if (m.status !== 'pending' || m.notBefore > now) continue;
      if (row.leaseUntil !== null && now < row.leaseUntil) continue;
      if (heldByPredecessor(s, m)) continue;
      const claimRanOut = row.token !== null && row.tokenState === 'claimed';
      row.leaseUntil = now + leaseMs;
      row.token = randomBytes(16).toString('base64url');
      row.tokenState = 'claimed';
      row.message = frozenCopy({ ...m, attempts: m.attempts + 1 });
      out.push(Object.freeze({ ...row.message, token: row.token, claimRanOut }));
    }
    return Object.freeze(out);
  }

  async ack(seq: number, token: string, result: DeliveryResult = {}): Promise<SettleOutcome> {
    await roundTrip();
    return this.settle(seq, token, 'ack', (s, row) => {
      countInGroup(s, row.message.group, 'pending', -1);
      countInGroup(s, row.message.group, result.skipped === undefined ? 'sent' : 'skipped', 1);
      row.message = frozenCopy({ ...row.message, status: 'sent', ...(result.skipped === undefined ? {} : { lastError: skippedNote(result.skipped) }) });
      if (result.ref !== undefined) putRef(s, result.ref);
    });
  }

  async retry(seq: number, token: string, notBefore: number, error: string): Promise<SettleOutcome> {
    await roundTrip();
    return this.settle(seq, token, 'retry', (_s, row) => {
      row.message = frozenCopy({ ...row.message, notBefore, lastError: error });
    });
  }

  async fail(seq: number, token: string, error: string): Promise<SettleOutcome> {
    await roundTrip();
    return this.settle(seq, token, 'fail', (s, row) => {
      countInGroup(s, row.message.group, 'pending', -1);
      countInGroup(s, row.message.group, 'failed', 1);
      row.message = frozenCopy({ ...row.message, status: 'failed', lastError: error });
    });
  }

  async extend(seq: number, token: string, now: number, leaseMs: number): Promise<SettleOutcome> {
    await roundTrip();
    const row = this.find(seq);
    if (row === undefined || row.token !== token || row.tokenState !== 'claimed') return 'lost';
    row.leaseUntil = now + leaseMs;
    return 'ok';
  }

  async counts(): Promise<OutboxCounts> {
    await roundTrip();
    const c = { pending: 0, sent: 0, failed: 0 };
    for (const row of this.handle.open().outbox) c[row.message.status] += 1;
    return Object.freeze(c);
  }

  async failedByReason(limit: number): Promise<readonly FailedReason[]> {
    await roundTrip();
    const by = new Map<string, number>();
    for (const row of this.handle.open().outbox) if (row.message.status === 'failed') by.set(row.message.lastError ?? '', (by.get(row.message.lastError ?? '') ?? 0) + 1);
    return sortReasons(by, limit);
  }

  async groupCounts(group: string): Promise<OutboxGroupCounts> {
    await roundTrip();
    return groupCountsOf(this.handle.open(), group);
  }

  async eraseRecipient(residentId: string): Promise<number> {
    await roundTrip();
    const s = this.handle.open();
    const doomed = s.outbox.filter((r) => r.message.recipient.kind === 'resident' && r.message.recipient.residentId === residentId);
    for (const row of doomed) {
      countInGroup(s, row.message.group, groupOutcome(row.message), -1);
      s.outboxByKey.delete(row.message.key);
      s.outbox.splice(s.outbox.indexOf(row), 1);
    }
    return doomed.length;
  }

  async list(afterSeq: number, limit: number): Promise<readonly OutboxMessage[]> {
    await roundTrip();
    const rows = this.handle.open().outbox.filter((r) => r.message.seq > afterSeq);
    return Object.freeze(rows.slice(0, Math.max(0, limit)).map((r) => r.message));
  }

  private settle(seq: number, token: string, kind: Settle, apply: (s: MemoryState, row: MemoryOutboxRow) => void): SettleOutcome {
    const row = this.find(seq);
    if (row === undefined || row.token !== token) return 'lost';
    if (row.tokenState === kind) return 'ok';
    if (row.tokenState !== 'claimed') return 'lost';
    apply(this.handle.open(), row);
    row.tokenState = kind;
    row.leaseUntil = null;
    return 'ok';
  }

  private find(seq: number): MemoryOutboxRow | undefined {
    return this.handle.open().outbox.find((r) => r.message.seq === seq);
  }
}

/** True while a pending message with the key of `m.after`, enqueued before `m`, exists. */
function heldByPredecessor(s: MemoryState, m: OutboxMessage): boolean {
  if (m.after === undefined) return false;
  const p = s.outboxByKey.get(m.after);
  return p !== undefined && p.message.seq < m.seq && p.message.status === 'pending';
}
