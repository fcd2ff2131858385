/**
 * Keeps every running broadcast's progress message current: `tick()` edits, in place, the
 * message of each broadcast not yet done whose figures changed since it was last shown, at
 * most once per `minIntervalMs` per message (Slack allows about one `chat.update` per second
 * per channel; a progress bar needs far less). The service calls `tick()` on an interval;
 * a tick that runs while the previous one still does returns at once.
 *
 * Broadcasts are read from their records (`engine.listBroadcasts`, `engine.broadcastProgress`),
 * so every instance shows the same figures; looking at a broadcast whose last message has
 * been settled records it done (the engine's rule), and the `committee.broadcast_done` notice
 * then writes the final summary. A broadcast whose progress message was not posted yet (its
 * start notice still queued) is skipped until it is. What was last shown is kept in memory:
 * after a restart each message is edited once more, which costs one call.
 */
import type { Broadcast } from '../../core/broadcasts/broadcast.ts';
import type { SlackServices } from './context.ts';
import { progressSignature, renderProgress } from './blocks/command-progress.ts';
import { progressRefKey } from './notices/broadcast-notices.ts';

/** Options of {@link BroadcastProgressReporter}. */
export interface BroadcastProgressReporterOptions {
  /** Least time between two edits of one message, ms (default 5,000). */
  readonly minIntervalMs?: number;
}

/** Broadcasts read per page. */
const PAGE = 100;

/** What the reporter uses. */
export type ReporterServices = Pick<SlackServices, 'engine' | 'stores' | 'client' | 'clock' | 'logger' | 't' | 'format' | 'campaign'>;

/** See the module comment. */
export class BroadcastProgressReporter {
  readonly #services: ReporterServices;
  readonly #minIntervalMs: number;
  /** Per broadcast: the figures last shown and when (the services' clock). */
  readonly #shown = new Map<string, { readonly signature: string; readonly at: number }>();
  #running = false;

  constructor(services: ReporterServices, options: BroadcastProgressReporterOptions = {}) {
    this.#services = services;
    this.#minIntervalMs = options.minIntervalMs ?? 5000;
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

  async #tick(): Promise<number> {
    const { engine, stores, client, clock, logger } = this.#services;
    const running = await this.#unfinished();
    const live = new Set(running.map((b) => b.id));
    for (const id of [...this.#shown.keys()]) if (!live.has(id)) this.#shown.delete(id);
    let edited = 0;
    for (const b of running) {
      const last = this.#shown.get(b.id);
      const now = clock.now();
      if (last !== undefined && now - last.at < this.#minIntervalMs) continue;
      const ref = await stores.messageRefs.get(progressRefKey(b.id));
      if (ref === null || ref.platform !== 'slack') continue;
      const progress = await engine.broadcastProgress(b.id);
      if (!progress.ok) continue;
      const signature = progressSignature(progress.value);
      if (last?.signature === signature) continue;
      const content = renderProgress(this.#services, progress.value);
      try {
        await client.chat.update({ channel: ref.chat, ts: ref.messageId, text: content.text, blocks: content.blocks as never });
      } catch (e) {
        const error = e as Error & { data?: { error?: unknown } };
        logger.warn({ err: { name: error.name, message: error.message } }, 'could not update a broadcast progress message');
        // Slack refused this one edit (the message was deleted…): tried again when the figures change.
        if (typeof error.data?.error === 'string' && error.data.error !== 'ratelimited') {
          this.#shown.set(b.id, { signature, at: now });
          continue;
        }
        // Rate limited or Slack unreachable: the next tick tries again; the others wait too.
        break;
      }
      this.#shown.set(b.id, { signature, at: now });
      edited++;
    }
    return edited;
  }
}
