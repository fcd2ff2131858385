/**
 * Public surface of the counting rules: greedy variants, the Method of Equal Shares with its
 * completions, tie-breaking orders, exact rationals and explanations. See docs/TALLY.md.
 */
export { tally, tallyPrepared, ruleLabel, tallyOptionsFromMethod } from './tally.ts';
export type { TallyOptions, TallyRule, MesCompletion } from './tally.ts';
export type { TallyInstance, TallyProject, TallyBallot, VoteType, Amount } from './tally-instance.ts';
export { toRational } from './tally-instance.ts';
export type { TallyOutcome, TieUnresolved, RoundRecord, Decision, Stage, Explanation } from './tally-outcome.ts';
export { Rational, sumRationals } from './rational.ts';
export { prepare } from './prepare.ts';
export type { PreparedInstance, PrepareOptions, BallotGroup } from './prepare.ts';
export { DEFAULT_ADD1 } from './completions.ts';
export type { Add1Options, Add1Start } from './completions.ts';
export { NAMED_TIE_BREAKS, TIE_CRITERIA, tieCriteria } from './tie-break.ts';
export type { TieBreakOrder, TieCriterion } from './tie-break.ts';
export { explainBallot } from './explain.ts';
export type { BallotReport } from './explain.ts';
export { mesTrace } from './trace.ts';
export type { MesTrace } from './trace.ts';
