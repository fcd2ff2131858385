/**
 * The one entry of the counting rules: `tally(instance, options)`.
 */
import type { TallyMethod } from '../campaign/campaign.ts';
import { DomainError } from '../domain/domain-error.ts';
import { Rational } from './rational.ts';
import type { Amount, TallyInstance } from './tally-instance.ts';
import { toRational } from './tally-instance.ts';
import { prepare } from './prepare.ts';
import type { PreparedInstance } from './prepare.ts';
import { greedyWalk } from './greedy.ts';
import { mesEngine } from './mes.ts';
import type { Add1Options } from './completions.ts';
import { add1, compareOutcomes, DEFAULT_ADD1, utilitarianCompletion } from './completions.ts';
import { mesRounds } from './explain.ts';
import type { Explanation, RoundRecord, TallyOutcome, TieUnresolved } from './tally-outcome.ts';
import type { TieBreakOrder } from './tie-break.ts';
import { tieComparator } from './tie-break.ts';

/** MES completions (PB-RULES §3.3). */
export type MesCompletion = 'none' | 'add1' | 'utilitarian' | 'add1u';

/** Which rule to run. */
export type TallyRule =
  | {
      readonly kind: 'greedy';
      /** `skip` (default) goes on past a project that does not fit; `no-skip` stops there. */
      readonly variant?: 'skip' | 'no-skip';
      /** Minimum score to be eligible (greedy-threshold); none by default. */
      readonly threshold?: Amount;
    }
  | {
      readonly kind: 'mes';
      /** Default `none`. */
      readonly completion?: MesCompletion;
      /** Run the comparison step against plain greedy (default false). */
      readonly comparison?: boolean;
      /** Add1 settings (completion `add1`/`add1u`); defaults in `DEFAULT_ADD1`. */
      readonly add1?: Partial<Add1Options>;
    };

/** Options of `tally`. */
export interface TallyOptions {
  readonly rule: TallyRule;
  /** Default `lexico` (project id as a string, ascending). */
  readonly tieBreak?: TieBreakOrder;
  /**
   * Tie-break of the greedy walks that follow MES (utilitarian completion, comparison step);
   * default `tieBreak`. The equalshares.net tool, for one, breaks MES ties by its configured
   * list but sorts the completion stably in id order.
   */
  readonly completionTieBreak?: TieBreakOrder;
  /** Ordinal ballots: points for ranks 1, 2, …; default max_length − rank + 1 (3/2/1 when 3 are ranked). */
  readonly ordinalPoints?: readonly number[];
}

/** The Pabulib-style label of a rule ("greedy-threshold", "equalshares/add1-comparison"). */
export function ruleLabel(rule: TallyRule): string {
  if (rule.kind === 'greedy') {
    if (rule.threshold !== undefined && !toRational(rule.threshold).isZero()) return 'greedy-threshold';
    return rule.variant === 'no-skip' ? 'greedy-no-skip' : 'greedy';
  }
  const c = rule.completion ?? 'none';
  const base = c === 'none' ? 'equalshares' : `equalshares/${c}`;
  return rule.comparison === true ? `${base}-comparison` : base;
}

/** The tally options of a campaign's `TallyMethod`. */
export function tallyOptionsFromMethod(method: TallyMethod): TallyOptions {
  if (method.method === 'greedy') {
    return {
      rule: { kind: 'greedy', variant: method.variant, ...(method.threshold > 0 ? { threshold: method.threshold } : {}) },
      tieBreak: method.tieBreak,
    };
  }
  return { rule: { kind: 'mes', completion: method.completion, comparison: method.comparison }, tieBreak: method.tieBreak };
}

/**
 * Counts one election. Exact arithmetic throughout. Returns the outcome, or `TieUnresolved`
 * when the tie-break order cannot separate projects and the choice matters. Throws
 * `DomainError('tally.invalid_instance')` on an inconsistent instance and
 * `DomainError('tally.unsupported')` for MES on ordinal ballots.
 */
export function tally(instance: TallyInstance, options: TallyOptions): TallyOutcome | TieUnresolved {
  const prep = prepare(instance, {
    group: options.rule.kind === 'mes',
    ...(options.ordinalPoints ? { ordinalPoints: options.ordinalPoints } : {}),
  });
  return tallyPrepared(prep, options);
}

