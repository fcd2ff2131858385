/**
 * Fake timers for the scheduler, tied to a `FixedClock`: nothing fires until the test says
 * so, and firing moves the clock to the timer's due instant first.
 */
import type { SchedulerTimers } from '../../adapters/scheduling/index.ts';
import type { FixedClock } from '../support/fixed-clock.ts';

interface Pending {
  readonly due: number;
  readonly ms: number;
  readonly fn: () => void;
}

/** Scheduler timers that fire only when the test calls `fireNext`. */
export class ManualTimers implements SchedulerTimers {
  readonly #clock: FixedClock;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(clock: FixedClock) {
    this.#clock = clock;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#pending.set(id, { due: this.#clock.now() + ms, ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  /** Timers armed and not yet fired or cleared. */
  get pending(): readonly Pending[] {
    return [...this.#pending.values()];
  }

  /** Waits (event-loop turns, not time) until some timer is armed; returns the earliest. */
  async armed(): Promise<Pending> {
    for (let i = 0; i < 10_000; i++) {
      const first = this.#earliest();
      if (first !== null) return first[1];
      await new Promise((r) => setImmediate(r));
    }
    throw new Error('ManualTimers: no timer was armed');
  }

  /** Moves the clock to the earliest timer's due instant and fires it. */
  fireNext(): number {
    const first = this.#earliest();
    if (first === null) throw new Error('ManualTimers: nothing to fire');
    this.#pending.delete(first[0]);
    this.#clock.set(first[1].due);
    first[1].fn();
    return first[1].due;
  }

  #earliest(): [number, Pending] | null {
    let best: [number, Pending] | null = null;
    for (const entry of this.#pending) if (best === null || entry[1].due < best[1].due) best = entry;
    return best;
  }
}
