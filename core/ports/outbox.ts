import type { MessageRef } from './message-references.ts';
import type { OutboxDraft, Recipient } from './side-records.ts';

/** A message in the outbox. */
export interface OutboxMessage extends OutboxDraft {
  /** Store-assigned sequence, increasing in enqueue order. */
  readonly seq: number;
  readonly status: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
}

/** A message handed out by `claim`, with the token that settles it. */
export interface ClaimedMessage extends OutboxMessage {
  /**
   * This claim's token: fresh for every hand-out and unguessable (at least 128 random bits).
   * It settles the message until the message is claimed again; never shown by `list`.
   */
  readonly token: string;
  /**
   * True when the message's previous claim ended without a settle: its lease ran out (the
   * worker holding it died or stalled), so it may have been sent already and this delivery may
   * repeat it. False for a first claim and after a `retry`. Engines log such a resend.
   */
  readonly claimRanOut: boolean;
}

/**
 * What a settle (`ack`, `retry`, `fail`, `extend`) did. `ok`: it took effect — or it repeats,
 * with the same token, the settle that did (a re-sent call). `lost`: it changed nothing,
 * because the token is not this message's claim (foreign; claimed again by someone else after
 * the lease ran out; settled differently already) or the message is gone (erased) — the caller
 * must drop the message without recording anything about it.
 */
export type SettleOutcome = 'ok' | 'lost';

/** What a delivery produced, stored by its `ack`. */
export interface DeliveryResult {
  /**
   * The platform message the delivery created or updated (e.g. a card's Slack channel and
   * `ts`), put into `MessageReferences` in the same atomic step as the ack, with the same rules
   * as `put`. A lost ack stores no reference.
   */
  readonly ref?: MessageRef;
  /**
   * The message was settled without being delivered, for this fixed reason (no personal
   * data): e.g. a vote reminder whose resident voted after it was fanned out. The message is
   * done like a sent one (status `sent`, its successors released) with `lastError` set to
   * `skippedNote(reason)`, and its group counts it under `skipped`, not `sent`.
   */
  readonly skipped?: string;
}

/** What `lastError` of a message settled as skipped starts with. */
export const SKIPPED_PREFIX = 'skipped: ';

/** The `lastError` of a message skipped for `reason`. */
export function skippedNote(reason: string): string {
  return `${SKIPPED_PREFIX}${reason}`;
}

/** Whether a message was settled as skipped (acked without delivery), judged by its status and `lastError`. */
export function isSkipped(m: Pick<OutboxMessage, 'status' | 'lastError'>): boolean {
  return m.status === 'sent' && m.lastError !== null && m.lastError.startsWith(SKIPPED_PREFIX);
}

/**
 * Which messages a `claim` may hand out: only those whose `recipient.kind` is listed. Each
 * sender claims the kinds it delivers (the Telegram dispatcher `resident`, the Slack sender
 * `committee`…), so senders never take each other's messages.
 */
export interface ClaimFilter {
  readonly recipientKinds: readonly Recipient['kind'][];
}

/** Failed messages with one reason (`lastError`), counted. */
export interface FailedReason {
  readonly reason: string;
  readonly count: number;
}

/** Messages of one group by status. */
export type OutboxCounts = Readonly<Record<'pending' | 'sent' | 'failed', number>>;

/**
 * Messages of one group by outcome: `sent` counts the delivered ones only; `skipped` the ones
 * acked without delivery (`DeliveryResult.skipped`). pending + sent + failed + skipped is the
 * group's size.
 */
export type OutboxGroupCounts = Readonly<Record<'pending' | 'sent' | 'failed' | 'skipped', number>>;

/** The group counter a message is counted under: its status, or `skipped` for a sent one noted skipped. */
export function groupOutcome(m: Pick<OutboxMessage, 'status' | 'lastError'>): keyof OutboxGroupCounts {
  return isSkipped(m) ? 'skipped' : m.status;
}

