/**
 * Phase use cases: read where the campaign stands, record what the clock allows (tick),
 * staff moves and extensions — each saved with its audit entries and messages atomically.
 */
import { phaseRefusal } from '../domain/codes.ts';
import type { PhaseAction } from '../domain/codes.ts';
import type { Phase } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { PhaseCommand, PhaseEffect, PhaseStatus } from '../phases/phase-machine.ts';
import { initialPhaseState, phaseStatus, step, windowOf } from '../phases/phase-machine.ts';
import type { GuardFacts, PhaseState } from '../phases/phase-state.ts';
import type { AuditDraft, OutboxDraft } from '../ports/side-records.ts';
import type { BroadcastDraft } from '../broadcasts/broadcast.ts';
import type { Versioned } from '../ports/campaign-store.ts';
import type { EngineDeps } from './engine-deps.ts';
import { CONFLICT_RETRIES } from './engine-deps.ts';
import { requireStaff, staffRef } from './staff.ts';

/** Facts for the guards, read from the stores. */
export async function guardFacts(deps: EngineDeps): Promise<GuardFacts> {
  const [byState, results] = await Promise.all([deps.stores.ideas.countByState(), deps.stores.campaign.loadResults()]);
  return { finalists: byState.finalist ?? 0, tallied: results !== null };
}

/** The recorded phase state (the configured windows before first use). */
export async function loadPhaseState(deps: EngineDeps): Promise<Versioned<PhaseState> | { value: PhaseState; version: null }> {
  const stored = await deps.stores.campaign.loadPhaseState();
  return stored ?? { value: initialPhaseState(deps.campaign), version: null };
}

/** Where the campaign is now, judged against the clock. */
export async function currentStatus(deps: EngineDeps, now = deps.clock.now(), known?: PhaseState): Promise<{ status: PhaseStatus; state: PhaseState; facts: GuardFacts | null }> {
  const loaded = known === undefined ? await loadPhaseState(deps) : { value: known };
  // Most of the time no guard stands between the recorded phase and now: then the answer is
  // the same whatever the facts, and the stores need not be asked (the hot path of a vote).
  const hopeful = phaseStatus(loaded.value, now, { finalists: Number.MAX_SAFE_INTEGER, tallied: true });
  // Still in the recorded phase: no window boundary, hence no guard, was crossed.
  if (hopeful.kind === 'open' && hopeful.phase === loaded.value.phase) return { status: hopeful, state: loaded.value, facts: null };
  const doubtful = phaseStatus(loaded.value, now, { finalists: 0, tallied: false });
  if (JSON.stringify(hopeful) === JSON.stringify(doubtful)) return { status: hopeful, state: loaded.value, facts: null };
  const facts = await guardFacts(deps);
  return { status: phaseStatus(loaded.value, now, facts), state: loaded.value, facts };
}

/**
 * Refuses an action unless the campaign is, at `now`, in one of `phases`. The refusal says
 * when the action opens next (`opensAt`) or that it is over for this campaign.
 */
export async function requirePhase(deps: EngineDeps, phases: readonly Phase[], action: PhaseAction, now = deps.clock.now(), known?: PhaseState): Promise<Outcome<PhaseStatus>> {
  const { status, state } = await currentStatus(deps, now, known);
  if (status.kind !== 'between' && phases.includes(status.phase)) return done(status);
  const current = status.kind === 'between' ? null : status.phase;
  // The next instant one of the allowed phases opens, if still ahead.
  const upcoming = phases.map((p) => windowOf(state, p).start).filter((t) => Number.isFinite(t) && t > now);
  const opensAt = upcoming.length > 0 ? Math.min(...upcoming) : null;
  const nextOpens = status.kind === 'between' ? status.opensAt : null;
  return refuse(phaseRefusal(action, opensAt !== null), {
    phase: current,
    opensAt,
    nextPhase: status.kind === 'between' ? status.next : null,
    nextPhaseOpensAt: nextOpens,
  });
}

/**
 * The records a phase change writes with itself: its audit entries, the committee notices,
 * and for each phase entered a broadcast of `announce.phase.<phase>` to every subscribed
 * resident (fanned out later by `fanOutBroadcast`, each resident in their language).
 */
function sideFor(deps: EngineDeps, effects: readonly PhaseEffect[], now: number): { audit: AuditDraft[]; outbox: OutboxDraft[]; broadcasts: BroadcastDraft[] } {
  const audit: AuditDraft[] = [];
  const outbox: OutboxDraft[] = [];
  const broadcasts: BroadcastDraft[] = [];
  const cid = deps.campaign.id;
  for (const e of effects) {
    if (e.type === 'phase.entered') {
      const t = e.transition;
      audit.push({ at: now, actor: t.by, action: 'phase.entered', subject: `campaign:${cid}`, data: { from: t.from, to: t.to, at: t.at, reason: t.reason }, assisted: false });
      const key = `phase:${t.to}:${t.at}`;
      // A fresh id per attempt is fine: only the attempt whose save wins writes its broadcast.
      const broadcast = deps.ids.newId('bc');
      broadcasts.push({ id: broadcast, by: t.by, content: { kind: 'template', template: `announce.phase.${t.to}`, params: { phase: t.to, at: t.at } }, audience: { kind: 'all' }, startedAt: now });
      outbox.push({ key: `${key}:committee`, recipient: { kind: 'committee' }, template: 'committee.phase_entered', params: { from: t.from, to: t.to, by: t.by, reason: t.reason, at: t.at, broadcast }, notBefore: now });
    } else {
      audit.push({ at: now, actor: 'system:scheduler', action: 'phase.held', subject: `campaign:${cid}`, data: { target: e.target, code: e.code }, assisted: false });
      outbox.push({ key: `phase-held:${e.target}:${e.at}`, recipient: { kind: 'committee' }, template: 'committee.phase_held', params: { target: e.target, code: e.code, at: e.at }, notBefore: now });
    }
  }
  return { audit, outbox, broadcasts };
}

