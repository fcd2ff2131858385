/**
 * The lease of the embedded (SQLite) mode: one process serves the campaign, so it is always
 * the leader. Within the process a `LocalLease` still runs one holder at a time: a second
 * `runWhileLeader` waits until the first one's work has returned.
 */
import type { Lease } from '../scheduling/lease.ts';

/** An always-leader, in-process `Lease`. */
export class LocalLease implements Lease {
  readonly name: string;
  #queue: Promise<void> = Promise.resolve();

  /** `name`: the lease name, for logs (e.g. `scheduler`). */
  constructor(name: string) {
    this.name = name;
  }

  runWhileLeader(work: (leadership: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
    const turn = this.#queue.then(() => this.#hold(work, signal));
    // The next holder waits for this one to end, whether its work returned or threw.
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  async #hold(work: (leadership: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const leadership = new AbortController();
    const stop = (): void => leadership.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      await work(leadership.signal);
    } finally {
      signal.removeEventListener('abort', stop);
      leadership.abort();
    }
  }
}
