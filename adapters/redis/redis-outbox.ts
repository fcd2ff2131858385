import { randomBytes } from 'node:crypto';
import type { ClaimFilter, ClaimedMessage, DeliveryResult, FailedReason, Outbox, OutboxCounts, OutboxGroupCounts, OutboxMessage, SettleOutcome } from '../../core/ports/outbox.ts';
import { SKIPPED_PREFIX, skippedNote } from '../../core/ports/outbox.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import { refJson } from './redis-message-references.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

type Status = OutboxMessage['status'];

/**
 * How many due messages a filtered claim reads at most per call (lua/outbox-claim.lua): it
 * bounds how long the script blocks Redis, at the price of returning fewer messages when more
 * than this many due messages of other kinds sit ahead of the wanted ones.
 */
const CLAIM_SCAN_BOUND = 1_000;

function messageFrom(seq: unknown, draftJson: unknown, status: Status, attempts: unknown, hasError: unknown, error: unknown, notBefore: unknown): OutboxMessage {
  const draft = JSON.parse(String(draftJson)) as OutboxDraft;
  return {
    seq: Number(seq),
    key: draft.key,
    recipient: draft.recipient,
    template: draft.template,
    params: draft.params,
    notBefore: notBefore === '' ? draft.notBefore : Number(notBefore),
    ...(draft.after === undefined ? {} : { after: draft.after }),
    ...(draft.group === undefined ? {} : { group: draft.group }),
    status,
    attempts: Number(attempts),
    lastError: hasError === 1 ? String(error) : null,
    ...(draft.group === undefined ? {} : { group: draft.group }),
  };
}

/**
 * The outbox in Redis. Drafts are immutable JSON (`ob:draft`, by seq, with `after` and
 * `group`); status, attempts, last error, a retry's notBefore and the claim token sit in their
 * own hashes; pending messages wait in a zset by the instant they become claimable and move to
 * a seq-ordered zset when due — except those held by a pending predecessor, parked in `ob:held`
 * until it is settled or erased. Enqueue is part of the write frame of every write script (see
 * lua/includes/write-frame.lua), which also keeps the per-resident index (erasure) and the
 * group counters (`ob:groups`). Each claim counts as one delivery attempt; a claim lease that
 * runs out makes the message claimable again, with a new token. A claim with a recipient
 * filter skips other kinds' due messages in the script, reading at most `CLAIM_SCAN_BOUND`.
 *
 * Settles (lua/outbox-settle.lua) are naturally idempotent — the token remembers how it
 * settled — so they need no done marker: a 500,000-message broadcast leaves no marker per ack.
 */
export class RedisOutbox implements Outbox {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async enqueue(drafts: readonly OutboxDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    const reply = (await this.#ctx.write('outbox.enqueue', 'side-append', { outbox: drafts }, [], [])) as unknown[];
    outcomeOf('side-append', reply[0], ['ok']);
  }

  async claim(now: number, limit: number, leaseMs: number, only?: ClaimFilter): Promise<readonly ClaimedMessage[]> {
    if (limit <= 0 || only?.recipientKinds.length === 0) return [];
    const k = this.#ctx.keys;
    const reply = (await this.#ctx.write(
      'outbox.claim',
      'outbox-claim',
      {},
      [k.outboxReady, k.outboxWait, k.outboxDraft, k.outboxAttempts, k.outboxError, k.outboxNotBefore, k.outboxToken],
      [
        String(now),
        String(limit),
        String(leaseMs),
        randomBytes(16).toString('base64url'),
        only === undefined ? '' : JSON.stringify(only.recipientKinds),
        String(Math.max(limit, CLAIM_SCAN_BOUND)),
      ],
    )) as unknown[];
    outcomeOf('outbox-claim', reply[0], ['ok']);
    const out: ClaimedMessage[] = [];
    for (let i = 1; i + 7 < reply.length; i += 8) {
      const message = messageFrom(reply[i], reply[i + 1], 'pending', reply[i + 2], reply[i + 3], reply[i + 4], reply[i + 5]);
      out.push({ ...message, token: String(reply[i + 6]), claimRanOut: Number(reply[i + 7]) === 1 });
    }
    return out;
  }

