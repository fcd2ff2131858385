import type { Outbox, OutboxMessage } from '../../core/ports/outbox.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

type Status = OutboxMessage['status'];

function messageFrom(seq: unknown, draftJson: unknown, status: Status, attempts: unknown, hasError: unknown, error: unknown, notBefore: unknown): OutboxMessage {
  const draft = JSON.parse(String(draftJson)) as OutboxDraft;
  return {
    seq: Number(seq),
    key: draft.key,
    recipient: draft.recipient,
    template: draft.template,
    params: draft.params,
    notBefore: notBefore === '' ? draft.notBefore : Number(notBefore),
    status,
    attempts: Number(attempts),
    lastError: hasError === 1 ? String(error) : null,
    ...(draft.group === undefined ? {} : { group: draft.group }),
  };
}

/**
 * The outbox in Redis. Drafts are immutable JSON (`ob:draft`, by seq); status, attempts,
 * last error and a retry's notBefore sit in their own hashes; pending messages wait in a
 * zset by the instant they become claimable and move to a seq-ordered zset when due. Enqueue
 * is part of the write frame of every write script (see lua/includes/write-frame.lua).
 * Each claim counts as one delivery attempt; a claim lease that runs out makes the message
 * claimable again.
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

  async claim(now: number, limit: number, leaseMs: number): Promise<readonly OutboxMessage[]> {
    if (limit <= 0) return [];
    const k = this.#ctx.keys;
    const reply = (await this.#ctx.write(
      'outbox.claim',
      'outbox-claim',
      {},
      [k.outboxReady, k.outboxWait, k.outboxDraft, k.outboxAttempts, k.outboxError, k.outboxNotBefore],
      [String(now), String(limit), String(leaseMs)],
    )) as unknown[];
    outcomeOf('outbox-claim', reply[0], ['ok']);
    const out: OutboxMessage[] = [];
    for (let i = 1; i + 5 < reply.length; i += 6) {
      out.push(messageFrom(reply[i], reply[i + 1], 'pending', reply[i + 2], reply[i + 3], reply[i + 4], reply[i + 5]));
    }
    return out;
  }

  async ack(seq: number): Promise<void> {
    await this.#settle('ack', seq, 0, '');
  }

  async retry(seq: number, notBefore: number, error: string): Promise<void> {
    await this.#settle('retry', seq, notBefore, error);
  }

  async fail(seq: number, error: string): Promise<void> {
    await this.#settle('fail', seq, 0, error);
  }

  async counts(): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>> {
    const [p, s, f] = await this.#ctx.guard('outbox.counts', () => this.#ctx.redis.hmget(this.#ctx.keys.outboxCounts, 'pending', 'sent', 'failed'));
    return { pending: Number(p ?? 0), sent: Number(s ?? 0), failed: Number(f ?? 0) };
  }

  /**
   * Counted by reading every draft (HSCAN of `ob:draft`): correct, but as slow as the outbox
   * is large. A stop-gap until the outbox keeps per-group counters in its scripts.
   */
  async groupCounts(group: string): Promise<Readonly<Record<'pending' | 'sent' | 'failed', number>>> {
    const k = this.#ctx.keys;
    return this.#ctx.guard('outbox.groupCounts', async () => {
      const seqs: string[] = [];
      let cursor = '0';
      do {
        const [next, flat] = await this.#ctx.redis.hscan(k.outboxDraft, cursor, 'COUNT', 1000);
        for (let i = 0; i + 1 < flat.length; i += 2) {
          if ((JSON.parse(flat[i + 1]!) as OutboxDraft).group === group) seqs.push(flat[i]!);
        }
        cursor = next;
      } while (cursor !== '0');
      const out = { pending: 0, sent: 0, failed: 0 };
      for (let i = 0; i < seqs.length; i += 1000) {
        for (const s of await this.#ctx.redis.hmget(k.outboxStatus, ...seqs.slice(i, i + 1000))) out[(s ?? 'pending') as Status] += 1;
      }
      return out;
    });
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

  async #settle(mode: 'ack' | 'retry' | 'fail', seq: number, notBefore: number, error: string): Promise<void> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.script(
      `outbox.${mode}`,
      'outbox-settle',
      [k.outboxStatus, k.outboxReady, k.outboxWait, k.outboxCounts, k.outboxError, k.outboxNotBefore],
      [mode, String(seq), String(notBefore), error],
    );
    outcomeOf('outbox-settle', code, ['ok', 'not_found']);
  }
}
