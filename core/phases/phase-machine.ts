/**
 * The phase state machine of SPEC §2.1 as pure functions:
 *   draft → submission → review → voting → tallying → announced → archived
 *
 * - `phaseStatus(state, now, facts)` says where the campaign *is* at `now`, judged against
 *   the clock: a window that has closed is closed even if no job has recorded it.
 * - `step(state, command, now, facts)` returns the next recorded state and the effects to
 *   carry out (announcements, committee notices, alerts), or a refusal.
 * Windows are half-open [start, end) in epoch ms; between two windows every phase action is
 * refused with the next opening date.
 */
import type { RefusalCode } from '../domain/codes.ts';
import type { Campaign, Phase, PhaseWindow, WindowedPhase } from '../campaign/campaign.ts';
import { PHASES } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { GuardFacts, PhaseState, Transition } from './phase-state.ts';

/** Where the campaign stands at an instant. */
export type PhaseStatus =
  /** Inside `phase`; `closesAt` is its window end (null = open-ended). */
  | { readonly kind: 'open'; readonly phase: Phase; readonly closesAt: number | null; readonly held: null }
  /** `phase`'s window has ended, `next` has opened but its guard failed: the campaign stays in `phase`. */
  | { readonly kind: 'held'; readonly phase: Phase; readonly next: Phase; readonly code: string; readonly held: Phase }
  /** Between `after` (ended) and `next`, which opens at `opensAt`. */
  | { readonly kind: 'between'; readonly after: Phase; readonly next: Phase; readonly opensAt: number; readonly held: null };

/** An effect of a transition, carried out by the use case through ports. */
export type PhaseEffect =
  | { readonly type: 'phase.entered'; readonly transition: Transition }
  | { readonly type: 'phase.held'; readonly target: Phase; readonly code: string; readonly at: number };

/** Commands of the machine. */
export type PhaseCommand =
  /** Record what time and the guards allow (run by the scheduler, and before every action). */
  | { readonly type: 'tick' }
  /** Staff: move to the next phase now (early), ending the current window now. */
  | { readonly type: 'advance'; readonly by: string; readonly reason: string }
  /** Staff: extend the current phase's window to `until` (epoch ms), shifting the next start if needed. */
  | { readonly type: 'extend'; readonly until: number; readonly by: string; readonly reason: string };

export interface StepResult {
  readonly state: PhaseState;
  readonly effects: readonly PhaseEffect[];
}

const ORDER: readonly Phase[] = PHASES;

/** The phase after `p`, or null after `archived`. */
export function nextPhase(p: Phase): Phase | null {
  const i = ORDER.indexOf(p);
  return i >= 0 && i < ORDER.length - 1 ? (ORDER[i + 1] ?? null) : null;
}

/** The window of a phase; draft runs until submission opens, archived from announced's end. */
export function windowOf(state: Pick<PhaseState, 'windows'>, p: Phase): PhaseWindow {
  const w = state.windows;
  if (p === 'draft') return { start: Number.NEGATIVE_INFINITY, end: w.submission.start };
  if (p === 'archived') return { start: w.announced.end ?? Number.POSITIVE_INFINITY, end: null };
  return w[p as WindowedPhase];
}

/** The initial recorded state of a campaign. */
export function initialPhaseState(campaign: Pick<Campaign, 'phases'>): PhaseState {
  return { phase: 'draft', windows: campaign.phases, hold: null, transitions: [] };
}

/** The guard of entering `to`; null when it holds. */
export function guardFailure(to: Phase, facts: GuardFacts): RefusalCode | null {
  if (to === 'voting' && facts.finalists < 2) return 'phase.guard.finalists';
  if (to === 'announced' && !facts.tallied) return 'phase.guard.not_tallied';
  return null;
}

function endOf(state: PhaseState, p: Phase): number {
  return windowOf(state, p).end ?? Number.POSITIVE_INFINITY;
}

/** Where the campaign is at `now`, judged against the clock (see module doc). */
export function phaseStatus(state: PhaseState, now: number, facts: GuardFacts): PhaseStatus {
  let phase = state.phase;
  for (;;) {
    const end = endOf(state, phase);
    if (now < end) return { kind: 'open', phase, closesAt: Number.isFinite(end) ? end : null, held: null };
    const next = nextPhase(phase);
    if (next === null) return { kind: 'open', phase, closesAt: null, held: null };
    const opensAt = windowOf(state, next).start;
    if (now < opensAt) return { kind: 'between', after: phase, next, opensAt, held: null };
    const code = state.hold !== null && state.hold.target === next ? state.hold.code : guardFailure(next, facts);
    if (code !== null) return { kind: 'held', phase, next, code, held: next };
    phase = next;
  }
}

