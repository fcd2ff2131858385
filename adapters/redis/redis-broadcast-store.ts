import type { Broadcast, BroadcastDraft } from '../../core/broadcasts/broadcast.ts';
import type { BroadcastOutcome, BroadcastStore, FanOutPage } from '../../core/ports/broadcast-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

/** Fields of a broadcast hash, in the order `broadcastFrom` reads them. */
export const BROADCAST_FIELDS = ['d', 's', 'c', 'q', 't', 'fo', 'fi', 'v'] as const;

/** A broadcast from its hash fields (BROADCAST_FIELDS order); null when absent. */
export function broadcastFrom(fields: readonly (string | null | undefined)[]): Broadcast | null {
  const [d, s, c, q, t, fo, fi, v] = fields;
  if (d == null || s == null || v == null) return null;
  const fixed = JSON.parse(d) as Pick<Broadcast, 'id' | 'by' | 'content' | 'audience' | 'startedAt'>;
  const num = (x: string | null | undefined): number | null => (x == null ? null : Number(x));
  return {
    id: fixed.id,
    by: fixed.by,
    content: fixed.content,
    audience: fixed.audience,
    startedAt: fixed.startedAt,
    status: s as Broadcast['status'],
    cursor: c ?? null,
    queued: Number(q ?? 0),
    total: num(t),
    fannedOutAt: num(fo),
    finishedAt: num(fi),
    version: Number(v),
  };
}

/**
 * Broadcasts in Redis: one hash `bc:<id>` each (d = the fixed part as JSON; s, c, q, t, fo,
 * fi, v = status, cursor, queued, total, fannedOutAt, finishedAt, version) and a
 * lexicographic zset of `<padded startedAt>:<id>` for newest-first listing. New broadcasts
 * are written by the write frame (they can be side records of any change); a fan-out page
 * is one script that checks the cursor, enqueues the page and moves the cursor.
 */
export class RedisBroadcastStore implements BroadcastStore {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async create(draft: BroadcastDraft, side: SideRecords): Promise<BroadcastOutcome> {
    const code = await this.#ctx.write('broadcasts.create', 'broadcast-create', { ...side, broadcasts: [draft] }, [this.#ctx.keys.broadcast(draft.id)], []);
    return outcomeOf('broadcast-create', code, ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async get(id: string): Promise<Broadcast | null> {
    const fields = await this.#ctx.guard('broadcasts.get', () => this.#ctx.redis.hmget(this.#ctx.keys.broadcast(id), ...BROADCAST_FIELDS));
    return broadcastFrom(fields);
  }

  async list(before: string | null, limit: number): Promise<readonly Broadcast[]> {
    if (limit <= 0) return [];
    const k = this.#ctx.keys;
    return this.#ctx.guard('broadcasts.list', async () => {
      let max = '+';
      if (before !== null) {
        const anchor = await this.get(before);
        if (anchor === null) return [];
        max = `(${k.broadcastMember(anchor.startedAt, anchor.id)}`;
      }
      const members = await this.#ctx.redis.zrevrangebylex(k.broadcasts, max, '-', 'LIMIT', 0, limit);
      if (members.length === 0) return [];
      const pipe = this.#ctx.redis.pipeline();
      for (const m of members) pipe.hmget(k.broadcast(m.slice(m.indexOf(':') + 1)), ...BROADCAST_FIELDS);
      const out: Broadcast[] = [];
      for (const [err, row] of (await pipe.exec()) ?? []) {
        if (err) throw err;
        const b = broadcastFrom(row as (string | null)[]);
        if (b !== null) out.push(b);
      }
      return out;
    });
  }

  async fanOutPage(id: string, page: FanOutPage): Promise<BroadcastOutcome> {
    const code = await this.#ctx.write(
      'broadcasts.fanOutPage',
      'broadcast-fan-out',
      { outbox: page.drafts },
      [this.#ctx.keys.broadcast(id)],
      [page.expectedCursor ?? '', page.cursor ?? '', page.done ? '1' : '0', String(page.drafts.length), String(page.at)],
    );
    const outcome = outcomeOf('broadcast-fan-out', code, ['ok', 'conflict', 'not_found']);
    return outcome === 'ok' ? 'saved' : outcome;
  }

  async finish(id: string, at: number, side: SideRecords): Promise<BroadcastOutcome> {
    const code = await this.#ctx.write('broadcasts.finish', 'broadcast-finish', side, [this.#ctx.keys.broadcast(id)], [String(at)]);
    const outcome = outcomeOf('broadcast-finish', code, ['ok', 'conflict', 'not_found']);
    return outcome === 'ok' ? 'saved' : outcome;
  }
}
