import type { Clock } from '../../core/ports/clock.ts';

/** The real time: `Date.now()`. */
export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }
}

/**
 * A clock the caller moves, for the simulation's fast time: `set` jumps to an instant,
 * `advance` moves on. It refuses to go back, so audit times stay in order.
 */
export class SteppingClock implements Clock {
  #now: number;

  /** `start`: the first instant (epoch ms). */
  constructor(start: number) {
    if (!Number.isFinite(start)) throw new Error('SteppingClock: start must be a finite instant');
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  /** Moves to `at` (epoch ms); an instant in the past is refused. */
  set(at: number): void {
    if (!Number.isFinite(at) || at < this.#now) throw new Error(`SteppingClock: cannot move back from ${this.#now} to ${at}`);
    this.#now = at;
  }

  /** Moves forward by `ms` (≥ 0). */
  advance(ms: number): void {
    this.set(this.#now + ms);
  }
}
