/**
 * The input of every counting rule: one election, already validated. Pabulib files
 * (adapters/pabulib) and the campaign engine both convert to this shape.
 */
import { Rational } from './rational.ts';

/** How ballots are read (Pabulib `vote_type`). `choose-1` is counted like approval. */
export type VoteType = 'approval' | 'choose-1' | 'cumulative' | 'scoring' | 'ordinal';

/** An amount of money: an exact `Rational`, an integer (`number` must be a safe integer, or `bigint`), or a decimal string ("446829.4"). */
export type Amount = Rational | bigint | number | string;

/** One project on the ballot. */
export interface TallyProject {
  /** Opaque, unique id (Pabulib `project_id`: "427", "c1", "BO.OM.97/24"). */
  readonly id: string;
  /** Cost, in the same currency unit as the budget; ≥ 0. */
  readonly cost: Amount;
  /** Human name, for explanations only. */
  readonly name?: string;
}

/**
 * A ballot, possibly standing for several identical ballots.
 * - approval / choose-1: `projects` is the approved set (order irrelevant);
 * - ordinal: `projects` from most to least preferred;
 * - cumulative / scoring: `projects` with a parallel `points` array (non-negative integers).
 */
export interface TallyBallot {
  readonly projects: readonly string[];
  /** Points per listed project (cumulative, scoring); ignored otherwise. */
  readonly points?: readonly number[];
  /** How many voters cast exactly this ballot; default 1. */
  readonly count?: number;
}

/** One election to count. */
export interface TallyInstance {
  /** Total budget B, ≥ 0. */
  readonly budget: Amount;
  /** Projects, in "file order" (the order the `file` tie-break uses). Ids must be unique. */
  readonly projects: readonly TallyProject[];
  /** Ballots; identical ballots may be given once with a `count`. Empty ballots count as voters. */
  readonly ballots: readonly TallyBallot[];
  readonly voteType: VoteType;
  /** Scoring only: the score of a project a ballot does not list (Pabulib `default_score`); default 0. */
  readonly defaultScore?: number;
  /** Ordinal only: the longest allowed ranking (Pabulib `max_length`); default the longest ballot. */
  readonly maxRankLength?: number;
}

/** An `Amount` as a `Rational`; throws `TypeError` when it is not a valid number (a caller bug). */
export function toRational(a: Amount): Rational {
  if (a instanceof Rational) return a;
  if (typeof a === 'bigint') return Rational.int(a);
  if (typeof a === 'number') return Rational.int(a);
  const r = Rational.parse(a);
  if (r === null) throw new TypeError(`not a decimal amount: "${a}"`);
  return r;
}
