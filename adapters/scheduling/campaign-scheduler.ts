/**
 * The campaign scheduler: drives the engine by time, on exactly one instance at a time.
 *
 * While this instance holds the lease it
 * - calls `engine.tick()` every minute and right at each phase window boundary (the next
 *   boundary is read from the recorded phase state's windows, so staff moves and extensions
 *   are followed). Ticks only *record* what happened: actions are judged against the clock
 *   anyway (SPEC §2.1), so a late tick never lets a late vote in;
 * - at each occurrence of `schedules.mayorDigest` and `schedules.residentUpdate` (cron, in
 *   the campaign's time zone) enqueues one outbox message keyed `digest:<ISO instant>` /
 *   `update:<ISO instant>`. The outbox ignores a key it already holds, so two leaders that
 *   overlap during a lease hand-over, or a restart, still yield one message per occurrence.
 *
 * Only while the campaign runs: an occurrence is sent when the campaign, judged at that
 * instant, is in one of the job's phases (`SCHEDULED_JOBS[].phases`; held or between phases
 * counts as the phase last entered). So no resident hears a "weekly update" before ideas open
 * or after the vote, and the mayor's digest stops a week after the results are announced.
 *
 * Missed occurrences (downtime, no leader): only the *latest* one at or before now is
 * enqueued, when the scheduler next runs — a digest is a snapshot of the figures now, so
 * three late copies of it would say the same thing three times. `maxLatenessMs` skips an
 * occurrence that is older than that (default: never skipped).
 */
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { WINDOWED_PHASES } from '../../core/campaign/campaign.ts';
import type { Phase } from '../../core/campaign/campaign.ts';
import type { PhaseStatus } from '../../core/phases/phase-machine.ts';
import type { PhaseState } from '../../core/phases/phase-state.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import { initialPhaseState } from '../../core/phases/phase-machine.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { OutboxDraft, Recipient } from '../../core/ports/side-records.ts';
import { checkCron, latestOccurrence, nextOccurrence } from './cron-occurrences.ts';
import { scheduledParams } from './digest-params.ts';
import type { Lease } from './lease.ts';

/** Timer functions, injectable so tests drive time without waiting. Default: the global ones. */
export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A message the scheduler sends at each occurrence of a campaign schedule. */
export interface ScheduledJob {
  /** Key prefix and params' `schedule`: `digest` or `update`. */
  readonly id: 'digest' | 'update';
  /** The campaign schedule it follows. */
  readonly schedule: 'mayorDigest' | 'residentUpdate';
  readonly recipient: Recipient;
  readonly template: string;
  /** Phases in which an occurrence is sent (judged at the occurrence). */
  readonly phases: readonly Phase[];
  /** In `announced`, occurrences are sent only this long after it opened (ms); 0 = none. */
  readonly afterAnnouncedMs: number;
}

const WEEK = 7 * 24 * 3600 * 1000;

/**
 * The two scheduled messages of SPEC §2.5. Residents get the weekly update from submission to
 * the end of voting (deadline reminders included; the results reach them as the phase-change
 * announcement). The mayor gets the digest from submission through tallying, and one more in
 * the week after the results are announced.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  { id: 'digest', schedule: 'mayorDigest', recipient: { kind: 'digest' }, template: 'digest.weekly', phases: ['submission', 'review', 'voting', 'tallying', 'announced'], afterAnnouncedMs: WEEK },
  { id: 'update', schedule: 'residentUpdate', recipient: { kind: 'subscribers', area: null }, template: 'update.weekly', phases: ['submission', 'review', 'voting'], afterAnnouncedMs: 0 },
];

/** Whether `job` is sent at `occurrence`, given where the campaign stands then. */
export function sentInPhase(job: Pick<ScheduledJob, 'phases' | 'afterAnnouncedMs'>, status: PhaseStatus, windows: PhaseState['windows'], occurrence: number): boolean {
  const phase = status.kind === 'between' ? status.after : status.phase;
  if (!job.phases.includes(phase)) return false;
  if (phase !== 'announced') return true;
  const opened = windows.announced.start;
  return opened !== null && occurrence < opened + job.afterAnnouncedMs;
}

/** The outbox key of one occurrence of a job, e.g. `digest:2026-06-05T06:00:00.000Z`. */
export function occurrenceKey(job: Pick<ScheduledJob, 'id'>, occurrence: number): string {
  return `${job.id}:${new Date(occurrence).toISOString()}`;
}

/** Options of the scheduler. */
export interface CampaignSchedulerOptions {
  readonly engine: CampaignEngine;
  /** Who may run: `redisLease(stores.leaderLease(LEASE_NAMES.scheduler, …))` or `new LocalLease(…)`. */
  readonly lease: Lease;
  /** Time source; default the engine's clock (ticks are judged by the engine's clock anyway). */
  readonly clock?: Clock;
  /** Default: the global `setTimeout` / `clearTimeout`. */
  readonly timers?: SchedulerTimers;
  /** Period of phase ticks (ms). Default 60,000. */
  readonly tickEveryMs?: number;
  /** An occurrence older than this when first seen is skipped, not sent (ms). Default: never skipped. */
  readonly maxLatenessMs?: number;
  /** Parent logger; the scheduler logs through a `module: campaign-scheduler` child. Default silent. */
  readonly logger?: Logger;
}

/** What one `runDue` did. */
export interface DueReport {
  readonly at: number;
  /** Phases entered by this tick, in order (empty when nothing changed or the tick failed). */
  readonly entered: readonly string[];
  /** Outbox keys handed to the outbox (a key it already held is a no-op there). */
  readonly enqueued: readonly string[];
  /** Keys of occurrences skipped for being later than `maxLatenessMs`. */
  readonly skipped: readonly string[];
  /** Keys of occurrences not sent because the campaign was outside the job's phases then. */
  readonly outOfPhase: readonly string[];
}

