/** Results of a tally as stored and shown (SPEC §2.3). Money in minor units. */

/** One finalist's line in an envelope's results. */
export interface ResultRow {
  readonly ideaId: string;
  readonly number: number;
  readonly title: string;
  /** Score: votes for single/approval/knapsack, points for cumulative. */
  readonly score: number;
  /** Number of ballots that chose the idea. */
  readonly voters: number;
  readonly cost: number;
  readonly funded: boolean;
  /** `funded`, `skipped` (did not fit), `ineligible` (below threshold). */
  readonly decision: 'funded' | 'skipped' | 'ineligible';
  /** Envelope left after this row was considered. */
  readonly left: number;
  /** Selection order among funded ideas (1-based); null when not funded. */
  readonly rank: number | null;
  /**
   * Why, for people: a message key and its parameters (core/tally/explain.ts lists the codes;
   * money parameters are decimal strings in minor units of the campaign currency).
   */
  readonly reason: { readonly code: string; readonly params: Readonly<Record<string, string | number | boolean | null>> };
}

export interface EnvelopeResult {
  readonly envelopeId: string;
  readonly budget: number;
  readonly spent: number;
  readonly left: number;
  readonly ballots: number;
  /** Rows in the order the rule considered them. */
  readonly rows: readonly ResultRow[];
}

export interface StoredResults {
  readonly computedAt: number;
  /** e.g. `greedy`, `mes/add1`. */
  readonly method: string;
  readonly tieBreak: string;
  readonly envelopes: readonly EnvelopeResult[];
}