/** Phase in which an action judged at `now` happens, or null when between phases. */
export function currentPhase(status: PhaseStatus): Phase | null {
  return status.kind === 'between' ? null : status.phase;
}

/** Applies a command; effects describe what happened. Pure. */
export function step(state: PhaseState, command: PhaseCommand, now: number, facts: GuardFacts): Outcome<StepResult> {
  switch (command.type) {
    case 'tick':
      return done(tick(state, now, facts));
    case 'advance':
      return advance(state, command, now, facts);
    case 'extend':
      return extend(state, command, now, facts);
  }
}

function tick(state: PhaseState, now: number, facts: GuardFacts): StepResult {
  const effects: PhaseEffect[] = [];
  let s = state;
  for (;;) {
    const status = phaseStatus(s, now, facts);
    if (status.kind === 'held') {
      if (s.hold === null || s.hold.target !== status.next) {
        const at = windowOf(s, status.next).start;
        s = { ...s, hold: { target: status.next, code: status.code, since: at } };
        effects.push({ type: 'phase.held', target: status.next, code: status.code, at });
      }
      return { state: s, effects };
    }
    if (status.kind === 'between' || status.phase === s.phase) return { state: s, effects };
    // Enter each phase in turn, so a long downtime still records every step.
    const to = nextPhase(s.phase);
    if (to === null) return { state: s, effects };
    const transition: Transition = { from: s.phase, to, at: windowOf(s, to).start, by: 'system:scheduler', reason: 'schedule' };
    s = { ...s, phase: to, hold: null, transitions: [...s.transitions, transition] };
    effects.push({ type: 'phase.entered', transition });
  }
}

function advance(state: PhaseState, cmd: Extract<PhaseCommand, { type: 'advance' }>, now: number, facts: GuardFacts): Outcome<StepResult> {
  // Catch up with the clock first, so "advance" always means "the phase after the current one".
  const caught = tick(state, now, facts);
  const s0 = caught.state;
  const status = phaseStatus(s0, now, facts);
  const from = status.kind === 'between' ? status.after : status.phase;
  const to = status.kind === 'open' ? nextPhase(from) : status.next;
  if (to === null) return refuse('phase.no_next', { phase: from });
  const code = guardFailure(to, facts);
  if (code !== null) return refuse(code, { phase: to, finalists: facts.finalists });
  const windows = { ...s0.windows } as Record<WindowedPhase, PhaseWindow>;
  if (from !== 'draft' && from !== 'archived') {
    const w = windows[from as WindowedPhase];
    windows[from as WindowedPhase] = { start: Math.min(w.start, now), end: now };
  }
  if (to === 'archived') {
    windows.announced = { start: windows.announced.start, end: now };
  } else {
    const w = windows[to as WindowedPhase];
    const end = w.end;
    if (end !== null && end <= now) {
      return refuse('phase.window_passed', { phase: to, end });
    }
    windows[to as WindowedPhase] = { start: now, end };
  }
  const transition: Transition = { from, to, at: now, by: cmd.by, reason: cmd.reason };
  const state2: PhaseState = { phase: to, windows, hold: null, transitions: [...s0.transitions, transition] };
  return done({ state: state2, effects: [...caught.effects, { type: 'phase.entered', transition }] });
}

function extend(state: PhaseState, cmd: Extract<PhaseCommand, { type: 'extend' }>, now: number, facts: GuardFacts): Outcome<StepResult> {
  const caught = tick(state, now, facts);
  const s0 = caught.state;
  const status = phaseStatus(s0, now, facts);
  if (status.kind !== 'open' || status.phase === 'draft' || status.phase === 'archived') {
    return refuse('phase.extend_not_open', { phase: status.kind === 'between' ? status.after : status.phase });
  }
  const phase = status.phase as WindowedPhase;
  const w = s0.windows[phase];
  if (w.end === null || cmd.until <= (w.end ?? 0) || cmd.until <= now) {
    return refuse('phase.extend_not_later', { phase, end: w.end ?? 0 });
  }
  const windows = { ...s0.windows } as Record<WindowedPhase, PhaseWindow>;
  windows[phase] = { start: w.start, end: cmd.until };
  const next = nextPhase(phase);
  if (next !== null && next !== 'archived') {
    const nw = windows[next as WindowedPhase];
    if (nw.start < cmd.until) {
      if (nw.end !== null && nw.end <= cmd.until) return refuse('phase.extend_overlaps', { phase: next, end: nw.end });
      windows[next as WindowedPhase] = { start: cmd.until, end: nw.end };
    }
  }
  const state2: PhaseState = {
    ...s0,
    windows,
    transitions: [...s0.transitions, { from: phase, to: phase, at: now, by: cmd.by, reason: `extended: ${cmd.reason}` }],
  };
  return done({ state: state2, effects: caught.effects });
}
