/**
 * What a tally returns: the funded projects, each decision with its reason as structured data
 * (a code and its parameters, translated elsewhere), or the tie the chosen order could not break.
 */
import type { MessageParams } from '../domain/domain-error.ts';
import type { Rational } from './rational.ts';

/** A reason, for people: `code` is a message key, `params` fill it (money as decimal strings). */
export interface Explanation {
  readonly code: string;
  readonly params: MessageParams;
}

/** What happened to a project at one step. */
export type Decision = 'funded' | 'skipped' | 'ineligible';

/** Which part of the rule took the decision. */
export type Stage = 'greedy' | 'mes' | 'completion';

/** One decision about one project, in the order the rule took them. */
export interface RoundRecord {
  readonly project: string;
  readonly decision: Decision;
  /**
   * Greedy: the project's score (approvals, points or positional points). MES: the effective
   * vote count when funded, the initial score otherwise. A float for display; decisions were exact.
   */
  readonly score: number;
  readonly cost: Rational;
  /** Budget left after this decision, in budget units. */
  readonly left: Rational;
  readonly stage: Stage;
  readonly reason: Explanation;
}

/** A successful tally. */
export interface TallyOutcome {
  readonly status: 'ok';
  /** Rule label, Pabulib style: `greedy`, `greedy-no-skip`, `greedy-threshold`, `equalshares/add1`, … */
  readonly rule: string;
  /** Funded project ids, in selection order. */
  readonly selected: readonly string[];
  /** Σ cost of the funded projects. */
  readonly spent: Rational;
  readonly budget: Rational;
  /** MES only: the per-voter endowment of the run whose outcome was kept. */
  readonly endowment?: Rational;
  readonly rounds: readonly RoundRecord[];
  /** Rule-level notes (Add1 steps, comparison step). */
  readonly notes: readonly Explanation[];
  /** MES only: for each input ballot, what one of its voters paid (in budget units). */
  readonly ballotPayments?: readonly Rational[];
}

/** The tally stopped on a tie that the chosen order cannot break. Nothing is picked silently. */
export interface TieUnresolved {
  readonly status: 'tie';
  readonly rule: string;
  /** The tied project ids. */
  readonly tied: readonly string[];
  readonly stage: Stage;
  /** Projects funded before the tie, in order. */
  readonly selectedBefore: readonly string[];
  readonly reason: Explanation;
}
