/**
 * The cron schedules on Redis (several instances): the mayor's digest and the residents'
 * weekly update (`SCHEDULED_MESSAGES`) as BullMQ job schedulers in the campaign's time zone,
 * and a worker on every instance that records each occurrence through the same engine use
 * case as the lease-based tick (`enqueueScheduled`). On Redis the tick (campaign-scheduler.ts,
 * `cronSchedules: false`) no longer fires them, so there is one path; on SQLite it does.
 *
 * - **Schedulers**: one per scheduled message, id = its kind (`digest`, `update`),
 *   `{ pattern, tz: campaign.timeZone }`, template data `{ kind, pattern, timeZone }` (nothing
 *   personal). BullMQ keeps one pending job per scheduler (`repeat:<id>:<instant>`); the worker
 *   that takes it adds the next one before running it. Its instants come from our own
 *   daylight-saving-safe `nextOccurrence` (the Queue's and the Worker's `repeatStrategy`), so
 *   they are the tick's: cron-parser's own walk from an arbitrary instant misses a local time
 *   skipped in spring when it starts inside the gap (cron-occurrences.ts).
 * - **Registration, on every start** (`register`): a scheduler whose pattern, zone and data
 *   already match and whose pending job is there is left alone — `upsertJobScheduler` would
 *   replace that pending job with one at the *next* occurrence after now, so a job that fell
 *   due while every instance was down (the late run) would be dropped. A missing, changed or
 *   broken one (its pending job gone) is upserted, which several instances may do at once
 *   (the same id, the same next instant); a one-off catch-up job (`catchup-<kind>-<instant>`,
 *   added once, its data naming that instant) then records the latest occurrence at or before
 *   now, as the tick does on its first run — a no-op when it was recorded already. Schedulers no longer configured are
 *   removed. Every `ensureEveryMs` the workers check again, so a scheduler BullMQ failed to
 *   advance (it logs "Failed to add repeatable job for next iteration") is repaired — only
 *   repaired: a pattern that differs from this instance's is another instance's newer
 *   configuration during a rolling deploy, not to be reverted.
 * - **Worker**: a job records the latest occurrence at or before `max(now, the job's
 *   instant)` of its pattern (`latestOccurrence`): the job's own occurrence when on time, the
 *   latest missed one when late (after a downtime over several, only that one — a digest is a
 *   snapshot of the figures now, as the tick sends it), never the previous one on an instance
 *   whose clock is behind. The engine keys what it records by occurrence (`digest:<iso>:<recipient>`,
 *   `bc_upd-<instant>`), so a job run twice (a worker died mid-job and it stalled to another,
 *   a catch-up beside a late job) records it once. A failing store is retried by BullMQ
 *   (ten attempts, exponential backoff from 5 s: ~40 minutes in all); data that does not parse is not retried.
 * - **Reminders and phase moves stay on the tick**, on both stores: their instants are not cron
 *   patterns of the config but derived from the recorded phase state (the voting close, the
 *   window boundaries), which staff move or extend at any time from any instance. As delayed
 *   jobs they would have to be found and re-added by whichever instance saved each move; the
 *   tick re-reads the state every minute and at each boundary, and what it records is keyed
 *   by the close (`bc_rem-<close>-<lead>`) or judged against the clock anyway (SPEC §2.1).
 * - **Connection**: BullMQ's own, with `maxRetriesPerRequest: null` (`bullConnection` of
 *   adapters/delivery); the prefix `pnyx-bull:{<campaign hash tag>}` (`queuePrefix`) keeps every
 *   key of the queue in the campaign's slot, as a Redis Cluster requires.
 *
 * Loaded only on Redis (not exported from index.ts), like bullmq-delivery.ts.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Job, RepeatOptions } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { ScheduledKind } from '../../core/phases/scheduled-messages.ts';
import { SCHEDULED_MESSAGES, occurrenceKey } from '../../core/phases/scheduled-messages.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { errFields, sleep } from '../system/wait.ts';
import { checkCron, latestOccurrence, nextOccurrence } from './cron-occurrences.ts';

/** What a schedule's jobs carry: which message, on which pattern in which zone (nothing personal). */
const scheduleJobData = z.object({
  kind: z.enum(['digest', 'update']),
  pattern: z.string().min(1),
  timeZone: z.string().min(1),
  /** A catch-up's occurrence (epoch ms), fixed when it was added; a scheduler's jobs have none. */
  at: z.number().int().optional(),
});

