import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MessageParams } from '../../core/domain/domain-error.ts';
import type { MessageRef } from '../../core/ports/message-references.ts';
import type { ClaimFilter, ClaimedMessage, DeliveryResult, FailedReason, Outbox, OutboxCounts, OutboxGroupCounts, OutboxMessage, SettleOutcome } from '../../core/ports/outbox.ts';
import { SKIPPED_PREFIX, skippedNote } from '../../core/ports/outbox.ts';
import type { OutboxDraft, Recipient } from '../../core/ports/side-records.ts';
import { immediateTx, retryBusy } from './sqlite-database.ts';
import { refWriterFor } from './sqlite-message-references.ts';
import { sideRecordsFor } from './side-records.ts';

type Status = OutboxMessage['status'];
type Settle = 'ack' | 'retry' | 'fail';

/** A row of `outbox`. */
export interface OutboxRow {
  seq: number;
  key: string;
  recipient: string;
  template: string;
  params: string;
  not_before: number;
  status: Status;
  attempts: number;
  last_error: string | null;
  lease_until: number | null;
  after_key: string | null;
  grp: string | null;
  resident_id: string | null;
  claim_token: string | null;
  claim_state: 'claimed' | Settle | null;
}

/** The message of a row (its lease and claim are not part of it). */
export function messageFromRow(r: OutboxRow): OutboxMessage {
  return {
    seq: r.seq,
    key: r.key,
    recipient: JSON.parse(r.recipient) as Recipient,
    template: r.template,
    params: JSON.parse(r.params) as MessageParams,
    notBefore: r.not_before,
    ...(r.after_key === null ? {} : { after: r.after_key }),
    ...(r.grp === null ? {} : { group: r.grp }),
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
  };
}

/** What a settle carries besides seq and token. */
interface SettleArgs {
  readonly notBefore?: number;
  readonly error?: string;
  readonly ref?: MessageRef;
  /** ack: settled without delivery, for this reason. */
  readonly skipped?: string;
}

/**
 * The outbox in SQLite. `seq` is an AUTOINCREMENT rowid, so it only grows. A claim is one
 * immediate transaction that picks due pending rows without a live lease and not held by a
 * predecessor, and stamps `lease_until` and a fresh `claim_token`; each claim counts as one
 * delivery attempt. Workers in several processes never get the same message while its lease
 * runs. A settle is one immediate transaction that checks the token, changes the row, the
 * group counters (`outbox_groups`) and, for an ack with a result, `message_refs`.
 *
 * Predecessors are judged at claim time: a row is held while a pending row with key
 * `after_key` and a lower seq exists — the same rule as holding at enqueue time and releasing
 * on ack, fail or erasure (a predecessor enqueued later has a higher seq), without state to keep.
 *
 * A claim with a recipient filter adds `json_extract(recipient, '$.kind') IN (…)` to the same
 * WHERE (the kinds bound as one JSON array, read with `json_each`): rows of other kinds are
 * neither read out nor updated. No index on the kind — the due scan already walks `outbox_due`
 * and the outbox holds few due rows at a time.
 */
export class SqliteOutbox implements Outbox {
  private readonly enqueueTx: (drafts: readonly OutboxDraft[]) => void;
  private readonly claimTx: (now: number, limit: number, leaseMs: number, kinds: string | null) => ClaimedMessage[];
  private readonly settleTx: (seq: number, token: string, kind: Settle, args: SettleArgs) => SettleOutcome;
  private readonly extendStmt: Database.Statement<[number, number, string]>;
  private readonly eraseTx: (residentId: string) => number;
  private readonly countsStmt: Database.Statement<[], { status: Status; n: number }>;
  private readonly groupStmt: Database.Statement<[string], { pending: number; sent: number; failed: number; skipped: number }>;
  private readonly listStmt: Database.Statement<[number, number], OutboxRow>;
  private readonly reasonsStmt: Database.Statement<[number], { reason: string | null; n: number }>;