  ack(seq: number, token: string, result: DeliveryResult = {}): Promise<SettleOutcome> {
    return this.#settle('ack', seq, token, '', result.skipped === undefined ? '' : skippedNote(result.skipped), result.ref === undefined ? '' : refJson(result.ref));
  }

  retry(seq: number, token: string, notBefore: number, error: string): Promise<SettleOutcome> {
    return this.#settle('retry', seq, token, String(notBefore), error, '');
  }

  fail(seq: number, token: string, error: string): Promise<SettleOutcome> {
    return this.#settle('fail', seq, token, '', error, '');
  }

  extend(seq: number, token: string, now: number, leaseMs: number): Promise<SettleOutcome> {
    return this.#settle('extend', seq, token, String(now + leaseMs), '', '');
  }

  async counts(): Promise<OutboxCounts> {
    const [p, s, f] = await this.#ctx.guard('outbox.counts', () => this.#ctx.redis.hmget(this.#ctx.keys.outboxCounts, 'pending', 'sent', 'failed'));
    return { pending: Number(p ?? 0), sent: Number(s ?? 0), failed: Number(f ?? 0) };
  }

  async groupCounts(group: string): Promise<OutboxGroupCounts> {
    const [p, s, f, k] = await this.#ctx.guard('outbox.groupCounts', () =>
      this.#ctx.redis.hmget(this.#ctx.keys.outboxGroups, `pending:${group}`, `sent:${group}`, `failed:${group}`, `skipped:${group}`),
    );
    return { pending: Number(p ?? 0), sent: Number(s ?? 0), failed: Number(f ?? 0), skipped: Number(k ?? 0) };
  }

  async failedByReason(limit: number): Promise<readonly FailedReason[]> {
    if (limit <= 0) return [];
    const all = await this.#ctx.guard('outbox.failedByReason', () => this.#ctx.redis.hgetall(this.#ctx.keys.outboxFailedReasons));
    return Object.entries(all)
      .map(([reason, n]) => ({ reason, count: Number(n) }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0))
      .slice(0, limit);
  }

  async eraseRecipient(residentId: string): Promise<number> {
    const k = this.#ctx.keys;
    const removed = await this.#ctx.script(
      'outbox.eraseRecipient',
      'outbox-erase',
      [
        k.outboxByResident,
        k.outboxKeys,
        k.outboxDraft,
        k.outboxStatus,
        k.outboxAttempts,
        k.outboxError,
        k.outboxNotBefore,
        k.outboxToken,
        k.outboxReady,
        k.outboxWait,
        k.outboxHeld,
        k.outboxCounts,
        k.outboxGroups,
        k.outboxFailedReasons,
      ],
      [residentId, SKIPPED_PREFIX],
    );
    return Number(removed);
  }

  async list(afterSeq: number, limit: number): Promise<readonly OutboxMessage[]> {
    if (limit <= 0) return [];
    const k = this.#ctx.keys;
    const rows = (await this.#ctx.script(
      'outbox.list',
      'outbox-list',
      [k.outboxSeq, k.outboxDraft, k.outboxStatus, k.outboxAttempts, k.outboxError, k.outboxNotBefore],
      [String(afterSeq), String(limit)],
    )) as unknown[];
    const out: OutboxMessage[] = [];
    for (let i = 0; i + 6 < rows.length; i += 7) {
      out.push(messageFrom(rows[i], rows[i + 1], rows[i + 2] as Status, rows[i + 3], rows[i + 4], rows[i + 5], rows[i + 6]));
    }
    return out;
  }

  async #settle(mode: 'ack' | 'retry' | 'fail' | 'extend', seq: number, token: string, at: string, error: string, ref: string): Promise<SettleOutcome> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.script(
      `outbox.${mode}`,
      'outbox-settle',
      [
        k.outboxStatus,
        k.outboxReady,
        k.outboxWait,
        k.outboxCounts,
        k.outboxError,
        k.outboxNotBefore,
        k.outboxToken,
        k.outboxDraft,
        k.outboxHeld,
        k.outboxGroups,
        k.refByKey,
        k.refByMessage,
        k.refOwned,
        k.outboxFailedReasons,
      ],
      [mode, String(seq), token, at, error, ref],
    );
    return outcomeOf('outbox-settle', code, ['ok', 'not_owner']) === 'ok' ? 'ok' : 'lost';
  }
}
