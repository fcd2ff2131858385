/**
 * Turns every unfinished broadcast into per-resident outbox messages, a page at a time
 * (engine `fanOutBroadcast`), oldest broadcast first. It holds no state of its own: each page
 * is recorded atomically with the broadcast's cursor (BroadcastStore `fanOutPage`), so after
 * a crash the next runner — this process restarted, or another instance taking the lease —
 * continues after the last recorded page: no resident is queued twice (outbox keys are
 * per broadcast and resident as well) and none is skipped.
 *
 * Run it under a lease (one fan-out at a time is enough; two would only race for pages).
 */
import type { Logger } from 'pino';
import type { Outcome } from '../../core/domain/domain-error.ts';
import type { FanOutStep } from '../../core/engine/broadcast-usecases.ts';
import { FAN_OUT_PAGE_MAX } from '../../core/engine/broadcast-usecases.ts';
import { errFields, sleep } from '../system/wait.ts';

/** What the runner needs of the engine. */
export interface FanOutEngine {
  broadcastsToFanOut(): Promise<readonly string[]>;
  fanOutBroadcast(broadcastId: string, pageSize: number): Promise<Outcome<FanOutStep>>;
}

/** Options of {@link FanOutRunner}. */
export interface FanOutRunnerOptions {
  readonly engine: FanOutEngine;
  readonly logger: Logger;
  /** Residents per page (1…1000). Default 500. */
  readonly pageSize?: number;
  /** How often it looks for new broadcasts when none is fanning out (ms). Default 1,000. */
  readonly idleMs?: number;
  /** Wait after the store failed (ms). Default 2,000. */
  readonly errorBackoffMs?: number;
}

/** Fans broadcasts out until stopped; see the module comment. */
export class FanOutRunner {
  readonly #o: FanOutRunnerOptions;
  readonly #log: Logger;
  readonly #pageSize: number;

  constructor(options: FanOutRunnerOptions) {
    this.#o = options;
    this.#pageSize = options.pageSize ?? 500;
    if (!Number.isInteger(this.#pageSize) || this.#pageSize < 1 || this.#pageSize > FAN_OUT_PAGE_MAX) throw new Error(`FanOutRunner: pageSize must be a whole number from 1 to ${FAN_OUT_PAGE_MAX}`);
    this.#log = options.logger.child({ module: 'fan-out' });
  }

  /** Fans out until `signal` aborts; resolves after the page in hand is recorded. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let worked: boolean;
      try {
        worked = await this.round(signal);
      } catch (e) {
        this.#log.error(errFields(e), 'fan-out failed');
        await sleep(this.#o.errorBackoffMs ?? 2_000, signal);
        continue;
      }
      if (!worked) await sleep(this.#o.idleMs ?? 1_000, signal);
    }
  }

  /** Fans out every broadcast waiting now, to its end (or until `signal` aborts). True when there was one. */
  async round(signal: AbortSignal = new AbortController().signal): Promise<boolean> {
    const ids = await this.#o.engine.broadcastsToFanOut();
    for (const id of ids) {
      let pages = 0;
      for (;;) {
        if (signal.aborted) return true;
        const step = await this.#o.engine.fanOutBroadcast(id, this.#pageSize);
        if (!step.ok) {
          // Gone (erased) or refused: nothing more to do for it.
          this.#log.warn({ broadcast: id, code: step.code }, 'broadcast not fanned out');
          break;
        }
        pages += 1;
        if (step.value.done) {
          this.#log.info({ broadcast: id, queued: step.value.queued, pages }, 'broadcast fanned out');
          break;
        }
      }
    }
    return ids.length > 0;
  }
}
