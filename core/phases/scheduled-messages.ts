/**
 * The scheduled messages of SPEC §2.5 and the policy of when each goes out, as data and pure
 * functions. The scheduler (adapters/scheduling) only finds the cron occurrences of each
 * message's schedule and asks the engine (`enqueueScheduled`) to record the due ones.
 *
 * Residents get the weekly update from submission to the end of voting (deadline reminders
 * included; the results reach them as the phase-change announcement). The mayor gets the
 * digest from submission through tallying, and in the week after the results are announced.
 * An occurrence is judged by where the campaign stands *at that occurrence*; held or between
 * phases counts as the phase last entered.
 */
import type { NoticeTemplate } from '../domain/codes.ts';
import type { Phase, Schedules } from '../campaign/campaign.ts';
import type { MessageParams } from '../domain/domain-error.ts';
import type { Recipient } from '../ports/side-records.ts';
import type { PhaseStatus } from './phase-machine.ts';
import type { PhaseState } from './phase-state.ts';

/** The kinds of scheduled message; also their outbox key prefix and params' `schedule`. */
export type ScheduledKind = 'digest' | 'update';

/** One scheduled message: which schedule it follows, to whom, and in which phases. */
export interface ScheduledMessage {
  readonly kind: ScheduledKind;
  /** The campaign schedule (cron, campaign time zone) it follows. */
  readonly schedule: keyof Schedules;
  readonly recipient: Recipient;
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
  { kind: 'digest', schedule: 'mayorDigest', recipient: { kind: 'digest' }, template: 'digest.weekly', phases: ['submission', 'review', 'voting', 'tallying', 'announced'], afterAnnouncedMs: WEEK },
  { kind: 'update', schedule: 'residentUpdate', recipient: { kind: 'subscribers', area: null }, template: 'update.weekly', phases: ['submission', 'review', 'voting'], afterAnnouncedMs: 0 },
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
