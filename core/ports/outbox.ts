import type { OutboxDraft } from './side-records.ts';

/** A message in the outbox. */
export interface OutboxMessage extends OutboxDraft {
  /** Store-assigned sequence, increasing in enqueue order. */
  readonly seq: number;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
}

/**
 * Messages waiting to be sent. Recorded with the change that causes them (see SideRecords);
 * delivered at least once by a worker that claims, sends, then acknowledges — and the
 * messenger side dedupes by `key`, so a message is neither lost nor repeated.
 */
export interface Outbox {
  /** Enqueues drafts; a draft whose `key` exists is ignored. */
  enqueue(drafts: readonly OutboxDraft[]): Promise<void>;
  /**
   * Claims up to `limit` pending messages due at `now` (notBefore ≤ now), in seq order, for
   * `leaseMs`: a claimed message is not handed out again until the lease expires (a crashed
   * worker's messages come back).
   */
  claim(now: number, limit: number, leaseMs: number): Promise<readonly OutboxMessage[]>;
  /** Marks a message sent. Idempotent. */
  ack(seq: number): Promise<void>;
  /** Puts a message back for a retry at `notBefore`, recording the error (no secrets). */
  retry(seq: number, notBefore: number, error: string): Promise<void>;
  /** Gives up on a message (e.g. the resident blocked the bot). */
  fail(seq: number, error: string): Promise<void>;
  /** Messages by status. */
  counts(): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>>;
  /** Messages of one `group` (OutboxDraft.group, e.g. a broadcast id) by status; zeros for an unknown group. */
  groupCounts(group: string): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>>;
  /** Messages ordered by seq, for inspection and tests. */
  list(afterSeq: number, limit: number): Promise<readonly OutboxMessage[]>;
}
