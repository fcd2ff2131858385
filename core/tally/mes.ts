/**
 * The Method of Equal Shares (PB-RULES §3.1), in exact arithmetic.
 *
 * Every voter starts with the endowment e. Each round, every remaining project's cost is
 * split as equally as possible among its supporters: voter i pays min(b_i, ρ·u_i), with the
 * smallest ρ that covers the cost. Utilities are the project's cost for approval ballots
 * (pabutools `Cost_Sat`, the equalshares.net rule: ρ = q/cost, 1/ρ = effective vote count)
 * and the points for cumulative/scoring ballots (additive utilities). The project with the
 * smallest ρ is funded; a project whose supporters together hold less than its cost is
 * dropped for good (budgets only shrink).
 *
 * Speed, without giving up exactness:
 * - identical ballots are one group with a multiplicity (`prepare`);
 * - voters with the same budget form a *class*; a purchase splits classes, so a round costs a
 *   few BigInt operations per class, not per voter;
 * - all budgets are BigInt numerators over one common denominator D, rescaled when a share
 *   needs a finer one, so the hot loop has no gcd and no Rational objects;
 * - a project's ρ never decreases, so last round's ρ is a lower bound and projects are
 *   examined best-bound first, stopping as soon as none can beat the best (as the
 *   equalshares.net tool does).
 * The engine is built once per instance and reused for every endowment of Add1.
 */
import { bigGcd, Rational } from './rational.ts';
import type { PreparedInstance } from './prepare.ts';
import { breakTie } from './tie-break.ts';

/** One funded project of a run. */
export interface MesPick {
  readonly project: number;
  /** Selection key ρ (payment per unit of utility); smaller is better. */
  readonly rho: Rational;
  /** Effective vote count (approval: cost/q) or effective points (points ballots). */
  readonly effective: Rational;
  /** Approval: the most one supporter paid (q). Points: payment per point (ρ). */
  readonly share: Rational;
  /** Σ budgets of its supporters just before the purchase. */
  readonly money: Rational;
}

/** The outcome of one MES run at one endowment. */
export type MesRun =
  | {
      readonly ok: true;
      readonly picks: readonly MesPick[];
      readonly selected: readonly number[];
      readonly spent: Rational;
      /** For projects dropped as unaffordable: their supporters' money when dropped. */
      readonly dropped: ReadonlyMap<number, Rational>;
      /** Per ballot group: what one voter paid in total. Only when `detail` is set. */
      readonly groupPaid?: readonly Rational[];
      /** Per ballot group: budget of one voter at the start and after each pick. Only when `trace` is set. */
      readonly groupBudgets?: readonly (readonly Rational[])[];
    }
  | { readonly ok: false; readonly tied: readonly number[]; readonly selectedBefore: readonly number[] };

/** A reusable MES engine for one instance. */
export interface MesEngine {
  /** Projects MES can fund at all: cost > 0 and some supporter. */
  readonly eligible: readonly number[];
  /** One run at a per-voter `endowment`. `detail` adds `groupPaid`, `trace` adds `groupBudgets`. */
  run(endowment: Rational, tieCmp: (a: number, b: number) => number, detail?: boolean, trace?: boolean): MesRun;
}

const lcm = (a: bigint, b: bigint): bigint => (a / bigGcd(a, b)) * b;

