/**
 * Completions of MES (PB-RULES §3.3): plain MES typically spends 60–70 % of the budget.
 * - `add1`: rerun MES with a larger per-voter endowment, step by step, and keep the last
 *   outcome whose real cost fits the budget;
 * - `utilitarian`: after MES, walk the rest by score and fund what still fits (greedy);
 * - `add1u`: add1, then utilitarian;
 * - comparison step: keep plain greedy instead if more voters prefer it.
 */
import { Rational } from './rational.ts';
import type { PreparedInstance } from './prepare.ts';
import type { MesEngine, MesRun } from './mes.ts';
import { greedyWalk } from './greedy.ts';

/** Where Add1 starts: `integral` = ⌊B/n⌋ per voter (equalshares.net tool), `exact` = B/n (pabutools). */
export type Add1Start = 'integral' | 'exact';

/** Add1 settings; see docs/TALLY.md for which settings reproduce which official result. */
export interface Add1Options {
  /** Default `integral`. */
  readonly start: Add1Start;
  /** Endowment increment per voter per step, in budget units. Default 1. */
  readonly step: Rational;
  /**
   * Stop at the first outcome that is exhaustive (no unfunded project fits in what is left).
   * Default false: keep going until the next endowment overspends — this reproduces Wieliczka 2023.
   */
  readonly exhaustiveStop: boolean;
  /** Which projects the exhaustive test looks at: `all` (equalshares.net tool, default) or only MES-`eligible` ones (pabutools). */
  readonly exhaustiveAmong?: 'all' | 'eligible';
}

/** Default Add1 settings: start ⌊B/n⌋, step 1, no exhaustive stop. */
export const DEFAULT_ADD1: Add1Options = { start: 'integral', step: Rational.ONE, exhaustiveStop: false };

/** Result of Add1: the kept run, its endowment and how many steps were taken. */
export type Add1Result =
  | { readonly ok: true; readonly run: Extract<MesRun, { ok: true }>; readonly endowment: Rational; readonly steps: number }
  | Extract<MesRun, { ok: false }>;

/** Whether no unselected project (among `among`) fits in the budget left. */
export function isExhaustive(prep: PreparedInstance, selected: readonly number[], spent: Rational, among: readonly number[]): boolean {
  const chosen = new Set(selected);
  const left = prep.budget.sub(spent);
  return among.every((p) => chosen.has(p) || prep.costs[p]!.gt(left));
}

/** MES with the Add1 completion. */
export function add1(
  prep: PreparedInstance,
  engine: MesEngine,
  opts: Add1Options,
  tieCmp: (a: number, b: number) => number,
): Add1Result {
  const n = Rational.int(Math.max(prep.voters, 1));
  const exact = prep.budget.div(n);
  let endowment = opts.start === 'integral' ? Rational.int(exact.floor()) : exact;
  let cur = engine.run(endowment, tieCmp);
  if (!cur.ok) return cur;
  const among = opts.exhaustiveAmong === 'eligible' ? engine.eligible : prep.ids.map((_, i) => i);
  let steps = 0;
  if (opts.step.isZero() || opts.step.isNegative()) throw new RangeError('add1: step must be positive');
  for (;;) {
    if (opts.exhaustiveStop && isExhaustive(prep, cur.selected, cur.spent, among)) break;
    // Past this point more endowment cannot change anything: every fundable project is in.
    if (cur.selected.length === engine.eligible.length) break;
    const next = endowment.add(opts.step);
    const r = engine.run(next, tieCmp);
    if (!r.ok) return r;
    if (r.spent.gt(prep.budget)) break;
    cur = r;
    endowment = next;
    steps++;
  }
  const final = engine.run(endowment, tieCmp, true);
  if (!final.ok) return final;
  return { ok: true, run: final, endowment, steps };
}

/** Per voter group: how many funded projects each group lists, for the comparison step. */
function approvedCounts(prep: PreparedInstance, selected: readonly number[]): number[] {
  const chosen = new Set(selected);
  return prep.groups.map((g) => g.items.reduce((s, p) => s + (chosen.has(p) ? 1 : 0), 0));
}

/** The comparison step: how many voters strictly prefer each outcome (counting their funded projects). */
export function compareOutcomes(
  prep: PreparedInstance,
  mes: readonly number[],
  greedy: readonly number[],
): { readonly prefersMes: number; readonly prefersGreedy: number } {
  const a = approvedCounts(prep, mes);
  const b = approvedCounts(prep, greedy);
  let prefersMes = 0;
  let prefersGreedy = 0;
  prep.groups.forEach((g, i) => {
    if (a[i]! > b[i]!) prefersMes += g.mult;
    else if (b[i]! > a[i]!) prefersGreedy += g.mult;
  });
  return { prefersMes, prefersGreedy };
}

/** Utilitarian completion: greedy (skip) by score from MES's selection. */
export function utilitarianCompletion(
  prep: PreparedInstance,
  already: readonly number[],
  tieCmp: (a: number, b: number) => number,
): ReturnType<typeof greedyWalk> {
  return greedyWalk(prep, { variant: 'skip', tieCmp, already, stage: 'completion' });
}
