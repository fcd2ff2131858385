/**
 * Keeps every running broadcast's progress message current — staff announcements, phase
 * announcements and any other system broadcast alike. `tick()` looks at each broadcast not yet
 * done (from its record: `engine.listBroadcasts`, `engine.broadcastProgress`, so every instance
 * sees the same figures) and:
 * - when it has no progress message yet, enqueues its `committee.broadcast_started` notice
 *   under the key `announce` uses (`broadcast:<id>:started`), so the committee sender posts one
 *   — for a staff announcement that notice exists already and the enqueue is a no-op; a
 *   broadcast the engine started on its own (a phase change, the scheduler) gets one this way;
 * - otherwise edits the message in place (`chat.update`) when its figures changed, at most once
 *   per `minIntervalMs` per message — not once per message sent: Slack allows about one edit a
 *   second and staff need far less — with the pace (messages settled per second over the last
 *   `rateWindowMs`) and the time left at that pace;
 * - a 429 to an edit (chat.update is a per-method tier: tens a minute) stops the edits for
 *   Slack's `Retry-After`, the client rejecting rate-limited calls rather than sleeping;
 * - looking at a broadcast whose last message has been settled records it done (the engine's
 *   rule, once, however many look); it is then not edited here any more: the
 *   `committee.broadcast_done` notice, enqueued with that move, writes the final summary
 *   (broadcast-notices.ts), so the summary is written once even with two reporters or after a
 *   restart.
 *
 * What is kept in memory is only what costs nothing to lose: when each message was last edited
 * and with what figures (after a restart each is edited once more), the recent samples the
 * pace is measured from (until two samples exist the pace is the average since the start),
 * which notices were enqueued already (enqueued once more after a restart: a no-op). A tick that
 * runs while the previous one still does returns at once.
 */
import { ErrorCode } from '@slack/web-api';
import type { Broadcast } from '../../core/broadcasts/broadcast.ts';
import type { BroadcastProgress } from '../../core/engine/broadcast-usecases.ts';
import type { SlackServices } from './context.ts';
import { progressSignature } from './blocks/command-progress.ts';
import { progressRefKey } from './notices/broadcast-notices.ts';
import type { ProgressPace } from './notices/progress-view.ts';
import { renderRunning } from './notices/progress-view.ts';

/** Options of {@link BroadcastProgressReporter}. */
export interface BroadcastProgressReporterOptions {
  /** Least time between two edits of one message, ms (default 5,000). */
  readonly minIntervalMs?: number;
  /** The recent window the pace is measured over, ms (default 60,000). */
  readonly rateWindowMs?: number;
}

/** Broadcasts read per page. */
const PAGE = 100;

/** What the reporter uses. */
export type ReporterServices = Pick<SlackServices, 'engine' | 'stores' | 'client' | 'clock' | 'logger' | 't' | 'format' | 'campaign'>;

/** A sample of a broadcast's settled count. */
interface Sample {
  readonly at: number;
  readonly settled: number;
}

/** The key `announce` enqueues a broadcast's start notice under (so the reporter's is the same message). */
export function startNoticeKey(broadcastId: string): string {
  return `broadcast:${broadcastId}:started`;
}

/**
 * The pace of `samples` (oldest first, the last one now): messages settled per second from the
 * oldest sample in the window to now; with a single sample, the average since `startedAt`.
 */
export function measurePace(samples: readonly Sample[], startedAt: number, windowMs: number): ProgressPace {
  const last = samples.at(-1);
  if (last === undefined) return { perSecond: null, stalled: false };
  const first = samples[0]!;
  if (samples.length < 2 || last.at - first.at < 1000) {
    const elapsed = last.at - startedAt;
    return { perSecond: elapsed >= 1000 && last.settled > 0 ? last.settled / (elapsed / 1000) : null, stalled: false };
  }
  const perSecond = (last.settled - first.settled) / ((last.at - first.at) / 1000);
  // Stalled: a whole window with nothing settled.
  return { perSecond, stalled: perSecond === 0 && last.at - first.at >= windowMs * 0.9 };
}

/** See the module comment. */
export class BroadcastProgressReporter {
  readonly #services: ReporterServices;
  readonly #minIntervalMs: number;
  readonly #windowMs: number;
  /** Per broadcast: the figures last shown and when (the services' clock). */
  readonly #shown = new Map<string, { readonly signature: string; readonly at: number }>();
  /** Per broadcast: settled counts seen over the recent window, oldest first. */
  readonly #samples = new Map<string, Sample[]>();
  /** Broadcasts whose start notice this reporter enqueued. */
  readonly #noticed = new Set<string>();
  /** Slack answered 429 to `chat.update`: no edit before this instant (the services' clock). */
  #quietUntil = 0;
  #running = false;

