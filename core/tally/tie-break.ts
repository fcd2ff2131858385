/**
 * Tie-breaking orders (PB-RULES §2 "Tie-breaking conventions", §3.2).
 *
 * A tie-break is a list of criteria applied in turn to the tied projects; what remains after
 * the last criterion is still tied. The four named orders all end with a criterion that
 * separates every pair (ids are unique, file positions are unique), so they always decide;
 * a custom list (such as the equalshares.net tool's `maxVotes, minCost`) may not, and then the
 * tally reports the tie instead of picking silently.
 */
import type { TieBreak } from '../campaign/campaign.ts';

/**
 * One tie-break criterion. `votes-desc` uses the project's initial score (approvals, or points);
 * `id` compares ids as strings; `file` uses the instance order; `js-key-order` is the order of
 * a JavaScript object's keys — ids that are canonical integers first, numerically, then the
 * others in file order — which is the effective order of the equalshares.net tool's stable sorts.
 */
export type TieCriterion = 'votes-desc' | 'cost-asc' | 'cost-desc' | 'id' | 'file' | 'js-key-order';

/** A named order (`TieBreak` of the campaign) or an explicit list of criteria. */
export type TieBreakOrder = TieBreak | readonly TieCriterion[];

/** The named orders and what they mean. Default everywhere: `lexico`. */
export const NAMED_TIE_BREAKS: Readonly<Record<TieBreak, readonly TieCriterion[]>> = {
  /** project_id compared as a string (UTF-16 code units), ascending: pabutools' default. */
  lexico: ['id'],
  /** More votes first, then cheaper, then id: the pabulib.org greedy order. */
  'votes-cost-id': ['votes-desc', 'cost-asc', 'id'],
  /** Cheaper first, then more initial votes, then id: the equalshares.net recommendation (lots → id). */
  'mes-recommended': ['cost-asc', 'votes-desc', 'id'],
  /** Position of the project in the instance (file order). */
  file: ['file'],
};

/** Every criterion name, for input validation. */
export const TIE_CRITERIA: readonly TieCriterion[] = ['votes-desc', 'cost-asc', 'cost-desc', 'id', 'file', 'js-key-order'];

/** The criteria of an order. */
export function tieCriteria(order: TieBreakOrder): readonly TieCriterion[] {
  return typeof order === 'string' ? NAMED_TIE_BREAKS[order] : order;
}

/** What a criterion needs to know about a project (by index). */
export interface TieFacts {
  readonly ids: readonly string[];
  /** Initial score per project. */
  readonly votes: ArrayLike<number>;
  /** Comparator of two project costs (-1, 0, 1). */
  readonly costCmp: (a: number, b: number) => number;
}

/**
 * A comparator of project indices under the criteria: negative when `a` goes first, 0 when the
 * criteria cannot separate them.
 */
export function tieComparator(order: TieBreakOrder, facts: TieFacts): (a: number, b: number) => number {
  const criteria = tieCriteria(order);
  return (a, b) => {
    for (const c of criteria) {
      let r = 0;
      switch (c) {
        case 'votes-desc':
          r = (facts.votes[b] ?? 0) - (facts.votes[a] ?? 0);
          break;
        case 'cost-asc':
          r = facts.costCmp(a, b);
          break;
        case 'cost-desc':
          r = facts.costCmp(b, a);
          break;
        case 'id': {
          const x = facts.ids[a] ?? '';
          const y = facts.ids[b] ?? '';
          r = x < y ? -1 : x > y ? 1 : 0;
          break;
        }
        case 'file':
          r = a - b;
          break;
        case 'js-key-order': {
          const x = arrayIndex(facts.ids[a] ?? '');
          const y = arrayIndex(facts.ids[b] ?? '');
          r = x !== null && y !== null ? x - y : x !== null ? -1 : y !== null ? 1 : a - b;
          break;
        }
      }
      if (r !== 0) return r;
    }
    return 0;
  };
}

/**
 * Picks the first of `tied` under the order. Returns the winner, or every project still tied
 * with the best when the criteria cannot separate them (length > 1 = unresolved).
 */
export function breakTie(tied: readonly number[], cmp: (a: number, b: number) => number): number[] {
  const sorted = [...tied].sort(cmp);
  const first = sorted[0];
  if (first === undefined) return [];
  return sorted.filter((p) => cmp(first, p) === 0);
}

/** The id as a JavaScript array index (canonical integer below 2^32 − 1), or null. */
function arrayIndex(id: string): number | null {
  if (!/^(0|[1-9]\d*)$/.test(id)) return null;
  const n = Number(id);
  return n < 2 ** 32 - 1 ? n : null;
}
