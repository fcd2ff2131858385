/**
 * The scheduled messages of SPEC §2.5 and the policy of when each goes out, as data and pure
 * functions. The scheduler (adapters/scheduling) only finds the cron occurrences of each
 * message's schedule and asks the engine (`enqueueScheduled`) to record the due ones.
 *
 * The digest is one outbox message per configured digest recipient (`digestRecipients`: a
 * Telegram chat or a Slack user), keyed by occurrence and by the recipient's own address
 * (`digestRecipientRef`), not by its position in the list: reordering or extending the list
 * between a first attempt and a retry of one occurrence neither doubles nor drops anyone.
 * The weekly update is a system broadcast (core/broadcasts) with an id derived from the
 * occurrence (`updateBroadcastId`), fanned out to every subscribed resident.
 *
 * Residents get the weekly update from submission to the end of voting (deadline reminders
 * included; the results reach them as the phase-change announcement). The mayor gets the
 * digest from submission through tallying, and in the week after the results are announced.
 * An occurrence is judged by where the campaign stands *at that occurrence*; held or between
 * phases counts as the phase last entered.
 */
import type { NoticeTemplate } from '../domain/codes.ts';
import type { DigestRecipient, Phase, Schedules } from '../campaign/campaign.ts';
import type { MessageParams } from '../domain/domain-error.ts';
import type { Recipient } from '../ports/side-records.ts';
import type { PhaseStatus } from './phase-machine.ts';
import type { PhaseState } from './phase-state.ts';
import { WINDOWED_PHASES } from '../campaign/campaign.ts';
import type { Idea } from '../ideas/idea.ts';

/** The kinds of scheduled message; also their outbox key prefix and params' `schedule`. */
export type ScheduledKind = 'digest' | 'update';

/**
 * How an occurrence reaches people: one outbox message per configured digest recipient, or
 * one system broadcast to every subscribed resident (fanned out, rendered per resident).
 */
export type ScheduledDelivery = 'digestRecipients' | 'broadcast';

/** One scheduled message: which schedule it follows, to whom, and in which phases. */
export interface ScheduledMessage {
  readonly kind: ScheduledKind;
  /** The campaign schedule (cron, campaign time zone) it follows. */
  readonly schedule: Exclude<keyof Schedules, 'reminders'>;
  readonly delivery: ScheduledDelivery;
  /** Message template key. */
  readonly template: NoticeTemplate;
  /** Phases in which an occurrence is sent (judged at the occurrence). */
  readonly phases: readonly Phase[];
  /** In `announced`, occurrences are sent only this long after it opened (ms); 0 = none. */
  readonly afterAnnouncedMs: number;
}

const WEEK = 7 * 24 * 3600 * 1000;

/** The mayor's digest and the residents' weekly update. */
export const SCHEDULED_MESSAGES: readonly ScheduledMessage[] = [
  { kind: 'digest', schedule: 'mayorDigest', delivery: 'digestRecipients', template: 'digest.weekly', phases: ['submission', 'review', 'voting', 'tallying', 'announced'], afterAnnouncedMs: WEEK },
  { kind: 'update', schedule: 'residentUpdate', delivery: 'broadcast', template: 'update.weekly', phases: ['submission', 'review', 'voting'], afterAnnouncedMs: 0 },
];

/** The scheduled message of `kind`. */
export function scheduledMessage(kind: ScheduledKind): ScheduledMessage {
  const m = SCHEDULED_MESSAGES.find((x) => x.kind === kind);
  if (m === undefined) throw new Error(`unknown scheduled message ${String(kind)}`);
  return m;
}

/** Whether `message` is sent at `occurrence` (epoch ms), the campaign standing at `status` then. */
export function sentAt(message: Pick<ScheduledMessage, 'phases' | 'afterAnnouncedMs'>, status: PhaseStatus, windows: PhaseState['windows'], occurrence: number): boolean {
  const phase = status.kind === 'between' ? status.after : status.phase;
  if (!message.phases.includes(phase)) return false;
  if (phase !== 'announced') return true;
  const opened = windows.announced.start;
  return opened !== null && occurrence < opened + message.afterAnnouncedMs;
}

/**
 * The outbox key of one occurrence, e.g. `digest:2026-06-05T06:00:00.000Z`: the outbox keeps
 * one message per key, so re-runs and overlapping schedulers record an occurrence once.
 */
export function occurrenceKey(kind: ScheduledKind, occurrence: number): string {
  return `${kind}:${new Date(occurrence).toISOString()}`;
}

/**
 * A digest recipient's stable reference: `telegram:<chat id>` or `slack:<user id>` — its
 * address, so the same person keeps the same key whatever their place in the list (two
 * entries with one address are one recipient: they get one message).
 */
export function digestRecipientRef(r: DigestRecipient): string {
  return r.channel === 'telegram' ? `telegram:${r.chatId}` : `slack:${r.userId}`;
}