  constructor(services: ReporterServices, options: BroadcastProgressReporterOptions = {}) {
    this.#services = services;
    this.#minIntervalMs = options.minIntervalMs ?? 5000;
    this.#windowMs = options.rateWindowMs ?? 60_000;
  }

  /** Broadcasts not yet done, newest first. */
  async #unfinished(): Promise<Broadcast[]> {
    const out: Broadcast[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await this.#services.engine.listBroadcasts(before, PAGE);
      for (const b of page) if (b.status !== 'done') out.push(b);
      if (page.length < PAGE) return out;
      before = page.at(-1)!.id;
    }
  }

  /** Edits the progress messages whose figures changed; returns how many were edited. */
  async tick(): Promise<number> {
    if (this.#running) return 0;
    this.#running = true;
    try {
      return await this.#tick();
    } finally {
      this.#running = false;
    }
  }

  #sample(id: string, progress: BroadcastProgress, now: number): Sample[] {
    const samples = (this.#samples.get(id) ?? []).filter((s) => s.at >= now - this.#windowMs);
    samples.push({ at: now, settled: progress.sent + progress.failed + progress.skipped });
    this.#samples.set(id, samples);
    return samples;
  }

  async #tick(): Promise<number> {
    const { engine, stores, client, clock, logger } = this.#services;
    const running = await this.#unfinished();
    const live = new Set(running.map((b) => b.id));
    for (const id of [...this.#shown.keys()]) if (!live.has(id)) this.#shown.delete(id);
    for (const id of [...this.#samples.keys()]) if (!live.has(id)) this.#samples.delete(id);
    for (const id of [...this.#noticed]) if (!live.has(id)) this.#noticed.delete(id);
    let edited = 0;
    // Slack's Retry-After of the last 429 still runs: figures are sampled, nothing is edited.
    let limited = clock.now() < this.#quietUntil;
    for (const b of running) {
      const now = clock.now();
      const progress = await engine.broadcastProgress(b.id);
      if (!progress.ok) continue;
      const samples = this.#sample(b.id, progress.value, now);
      // Done by this look (or another's): the done notice writes the summary.
      if (progress.value.status === 'done' || limited) continue;
      const ref = await stores.messageRefs.get(progressRefKey(b.id));
      if (ref === null) {
        if (!this.#noticed.has(b.id)) {
          const area = b.audience.kind === 'area' ? b.audience.area : null;
          await stores.outbox.enqueue([{ key: startNoticeKey(b.id), recipient: { kind: 'committee' }, template: 'committee.broadcast_started', params: { broadcast: b.id, by: b.by, area }, notBefore: now }]);
          this.#noticed.add(b.id);
        }
        continue;
      }
      if (ref.platform !== 'slack') continue;
      const last = this.#shown.get(b.id);
      if (last !== undefined && now - last.at < this.#minIntervalMs) continue;
      const pace = measurePace(samples, b.startedAt, this.#windowMs);
      const signature = `${progressSignature(progress.value)}|${pace.stalled ? 'stalled' : 'moving'}`;
      if (last?.signature === signature) continue;
      const content = renderRunning(this.#services, progress.value, pace);
      try {
        await client.chat.update({ channel: ref.chat, ts: ref.messageId, text: content.text, blocks: content.blocks as never });
      } catch (e) {
        const error = e as Error & { data?: { error?: unknown }; code?: unknown };
        logger.warn({ err: { name: error.name, message: error.message } }, 'could not update a broadcast progress message');
        // Slack refused this one edit (the message was deleted…): tried again when the figures change.
        if (typeof error.data?.error === 'string' && error.data.error !== 'ratelimited') {
          this.#shown.set(b.id, { signature, at: now });
          continue;
        }
        // Rate limited (then quiet for Slack's Retry-After) or Slack unreachable: no more edits
        // this tick; the figures are still sampled.
        if (error.code === ErrorCode.RateLimitedError) {
          const seconds = Number((e as { retryAfter?: unknown }).retryAfter);
          this.#quietUntil = now + (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000;
        }
        limited = true;
        continue;
      }
      this.#shown.set(b.id, { signature, at: now });
      edited++;
    }
    return edited;
  }
}