  constructor(db: Database.Database) {
    const side = sideRecordsFor(db);
    const refs = refWriterFor(db);
    this.enqueueTx = immediateTx(db, (drafts: readonly OutboxDraft[]) => side.enqueue(drafts));

    const dueWhere = `status = 'pending' AND not_before <= ? AND (lease_until IS NULL OR lease_until <= ?)
         AND (after_key IS NULL OR NOT EXISTS (
           SELECT 1 FROM outbox p WHERE p.key = o.after_key AND p.seq < o.seq AND p.status = 'pending'))`;
    const due = db.prepare<[number, number, number], OutboxRow>(`SELECT * FROM outbox o WHERE ${dueWhere} ORDER BY seq LIMIT ?`);
    const dueOfKinds = db.prepare<[number, number, string, number], OutboxRow>(
      `SELECT * FROM outbox o WHERE ${dueWhere}
         AND json_extract(o.recipient, '$.kind') IN (SELECT value FROM json_each(?))
       ORDER BY seq LIMIT ?`,
    );
    const lease = db.prepare<[number, string, number]>(
      "UPDATE outbox SET lease_until = ?, attempts = attempts + 1, claim_token = ?, claim_state = 'claimed' WHERE seq = ?",
    );
    this.claimTx = immediateTx(db, (now: number, limit: number, leaseMs: number, kinds: string | null) => {
      const rows = kinds === null ? due.all(now, now, limit) : dueOfKinds.all(now, now, kinds, limit);
      return rows.map((r) => {
        const token = randomBytes(16).toString('base64url');
        lease.run(now + leaseMs, token, r.seq);
        // Still `claimed`: the last claim's lease ran out without a settle.
        return { ...messageFromRow({ ...r, attempts: r.attempts + 1 }), token, claimRanOut: r.claim_state === 'claimed' };
      });
    });

    const claimOf = db.prepare<[number], Pick<OutboxRow, 'grp' | 'claim_token' | 'claim_state'>>('SELECT grp, claim_token, claim_state FROM outbox WHERE seq = ?');
    const ack = db.prepare<[number]>("UPDATE outbox SET status = 'sent', lease_until = NULL, claim_state = 'ack' WHERE seq = ?");
    const ackSkipped = db.prepare<[string, number]>("UPDATE outbox SET status = 'sent', last_error = ?, lease_until = NULL, claim_state = 'ack' WHERE seq = ?");
    const retry = db.prepare<[number, string, number]>("UPDATE outbox SET not_before = ?, last_error = ?, lease_until = NULL, claim_state = 'retry' WHERE seq = ?");
    const fail = db.prepare<[string, number]>("UPDATE outbox SET status = 'failed', last_error = ?, lease_until = NULL, claim_state = 'fail' WHERE seq = ?");
    const groupSent = db.prepare<[string]>('UPDATE outbox_groups SET pending = pending - 1, sent = sent + 1 WHERE grp = ?');
    const groupFailed = db.prepare<[string]>('UPDATE outbox_groups SET pending = pending - 1, failed = failed + 1 WHERE grp = ?');
    const groupSkipped = db.prepare<[string]>('UPDATE outbox_groups SET pending = pending - 1, skipped = skipped + 1 WHERE grp = ?');
    this.settleTx = immediateTx(db, (seq: number, token: string, kind: Settle, args: SettleArgs): SettleOutcome => {
      const row = claimOf.get(seq);
      if (row === undefined || row.claim_token !== token) return 'lost';
      // The same settle again (a re-sent call) answers as the first and changes nothing.
      if (row.claim_state === kind) return 'ok';
      if (row.claim_state !== 'claimed') return 'lost';
      if (kind === 'ack' && args.skipped !== undefined) {
        ackSkipped.run(skippedNote(args.skipped), seq);
        if (row.grp !== null) groupSkipped.run(row.grp);
      } else if (kind === 'ack') {
        ack.run(seq);
        if (row.grp !== null) groupSent.run(row.grp);
        if (args.ref !== undefined) refs.put(args.ref);
      } else if (kind === 'retry') {
        retry.run(args.notBefore ?? 0, args.error ?? '', seq);
      } else {
        fail.run(args.error ?? '', seq);
        if (row.grp !== null) groupFailed.run(row.grp);
      }
      return 'ok';
    });
    this.extendStmt = db.prepare("UPDATE outbox SET lease_until = ? WHERE seq = ? AND claim_token = ? AND claim_state = 'claimed'");

    // A skipped message is a sent one noted `skipped: …` (isSkipped), counted under `skipped`.
    const doomedGroups = db.prepare<[string], { grp: string; outcome: keyof OutboxGroupCounts; n: number }>(
      `SELECT grp, CASE WHEN status = 'sent' AND substr(last_error, 1, ${SKIPPED_PREFIX.length}) = '${SKIPPED_PREFIX}' THEN 'skipped' ELSE status END AS outcome, COUNT(*) AS n
         FROM outbox WHERE resident_id = ? AND grp IS NOT NULL GROUP BY grp, outcome`,
    );
    const uncount: Record<keyof OutboxGroupCounts, Database.Statement<[number, string]>> = {
      skipped: db.prepare('UPDATE outbox_groups SET skipped = skipped - ? WHERE grp = ?'),
      pending: db.prepare('UPDATE outbox_groups SET pending = pending - ? WHERE grp = ?'),
      sent: db.prepare('UPDATE outbox_groups SET sent = sent - ? WHERE grp = ?'),
      failed: db.prepare('UPDATE outbox_groups SET failed = failed - ? WHERE grp = ?'),
    };
    const erase = db.prepare<[string]>('DELETE FROM outbox WHERE resident_id = ?');
    this.eraseTx = immediateTx(db, (residentId: string) => {
      for (const g of doomedGroups.all(residentId)) uncount[g.outcome].run(g.n, g.grp);
      return erase.run(residentId).changes;
    });

    this.countsStmt = db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status');
    this.groupStmt = db.prepare('SELECT pending, sent, failed, skipped FROM outbox_groups WHERE grp = ?');
    this.listStmt = db.prepare('SELECT * FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?');
    // Walks the failed rows only (outbox_due starts with status).
    this.reasonsStmt = db.prepare("SELECT last_error AS reason, COUNT(*) AS n FROM outbox WHERE status = 'failed' GROUP BY last_error ORDER BY n DESC, reason LIMIT ?");
  }