/** The data of a schedule's jobs. */
export type ScheduleJobData = z.infer<typeof scheduleJobData>;

/** What the schedules need of the engine. */
export type ScheduleEngine = Pick<CampaignEngine, 'campaign' | 'now' | 'enqueueScheduled'>;

/** Options of {@link BullSchedules}. */
export interface BullSchedulesOptions {
  readonly engine: ScheduleEngine;
  /** A connection for BullMQ with `maxRetriesPerRequest: null` (`bullConnection`). */
  readonly connection: Redis | Cluster;
  /** Queue prefix, hash-tagged (`queuePrefix`). */
  readonly prefix: string;
  /** Default `schedules`. */
  readonly queueName?: string;
  /** Default: the engine's clock. */
  readonly clock?: Clock;
  /** How often the worker checks the schedulers again (ms). Default 300,000. */
  readonly ensureEveryMs?: number;
  /** BullMQ attempts of a job whose engine call throws. Default 10. */
  readonly jobAttempts?: number;
  /** First BullMQ backoff (ms), exponential. Default 5,000. */
  readonly jobBackoffMs?: number;
  /** Parent logger; logs through a `module: bull-schedules` child. */
  readonly logger: Logger;
}

/** What one `register` did, by scheduler id. */
export interface RegisterReport {
  /** Already there, as configured, with its pending job: left alone. */
  readonly kept: readonly string[];
  /** Created, changed or repaired. */
  readonly upserted: readonly string[];
  /** No longer configured: removed with their pending job. */
  readonly removed: readonly string[];
  /** Ids of the catch-up jobs added for the upserted ones. */
  readonly catchUps: readonly string[];
}

/** What one job did: the occurrence it recorded, or why none. */
export interface ScheduleRun {
  readonly kind: ScheduledKind;
  /** The occurrence recorded (epoch ms), or null when the pattern has none at or before then. */
  readonly at: number | null;
  readonly enqueued: readonly string[];
  readonly broadcasts: readonly string[];
  readonly outOfPhase: readonly string[];
}

/**
 * BullMQ's repeat strategy on our occurrences: the first occurrence of `opts.pattern` in
 * `opts.tz` strictly after `millis` (`nextOccurrence`), or undefined when there is none (the
 * scheduler then stops). BullMQ calls it with `max(now, the previous job's instant)`.
 */
export function occurrenceStrategy(millis: number, opts: RepeatOptions): number | undefined {
  if (opts.pattern === undefined) return undefined;
  return nextOccurrence(opts.pattern, opts.tz ?? 'UTC', millis) ?? undefined;
}

/** The instant a job was due: a scheduler's job carries it (`prevMillis`); a one-off job, its creation plus delay. */
export function dueInstantOf(job: Pick<Job, 'opts' | 'timestamp' | 'delay'>): number {
  return typeof job.opts.prevMillis === 'number' ? job.opts.prevMillis : job.timestamp + (job.delay ?? 0);
}

const SETTINGS = { repeatStrategy: occurrenceStrategy };
/** States of a scheduler's pending job that mean it will run (active: a worker runs it now). */
const LIVE_STATES = new Set(['delayed', 'waiting', 'prioritized', 'active']);

/** The schedules of one campaign on BullMQ; see the module comment. */
export class BullSchedules {
  readonly queue: Queue<ScheduleJobData>;
  readonly #o: BullSchedulesOptions;
  readonly #clock: Clock;
  readonly #name: string;
  readonly #log: Logger;
  readonly #jobOptions;

