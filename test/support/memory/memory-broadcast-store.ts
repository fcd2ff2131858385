import type { Broadcast, BroadcastDraft } from '../../../core/broadcasts/broadcast.ts';
import type { BroadcastOutcome, BroadcastStore, FanOutPage } from '../../../core/ports/broadcast-store.ts';
import type { SideRecords } from '../../../core/ports/side-records.ts';
import { applySide, createBroadcasts, enqueueOutbox, frozenCopy, roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/** Newest first: startedAt descending, then id descending. */
function newestFirst(a: Broadcast, b: Broadcast): number {
  return b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** In-memory `BroadcastStore` over a shared `MemoryState`. */
export class MemoryBroadcastStore implements BroadcastStore {
  constructor(private readonly handle: MemoryHandle) {}

  async create(draft: BroadcastDraft, side: SideRecords): Promise<BroadcastOutcome> {
    await roundTrip();
    const s = this.handle.open();
    if (s.broadcasts.has(draft.id)) return 'conflict';
    createBroadcasts(s, [draft]);
    applySide(s, side);
    return 'saved';
  }

  async get(id: string): Promise<Broadcast | null> {
    await roundTrip();
    return this.handle.open().broadcasts.get(id) ?? null;
  }

  async list(before: string | null, limit: number): Promise<readonly Broadcast[]> {
    await roundTrip();
    const s = this.handle.open();
    const all = [...s.broadcasts.values()].sort(newestFirst);
    let from = 0;
    if (before !== null) {
      const anchor = s.broadcasts.get(before);
      if (anchor === undefined) return Object.freeze([]);
      from = all.indexOf(anchor) + 1;
    }
    return Object.freeze(all.slice(from, from + Math.max(0, limit)));
  }

  async fanOutPage(id: string, page: FanOutPage): Promise<BroadcastOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const b = s.broadcasts.get(id);
    if (b === undefined) return 'not_found';
    if (b.status !== 'fanning_out' || b.cursor !== page.expectedCursor) return 'conflict';
    enqueueOutbox(s, page.drafts);
    const queued = b.queued + page.drafts.length;
    s.broadcasts.set(
      id,
      frozenCopy({
        ...b,
        cursor: page.cursor,
        queued,
        version: b.version + 1,
        ...(page.done ? { status: 'sending' as const, total: queued, fannedOutAt: page.at } : {}),
      }),
    );
    return 'saved';
  }

  async finish(id: string, at: number, side: SideRecords): Promise<BroadcastOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const b = s.broadcasts.get(id);
    if (b === undefined) return 'not_found';
    if (b.status !== 'sending') return 'conflict';
    s.broadcasts.set(id, frozenCopy({ ...b, status: 'done' as const, finishedAt: at, version: b.version + 1 }));
    applySide(s, side);
    return 'saved';
  }
}
