/**
 * The committee's alert about parked Telegram messages: one Slack message per parked
 * *reason* and alert episode, whose count is updated in place — not one message per parked
 * message (a chat that no longer exists, or a Telegram outage, parks hundreds at once).
 *
 * The sending module calls `onParked` for every message it parks (telegram-sending.ts), on
 * whichever instance parked it. Each call records outbox messages to the committee, which the
 * Slack sender delivers (adapters/slack/notices/parked-notices.ts):
 * - the **alert** of the episode, key `alert.parked:<episode>:<reason>`, due at once. An
 *   episode is a window of `episodeMs` on the clock (default 15 minutes, the failed-deliveries
 *   alert's interval): the key is the same on every instance and after a restart, so the
 *   outbox's de-duplication by key posts it once however many instances park messages of that
 *   reason. A problem that lasts gets a fresh alert every episode at most;
 * - an **update** of the episode's alert per `updateMs` slot (default one minute), key
 *   `<alert key>:u<slot>`, due at the end of its slot and behind the alert (`after`), so the
 *   Slack message is edited at most once a minute per reason with the count reached by then.
 *   Every parked message of the slot falls under the same key; the last one of a burst is
 *   counted by the update of its slot, which is due after it.
 * Both drafts go in one `enqueue` (ignored when their keys exist); this process remembers
 * the slots it recorded, so a burst costs one store write per reason and minute.
 *
 * The count is read when the alert is drawn: the messages parked with that reason
 * (`Outbox.failedByReason`, the figure `/readyz` shows as `outbox.parked`). Parked messages
 * stay parked, so a later episode's alert counts the earlier ones too — the same standing
 * figure as `/readyz`, never an estimate. Params hold the reason (a fixed text, see
 * `failureReason`), its kind and the attempts: no resident, no chat, no content.
 */
import { z } from 'zod';
import type { Logger } from 'pino';
import type { Clock } from '../../core/ports/clock.ts';
import type { Outbox } from '../../core/ports/outbox.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import type { NoticeTemplate } from '../../core/domain/codes.ts';
import type { ParkedMessage } from './telegram-sending.ts';

/** The outbox template of the alert (to the committee). */
export const PARKED_ALERT_TEMPLATE = 'committee.deliveries_parked' satisfies NoticeTemplate;

/** The params of an alert or update draft, as the Slack handler reads them back. */
export const parkedAlertParams = z.object({
  /** The parked messages' reason (a fixed text). */
  reason: z.string().min(1).max(200),
  kind: z.enum(['refused', 'transient']),
  /** Attempts of the message that recorded the draft. */
  attempts: z.number().int().min(0),
  /** Epoch ms of the parking that recorded the draft. */
  at: z.number().int().min(0),
  /** The message-reference key of the episode's Slack message. */
  alert: z.string().min(1).max(300),
});

/** What an alert draft carries. */
export type ParkedAlertParams = z.infer<typeof parkedAlertParams>;

/** The outbox key of the alert of `reason` in `episode` (a window number). */
export function parkedAlertKey(reason: string, episode: number): string {
  return `alert.parked:${episode}:${reason}`;
}

/** The message-reference key of that alert's Slack message. */
export function parkedAlertRefKey(reason: string, episode: number): string {
  return `parked:${episode}:${reason}`;
}

/** Options of {@link ParkedAlerts}. */
export interface ParkedAlertsOptions {
  readonly outbox: Pick<Outbox, 'enqueue'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Length of an alert episode (ms): parked messages of one reason inside one window share one alert. Default 900,000 (15 minutes). */
  readonly episodeMs?: number;
  /** At most one update of an alert's count per this many ms. Default 60,000. */
  readonly updateMs?: number;
}

/** Slots remembered at most (one per reason and minute: a handful in practice). */
const REMEMBERED = 1_000;

/** Records the committee's per-reason alert of parked messages; see the module comment. */
export class ParkedAlerts {
  readonly #o: ParkedAlertsOptions;
  readonly #log: Logger;
  readonly #episodeMs: number;
  readonly #updateMs: number;
  /** Update keys this process recorded → the end of their slot (epoch ms). */
  readonly #recorded = new Map<string, number>();

  constructor(options: ParkedAlertsOptions) {
    this.#o = options;
    this.#log = options.logger.child({ module: 'parked-alerts' });
    this.#episodeMs = options.episodeMs ?? 900_000;
    this.#updateMs = options.updateMs ?? 60_000;
    if (!(this.#episodeMs > 0) || !(this.#updateMs > 0)) throw new Error('ParkedAlerts: episodeMs and updateMs must be positive');
  }

  /** For `TelegramSendingOptions.onParked`: records the alert and its update (see the module comment). */
  readonly onParked = async (parked: ParkedMessage): Promise<void> => {
    const now = this.#o.clock.now();
    const episode = Math.floor(now / this.#episodeMs);
    const slot = Math.floor(now / this.#updateMs);
    const key = parkedAlertKey(parked.reason, episode);
    const updateKey = `${key}:u${slot}`;
    if (this.#recorded.has(updateKey)) return;
    const params: ParkedAlertParams = { reason: parked.reason, kind: parked.kind, attempts: parked.attempts, at: now, alert: parkedAlertRefKey(parked.reason, episode) };
    const base = { recipient: { kind: 'committee' }, template: PARKED_ALERT_TEMPLATE, params } as const;
    const drafts: OutboxDraft[] = [
      { ...base, key, notBefore: now },
      { ...base, key: updateKey, notBefore: (slot + 1) * this.#updateMs, after: key },
    ];
    if (this.#recorded.size >= REMEMBERED) for (const [k, end] of this.#recorded) if (end <= now) this.#recorded.delete(k);
    // Taken before the write: the messages parked meanwhile (several sends in flight) need none.
    this.#recorded.set(updateKey, (slot + 1) * this.#updateMs);
    try {
      await this.#o.outbox.enqueue(drafts);
    } catch (e) {
      this.#recorded.delete(updateKey);
      throw e;
    }
    this.#log.info({ reason: parked.reason, episode, slot }, 'parked-messages alert recorded');
  };
}