/** Builds the engine: supporters per project, with utilities. */
export function mesEngine(prep: PreparedInstance): MesEngine {
  const m = prep.ids.length;
  const G = prep.groups.length;
  const supG: number[][] = Array.from({ length: m }, () => []);
  const supU: number[][] = Array.from({ length: m }, () => []);
  const mult = prep.groups.map((g) => BigInt(g.mult));
  let maxU = 1;
  prep.groups.forEach((g, gi) => {
    if (g.mult === 0) return;
    g.items.forEach((p, k) => {
      supG[p]!.push(gi);
      const u = prep.pointBallots ? g.utils[k]! : 1;
      supU[p]!.push(u);
      if (u > maxU) maxU = u;
    });
  });
  const totalU = supG.map((gs, p) => gs.reduce((s, g, k) => s + BigInt(prep.groups[g]!.mult) * BigInt(supU[p]![k]!), 0n));
  const eligible = prep.ids.map((_, p) => p).filter((p) => !prep.costs[p]!.isZero() && totalU[p]! > 0n);
  const points = prep.pointBallots;
  const costDen = prep.costs.reduce((acc, c) => lcm(acc, c.d), 1n);

  function run(endowment: Rational, tieCmp: (a: number, b: number) => number, detail = false, trace = false): MesRun {
    let D = lcm(costDen, endowment.d);
    const costD = prep.costs.map((c) => c.n * (D / c.d));
    const classBudget: bigint[] = [endowment.n * (D / endowment.d)];
    const classMembers: number[] = [G];
    let live: number[] = [0];
    const groupClass = new Int32Array(G);
    // Lower bound of each project's key ρ as a fraction (n, d).
    const lbN = new Map<number, bigint>();
    const lbD = new Map<number, bigint>();
    for (const p of eligible) {
      if (points) {
        lbN.set(p, prep.costs[p]!.n);
        lbD.set(p, prep.costs[p]!.d * totalU[p]!);
      } else {
        lbN.set(p, 1n);
        lbD.set(p, totalU[p]!);
      }
    }
    let remaining = [...eligible];
    const picks: MesPick[] = [];
    const selected: number[] = [];
    const dropped = new Map<number, Rational>();
    let spent = Rational.ZERO;
    const cnt = new Map<number, bigint>();
    const groupBudgets: Rational[][] = [];
    const snapshot = (): void => {
      if (trace) groupBudgets.push(Array.from(groupClass, (c) => Rational.of(classBudget[c]!, D)));
    };
    snapshot();

    for (;;) {
      remaining.sort((a, b) => cmpFrac(lbN.get(a)!, lbD.get(a)!, lbN.get(b)!, lbD.get(b)!) || a - b);
      let best: number[] = [];
      let bestN = 0n;
      let bestD = 1n;
      let bestNum = 0n;
      let bestDen = 1n;
      const evaluated = new Map<number, { num: bigint; den: bigint; money: bigint }>();
      const stillRemaining: number[] = [];
      for (let idx = 0; idx < remaining.length; idx++) {
        const p = remaining[idx]!;
        if (best.length > 0 && cmpFrac(lbN.get(p)!, lbD.get(p)!, bestN, bestD) > 0) {
          for (let r = idx; r < remaining.length; r++) stillRemaining.push(remaining[r]!);
          break;
        }
        // Aggregate supporters by (class, utility).
        cnt.clear();
        const gs = supG[p]!;
        const us = supU[p]!;
        for (let k = 0; k < gs.length; k++) {
          const g = gs[k]!;
          const key = groupClass[g]! * (maxU + 1) + us[k]!;
          cnt.set(key, (cnt.get(key) ?? 0n) + mult[g]!);
        }
        const entries: { b: bigint; u: bigint; c: bigint }[] = [];
        let money = 0n;
        let remU = 0n;
        for (const [key, c] of cnt) {
          const cls = Math.floor(key / (maxU + 1));
          const u = BigInt(key - cls * (maxU + 1));
          const b = classBudget[cls]!;
          entries.push({ b, u, c });
          money += c * b;
          remU += c * u;
        }
        const cD = costD[p]!;
        if (money < cD) {
          dropped.set(p, Rational.of(money, D));
          continue;
        }
        entries.sort((x, y) => (x.b * y.u < y.b * x.u ? -1 : x.b * y.u > y.b * x.u ? 1 : 0));
        let paid = 0n;
        for (const e of entries) {
          if ((cD - paid) * e.u > e.b * remU) {
            paid += e.c * e.b;
            remU -= e.c * e.u;
          } else break;
        }
        const num = cD - paid;
        // key ρ: approval num/(remU·costD) (= q/cost); points num/(remU·D).
        const kN = num;
        const kD = points ? remU * D : remU * cD;
        lbN.set(p, kN);
        lbD.set(p, kD);
        evaluated.set(p, { num, den: remU, money });
        stillRemaining.push(p);
        const c = best.length === 0 ? -1 : cmpFrac(kN, kD, bestN, bestD);
        if (c < 0) {
          best = [p];
          bestN = kN;
          bestD = kD;
        } else if (c === 0) best.push(p);
      }
      remaining = stillRemaining;
      if (best.length === 0) break;
      const winners = best.length > 1 ? breakTie(best, tieCmp) : best;
      if (winners.length > 1) return { ok: false, tied: winners, selectedBefore: selected };
      const p = winners[0]!;
      const ev = evaluated.get(p)!;
      bestNum = ev.num;
      bestDen = ev.den;
      const rho = points ? Rational.of(bestNum, bestDen * D) : Rational.of(bestNum, bestDen * costD[p]!);
      picks.push({
        project: p,
        rho,
        effective: points ? prep.costs[p]!.div(rho) : Rational.ONE.div(rho),
        share: Rational.of(bestNum, bestDen * D),
        money: Rational.of(ev.money, D),
      });
      selected.push(p);
      spent = spent.add(prep.costs[p]!);
      remaining = remaining.filter((r) => r !== p);
      // Rescale so that one unit of utility costs an integer number of 1/D.
      const g = bigGcd(bestNum, bestDen);
      const f = bestDen / g;
      if (f > 1n) {
        D *= f;
        live = live.filter((c) => classMembers[c]! > 0);
        for (const c of live) classBudget[c]! *= f;
        for (let q = 0; q < m; q++) costD[q] = prep.costs[q]!.n * (D / prep.costs[q]!.d);
      }
      const unit = bestNum / g;
      const newClass = new Map<number, number>();
      const gs = supG[p]!;
      const us = supU[p]!;
      for (let k = 0; k < gs.length; k++) {
        const grp = gs[k]!;
        const old = groupClass[grp]!;
        const key = old * (maxU + 1) + us[k]!;
        let nc = newClass.get(key);
        if (nc === undefined) {
          const b = classBudget[old]!;
          const pay = unit * BigInt(us[k]!);
          nc = classBudget.length;
          classBudget.push(b > pay ? b - pay : 0n);
          classMembers.push(0);
          live.push(nc);
          newClass.set(key, nc);
        }
        groupClass[grp] = nc;
        classMembers[old]!--;
        classMembers[nc]!++;
      }
      snapshot();
    }
    let groupPaid: Rational[] | undefined;
    if (detail) {
      groupPaid = [];
      for (let g = 0; g < G; g++) groupPaid.push(endowment.sub(Rational.of(classBudget[groupClass[g]!]!, D)));
    }
    return { ok: true, picks, selected, spent, dropped, ...(groupPaid ? { groupPaid } : {}), ...(trace ? { groupBudgets } : {}) };
  }

  return { eligible, run };
}

function cmpFrac(an: bigint, ad: bigint, bn: bigint, bd: bigint): number {
  const l = an * bd;
  const r = bn * ad;
  return l < r ? -1 : l > r ? 1 : 0;
}
