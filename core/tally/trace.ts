/**
 * A step-by-step view of one MES run, for explanations and for checking against published
 * analytics (pabutools' voter budgets at the start of each iteration).
 */
import { Rational } from './rational.ts';
import type { TallyInstance } from './tally-instance.ts';
import { toRational } from './tally-instance.ts';
import { prepare } from './prepare.ts';
import { mesEngine } from './mes.ts';
import type { TieBreakOrder } from './tie-break.ts';
import { tieComparator } from './tie-break.ts';

/** The trace of one MES run: winners in order and each ballot's budget before the first and after every pick. */
export type MesTrace =
  | { readonly ok: true; readonly selected: readonly string[]; readonly budgets: readonly (readonly Rational[])[] }
  | { readonly ok: false; readonly tied: readonly string[] };

/**
 * Runs plain MES once at `endowment` per voter (default B/n) and returns, for each input
 * ballot, one voter's budget at the start of every iteration (`budgets[k][ballot]`).
 */
export function mesTrace(
  instance: TallyInstance,
  options: { readonly endowment?: Rational | string; readonly tieBreak?: TieBreakOrder } = {},
): MesTrace {
  const prep = prepare(instance);
  const engine = mesEngine(prep);
  const endowment =
    options.endowment !== undefined ? toRational(options.endowment) : prep.budget.div(Rational.int(Math.max(prep.voters, 1)));
  const tieCmp = tieComparator(options.tieBreak ?? 'lexico', { ids: prep.ids, votes: prep.scores, costCmp: prep.costCmp });
  const run = engine.run(endowment, tieCmp, false, true);
  if (!run.ok) return { ok: false, tied: run.tied.map((p) => prep.ids[p]!) };
  const budgets = run.groupBudgets!.map((perGroup) => prep.groupOfBallot.map((g) => perGroup[g]!));
  return { ok: true, selected: run.selected.map((p) => prep.ids[p]!), budgets };
}
