/**
 * The delivery engine on Redis (several instances): a BullMQ queue between the outbox and
 * the senders. The outbox stays the record of truth; the queue only hands claimed messages
 * to whichever instance has a free worker.
 *
 * - **Relay** (one instance at a time, under the `telegram-dispatch` lease): claims due
 *   Telegram messages (`TELEGRAM_RECIPIENTS`) with the claim lease `claimLeaseMs` and adds
 *   one job per claim, keeping the queue at most `highWater` jobs deep (so no claim waits in
 *   the queue for long: 500 jobs are ~17 s at 30/s). The job id is `m<seq>-<attempt>`: the
 *   message's seq and the claim's attempt number. So a claim is queued once — re-adding it
 *   (the relay retrying a lost reply) is ignored as a duplicate — and a later claim of the
 *   same message (after a retry or a lost lease) is a new job, never swallowed by an older
 *   one still kept. (The outbox key cannot be the id: it holds `:`, which BullMQ refuses, and
 *   residents' ids, which must not outlive an erasure in job keys.) Job data is the seq, the
 *   claim token and the claim instant, nothing personal: the worker reads the message from
 *   the outbox, so an erased message is simply not found.
 * - **Workers** (every instance, `concurrency` jobs at once): read the message, deliver it
 *   through the sending module (render, send budget slot, fence, send, classify) and settle
 *   it with the claim's token — ack, retry (a 429 after retry_after, a transient failure with
 *   backoff), fail (403 unreachable, parked). Retries of Telegram answers are the outbox's
 *   (`retry` with notBefore, then a new claim and a new job), so they are visible in the
 *   outbox and counted towards parking. BullMQ's own retries (`jobAttempts`, exponential
 *   backoff) cover a processor that threw before sending (the store or the budget
 *   unreachable); a settle that fails after a send is retried in place, not by resending.
 * - **Claim lease vs job lifetime**: the claim outlives the job's normal life (queue wait +
 *   budget wait + send ≪ `claimLeaseMs`, default 2 minutes). A worker renews a claim older
 *   than half its lease right before sending (the fence) and drops the job unsent when the
 *   claim is `lost`: a job whose claim ran out and was handed out again never sends. A job
 *   lost with its instance is recovered by BullMQ's stalled check (another worker takes it
 *   after `lockDuration`/`stalledInterval`, 30 s each) while the claim still holds; a job
 *   lost for good (Redis lost it, stalled too often, failed for good) comes back through the
 *   outbox: its claim runs out and the relay claims and queues the message again. A message is
 *   thus never lost, and sent twice only when a worker died between its send and its ack;
 *   both ways back (a stalled job taken over, a claim that ran out) are logged as a possible
 *   resend before the send (resend-log.ts).
 * - **Connection**: BullMQ needs its own connection with `maxRetriesPerRequest: null` (the
 *   workers block on Redis); `bullConnection` duplicates the store's (one server or a cluster)
 *   that way. On a Redis Cluster every key of a queue must live in one slot: the prefix
 *   `pnyx-bull:{<campaign hash tag>}` gives the queue the campaign's own slot, outside the
 *   campaign's key prefix (a dump of the campaign does not see it).
 * - **Pacing** is the shared send budget (30/s smooth, 1/s per chat, 20/min per group, a 429
 *   slowing every instance down): BullMQ's own rate limiter has no per-chat groups in its
 *   open-source edition, and the budget already covers every instance.
 */
import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ClaimedMessage } from '../../core/ports/outbox.ts';
import { errFields, sleep } from '../system/wait.ts';
import { logPossibleResend } from './resend-log.ts';
import { TELEGRAM_RECIPIENTS, TelegramSending } from './telegram-sending.ts';
import type { SendVerdict, TelegramSendingOptions } from './telegram-sending.ts';

/** What a job carries: which claim of which message (nothing personal). */
export interface DeliveryJob {
  readonly seq: number;
  readonly token: string;
  /** Epoch ms of the claim. */
  readonly claimedAt: number;
  /** Set when the message's previous claim ran out unsettled (`ClaimedMessage.claimRanOut`): it may have been sent. */
  readonly claimRanOut?: true;
}

