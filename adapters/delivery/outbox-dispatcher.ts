/**
 * The in-process delivery engine (the embedded SQLite store, one process sending; also
 * usable on Redis by one instance under a lease): it keeps up to `concurrency` Telegram
 * messages in flight over the outbox. A Telegram round trip takes ~100 ms, so one message at
 * a time caps a bot near 10/s; with several in flight the send budget (30/s smooth, 1/s per
 * chat, 20/min per group) is what paces it.
 *
 * - **Claim** as many due messages as there are free places (residents' and digest chats'
 *   only: `TELEGRAM_RECIPIENTS`), in seq order, each with the claim's lease.
 * - **Deliver** each through the sending module (telegram-sending.ts: render, budget slot,
 *   fence, send, classify) and **settle** it with its claim token. Messages to one chat go
 *   one after the other in claim order (the chat's limit is 1/s anyway, and a resident reads
 *   them in the order they were recorded); different chats run side by side.
 * - **Leases**: every `claimLeaseMs / 3` the claims of messages still in hand are renewed, so
 *   a message waiting behind a long `retry_after` is not handed out again meanwhile. Should a
 *   renewal be refused (`lost`: the process stalled past its lease and someone else holds the
 *   message) the fence before the send finds it too, and the message is dropped unsent.
 * - **Stop**: messages not sent yet are handed back at once (`retry` now); `run` resolves once
 *   every message in hand is settled, so a crash resends at most the messages in flight —
 *   up to `concurrency` of them, the price of sending several at once (the outbox's guarantee
 *   with N workers). A message whose earlier claim ran out unsettled (`claimRanOut`) is logged
 *   as a possible resend before it goes (resend-log.ts).
 */
import type { Logger } from 'pino';
import type { ClaimedMessage } from '../../core/ports/outbox.ts';
import { errFields, sleep } from '../system/wait.ts';
import { logPossibleResend } from './resend-log.ts';
import { TELEGRAM_RECIPIENTS, TelegramSending } from './telegram-sending.ts';
import type { InHand, Settled, TelegramSendingOptions } from './telegram-sending.ts';

/** Options of {@link OutboxDispatcher}: the sending module's, plus these. */
export interface OutboxDispatcherOptions extends TelegramSendingOptions {
  /** Messages in flight at most. Default 12. */
  readonly concurrency?: number;
  /** Messages claimed per claim call at most. Default `concurrency`. */
  readonly batch?: number;
  /** Wait when nothing is due (ms). Default 500. */
  readonly idleMs?: number;
}

/** Default messages in flight: ~12 × 100 ms round trips cover 30/s with room for slow answers. */
export const DEFAULT_CONCURRENCY = 12;

/** The key messages to one chat queue under (one after the other). */
function chatKey(m: ClaimedMessage): string {
  const r = m.recipient;
  return r.kind === 'resident' ? `r:${r.residentId}` : r.kind === 'telegramChat' ? `c:${r.chatId}` : `x:${m.seq}`;
}

/** Sends the Telegram recipients' outbox messages, several at once; see the module comment. */
export class OutboxDispatcher {
  readonly sending: TelegramSending;
  readonly #o: OutboxDispatcherOptions;
  readonly #log: Logger;
  readonly #concurrency: number;
  readonly #leaseMs: number;
  /** Messages in hand (claimed, not settled), by seq. */
  readonly #inHand = new Map<number, InHand>();
  /** The last task queued per chat. */
  readonly #chains = new Map<string, Promise<void>>();

  constructor(options: OutboxDispatcherOptions) {
    this.#o = options;
    this.#concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    if (!Number.isInteger(this.#concurrency) || this.#concurrency < 1) throw new Error('OutboxDispatcher: concurrency must be a whole number ≥ 1');
    this.#leaseMs = options.claimLeaseMs ?? 60_000;
    this.#log = options.logger.child({ module: 'outbox-dispatcher' });
    this.sending = new TelegramSending(options);
  }

  /** Messages claimed and not yet settled. */
  get inFlight(): number {
    return this.#inHand.size;
  }