/** Author notifications that accompany entering a phase (finalists, results). */
async function authorNotices(deps: EngineDeps, effects: readonly PhaseEffect[], now: number): Promise<OutboxDraft[]> {
  const out: OutboxDraft[] = [];
  for (const e of effects) {
    if (e.type !== 'phase.entered') continue;
    const to = e.transition.to;
    if (to !== 'voting' && to !== 'announced') continue;
    const states = to === 'voting' ? (['finalist'] as const) : (['winner', 'not_funded'] as const);
    for (const idea of await deps.stores.ideas.list({ states })) {
      if (idea.authorId === null) continue;
      out.push({
        key: `author:${idea.id}:${to}`,
        recipient: { kind: 'resident', residentId: idea.authorId },
        template: to === 'voting' ? 'notify.idea_finalist' : idea.state === 'winner' ? 'notify.idea_winner' : 'notify.idea_not_funded',
        params: { idea: idea.number, title: idea.title },
        notBefore: now,
      });
    }
  }
  return out;
}

/** Result of a phase command: where the campaign now is, and what was recorded. */
export interface PhaseChange {
  readonly state: PhaseState;
  readonly effects: readonly PhaseEffect[];
}

/** The phase a move leaves: the current one, or the one that just ended when between phases. */
function leaving(status: PhaseStatus): Phase {
  return status.kind === 'between' ? status.after : status.phase;
}

/**
 * Applies `command` to the stored state, retrying on a concurrent save. With `expectedFrom`,
 * the command is refused (`phase.moved`) unless the campaign is, as loaded for this very save,
 * still leaving that phase: a confirmation read before another move never moves it again.
 */
async function apply(deps: EngineDeps, command: PhaseCommand, expectedFrom: Phase | null = null): Promise<Outcome<PhaseChange>> {
  for (let attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
    const now = deps.clock.now();
    const [loaded, facts] = await Promise.all([loadPhaseState(deps), guardFacts(deps)]);
    if (expectedFrom !== null) {
      const from = leaving(phaseStatus(loaded.value, now, facts));
      if (from !== expectedFrom) return refuse('phase.moved', { from: expectedFrom, phase: from });
    }
    const r = step(loaded.value, command, now, facts);
    if (!r.ok) return r;
    const { state, effects } = r.value;
    if (state === loaded.value && effects.length === 0 && loaded.version !== null) return done({ state, effects });
    const side = sideFor(deps, effects, now);
    side.outbox.push(...(await authorNotices(deps, effects, now)));
    if (command.type === 'extend') {
      side.audit.push({ at: now, actor: command.by, action: 'phase.extended', subject: `campaign:${deps.campaign.id}`, data: { until: command.until, reason: command.reason }, assisted: false });
    }
    const saved = await deps.stores.campaign.savePhaseState(state, loaded.version, side);
    if (saved === 'saved') return done({ state, effects });
  }
  return refuse('phase.busy', {});
}

/** Records every transition the clock and guards allow now (the scheduler calls it; idempotent). */
export async function tick(deps: EngineDeps): Promise<PhaseChange> {
  const r = await apply(deps, { type: 'tick' });
  if (!r.ok) throw new Error(`phase tick failed: ${r.code}`);
  return r.value;
}

/**
 * Staff (admin) move the campaign to its next phase now. `from` is the phase they expect to
 * leave (the one their confirmation showed): when the campaign has moved on meanwhile —
 * another admin, the scheduler — nothing happens and the refusal is `phase.moved`
 * (`from`: the phase expected, `phase`: the one it is in), so two confirmations of one move
 * move the campaign once.
 */
export async function advancePhase(deps: EngineDeps, slackUserId: string, from: Phase, reason: string): Promise<Outcome<PhaseChange>> {
  const staff = requireStaff(deps.campaign, slackUserId, 'admin');
  if (!staff.ok) return staff;
  const why = reason.trim();
  if (why.length === 0) return refuse('phase.reason_required', {});
  return apply(deps, { type: 'advance', by: staffRef(staff.value), reason: why.slice(0, 500) }, from);
}

/** Staff (admin) extend the current phase until `until` (epoch ms). */
export async function extendPhase(deps: EngineDeps, slackUserId: string, until: number, reason: string): Promise<Outcome<PhaseChange>> {
  const staff = requireStaff(deps.campaign, slackUserId, 'admin');
  if (!staff.ok) return staff;
  const why = reason.trim();
  if (why.length === 0) return refuse('phase.reason_required', {});
  return apply(deps, { type: 'extend', until, by: staffRef(staff.value), reason: why.slice(0, 500) });
}
