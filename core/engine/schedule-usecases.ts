/**
 * What the scheduler asks of the engine: record the scheduled messages due at some
 * occurrences (the policy is core/phases/scheduled-messages.ts), and when the next phase
 * window boundary is (to tick right then). Phase moves themselves are `tick`.
 */
import { WINDOWED_PHASES } from '../campaign/campaign.ts';
import type { OutboxDraft } from '../ports/side-records.ts';
import type { ScheduledKind, ScheduledMessage } from '../phases/scheduled-messages.ts';
import { occurrenceKey, scheduledMessage, scheduledParams, sentAt } from '../phases/scheduled-messages.ts';
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
  /** Outbox keys handed to the outbox (a key it already held is a no-op there). */
  readonly enqueued: readonly string[];
  /** Keys of occurrences not sent: the campaign was outside the message's phases then. */
  readonly outOfPhase: readonly string[];
}

/**
 * Records the messages due at `occurrences`: each is judged by where the campaign stood at
 * its instant (`sentAt`), and those due are enqueued together in one atomic outbox write,
 * keyed by occurrence (`occurrenceKey`) — so a re-run, a restart or two schedulers overlapping
 * during a lease hand-over record each occurrence once. The figures are read once for all of
 * them (they read every resident). Throws when a store fails (nothing is then recorded).
 */
export async function enqueueScheduled(deps: EngineDeps, occurrences: readonly ScheduledOccurrence[]): Promise<ScheduledReport> {
  if (occurrences.length === 0) return { enqueued: [], outOfPhase: [] };
  const { value: state } = await loadPhaseState(deps);
  const due: { message: ScheduledMessage; at: number }[] = [];
  const outOfPhase: string[] = [];
  for (const { kind, at } of occurrences) {
    const message = scheduledMessage(kind);
    const { status } = await currentStatus(deps, at, state);
    if (sentAt(message, status, state.windows, at)) due.push({ message, at });
    else outOfPhase.push(occurrenceKey(kind, at));
  }
  if (due.length === 0) return { enqueued: [], outOfPhase };
  const figures = await digestFigures(deps);
  const drafts: OutboxDraft[] = due.map(({ message, at }) => ({
    key: occurrenceKey(message.kind, at),
    recipient: message.recipient,
    template: message.template,
    params: scheduledParams(figures, message.kind, at),
    notBefore: at,
  }));
  await deps.stores.outbox.enqueue(drafts);
  return { enqueued: drafts.map((d) => d.key), outOfPhase };
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
