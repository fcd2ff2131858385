/**
 * Ballots (SPEC §2.3). A ballot is stored under a pseudonymous voter key, never under a
 * resident id. A voter has at most one ballot per *slot*: the town-wide envelope, and the
 * envelope of their area — so moving area never yields a second area ballot.
 */

/** `town`: the town-wide envelope; `area`: the voter's area envelope. */
export type BallotSlot = 'town' | 'area';

/** One choice: an idea and the points given (1 for single, approval and knapsack). */
export interface BallotChoice {
  readonly ideaId: string;
  readonly points: number;
}

/** A ballot as stored. */
export interface StoredBallot {
  readonly voterKey: string;
  readonly slot: BallotSlot;
  readonly envelopeId: string;
  /** Choices sorted by idea id. */
  readonly choices: readonly BallotChoice[];
  /** Per-voter-and-slot version: 1 for the first cast, +1 per replacement. */
  readonly version: number;
  /** Code the voter can find in the published anonymised ballot list. */
  readonly receipt: string;
  /** When this version was cast (epoch ms). */
  readonly castAt: number;
  /** Cast with an ambassador's help (SPEC §2.4). */
  readonly assisted: boolean;
  /** Idempotency key of the request that produced this version. */
  readonly requestId: string;
}
