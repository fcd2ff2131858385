import { PROCESSED_KEEP_MS } from '../../../core/ports/processed-updates.ts';
import type { ProcessedUpdates, UpdateBegin } from '../../../core/ports/processed-updates.ts';
import { roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/**
 * In-memory `ProcessedUpdates`. A state set at `now` for `ms` holds while a later
 * `now' < now + ms`; expiry is judged by the `now` argument, never the wall clock. Lease
 * tokens are numbered per state, so two handles on one state never hand out the same one.
 */
export class MemoryProcessedUpdates implements ProcessedUpdates {
  constructor(private readonly handle: MemoryHandle) {}

  async begin(key: string, now: number, leaseMs: number): Promise<UpdateBegin> {
    await roundTrip();
    const s = this.handle.open();
    const row = s.processed.get(key);
    if (row !== undefined && now < row.until) return { status: row.state, until: row.until };
    const lease = `lease-${++s.lastLease}`;
    const until = now + leaseMs;
    s.processed.set(key, { state: 'in_progress', until, lease });
    return { status: 'new', lease, until };
  }

  async finish(key: string, now: number, keepMs: number = PROCESSED_KEEP_MS): Promise<void> {
    await roundTrip();
    this.handle.open().processed.set(key, { state: 'done', until: now + keepMs, lease: null });
  }

  async abandon(key: string, lease: string): Promise<boolean> {
    await roundTrip();
    const s = this.handle.open();
    const row = s.processed.get(key);
    if (row === undefined || row.state !== 'in_progress' || row.lease !== lease) return false;
    s.processed.delete(key);
    return true;
  }
}
