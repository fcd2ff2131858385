import type { Phase, PhaseWindow, WindowedPhase } from '../campaign/campaign.ts';

/** One recorded phase change (SPEC §2.1: who, when, from, to, why). */
export interface Transition {
  readonly from: Phase;
  readonly to: Phase;
  /** When it took effect (epoch ms). For scheduled moves, the window's start, not the job's run time. */
  readonly at: number;
  /** Actor ref: `system:scheduler` or `staff:U123`. */
  readonly by: string;
  /** `schedule`, or the staff member's stated reason. */
  readonly reason: string;
}

/** Why a window that opened could not be entered. */
export interface Hold {
  /** The phase whose window opened but whose guard failed. */
  readonly target: Phase;
  /** Refusal code of the failed guard, e.g. `phase.guard.finalists`. */
  readonly code: string;
  readonly since: number;
}

/**
 * The campaign's recorded phase state. The *effective* phase at an instant is computed from
 * it by `phaseStatus` — time is authoritative, whether or not the scheduler has run.
 */
export interface PhaseState {
  /** Last phase entered. */
  readonly phase: Phase;
  /** Effective windows: the configured ones with staff moves and extensions applied. */
  readonly windows: Readonly<Record<WindowedPhase, PhaseWindow>>;
  /** Set while a window has opened but its guard failed; only a staff move clears it. */
  readonly hold: Hold | null;
  readonly transitions: readonly Transition[];
}

/** Facts from the store that guards need. */
export interface GuardFacts {
  /** Ideas in state `finalist` (per campaign; voting needs ≥ 2). */
  readonly finalists: number;
  /** Results have been computed (announcing needs them). */
  readonly tallied: boolean;
}