/** Where a digest recipient's message goes. */
export function digestRecipient(r: DigestRecipient): Recipient {
  return r.channel === 'telegram' ? { kind: 'telegramChat', chatId: r.chatId } : { kind: 'slackUser', userId: r.userId };
}

/** The outbox key of one occurrence's digest to one recipient: `digest:<ISO instant>:<digestRecipientRef>`. */
export function digestKey(occurrence: number, r: DigestRecipient): string {
  return `${occurrenceKey('digest', occurrence)}:${digestRecipientRef(r)}`;
}

/**
 * The compact UTC instant of a derived id: `2026-06-01T07:00:00.000Z` → `20260601t0700z`
 * (minute resolution; seconds are kept, `…t070030z`, when not zero).
 */
function compactInstant(at: number): string {
  const iso = new Date(at).toISOString();
  const seconds = iso.slice(17, 23) === '00.000' ? '' : iso.slice(17, 19);
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}t${iso.slice(11, 13)}${iso.slice(14, 16)}${seconds}z`;
}

/**
 * The broadcast id of the weekly update of one occurrence, e.g. `bc_upd-20260601t0700z`:
 * derived, not drawn, so two schedulers (or a retry) create that broadcast once — the store
 * refuses a second broadcast with an existing id.
 */
export function updateBroadcastId(occurrence: number): string {
  return `bc_upd-${compactInstant(occurrence)}`;
}

/**
 * The broadcast id of a vote reminder, from the voting close it counts down to and how long
 * before it (minutes), e.g. `bc_rem-20260630t2200z-4320m`: one broadcast per close and
 * lead time, so it is created once; an extension of voting moves the close, hence the id.
 */
export function reminderBroadcastId(closesAt: number, beforeMs: number): string {
  return `bc_rem-${compactInstant(closesAt)}-${Math.round(beforeMs / 60_000)}m`;
}

type Leaf = string | number | boolean | null;

/**
 * Flattens `value` into `out` under `prefix`: nested records become dotted keys
 * (`newRegistrations.thisWeek`, `byAgeBand.18-34`), arrays indexed (`x.0`); leaves stay
 * numbers, strings, booleans or null (non-finite numbers become null), so any messenger
 * adapter can render them without knowing the shape.
 */
export function flattenParams(value: unknown, prefix = '', out: Record<string, Leaf> = {}): Record<string, Leaf> {
  if (value === null || value === undefined) {
    if (prefix !== '') out[prefix] = null;
  } else if (typeof value === 'number') {
    out[prefix] = Number.isFinite(value) ? value : null;
  } else if (typeof value === 'string' || typeof value === 'boolean') {
    out[prefix] = value;
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flattenParams(v, prefix === '' ? String(i) : `${prefix}.${i}`, out));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flattenParams(v, prefix === '' ? k : `${prefix}.${k}`, out);
  }
  return out;
}

/** Message parameters of a scheduled message: the figures, flat, plus `schedule` and the occurrence (ISO). */
export function scheduledParams(figures: object, kind: ScheduledKind, occurrence: number): MessageParams {
  return { ...flattenParams(figures), schedule: kind, occurrence: new Date(occurrence).toISOString() };
}

/** Finalists listed by name in a weekly update (the rest are counted). */
export const UPDATE_FINALISTS_LISTED = 10;

/** What an idea needs to appear in a weekly update's changes. */
export type WeekIdea = Pick<Idea, 'number' | 'title' | 'state' | 'updatedAt' | 'decision'>;

/**
 * What changed in the week before `at` ([at − 7 days, at)), for the residents' weekly update,
 * as flat params: `week.eligible` (ideas found eligible), `week.finalists` (ideas that became
 * finalists — a finalist's `updatedAt` is its selection: a finalist is not edited any more),
 * `newFinalists.<i>.number` / `.title` for the first UPDATE_FINALISTS_LISTED of them by number,
 * and `week.phase` — the last phase whose (effective) window opened that week, or null.
 */
export function weekChanges(ideas: readonly WeekIdea[], windows: PhaseState['windows'], at: number): MessageParams {
  const inWeek = (t: number): boolean => t >= at - WEEK && t < at;
  const eligible = ideas.filter((i) => i.decision?.outcome === 'eligible' && inWeek(i.decision.at)).length;
  const finalists = ideas.filter((i) => i.state === 'finalist' && inWeek(i.updatedAt)).sort((a, b) => a.number - b.number);
  const entered = WINDOWED_PHASES.filter((p) => inWeek(windows[p].start)).at(-1) ?? null;
  const out: Record<string, string | number | null> = { 'week.eligible': eligible, 'week.finalists': finalists.length, 'week.phase': entered };
  finalists.slice(0, UPDATE_FINALISTS_LISTED).forEach((f, i) => {
    out[`newFinalists.${i}.number`] = String(f.number);
    out[`newFinalists.${i}.title`] = f.title;
  });
  return out;
}
