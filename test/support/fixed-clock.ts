import type { Clock } from '../../core/ports/clock.ts';

/** A clock that only moves when told to. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Sets the instant (epoch ms). */
  set(ms: number): void {
    this.current = ms;
  }

  /** Moves the clock forward (or back, with a negative step) by `ms`. */
  advance(ms: number): void {
    this.current += ms;
  }
}
