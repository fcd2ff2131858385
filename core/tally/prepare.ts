/**
 * Normalizes a `TallyInstance` for the rules: exact costs, project indices, identical ballots
 * grouped with their multiplicity, and each project's score.
 */
import { DomainError } from '../domain/domain-error.ts';
import { Rational } from './rational.ts';
import type { TallyInstance, VoteType } from './tally-instance.ts';
import { toRational } from './tally-instance.ts';

/** Identical ballots, counted once (empty when prepared with `group: false`). `items`/`utils` are parallel: project index, utility (> 0). */
export interface BallotGroup {
  readonly mult: number;
  readonly items: readonly number[];
  /** Points (cumulative/scoring), positional points (ordinal) or 1 (approval). */
  readonly utils: readonly number[];
}

/** The instance the rules work on. */
export interface PreparedInstance {
  readonly voteType: VoteType;
  readonly budget: Rational;
  readonly ids: readonly string[];
  readonly names: readonly (string | undefined)[];
  readonly costs: readonly Rational[];
  readonly groups: readonly BallotGroup[];
  /** For each input ballot, its group (empty when prepared with `group: false`). */
  readonly groupOfBallot: readonly number[];
  /** Number of voters (Σ counts, empty ballots included). */
  readonly voters: number;
  /** Score per project: approvals, points, or positional points. */
  readonly scores: readonly number[];
  /** Voters who list the project. */
  readonly supporters: readonly number[];
  /** Whether ballots carry points (MES uses additive utilities instead of cost utilities). */
  readonly pointBallots: boolean;
  costCmp(a: number, b: number): number;
}

/** Options of `prepare`. */
export interface PrepareOptions {
  /** Ordinal points for ranks 1, 2, …; default maxRankLength − rank + 1. */
  readonly ordinalPoints?: readonly number[];
  /** Group identical ballots (needed by MES and the comparison step); default true. Greedy needs only scores. */
  readonly group?: boolean;
}

function invalid(problem: string, params: Record<string, string | number> = {}): DomainError {
  return new DomainError('tally.invalid_instance', { problem, ...params });
}

/** Validates and normalizes; throws `DomainError('tally.invalid_instance')` on an inconsistent instance. */
export function prepare(instance: TallyInstance, options: PrepareOptions = {}): PreparedInstance {
  const budget = toRational(instance.budget);
  if (budget.isNegative()) throw invalid('negative budget');
  const index = new Map<string, number>();
  const ids: string[] = [];
  const names: (string | undefined)[] = [];
  const costs: Rational[] = [];
  for (const p of instance.projects) {
    if (index.has(p.id)) throw invalid(`duplicate project id "${p.id}"`, { project: p.id });
    const cost = toRational(p.cost);
    if (cost.isNegative()) throw invalid(`negative cost for "${p.id}"`, { project: p.id });
    index.set(p.id, ids.length);
    ids.push(p.id);
    names.push(p.name);
    costs.push(cost);
  }
  const m = ids.length;
  const vt = instance.voteType;
  const pointBallots = vt === 'cumulative' || vt === 'scoring';
  const maxRank =
    instance.maxRankLength ?? instance.ballots.reduce((mx, b) => Math.max(mx, b.projects.length), 0);
  const ordinalPoints = options.ordinalPoints ?? Array.from({ length: maxRank }, (_, r) => maxRank - r);
  const defaultScore = vt === 'scoring' ? (instance.defaultScore ?? 0) : 0;

  const groupIndex = new Map<string, number>();
  const groups: { mult: number; items: number[]; utils: number[] }[] = [];
  const groupOfBallot: number[] = [];
  const scores = new Array<number>(m).fill(0);
  const supporters = new Array<number>(m).fill(0);
  const group = options.group ?? true;
  // stamp[p] === ballot index + 1 when ballot lists p: duplicate check without a Set per ballot.
  const stamp = new Int32Array(m);
  const utilOf = new Array<number>(m).fill(0);
  let voters = 0;
  const ballots = instance.ballots;
  for (let bi = 0; bi < ballots.length; bi++) {
    const b = ballots[bi]!;
    const count = b.count ?? 1;
    if (!Number.isSafeInteger(count) || count < 0) throw invalid(`ballot ${bi}: bad count`, { ballot: bi });
    const items: number[] = [];
    const listed = b.projects;
    for (let k = 0; k < listed.length; k++) {
      const id = listed[k]!;
      const p = index.get(id);
      if (p === undefined) throw invalid(`ballot ${bi}: unknown project "${id}"`, { ballot: bi, project: id });
      if (stamp[p] === bi + 1) throw invalid(`ballot ${bi}: project "${id}" listed twice`, { ballot: bi, project: id });
      stamp[p] = bi + 1;
      let u = 1;
      if (pointBallots) {
        const pts = b.points?.[k];
        if (pts === undefined || !Number.isSafeInteger(pts) || pts < 0) {
          throw invalid(`ballot ${bi}: points must be non-negative integers, one per project`, { ballot: bi });
        }
        u = pts;
      } else if (vt === 'ordinal') {
        u = ordinalPoints[k] ?? 0;
      }
      if (u > 0) {
        items.push(p);
        utilOf[p] = u;
      }
    }
    if (defaultScore > 0) {
      for (let p = 0; p < m; p++) {
        if (stamp[p] !== bi + 1) {
          items.push(p);
          utilOf[p] = defaultScore;
        }
      }
    }
    voters += count;
    for (const p of items) {
      scores[p]! += utilOf[p]! * count;
      supporters[p]! += count;
    }
    if (!group) continue;
    items.sort((x, y) => x - y);
    const utils = items.map((p) => utilOf[p]!);
    const key = pointBallots || vt === 'ordinal' || defaultScore > 0 ? `${items.join(',')}|${utils.join(',')}` : items.join(',');
    let g = groupIndex.get(key);
    if (g === undefined) {
      g = groups.length;
      groupIndex.set(key, g);
      groups.push({ mult: 0, items, utils });
    }
    groups[g]!.mult += count;
    groupOfBallot.push(g);
  }
  return {
    voteType: vt,
    budget,
    ids,
    names,
    costs,
    groups,
    groupOfBallot,
    voters,
    scores,
    supporters,
    pointBallots,
    costCmp: (a, b) => costs[a]!.cmp(costs[b]!),
  };
}
