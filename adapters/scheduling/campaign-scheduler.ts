/**
 * The campaign scheduler: drives the engine by time, on exactly one instance at a time.
 *
 * While this instance holds the lease it
 * - calls `engine.tick()` every minute and right at each phase window boundary (asked of the
 *   engine: `nextPhaseBoundary`, so staff moves and extensions are followed). Ticks only
 *   *record* what happened: actions are judged against the clock anyway (SPEC §2.1), so a
 *   late tick never lets a late vote in;
 * - at each occurrence of a scheduled message's cron schedule (`SCHEDULED_MESSAGES` in
 *   core/phases/scheduled-messages.ts: the mayor's digest and the residents' weekly update, in
 *   the campaign's time zone) asks the engine to record it (`enqueueScheduled`). The engine
 *   judges whether the campaign was in one of the message's phases at that occurrence and
 *   keys each message by occurrence, so two leaders that overlap during a lease hand-over, or
 *   a restart, still yield one message per occurrence.
 *
 * - at each vote reminder (`schedules.reminders` before the recorded voting close) asks the
 *   engine to record it (`enqueueReminders`): a broadcast to residents who have not voted,
 *   with an id derived from the close, so it too is recorded once.
 *
 * On Redis (`cronSchedules: false`) the digest and the weekly update are BullMQ job
 * schedulers instead (bullmq-schedules.ts) and this scheduler ticks phases and reminders only.
 *
 * This module only knows time: cron occurrences, lateness and wake-ups. What is sent, to whom
 * and in which phases is the core's policy.
 *
 * Missed occurrences (downtime, no leader): only the *latest* one at or before now is
 * enqueued, when the scheduler next runs — a digest is a snapshot of the figures now, so
 * three late copies of it would say the same thing three times. `maxLatenessMs` skips an
 * occurrence that is older than that (default: never skipped).
 */
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { ScheduledOccurrence } from '../../core/engine/schedule-usecases.ts';
import type { ScheduledKind } from '../../core/phases/scheduled-messages.ts';
import { SCHEDULED_MESSAGES, occurrenceKey } from '../../core/phases/scheduled-messages.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { checkCron, latestOccurrence, nextOccurrence } from './cron-occurrences.ts';
import type { Lease } from './lease.ts';

/** Timer functions, injectable so tests drive time without waiting. Default: the global ones. */
export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the scheduler needs of the engine. */
export type SchedulerEngine = Pick<CampaignEngine, 'campaign' | 'now' | 'tick' | 'enqueueScheduled' | 'nextPhaseBoundary' | 'enqueueReminders' | 'nextReminderAt'>;

/** Options of the scheduler. */
export interface CampaignSchedulerOptions {
  readonly engine: SchedulerEngine;
  /** Who may run: `redisLease(stores.leaderLease(LEASE_NAMES.scheduler, …))` or `new LocalLease(…)`. */
  readonly lease: Lease;
  /** Time source; default the engine's (ticks are judged by the engine's clock anyway). */
  readonly clock?: Clock;
  /** Default: the global `setTimeout` / `clearTimeout`. */
  readonly timers?: SchedulerTimers;
  /** Period of phase ticks (ms). Default 60,000. */
  readonly tickEveryMs?: number;
  /** An occurrence older than this when first seen is skipped, not sent (ms). Default: never skipped. */
  readonly maxLatenessMs?: number;
  /** Parent logger; the scheduler logs through a `module: campaign-scheduler` child. Default silent. */
  readonly logger?: Logger;
  /**
   * Whether this scheduler records the cron schedules (`SCHEDULED_MESSAGES`: the digest and the
   * weekly update). Default true (the embedded store). False on Redis, where BullMQ job
   * schedulers record them (bullmq-schedules.ts) and this one only ticks phases and reminders,
   * so each occurrence has one path.
   */
  readonly cronSchedules?: boolean;
}

/** What one `runDue` did. */
export interface DueReport {
  readonly at: number;
  /** Phases entered by this tick, in order (empty when nothing changed or the tick failed). */
  readonly entered: readonly string[];
  /** Outbox keys of the digests handed to the outbox (a key it already held is a no-op there). */
  readonly enqueued: readonly string[];
  /** Ids of the broadcasts of the due occurrences (weekly update, vote reminders), created now or already there. */
  readonly broadcasts: readonly string[];
  /** Keys of occurrences skipped for being later than `maxLatenessMs`. */
  readonly skipped: readonly string[];
  /** Keys of occurrences not sent because the campaign was outside the message's phases then. */
  readonly outOfPhase: readonly string[];
}

const globalTimers: SchedulerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The scheduler of one campaign; see the module comment. */
export class CampaignScheduler {
  readonly #engine: SchedulerEngine;
  readonly #campaign: Campaign;
  readonly #lease: Lease;
  readonly #clock: Clock;
  readonly #timers: SchedulerTimers;
  readonly #tickEveryMs: number;
  readonly #maxLatenessMs: number;
  readonly #log: Logger;
  readonly #cron: boolean;
  /** Per message kind, the latest occurrence this process has handled (enqueued or skipped). */
  readonly #handled = new Map<ScheduledKind, number>();
  /** Vote reminders this process has recorded (broadcast ids), not written again. */
  readonly #reminders: string[] = [];

