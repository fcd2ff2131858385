/**
 * Greedy by score under a budget (PB-RULES §2): sort by score, highest first, and fund what
 * fits. Variants: `skip` (Pabulib `greedy`: skip what does not fit and go on), `no-skip`
 * (stop at the first project that does not fit), and a score threshold (`greedy-threshold`).
 * Also the utilitarian completion after MES: the same walk, starting from MES's selection.
 */
import { Rational } from './rational.ts';
import type { PreparedInstance } from './prepare.ts';
import type { RoundRecord, Stage } from './tally-outcome.ts';
import { breakTie } from './tie-break.ts';

/** Options of one greedy walk. */
export interface GreedyWalkOptions {
  readonly variant: 'skip' | 'no-skip';
  /** Projects scoring below this are ineligible; none when undefined. */
  readonly threshold?: Rational;
  /** Comparator of project indices for equal scores (from `tieComparator`). */
  readonly tieCmp: (a: number, b: number) => number;
  /** Already funded (utilitarian completion); these are not walked again. */
  readonly already?: readonly number[];
  readonly stage?: Stage;
}

/** The result of a walk: funded indices in order, or the unresolved tie. */
export type GreedyWalk =
  | { readonly ok: true; readonly selected: number[]; readonly spent: Rational; readonly rounds: RoundRecord[] }
  | { readonly ok: false; readonly tied: number[]; readonly selectedBefore: number[] };

const money = (r: Rational): string => r.toDecimal();

/** Walks the projects by score; exact in money, exact in scores (integers). */
export function greedyWalk(prep: PreparedInstance, opts: GreedyWalkOptions): GreedyWalk {
  const { costs, scores, budget } = prep;
  const stage = opts.stage ?? 'greedy';
  const already = new Set(opts.already ?? []);
  let spent = Rational.ZERO;
  for (const p of already) spent = spent.add(costs[p]!);
  const selected = [...(opts.already ?? [])];
  const rounds: RoundRecord[] = [];
  const cmp = (a: number, b: number): number => scores[b]! - scores[a]! || opts.tieCmp(a, b);
  const order = prep.ids.map((_, i) => i).filter((p) => !already.has(p));
  order.sort(cmp);
  let stopped = false;
  for (let i = 0; i < order.length; ) {
    // A run of projects the order cannot separate: fine only if its outcome does not depend on order.
    let j = i + 1;
    while (j < order.length && cmp(order[i]!, order[j]!) === 0) j++;
    if (j - i > 1 && !stopped) {
      const left = budget.sub(spent);
      const run = order.slice(i, j).filter((p) => !belowThreshold(p));
      const fitting = run.filter((p) => costs[p]!.lte(left));
      let total = Rational.ZERO;
      for (const p of fitting) total = total.add(costs[p]!);
      const orderFree = total.lte(left) && (opts.variant === 'skip' || fitting.length === run.length);
      if (!orderFree) return { ok: false, tied: breakTie(run, cmp), selectedBefore: selected };
    }
    for (; i < j; i++) {
      const p = order[i]!;
      const cost = costs[p]!;
      const score = scores[p]!;
      if (belowThreshold(p)) {
        rounds.push(record(p, 'ineligible', {
          code: 'tally.below_threshold',
          params: { score, threshold: money(opts.threshold!) },
        }));
        continue;
      }
      const left = budget.sub(spent);
      if (stopped) {
        rounds.push(record(p, 'skipped', { code: 'tally.not_reached_no_skip', params: { score } }));
        continue;
      }
      if (cost.lte(left)) {
        spent = spent.add(cost);
        selected.push(p);
        rounds.push(record(p, 'funded', {
          code: stage === 'completion' ? 'tally.funded_by_completion' : 'tally.funded',
          params: { score, cost: money(cost), left: money(budget.sub(spent)) },
        }));
      } else {
        if (opts.variant === 'no-skip') stopped = true;
        rounds.push(record(p, 'skipped', {
          code: opts.variant === 'no-skip' ? 'tally.stopped_not_enough_left' : 'tally.skipped_not_enough_left',
          params: { needed: money(cost.sub(left)), left: money(left), cost: money(cost) },
        }));
      }
    }
  }
  return { ok: true, selected, spent, rounds };

  function belowThreshold(p: number): boolean {
    return opts.threshold !== undefined && Rational.int(scores[p]!).lt(opts.threshold);
  }
  function record(p: number, decision: RoundRecord['decision'], reason: RoundRecord['reason']): RoundRecord {
    return { project: prep.ids[p]!, decision, score: scores[p]!, cost: costs[p]!, left: budget.sub(spent), stage, reason };
  }
}
