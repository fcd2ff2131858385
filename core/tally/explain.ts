/**
 * Explanations for people, as data: per decision a `{code, params}` (money as decimal strings),
 * and per ballot how it fared. Rendering into languages happens elsewhere.
 *
 * Codes:
 * - `tally.funded` {score, cost, left} — greedy funded it;
 * - `tally.funded_by_completion` {score, cost, left} — the utilitarian completion funded it;
 * - `tally.skipped_not_enough_left` {needed, left, cost} — "needed 12000 more than was left";
 * - `tally.stopped_not_enough_left` {needed, left, cost} — greedy-no-skip stopped here;
 * - `tally.not_reached_no_skip` {score} — after a greedy-no-skip stop;
 * - `tally.below_threshold` {score, threshold} — greedy-threshold;
 * - `tally.mes_funded` {effectiveVotes, share, cost, left} — MES bought it; `share` is the most
 *   one supporter paid (approval) or the price of one point (points ballots);
 * - `tally.mes_supporters_cannot_afford` {needed, money, cost} — its supporters' money ran out;
 * - `tally.mes_no_supporters` {}, `tally.mes_zero_cost` {} — MES cannot fund it;
 * - notes: `tally.add1_endowment` {endowment, start, steps}, `tally.comparison_kept_mes` /
 *   `tally.comparison_chose_greedy` {prefersMes, prefersGreedy};
 * - ballots: `ballot.project_funded` / `ballot.project_not_funded` {project, reason},
 *   `ballot.paid` {paid, endowment}.
 */
import { Rational } from './rational.ts';
import type { PreparedInstance } from './prepare.ts';
import type { MesRun } from './mes.ts';
import type { TallyBallot } from './tally-instance.ts';
import type { Explanation, RoundRecord, TallyOutcome } from './tally-outcome.ts';

const money = (r: Rational): string => r.toDecimal();

/** Round records of a MES run: funded projects in order; then, unless `funded only`, every other project. */
export function mesRounds(
  prep: PreparedInstance,
  run: Extract<MesRun, { ok: true }>,
  eligible: readonly number[],
  fundedOnly: boolean,
): RoundRecord[] {
  const rounds: RoundRecord[] = [];
  let spent = Rational.ZERO;
  for (const pick of run.picks) {
    const cost = prep.costs[pick.project]!;
    spent = spent.add(cost);
    const left = prep.budget.sub(spent);
    rounds.push({
      project: prep.ids[pick.project]!,
      decision: 'funded',
      score: Math.round(pick.effective.toNumber() * 1e4) / 1e4,
      cost,
      left,
      stage: 'mes',
      reason: {
        code: 'tally.mes_funded',
        params: { effectiveVotes: pick.effective.toDecimal(4), share: money(pick.share), cost: money(cost), left: money(left) },
      },
    });
  }
  if (fundedOnly) return rounds;
  const chosen = new Set(run.selected);
  const isEligible = new Set(eligible);
  const left = prep.budget.sub(spent);
  prep.ids.forEach((id, p) => {
    if (chosen.has(p)) return;
    const cost = prep.costs[p]!;
    const base = { project: id, score: prep.scores[p]!, cost, left, stage: 'mes' as const };
    if (!isEligible.has(p)) {
      const code = cost.isZero() ? 'tally.mes_zero_cost' : 'tally.mes_no_supporters';
      rounds.push({ ...base, decision: 'ineligible', reason: { code, params: {} } });
      return;
    }
    const m = run.dropped.get(p) ?? Rational.ZERO;
    rounds.push({
      ...base,
      decision: 'skipped',
      reason: {
        code: 'tally.mes_supporters_cannot_afford',
        params: { needed: money(cost.sub(m)), money: money(m), cost: money(cost) },
      },
    });
  });
  return rounds;
}

/** How one ballot fared. */
export interface BallotReport {
  /** Listed projects that were funded. */
  readonly funded: readonly string[];
  /** One line per listed project, in ballot order. */
  readonly items: readonly Explanation[];
  /** MES: what one voter of this ballot paid, and the endowment. */
  readonly paid?: Explanation;
}

/**
 * Explains a ballot against an outcome: which of its projects were funded and why the others
 * were not. `ballotIndex` (the ballot's position in the instance) adds what the voter paid under MES.
 */
export function explainBallot(outcome: TallyOutcome, ballot: TallyBallot, ballotIndex?: number): BallotReport {
  const funded = new Set(outcome.selected);
  const lastRecord = new Map<string, RoundRecord>();
  for (const r of outcome.rounds) lastRecord.set(r.project, r);
  const items: Explanation[] = ballot.projects.map((id) => {
    const reason = lastRecord.get(id)?.reason ?? { code: 'tally.not_considered', params: {} };
    return {
      code: funded.has(id) ? 'ballot.project_funded' : 'ballot.project_not_funded',
      params: { project: id, reason: reason.code, ...prefixed(reason.params) },
    };
  });
  const paid =
    ballotIndex !== undefined && outcome.ballotPayments?.[ballotIndex] !== undefined && outcome.endowment !== undefined
      ? {
          code: 'ballot.paid',
          params: { paid: outcome.ballotPayments[ballotIndex]!.toDecimal(2), endowment: outcome.endowment.toDecimal(2) },
        }
      : undefined;
  return { funded: ballot.projects.filter((p) => funded.has(p)), items, ...(paid ? { paid } : {}) };
}

function prefixed(params: Explanation['params']): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(params)) out[`reason_${k}`] = v;
  return out;
}
