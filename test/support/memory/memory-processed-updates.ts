import type { ProcessedUpdates } from '../../../core/ports/processed-updates.ts';
import { roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/**
 * In-memory `ProcessedUpdates`. A claim made at `now` with `ttlMs` holds while a later
 * `now' < now + ttlMs`; expiry is judged by the `now` argument, never the wall clock.
 */
export class MemoryProcessedUpdates implements ProcessedUpdates {
  constructor(private readonly handle: MemoryHandle) {}

  async claim(key: string, now: number, ttlMs: number): Promise<boolean> {
    await roundTrip();
    const s = this.handle.open();
    const expiresAt = s.processed.get(key);
    if (expiresAt !== undefined && now < expiresAt) return false;
    s.processed.set(key, now + ttlMs);
    return true;
  }

  async release(key: string): Promise<void> {
    await roundTrip();
    this.handle.open().processed.delete(key);
  }
}