  constructor(options: CampaignSchedulerOptions) {
    this.#engine = options.engine;
    this.#campaign = options.engine.campaign;
    this.#lease = options.lease;
    this.#clock = options.clock ?? { now: () => options.engine.now() };
    this.#timers = options.timers ?? globalTimers;
    this.#tickEveryMs = options.tickEveryMs ?? 60_000;
    this.#maxLatenessMs = options.maxLatenessMs ?? Number.POSITIVE_INFINITY;
    this.#cron = options.cronSchedules ?? true;
    if (!(this.#tickEveryMs > 0)) throw new Error('CampaignScheduler: tickEveryMs must be > 0');
    this.#log = (options.logger ?? pino({ level: 'silent' })).child({ module: 'campaign-scheduler', campaign: this.#campaign.id });
    for (const m of SCHEDULED_MESSAGES) checkCron(m.schedule, this.#campaign.schedules[m.schedule], this.#campaign.timeZone);
  }

  /**
   * Does what is due at `now`, without looking at the lease (the loop of `run` calls it
   * only while leader; tests and one-shot commands call it directly): one phase tick, then
   * each scheduled message's latest occurrence at or before `now` unless this process
   * already handled it. The first call in a process re-enqueues the latest occurrence (a
   * no-op when it is already in the outbox), which is how a restart catches up a missed one.
   * Never throws: store failures are logged and retried at the next wake.
   */
  async runDue(now: number = this.#clock.now(), leadership?: AbortSignal): Promise<DueReport> {
    const entered: string[] = [];
    const skipped: string[] = [];
    try {
      const change = await this.#engine.tick();
      for (const e of change.effects) if (e.type === 'phase.entered') entered.push(e.transition.to);
      if (entered.length > 0) this.#log.info({ entered }, 'phase entered');
    } catch (e) {
      this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'phase tick failed');
    }
    const reminders: string[] = [];
    try {
      const id = await this.#engine.enqueueReminders(now, this.#reminders);
      if (id !== null && !this.#reminders.includes(id)) {
        this.#reminders.push(id);
        reminders.push(id);
        this.#log.info({ broadcast: id }, 'vote reminder recorded');
      }
    } catch (e) {
      this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'vote reminder not recorded; retrying at next wake');
    }
    const due: ScheduledOccurrence[] = [];
    for (const m of this.#cron ? SCHEDULED_MESSAGES : []) {
      const occurrence = latestOccurrence(this.#campaign.schedules[m.schedule], this.#campaign.timeZone, now);
      if (occurrence === null || occurrence <= (this.#handled.get(m.kind) ?? Number.NEGATIVE_INFINITY)) continue;
      if (now - occurrence > this.#maxLatenessMs) {
        this.#handled.set(m.kind, occurrence);
        skipped.push(occurrenceKey(m.kind, occurrence));
        this.#log.warn({ key: occurrenceKey(m.kind, occurrence), lateMs: now - occurrence }, 'occurrence too late, skipped');
        continue;
      }
      due.push({ kind: m.kind, at: occurrence });
    }
    if (due.length === 0 || leadership?.aborted) return { at: now, entered, enqueued: [], broadcasts: reminders, skipped, outOfPhase: [] };
    try {
      const report = await this.#engine.enqueueScheduled(due);
      for (const { kind, at } of due) this.#handled.set(kind, at);
      if (report.enqueued.length > 0) this.#log.info({ keys: report.enqueued }, 'scheduled messages enqueued');
      if (report.broadcasts.length > 0) this.#log.info({ broadcasts: report.broadcasts }, 'scheduled broadcasts recorded');
      if (report.outOfPhase.length > 0) this.#log.debug({ keys: report.outOfPhase }, 'occurrences outside the campaign, not sent');
      return { at: now, entered, enqueued: report.enqueued, broadcasts: [...reminders, ...report.broadcasts], skipped, outOfPhase: report.outOfPhase };
    } catch (e) {
      this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'scheduled messages not enqueued; retrying at next wake');
      return { at: now, entered, enqueued: [], broadcasts: reminders, skipped, outOfPhase: [] };
    }
  }

  /**
   * When the scheduler should next wake after `now`: the earliest of the next tick
   * (`now + tickEveryMs`), the next phase window boundary (the engine's recorded windows)
   * and the next occurrence of a schedule (when this scheduler records them).
   */
  async nextWakeAt(now: number = this.#clock.now()): Promise<number> {
    let wake = now + this.#tickEveryMs;
    const boundary = await this.#engine.nextPhaseBoundary(now);
    if (boundary !== null && boundary < wake) wake = boundary;
    const reminder = await this.#engine.nextReminderAt(now);
    if (reminder !== null && reminder < wake) wake = reminder;
    for (const m of this.#cron ? SCHEDULED_MESSAGES : []) {
      const next = nextOccurrence(this.#campaign.schedules[m.schedule], this.#campaign.timeZone, now);
      if (next !== null && next < wake) wake = next;
    }
    return wake;
  }

  /**
   * Runs until `signal` aborts: contends for the lease and, while leader, loops
   * `runDue` → sleep until `nextWakeAt`. Resolves after the abort, once the loop has stopped.
   */
  async run(signal: AbortSignal): Promise<void> {
    await this.#lease.runWhileLeader(async (leadership) => {
      this.#log.info({ lease: this.#lease.name }, 'scheduler leading');
      try {
        await this.#lead(leadership);
      } finally {
        this.#log.info({ lease: this.#lease.name }, 'scheduler stopped leading');
      }
    }, signal);
  }

  async #lead(leadership: AbortSignal): Promise<void> {
    while (!leadership.aborted) {
      await this.runDue(this.#clock.now(), leadership);
      if (leadership.aborted) return;
      const now = this.#clock.now();
      let wake = now + this.#tickEveryMs;
      try {
        wake = await this.nextWakeAt(now);
      } catch (e) {
        this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'next wake unknown; ticking in a minute');
      }
      // Never sleep longer than a tick: clocks drift, and setTimeout caps at ~24.8 days.
      await this.#sleep(Math.min(Math.max(0, wake - now), this.#tickEveryMs), leadership);
    }
  }

  #sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = (): void => {
        this.#timers.clearTimeout(handle);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const handle = this.#timers.setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
