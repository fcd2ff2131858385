/**
 * Broadcasts (SPEC §2.5): one message to many residents — a staff announcement composed per
 * language, a phase-change announcement, later the weekly update. A broadcast is a record
 * that fans out, page by page, into one outbox message per resident of its audience, keyed
 * `<broadcast id>:<resident id>`; the record's cursor (the last resident id fanned out)
 * advances atomically with each page, so a crash or a second worker neither repeats nor
 * skips anyone.
 */
import type { NoticeTemplate } from '../domain/codes.ts';
import type { Locale } from '../campaign/campaign.ts';
import type { MessageParams } from '../domain/domain-error.ts';
import type { Resident } from '../residents/resident.ts';

/**
 * Who a broadcast goes to: every subscribed resident, those of one area, or the subscribed
 * residents (of an area, or all: null) who have not voted — a vote reminder. Whether a
 * resident has voted is read from the ballot box as each page is fanned out (a resident
 * with a ballot in any slot has voted), so one who votes meanwhile is skipped from then on.
 */
export type BroadcastAudience =
  | { readonly kind: 'all' }
  | { readonly kind: 'area'; readonly area: string }
  | { readonly kind: 'nonVoters'; readonly area: string | null };

/** The area a broadcast's audience is limited to; null for the whole town. */
export function audienceArea(a: BroadcastAudience): string | null {
  return a.kind === 'all' ? null : a.area;
}

/**
 * What a broadcast says, read from the record when each message is sent (so the per-resident
 * messages stay small and identical):
 * - `texts`: staff's own words, one text per enabled locale;
 * - `template`: a message template rendered in each resident's language (system broadcasts,
 *   e.g. `announce.phase.voting`), with its params.
 */
export type BroadcastContent =
  | { readonly kind: 'texts'; readonly texts: Readonly<Record<Locale, string>> }
  | { readonly kind: 'template'; readonly template: NoticeTemplate; readonly params: MessageParams };

/**
 * Where a broadcast stands: `fanning_out` while per-resident messages are being enqueued,
 * `sending` once every one is (the outbox delivers them), `done` once none is left pending.
 */
export type BroadcastStatus = 'fanning_out' | 'sending' | 'done';

/** A new broadcast, as a use case creates it (the store adds the progress fields). */
export interface BroadcastDraft {
  /** Unique id (IdSource, `bc_…`); also the outbox `group` of its messages. */
  readonly id: string;
  /** Actor ref of who started it: `staff:<slack user id>`, `system:scheduler`. Never a resident id. */
  readonly by: string;
  readonly content: BroadcastContent;
  readonly audience: BroadcastAudience;
  /** Epoch ms. */
  readonly startedAt: number;
}

/** A stored broadcast with its progress. */
export interface Broadcast extends BroadcastDraft {
  readonly status: BroadcastStatus;
  /** Id of the last resident fanned out (residents are fanned out in id order); null before the first page. */
  readonly cursor: string | null;
  /** Per-resident messages enqueued so far. */
  readonly queued: number;
  /** Messages in all, set when fan-out finishes (then equal to `queued`); null before. */
  readonly total: number | null;
  /** Epoch ms fan-out finished; null before. */
  readonly fannedOutAt: number | null;
  /** Epoch ms the last message was settled (sent or failed); null before. */
  readonly finishedAt: number | null;
  /** Store version: 1 at creation, +1 per change. */
  readonly version: number;
}

/** The record a draft starts as. */
export function newBroadcast(draft: BroadcastDraft): Broadcast {
  return { ...draft, status: 'fanning_out', cursor: null, queued: 0, total: null, fannedOutAt: null, finishedAt: null, version: 1 };
}

/**
 * Longest text of a staff announcement, in UTF-16 code units (what JavaScript's `length` and
 * Telegram both count). A Telegram message holds 4,096; `BROADCAST_HEADER_RESERVE` of them are
 * kept for the header the messenger puts above the text (campaign name, "Announcement").
 */
export const BROADCAST_TEXT_MAX = 4000;
/** Characters of a Telegram message kept for the broadcast header (4,096 − BROADCAST_TEXT_MAX). */
export const BROADCAST_HEADER_RESERVE = 4096 - BROADCAST_TEXT_MAX;

/** Template of every per-resident broadcast message; its params name the broadcast. */
export const BROADCAST_TEMPLATE: NoticeTemplate = 'broadcast.message';

/** Outbox key of a broadcast's message to one resident: `<broadcast id>:<resident id>`. */
export function broadcastMessageKey(broadcastId: string, residentId: string): string {
  return `${broadcastId}:${residentId}`;
}

/**
 * Whether a resident is in the population broadcasts reach (and in the stores' subscription
 * index, ResidentStore.listSubscribed): registered and subscribed.
 */
export function receivesBroadcasts(r: Resident): boolean {
  return r.subscribed && r.step === 'done' && r.registeredAt !== null;
}