/** Options of {@link BullDelivery}: the sending module's, plus these. */
export interface BullDeliveryOptions extends TelegramSendingOptions {
  /** A connection for BullMQ with `maxRetriesPerRequest: null` (`bullConnection`). */
  readonly connection: Redis | Cluster;
  /** Queue prefix, hash-tagged (`queuePrefix`). */
  readonly prefix: string;
  /** Default `deliveries`. */
  readonly queueName?: string;
  /** Jobs each instance's worker runs at once. Default 12. */
  readonly concurrency?: number;
  /** Most jobs waiting in the queue; the relay claims no more meanwhile. Default 500. */
  readonly highWater?: number;
  /** Messages claimed per relay round at most. Default 200. */
  readonly relayBatch?: number;
  /** The relay's wait when nothing is due or the queue is full (ms). Default 200. */
  readonly idleMs?: number;
  /** BullMQ attempts of a job whose processor throws (before sending). Default 5. */
  readonly jobAttempts?: number;
  /** First BullMQ backoff (ms), exponential. Default 1,000. */
  readonly jobBackoffMs?: number;
  /** BullMQ worker lock and stalled-check interval (ms). Default 30,000. */
  readonly lockDurationMs?: number;
}

/**
 * Default claim lease on Redis: jobs may wait in the queue, so longer than the in-process one.
 * Two minutes: longer than a normal job's life (the queue is at most `highWater` deep, about
 * 17 s at 30/s) and than the stalled check's takeover (30–60 s), so a job lost with its
 * instance is taken over while its claim holds; and short enough that the claims a crash
 * leaves without a job (claimed by the relay, killed before the jobs were added) are sent
 * about two minutes after the restart (with five minutes, they waited five).
 */
export const BULL_CLAIM_LEASE_MS = 120_000;

/** The BullMQ prefix of a campaign whose key prefix carries `hashTag` (e.g. `bertrix-2026`). */
export function queuePrefix(hashTag: string): string {
  return `pnyx-bull:{${hashTag}}`;
}

/**
 * A connection for BullMQ from the store's: the same server or cluster, no command timeout
 * (workers block) and `maxRetriesPerRequest: null`, as BullMQ requires of its connections.
 */
export function bullConnection(client: Redis | Cluster, name = 'pnyx-deliveries'): Redis | Cluster {
  if ('isCluster' in client && client.isCluster) {
    const c = client as Cluster;
    return c.duplicate(undefined, { redisOptions: { ...c.options.redisOptions, maxRetriesPerRequest: null, commandTimeout: undefined, connectionName: name } });
  }
  return (client as Redis).duplicate({ maxRetriesPerRequest: null, commandTimeout: undefined, connectionName: name, lazyConnect: false });
}

/** The job id of a claim: `m<seq>-<attempt>`. */
export function jobIdOf(m: Pick<ClaimedMessage, 'seq' | 'attempts'>): string {
  return `m${m.seq}-${m.attempts}`;
}

/** The BullMQ delivery engine; see the module comment. */
export class BullDelivery {
  readonly sending: TelegramSending;
  readonly queue: Queue<DeliveryJob>;
  readonly #o: BullDeliveryOptions;
  readonly #log: Logger;
  readonly #leaseMs: number;
  readonly #name: string;

  constructor(options: BullDeliveryOptions) {
    this.#leaseMs = options.claimLeaseMs ?? BULL_CLAIM_LEASE_MS;
    this.#o = { ...options, claimLeaseMs: this.#leaseMs };
    this.#name = options.queueName ?? 'deliveries';
    this.#log = options.logger.child({ module: 'bull-delivery' });
    this.sending = new TelegramSending(this.#o);
    this.queue = new Queue<DeliveryJob>(this.#name, {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: options.jobAttempts ?? 5,
        backoff: { type: 'exponential', delay: options.jobBackoffMs ?? 1_000 },
        // Done jobs go at once (keys do not grow with the deliveries); failed ones are kept a
        // day for inspection, at most 1,000 — they hold a seq and a token, nothing personal.
        removeOnComplete: true,
        removeOnFail: { age: 86_400, count: 1_000 },
      },
    });
    this.queue.on('error', (e) => this.#log.warn(errFields(e), 'delivery queue error'));
  }