/**
 * Messages waiting to be sent. Recorded with the change that causes them (see SideRecords).
 *
 * Delivery guarantee — at least once, with at most the in-flight message resent after a
 * crash: a worker claims, sends, then acks with the claim's token. A message is never lost: it
 * stays pending until acked or given up. A message whose send went out but whose ack did not
 * (the worker died, or stalled past its lease and someone else claimed it) is handed out again
 * and sent twice, because neither messenger can de-duplicate a send: Telegram's sendMessage has
 * no idempotency key, nor has Slack's chat.postMessage. So a worker that sends one message at
 * a time and acks it before the next resends at most that one message per crash; messages it
 * claimed but had not sent yet are not repeats when handed out again.
 *
 * Claim tokens: every hand-out carries a fresh token, and each settle names it. Once a message
 * is claimed again (only possible after the lease ran out), the old token is `lost`: the slow
 * worker's late ack, retry or fail changes nothing and cannot undo the new claim. Until then a
 * late settle still takes effect — nobody else holds the message, and accepting the ack saves
 * a resend.
 *
 * Order: `claim` hands out due messages in seq order. A message naming a predecessor
 * (`after`) is held while the outbox holds a *pending* message with that key enqueued before
 * it, and released when that predecessor is acked — or given up (`fail`) or erased, so a
 * successor is never stuck behind a message that will not be sent. A predecessor key not in
 * the outbox when the successor is enqueued (never enqueued, or enqueued later) holds nothing.
 * A successor released by a failed or erased predecessor finds no message reference for it
 * and must cope (e.g. post the card afresh instead of updating it).
 *
 * Groups (`group`): pending / sent / failed / skipped counters per group, changed in the same atomic
 * step as the message (enqueue, ack, fail, erasure), so reading them costs O(1) whatever the
 * group's size.
 */
export interface Outbox {
  /** Enqueues drafts; a draft whose `key` exists is ignored (within one call, the first wins). */
  enqueue(drafts: readonly OutboxDraft[]): Promise<void>;
  /**
   * Claims up to `limit` pending messages due at `now` (notBefore ≤ now) and not held by a
   * predecessor, in seq order, for `leaseMs`: a claimed message is not handed out again until
   * `now + leaseMs` (a crashed worker's messages come back). Each hand-out counts one attempt
   * and gets a fresh token. One atomic step: concurrent claims never hand one message out twice.
   *
   * With `only`, the claim hands out only messages whose recipient kind is in
   * `only.recipientKinds` (an empty list hands out nothing), under the same rules: in seq order
   * among them, up to `limit` of them (the others do not use up the limit). The others are not
   * touched: no lease, no attempt, no token — a later claim that lists their kind gets them as
   * if this one never ran. Predecessors hold across kinds: a resident's message `after` a
   * committee message stays held while that one is pending, whoever claims. Without `only`,
   * every kind is handed out.
   */
  claim(now: number, limit: number, leaseMs: number, only?: ClaimFilter): Promise<readonly ClaimedMessage[]>;
  /**
   * Marks a claimed message sent and stores `result.ref` in the same atomic step; releases
   * the messages that wait for it. With `result.skipped`, the message is settled the same way
   * but noted and counted as skipped (see DeliveryResult). `lost` (and nothing stored) when
   * `token` no longer holds it.
   */
  ack(seq: number, token: string, result?: DeliveryResult): Promise<SettleOutcome>;
  /**
   * Puts a claimed message back for a retry at `notBefore` (epoch ms), recording the error (no
   * secrets), and ends the claim; it keeps holding its successors.
   */
  retry(seq: number, token: string, notBefore: number, error: string): Promise<SettleOutcome>;
  /** Gives up on a claimed message (e.g. the resident blocked the bot); releases its successors. */
  fail(seq: number, token: string, error: string): Promise<SettleOutcome>;
  /**
   * Renews a claim: the message is not handed out again before `now + leaseMs`. For a send
   * that takes longer than its lease (a large upload); the token stays the same.
   */
  extend(seq: number, token: string, now: number, leaseMs: number): Promise<SettleOutcome>;
  /** Messages by status. */
  counts(): Promise<OutboxCounts>;
  /**
   * Failed messages by their reason (`lastError` as given to `fail`), most frequent first
   * (then by reason), at most `limit` reasons. Kept in the same atomic step as `fail` and
   * `eraseRecipient` (Redis: a counter per reason; SQLite: the failed rows through the status
   * index), so it costs the failed messages at most, never a scan of the whole outbox.
   * Reasons are fixed texts (no personal data), so there are few of them.
   */
  failedByReason(limit: number): Promise<readonly FailedReason[]>;
  /** Messages of `group` by outcome (all zero for an unknown group); counters, not a scan. */
  groupCounts(group: string): Promise<OutboxGroupCounts>;
  /**
   * Removes every message addressed to this resident (`recipient.kind === 'resident'`),
   * whatever its status, in one atomic step ("forget me": an erased resident gets nothing, and
   * no outbox record keeps their id). Group counters drop accordingly; messages waiting for a
   * removed one are released; a removed message's outstanding token becomes `lost`. The keys
   * are forgotten too, so the de-dup index keeps no trace of them. Returns how many were removed.
   */
  eraseRecipient(residentId: string): Promise<number>;
  /** Messages ordered by seq, for inspection and tests (without claim tokens). */
  list(afterSeq: number, limit: number): Promise<readonly OutboxMessage[]>;
}