/** `tally` on an already prepared instance (lets benchmarks and sweeps reuse the grouping). MES needs `group: true`. */
export function tallyPrepared(prep: PreparedInstance, options: TallyOptions): TallyOutcome | TieUnresolved {
  const rule = options.rule;
  const label = ruleLabel(rule);
  const facts = { ids: prep.ids, votes: prep.scores, costCmp: prep.costCmp };
  const tieCmp = tieComparator(options.tieBreak ?? 'lexico', facts);
  const afterCmp = options.completionTieBreak === undefined ? tieCmp : tieComparator(options.completionTieBreak, facts);
  const ids = (ps: readonly number[]): string[] => ps.map((p) => prep.ids[p]!);
  const tie = (tied: readonly number[], before: readonly number[], stage: TieUnresolved['stage']): TieUnresolved => ({
    status: 'tie',
    rule: label,
    tied: ids(tied),
    stage,
    selectedBefore: ids(before),
    reason: { code: 'tally.tie_unresolved', params: { projects: ids(tied).join(', ') } },
  });
  const ok = (selected: readonly number[], spent: Rational, rounds: RoundRecord[], extra: Partial<TallyOutcome> = {}): TallyOutcome => ({
    status: 'ok',
    rule: label,
    selected: ids(selected),
    spent,
    budget: prep.budget,
    rounds,
    notes: [],
    ...extra,
  });

  if (rule.kind === 'greedy') {
    const threshold = rule.threshold === undefined ? undefined : toRational(rule.threshold);
    const walk = greedyWalk(prep, { variant: rule.variant ?? 'skip', tieCmp, ...(threshold ? { threshold } : {}) });
    if (!walk.ok) return tie(walk.tied, walk.selectedBefore, 'greedy');
    return ok(walk.selected, walk.spent, walk.rounds);
  }

  if (prep.voteType === 'ordinal') {
    throw new DomainError('tally.unsupported', { problem: 'MES on ordinal ballots is not supported' });
  }
  const engine = mesEngine(prep);
  const completion = rule.completion ?? 'none';
  const notes: Explanation[] = [];
  let run;
  let endowment: Rational;
  if (completion === 'add1' || completion === 'add1u') {
    const opts: Add1Options = { ...DEFAULT_ADD1, ...rule.add1 };
    const r = add1(prep, engine, opts, tieCmp);
    if (!r.ok) return tie(r.tied, r.selectedBefore, 'mes');
    run = r.run;
    endowment = r.endowment;
    notes.push({
      code: 'tally.add1_endowment',
      params: { endowment: endowment.toDecimal(), start: opts.start, step: opts.step.toDecimal(), steps: r.steps },
    });
  } else {
    endowment = prep.budget.div(Rational.int(Math.max(prep.voters, 1)));
    const r = engine.run(endowment, tieCmp, true);
    if (!r.ok) return tie(r.tied, r.selectedBefore, 'mes');
    run = r;
  }
  let selected: readonly number[] = run.selected;
  let spent = run.spent;
  let rounds: RoundRecord[];
  if (completion === 'utilitarian' || completion === 'add1u') {
    const walk = utilitarianCompletion(prep, run.selected, afterCmp);
    if (!walk.ok) return tie(walk.tied, walk.selectedBefore, 'completion');
    selected = walk.selected;
    spent = walk.spent;
    rounds = [...mesRounds(prep, run, engine.eligible, true), ...walk.rounds];
  } else {
    rounds = mesRounds(prep, run, engine.eligible, false);
  }
  const ballotPayments = prep.groupOfBallot.map((g) => run.groupPaid![g]!);
  if (rule.comparison === true) {
    const g = greedyWalk(prep, { variant: 'skip', tieCmp: afterCmp });
    if (!g.ok) return tie(g.tied, g.selectedBefore, 'greedy');
    const { prefersMes, prefersGreedy } = compareOutcomes(prep, selected, g.selected);
    if (prefersGreedy > prefersMes) {
      notes.push({ code: 'tally.comparison_chose_greedy', params: { prefersMes, prefersGreedy } });
      return ok(g.selected, g.spent, g.rounds, { notes });
    }
    notes.push({ code: 'tally.comparison_kept_mes', params: { prefersMes, prefersGreedy } });
  }
  return ok(selected, spent, rounds, { endowment, notes, ballotPayments });
}
