/**
 * What the scheduler asks of the engine: record the scheduled messages due at some
 * occurrences (the policy is core/phases/scheduled-messages.ts), and when the next phase
 * window boundary is (to tick right then). Phase moves themselves are `tick`.
 */
import { WINDOWED_PHASES } from '../campaign/campaign.ts';
import type { BroadcastDraft } from '../broadcasts/broadcast.ts';
import type { OutboxDraft } from '../ports/side-records.ts';
import type { ScheduledKind, ScheduledMessage } from '../phases/scheduled-messages.ts';
import { digestKey, digestRecipient, occurrenceKey, reminderBroadcastId, scheduledMessage, scheduledParams, sentAt, updateBroadcastId, weekChanges } from '../phases/scheduled-messages.ts';
import type { EngineDeps } from './engine-deps.ts';
import { digestFigures } from './figures-usecases.ts';
import { currentStatus, loadPhaseState } from './phase-usecases.ts';

/** One occurrence of a scheduled message: its kind and instant (epoch ms). */
export interface ScheduledOccurrence {
  readonly kind: ScheduledKind;
  readonly at: number;
}

/** What `enqueueScheduled` did. */
export interface ScheduledReport {
  /**
   * Outbox keys of the digests handed to the outbox, one per occurrence and digest recipient
   * (`digestKey`; a key it already held is a no-op there).
   */
  readonly enqueued: readonly string[];
  /** Ids of the weekly-update broadcasts of the due occurrences (`updateBroadcastId`), created now or already there. */
  readonly broadcasts: readonly string[];
  /** Keys (`occurrenceKey`) of occurrences not sent: the campaign was outside the message's phases then. */
  readonly outOfPhase: readonly string[];
}

/** The actor of the broadcasts and audit entries the schedules create. */
export const SCHEDULER_ACTOR = 'system:scheduler';

/**
 * Records the messages due at `occurrences`: each is judged by where the campaign stood at
 * its instant (`sentAt`). A due digest becomes one outbox message per configured digest
 * recipient, all enqueued in one atomic outbox write keyed by occurrence and recipient
 * (`digestKey`); a due weekly update becomes a system broadcast to every subscribed resident
 * whose id is derived from the occurrence (`updateBroadcastId`). So a re-run, a restart or
 * two schedulers overlapping during a lease hand-over record each occurrence once. The
 * figures are read once for all of them (they read every resident). Throws when a store
 * fails (what was recorded stays, and a retry completes the rest).
 */
export async function enqueueScheduled(deps: EngineDeps, occurrences: readonly ScheduledOccurrence[]): Promise<ScheduledReport> {
  if (occurrences.length === 0) return { enqueued: [], broadcasts: [], outOfPhase: [] };
  const { value: state } = await loadPhaseState(deps);
  const due: { message: ScheduledMessage; at: number }[] = [];
  const outOfPhase: string[] = [];
  for (const { kind, at } of occurrences) {
    const message = scheduledMessage(kind);
    const { status } = await currentStatus(deps, at, state);
    if (sentAt(message, status, state.windows, at)) due.push({ message, at });
    else outOfPhase.push(occurrenceKey(kind, at));
  }
  if (due.length === 0) return { enqueued: [], broadcasts: [], outOfPhase };
  const figures = await digestFigures(deps);
  const drafts: OutboxDraft[] = [];
  for (const { message, at } of due) {
    if (message.delivery !== 'digestRecipients') continue;
    const params = scheduledParams(figures, message.kind, at);
    const seen = new Set<string>();
    for (const r of deps.campaign.digestRecipients) {
      const key = digestKey(at, r);
      if (seen.has(key)) continue;
      seen.add(key);
      drafts.push({ key, recipient: digestRecipient(r), template: message.template, params, notBefore: at });
    }
  }
  if (drafts.length > 0) await deps.stores.outbox.enqueue(drafts);
  const updates = due.filter(({ message }) => message.delivery === 'broadcast');
  const broadcasts: string[] = [];
  if (updates.length > 0) {
    const ideas = await deps.stores.ideas.list({ states: ['eligible', 'finalist'] });
    const now = deps.clock.now();
    for (const { message, at } of updates) {
      const id = updateBroadcastId(at);
      // The week ends when the figures were read, like theirs: a late update tells the week before it goes out.
      const params = { ...scheduledParams(figures, message.kind, at), ...weekChanges(ideas, state.windows, figures.at) };
      await createSystemBroadcast(deps, { id, by: SCHEDULER_ACTOR, content: { kind: 'template', template: message.template, params }, audience: { kind: 'all' }, startedAt: now }, at);
      broadcasts.push(id);
    }
  }
  return { enqueued: drafts.map((d) => d.key), broadcasts, outOfPhase };
}