  async enqueue(drafts: readonly OutboxDraft[]): Promise<void> {
    if (drafts.length > 0) this.enqueueTx(drafts);
  }

  async claim(now: number, limit: number, leaseMs: number, only?: ClaimFilter): Promise<readonly ClaimedMessage[]> {
    if (limit <= 0 || only?.recipientKinds.length === 0) return [];
    return this.claimTx(now, limit, leaseMs, only === undefined ? null : JSON.stringify(only.recipientKinds));
  }

  async ack(seq: number, token: string, result: DeliveryResult = {}): Promise<SettleOutcome> {
    return this.settleTx(seq, token, 'ack', { ...(result.ref === undefined ? {} : { ref: result.ref }), ...(result.skipped === undefined ? {} : { skipped: result.skipped }) });
  }

  async retry(seq: number, token: string, notBefore: number, error: string): Promise<SettleOutcome> {
    return this.settleTx(seq, token, 'retry', { notBefore, error });
  }

  async fail(seq: number, token: string, error: string): Promise<SettleOutcome> {
    return this.settleTx(seq, token, 'fail', { error });
  }

  async extend(seq: number, token: string, now: number, leaseMs: number): Promise<SettleOutcome> {
    return retryBusy(() => this.extendStmt.run(now + leaseMs, seq, token)).changes === 1 ? 'ok' : 'lost';
  }

  async counts(): Promise<OutboxCounts> {
    const out = { pending: 0, sent: 0, failed: 0 };
    for (const r of this.countsStmt.all()) out[r.status] = r.n;
    return out;
  }

  async groupCounts(group: string): Promise<OutboxGroupCounts> {
    const r = this.groupStmt.get(group);
    return r === undefined ? { pending: 0, sent: 0, failed: 0, skipped: 0 } : { pending: r.pending, sent: r.sent, failed: r.failed, skipped: r.skipped };
  }

  async eraseRecipient(residentId: string): Promise<number> {
    return this.eraseTx(residentId);
  }

  async failedByReason(limit: number): Promise<readonly FailedReason[]> {
    if (limit <= 0) return [];
    return this.reasonsStmt.all(limit).map((r) => ({ reason: r.reason ?? '', count: r.n }));
  }

  async list(afterSeq: number, limit: number): Promise<readonly OutboxMessage[]> {
    if (limit <= 0) return [];
    return this.listStmt.all(afterSeq, limit).map(messageFromRow);
  }
}