  /** Sends until `signal` aborts; resolves once every message in hand is settled. */
  async run(signal: AbortSignal): Promise<void> {
    this.#log.info({ concurrency: this.#concurrency }, 'sending Telegram messages');
    const renew = setInterval(() => void this.#renew(), Math.max(50, Math.floor(this.#leaseMs / 3)));
    const tasks = new Set<Promise<void>>();
    let wake: () => void = () => {};
    let woken = new Promise<void>((r) => (wake = r));
    const onSettled = (): void => {
      wake();
      woken = new Promise<void>((r) => (wake = r));
    };
    try {
      while (!signal.aborted) {
        const free = this.#concurrency - this.#inHand.size;
        let claimed: readonly ClaimedMessage[] = [];
        if (free > 0) {
          try {
            claimed = await this.#claim(free);
          } catch (e) {
            // The store failed: wait and try again; claims run out on their own.
            this.#log.error(errFields(e), 'outbox claim failed');
            await sleep(this.#o.backoffMs ?? 2_000, signal);
            continue;
          }
          for (const m of claimed) {
            const t = this.#start(m, signal).finally(() => {
              tasks.delete(t);
              onSettled();
            });
            tasks.add(t);
          }
        }
        // Full, or nothing due: wait for a place to free up (or, idle, for new messages).
        if (claimed.length === 0 || this.#inHand.size >= this.#concurrency) {
          const idle = new AbortController();
          const stop = (): void => idle.abort();
          signal.addEventListener('abort', stop, { once: true });
          await Promise.race([woken, sleep(this.#o.idleMs ?? 500, idle.signal)]);
          idle.abort();
          signal.removeEventListener('abort', stop);
        }
      }
    } finally {
      await Promise.all([...tasks]);
      clearInterval(renew);
    }
    this.#log.info('stopped sending Telegram messages');
  }

  /**
   * One round: claims up to `batch` (default `concurrency`) messages and delivers them, up to
   * `concurrency` at once; resolves once all are settled. Returns how many it handled (0:
   * nothing due). For tests and tools; `run` keeps the places filled instead.
   */
  async round(signal: AbortSignal = new AbortController().signal): Promise<number> {
    const claimed = await this.#claim(this.#o.batch ?? this.#concurrency);
    const queue = [...claimed];
    const workers = Array.from({ length: Math.min(this.#concurrency, queue.length) }, async () => {
      for (let m = queue.shift(); m !== undefined; m = queue.shift()) await this.#start(m, signal);
    });
    await Promise.all(workers);
    return claimed.length;
  }

  async #claim(limit: number): Promise<readonly ClaimedMessage[]> {
    const now = this.#o.clock.now();
    const claimed = await this.#o.outbox.claim(now, Math.min(limit, this.#o.batch ?? this.#concurrency), this.#leaseMs, TELEGRAM_RECIPIENTS);
    for (const m of claimed) this.#inHand.set(m.seq, { message: m, claimedAt: now });
    return claimed;
  }

  /** Delivers `m` after the messages to its chat already queued; never rejects. */
  #start(m: ClaimedMessage, signal: AbortSignal): Promise<void> {
    const key = chatKey(m);
    const before = this.#chains.get(key) ?? Promise.resolve();
    const task = before.then(() => this.#deliver(m, signal));
    this.#chains.set(key, task);
    void task.then(() => {
      if (this.#chains.get(key) === task) this.#chains.delete(key);
    });
    return task;
  }

  async #deliver(m: ClaimedMessage, signal: AbortSignal): Promise<void> {
    const hand = this.#inHand.get(m.seq) ?? { message: m, claimedAt: this.#o.clock.now() };
    if (m.claimRanOut) logPossibleResend(this.#log, m, 'claim ran out');
    try {
      const settled: Settled = await this.sending.deliverAndSettle(hand, signal);
      if (settled.outcome === 'lost' && settled.verdict !== 'lost') this.#log.info({ seq: m.seq, verdict: settled.verdict }, 'settled after the claim was lost: nothing recorded');
    } catch (e) {
      // A store failure while delivering or settling: the claim runs out and the message comes back.
      this.#log.error({ seq: m.seq, ...errFields(e) }, 'delivery failed; the message comes back when its claim runs out');
    } finally {
      this.#inHand.delete(m.seq);
    }
  }

  /** Renews the claims of messages in hand for longer than a third of the lease. */
  async #renew(): Promise<void> {
    const now = this.#o.clock.now();
    for (const hand of this.#inHand.values()) {
      if (now - hand.claimedAt < this.#leaseMs / 3) continue;
      try {
        if ((await this.#o.outbox.extend(hand.message.seq, hand.message.token, now, this.#leaseMs)) === 'ok') hand.claimedAt = now;
      } catch (e) {
        this.#log.warn({ seq: hand.message.seq, ...errFields(e) }, 'could not renew a claim');
      }
    }
  }
}