  /** One relay round: claims what the queue has room for and queues it. Returns how many it queued. */
  async relayRound(): Promise<number> {
    const counts = await this.queue.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
    const queued = Object.values(counts).reduce((a, b) => a + b, 0);
    const room = Math.min((this.#o.highWater ?? 500) - queued, this.#o.relayBatch ?? 200);
    if (room <= 0) return 0;
    const now = this.#o.clock.now();
    const claimed = await this.#o.outbox.claim(now, room, this.#leaseMs, TELEGRAM_RECIPIENTS);
    if (claimed.length === 0) return 0;
    // A failure here leaves the claims to run out: the messages come back to the next claim.
    await this.queue.addBulk(claimed.map((m) => ({ name: 'send', data: { seq: m.seq, token: m.token, claimedAt: now, ...(m.claimRanOut ? { claimRanOut: true as const } : {}) }, opts: { jobId: jobIdOf(m) } })));
    return claimed.length;
  }

  /** Relays until `signal` aborts (run it under a lease: one relay is enough). */
  async runRelay(signal: AbortSignal): Promise<void> {
    this.#log.info('relaying due Telegram messages to the delivery queue');
    while (!signal.aborted) {
      let queued = 0;
      try {
        queued = await this.relayRound();
      } catch (e) {
        this.#log.error(errFields(e), 'relay round failed');
        await sleep(this.#o.backoffMs ?? 2_000, signal);
        continue;
      }
      if (queued === 0) await sleep(this.#o.idleMs ?? 200, signal);
    }
  }

  /**
   * Runs this instance's workers until `signal` aborts; resolves once the jobs in hand are
   * settled. `crash` (for failure tests) stops them at once instead, as a killed process
   * would: jobs in hand are neither settled nor their locks renewed, so another instance's
   * worker takes them over once the lock runs out.
   */
  async runWorkers(signal: AbortSignal, options: { readonly crash?: AbortSignal } = {}): Promise<void> {
    const stop = new AbortController();
    const lock = this.#o.lockDurationMs ?? 30_000;
    const worker = new Worker<DeliveryJob>(this.#name, (job) => this.#process(job, stop.signal), {
      connection: this.#o.connection,
      prefix: this.#o.prefix,
      concurrency: this.#o.concurrency ?? 12,
      lockDuration: lock,
      stalledInterval: lock,
      // A job whose worker died twice goes to failed; its claim then runs out and the relay queues the message again.
      maxStalledCount: 2,
      autorun: false,
    });
    worker.on('error', (e) => this.#log.warn(errFields(e), 'delivery worker error'));
    worker.on('failed', (job, e) => this.#log.warn({ job: job?.id, ...errFields(e) }, 'delivery job failed'));
    const running = worker.run();
    this.#log.info({ concurrency: this.#o.concurrency ?? 12 }, 'delivery workers running');
    const crash = options.crash;
    await new Promise<void>((resolve) => {
      if (signal.aborted || crash?.aborted === true) return resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
      crash?.addEventListener('abort', () => resolve(), { once: true });
    });
    if (crash?.aborted === true && !signal.aborted) {
      await worker.close(true);
      return;
    }
    // Sends waiting for a slot are handed back; those on the wire finish and are settled.
    stop.abort();
    await worker.close();
    await running.catch(() => {});
  }

  /** Closes the queue's connection use (the connection itself is the caller's). */
  async close(): Promise<void> {
    await this.queue.close();
  }

  async #process(job: Job<DeliveryJob>, signal: AbortSignal): Promise<string> {
    const { seq, token, claimedAt } = job.data;
    const [found] = await this.#o.outbox.list(seq - 1, 1);
    // Erased, or settled by a late settle of an earlier claim: nothing to send.
    if (found === undefined || found.seq !== seq) return 'gone';
    if (found.status !== 'pending') return 'settled';
    const message: ClaimedMessage = { ...found, token, claimRanOut: job.data.claimRanOut === true };
    // Taken over after its worker stalled (died mid-job): it may have been sent already.
    if (job.stalledCounter > 0) logPossibleResend(this.#log, message, 'job stalled', { job: job.id ?? null, run: job.attemptsStarted });
    else if (message.claimRanOut) logPossibleResend(this.#log, message, 'claim ran out', { job: job.id ?? null });
    const verdict: SendVerdict = await this.sending.deliver({ message, claimedAt }, signal);
    if (verdict.kind === 'lost') return 'lost';
    // After a send, a failing settle must not resend: retried here, then left to the claim's lease.
    for (const wait of [0, 200, 1_000, 3_000]) {
      if (wait > 0) await sleep(wait, new AbortController().signal);
      try {
        const settled = await this.sending.settle(message, verdict);
        return `${verdict.kind}:${settled.outcome}`;
      } catch (e) {
        this.#log.warn({ seq, ...errFields(e) }, 'settle failed; trying again');
      }
    }
    this.#log.error({ seq }, 'could not settle a delivery; the message comes back when its claim runs out');
    return 'unsettled';
  }
}