/**
 * Creates a broadcast of the schedules with its audit entry, atomically; an existing id (a
 * second scheduler, a retry) is left as it is. Returns whether this call created it.
 */
async function createSystemBroadcast(deps: EngineDeps, draft: BroadcastDraft, occurrence: number): Promise<boolean> {
  const saved = await deps.stores.broadcasts.create(draft, {
    audit: [{ at: draft.startedAt, actor: draft.by, action: 'broadcast.started', subject: `broadcast:${draft.id}`, data: { audience: draft.audience.kind, template: draft.content.kind === 'template' ? draft.content.template : null, occurrence }, assisted: false }],
  });
  if (saved === 'not_found') throw new Error(`broadcast ${draft.id} could not be created: ${saved}`);
  return saved === 'saved';
}

/** The first start or end of a recorded phase window after `after` (epoch ms), or null. */
export async function nextPhaseBoundary(deps: EngineDeps, after: number): Promise<number | null> {
  const { windows } = (await loadPhaseState(deps)).value;
  let next: number | null = null;
  for (const p of WINDOWED_PHASES) {
    for (const t of [windows[p].start, windows[p].end]) if (t !== null && t > after && (next === null || t < next)) next = t;
  }
  return next;
}

/**
 * Records the vote reminder due at `now`, if any: of the configured lead times
 * (`schedules.reminders`) before the recorded voting close, the latest instant at or before
 * `now` — so after a downtime over two reminders only the later is sent, late, once. It is
 * judged at its own instant (voting open then) and at `now` (voting still open), and becomes
 * a system broadcast to subscribed residents who have not voted, with an id derived from the
 * close and the lead time (`reminderBroadcastId`): a second scheduler, or a retry, creates
 * it once; an extension of voting moves the close, hence the reminders. Ids in `handled`
 * (already recorded by this caller) are not written again. Returns the due reminder's id, or
 * null when none is due.
 */
export async function enqueueReminders(deps: EngineDeps, now: number, handled: readonly string[] = []): Promise<string | null> {
  const leads = deps.campaign.schedules.reminders;
  if (leads.length === 0) return null;
  const { value: state } = await loadPhaseState(deps);
  const close = state.windows.voting.end;
  if (close === null || now >= close) return null;
  const lead = leads.filter((d) => close - d <= now).sort((a, b) => a - b)[0];
  if (lead === undefined) return null;
  const at = close - lead;
  const id = reminderBroadcastId(close, lead);
  if (handled.includes(id)) return id;
  const votingAt = async (t: number): Promise<boolean> => {
    const { status } = await currentStatus(deps, t, state);
    return status.kind === 'open' && status.phase === 'voting';
  };
  if (!(await votingAt(at)) || !(await votingAt(now))) return null;
  await createSystemBroadcast(
    deps,
    { id, by: SCHEDULER_ACTOR, content: { kind: 'template', template: 'reminder.vote', params: { closesAt: close, leadMs: lead, occurrence: new Date(at).toISOString() } }, audience: { kind: 'nonVoters', area: null }, startedAt: deps.clock.now() },
    at,
  );
  return id;
}

/** The first vote reminder instant after `after` (epoch ms) for the recorded voting close, or null. */
export async function nextReminderAt(deps: EngineDeps, after: number): Promise<number | null> {
  const close = (await loadPhaseState(deps)).value.windows.voting.end;
  if (close === null) return null;
  const next = deps.campaign.schedules.reminders.map((d) => close - d).filter((t) => t > after);
  return next.length === 0 ? null : Math.min(...next);
}