const globalTimers: SchedulerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The scheduler of one campaign; see the module comment. */
export class CampaignScheduler {
  readonly #engine: CampaignEngine;
  readonly #campaign: Campaign;
  readonly #lease: Lease;
  readonly #clock: Clock;
  readonly #timers: SchedulerTimers;
  readonly #tickEveryMs: number;
  readonly #maxLatenessMs: number;
  readonly #log: Logger;
  /** Per job, the latest occurrence this process has handled (enqueued or skipped). */
  readonly #handled = new Map<ScheduledJob['id'], number>();

  constructor(options: CampaignSchedulerOptions) {
    this.#engine = options.engine;
    this.#campaign = options.engine.campaign;
    this.#lease = options.lease;
    this.#clock = options.clock ?? options.engine.deps.clock;
    this.#timers = options.timers ?? globalTimers;
    this.#tickEveryMs = options.tickEveryMs ?? 60_000;
    this.#maxLatenessMs = options.maxLatenessMs ?? Number.POSITIVE_INFINITY;
    if (!(this.#tickEveryMs > 0)) throw new Error('CampaignScheduler: tickEveryMs must be > 0');
    this.#log = (options.logger ?? pino({ level: 'silent' })).child({ module: 'campaign-scheduler', campaign: this.#campaign.id });
    for (const job of SCHEDULED_JOBS) checkCron(job.schedule, this.#campaign.schedules[job.schedule], this.#campaign.timeZone);
  }

  /**
   * Does what is due at `now`, without looking at the lease (the loop of `run` calls it
   * only while leader; tests and one-shot commands call it directly): one phase tick, then
   * each job's latest occurrence at or before `now` unless this process already handled it.
   * The first call in a process re-enqueues the latest occurrence (a no-op when it is
   * already in the outbox), which is how a restart catches up a missed one. Never throws:
   * store failures are logged and retried at the next wake.
   */
  async runDue(now: number = this.#clock.now(), leadership?: AbortSignal): Promise<DueReport> {
    const entered: string[] = [];
    const enqueued: string[] = [];
    const skipped: string[] = [];
    const outOfPhase: string[] = [];
    try {
      const change = await this.#engine.tick();
      for (const e of change.effects) if (e.type === 'phase.entered') entered.push(e.transition.to);
      if (entered.length > 0) this.#log.info({ entered }, 'phase entered');
    } catch (e) {
      this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'phase tick failed');
    }
    const due: { job: ScheduledJob; occurrence: number }[] = [];
    for (const job of SCHEDULED_JOBS) {
      const occurrence = latestOccurrence(this.#campaign.schedules[job.schedule], this.#campaign.timeZone, now);
      if (occurrence === null || occurrence <= (this.#handled.get(job.id) ?? Number.NEGATIVE_INFINITY)) continue;
      if (now - occurrence > this.#maxLatenessMs) {
        this.#handled.set(job.id, occurrence);
        skipped.push(occurrenceKey(job, occurrence));
        this.#log.warn({ key: occurrenceKey(job, occurrence), lateMs: now - occurrence }, 'occurrence too late, skipped');
        continue;
      }
      try {
        const { status, state } = await this.#engine.status(occurrence);
        if (!sentInPhase(job, status, state.windows, occurrence)) {
          this.#handled.set(job.id, occurrence);
          outOfPhase.push(occurrenceKey(job, occurrence));
          this.#log.debug({ key: occurrenceKey(job, occurrence) }, 'occurrence outside the campaign, not sent');
          continue;
        }
      } catch (e) {
        this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'phase unknown; scheduled messages retried at next wake');
        continue;
      }
      due.push({ job, occurrence });
    }
    if (due.length === 0 || leadership?.aborted) return { at: now, entered, enqueued, skipped, outOfPhase };
    try {
      // One snapshot for both messages: it reads every resident, so not once per job.
      const figures = await this.#engine.digestFigures();
      const drafts: OutboxDraft[] = due.map(({ job, occurrence }) => ({
        key: occurrenceKey(job, occurrence),
        recipient: job.recipient,
        template: job.template,
        params: scheduledParams(figures, job.id, occurrence),
        notBefore: occurrence,
      }));
      if (leadership?.aborted) return { at: now, entered, enqueued, skipped, outOfPhase };
      await this.#engine.deps.stores.outbox.enqueue(drafts);
      for (const { job, occurrence } of due) this.#handled.set(job.id, occurrence);
      enqueued.push(...drafts.map((d) => d.key));
      this.#log.info({ keys: enqueued }, 'scheduled messages enqueued');
    } catch (e) {
      this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'scheduled messages not enqueued; retrying at next wake');
    }
    return { at: now, entered, enqueued, skipped, outOfPhase };
  }

  /**
   * When the scheduler should next wake after `now`: the earliest of the next tick
   * (`now + tickEveryMs`), the next phase window boundary (recorded windows) and the next
   * occurrence of a schedule.
   */
  async nextWakeAt(now: number = this.#clock.now()): Promise<number> {
    let wake = now + this.#tickEveryMs;
    const stored = await this.#engine.deps.stores.campaign.loadPhaseState();
    const windows = (stored?.value ?? initialPhaseState(this.#campaign)).windows;
    for (const p of WINDOWED_PHASES) {
      for (const t of [windows[p].start, windows[p].end]) if (t !== null && t > now && t < wake) wake = t;
    }
    for (const job of SCHEDULED_JOBS) {
      const next = nextOccurrence(this.#campaign.schedules[job.schedule], this.#campaign.timeZone, now);
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