  constructor(options: BullSchedulesOptions) {
    this.#o = options;
    this.#clock = options.clock ?? { now: () => options.engine.now() };
    this.#name = options.queueName ?? 'schedules';
    const campaign = options.engine.campaign;
    this.#log = options.logger.child({ module: 'bull-schedules', campaign: campaign.id });
    for (const m of SCHEDULED_MESSAGES) checkCron(m.schedule, campaign.schedules[m.schedule], campaign.timeZone);
    this.#jobOptions = {
      attempts: options.jobAttempts ?? 10,
      backoff: { type: 'exponential', delay: options.jobBackoffMs ?? 5_000 },
      // Done jobs go at once; failed ones are kept a week, at most 100 (they hold a kind and a pattern).
      removeOnComplete: true,
      removeOnFail: { age: 7 * 86_400, count: 100 },
    } as const;
    this.queue = new Queue<ScheduleJobData>(this.#name, { connection: options.connection, prefix: options.prefix, settings: SETTINGS, defaultJobOptions: this.#jobOptions });
    this.queue.on('error', (e) => this.#log.warn(errFields(e), 'schedules queue error'));
  }

  /** The schedulers this campaign's configuration asks for: id (the kind) → pattern and data. */
  desired(): { id: ScheduledKind; pattern: string; data: ScheduleJobData }[] {
    const campaign = this.#o.engine.campaign;
    return SCHEDULED_MESSAGES.map((m) => {
      const pattern = campaign.schedules[m.schedule];
      return { id: m.kind, pattern, data: { kind: m.kind, pattern, timeZone: campaign.timeZone } };
    });
  }

  /**
   * Brings BullMQ's schedulers to the configuration (see the module comment); safe on every
   * instance at once. `repair` (the periodic check) only recreates a scheduler that is missing
   * or whose pending job is gone, whatever its pattern, and removes nothing: during a rolling
   * deploy another instance may run a newer configuration, which a start has just registered.
   */
  async register(mode: 'start' | 'repair' = 'start'): Promise<RegisterReport> {
    const timeZone = this.#o.engine.campaign.timeZone;
    const kept: string[] = [];
    const upserted: string[] = [];
    const removed: string[] = [];
    const catchUps: string[] = [];
    const wanted = this.desired();
    for (const { id, pattern, data } of wanted) {
      const current = await this.queue.getJobScheduler(id);
      const same = current !== undefined && (mode === 'repair' || (current.pattern === pattern && current.tz === timeZone && sameData(current.template?.data, data)));
      if (same && current.next !== undefined && current.next !== null && LIVE_STATES.has(await this.queue.getJobState(`repeat:${id}:${current.next}`))) {
        kept.push(id);
        continue;
      }
      // A repair keeps what is stored (maybe a newer configuration's); a start writes this one.
      const stored = mode === 'repair' ? scheduleJobData.safeParse(current?.template?.data) : null;
      const use = stored?.success === true && stored.data.kind === id ? stored.data : data;
      const template: ScheduleJobData = { kind: use.kind, pattern: use.pattern, timeZone: use.timeZone };
      await this.queue.upsertJobScheduler(id, { pattern: template.pattern, tz: template.timeZone }, { name: id, data: template, opts: this.#jobOptions });
      upserted.push(id);
      // What the scheduler did not run (it was missing, or its pending job was dropped with the old pattern).
      const latest = latestOccurrence(template.pattern, template.timeZone, this.#clock.now());
      if (latest !== null) {
        const jobId = `catchup-${id}-${latest}`;
        await this.queue.add(id, { ...template, at: latest }, { jobId });
        catchUps.push(jobId);
      }
    }
    const ids = new Set<string>(wanted.map((w) => w.id));
    for (const s of mode === 'repair' ? [] : await this.queue.getJobSchedulers(0, -1)) {
      if (ids.has(s.key)) continue;
      await this.queue.removeJobScheduler(s.key);
      removed.push(s.key);
    }
    if (upserted.length > 0 || removed.length > 0) this.#log.info({ upserted, removed, catchUps }, 'job schedulers registered');
    return { kept, upserted, removed, catchUps };
  }

  /**
   * Runs this instance's worker until `signal` aborts, checking the schedulers every
   * `ensureEveryMs`; resolves once the job in hand is done. `crash` (for failure tests) stops
   * it at once instead, as a killed process would.
   */
  async runWorker(signal: AbortSignal, options: { readonly crash?: AbortSignal; readonly onRun?: (run: ScheduleRun) => void } = {}): Promise<void> {
    const worker = new Worker<ScheduleJobData, string>(
      this.#name,
      async (job) => {
        const run = await this.process(job);
        options.onRun?.(run);
        return run.at === null ? 'none' : new Date(run.at).toISOString();
      },
      { connection: this.#o.connection, prefix: this.#o.prefix, concurrency: 1, settings: SETTINGS, autorun: false },
    );
    worker.on('error', (e) => this.#log.warn(errFields(e), 'schedules worker error'));
    worker.on('failed', (job, e) => this.#log.warn({ job: job?.id, attempts: job?.attemptsMade, ...errFields(e) }, 'schedule job failed'));
    const running = worker.run();
    const stop = new AbortController();
    const stopAll = (): void => stop.abort();
    signal.addEventListener('abort', stopAll, { once: true });
    options.crash?.addEventListener('abort', stopAll, { once: true });
    if (signal.aborted || options.crash?.aborted === true) stop.abort();
    const every = this.#o.ensureEveryMs ?? 300_000;
    while (!stop.signal.aborted) {
      await sleep(every, stop.signal);
      if (stop.signal.aborted) break;
      try {
        await this.register('repair');
      } catch (e) {
        this.#log.warn(errFields(e), 'job schedulers not checked; trying again later');
      }
    }
    signal.removeEventListener('abort', stopAll);
    if (options.crash?.aborted === true && !signal.aborted) {
      await worker.close(true);
      return;
    }
    await worker.close();
    await running.catch(() => {});
  }

  /** Runs one job: records the occurrence it stands for (see the module comment). */
  async process(job: Pick<Job, 'id' | 'data' | 'opts' | 'timestamp' | 'delay'>): Promise<ScheduleRun> {
    const parsed = scheduleJobData.safeParse(job.data);
    if (!parsed.success) {
      this.#log.error({ job: job.id }, 'schedule job data does not parse; dropped');
      throw new UnrecoverableError('schedule job data does not parse');
    }
    const { kind, pattern, timeZone } = parsed.data;
    const at = parsed.data.at ?? latestOccurrence(pattern, timeZone, Math.max(this.#clock.now(), dueInstantOf(job)));
    if (at === null) return { kind, at, enqueued: [], broadcasts: [], outOfPhase: [] };
    const report = await this.#o.engine.enqueueScheduled([{ kind, at }]);
    if (report.enqueued.length > 0) this.#log.info({ keys: report.enqueued }, 'scheduled messages enqueued');
    if (report.broadcasts.length > 0) this.#log.info({ broadcasts: report.broadcasts }, 'scheduled broadcasts recorded');
    if (report.outOfPhase.length > 0) this.#log.debug({ key: occurrenceKey(kind, at) }, 'occurrence outside the campaign, not sent');
    return { kind, at, ...report };
  }

  /** Closes the queue's use of the connection (the connection itself is the caller's). */
  async close(): Promise<void> {
    await this.queue.close();
  }
}

function sameData(stored: unknown, wanted: ScheduleJobData): boolean {
  const parsed = scheduleJobData.safeParse(stored);
  return parsed.success && parsed.data.kind === wanted.kind && parsed.data.pattern === wanted.pattern && parsed.data.timeZone === wanted.timeZone && parsed.data.at === undefined;
}
