import type { BallotChoice, BallotSlot, StoredBallot } from '../ballots/ballot.ts';
import type { SideRecords } from './side-records.ts';

/** A request to cast or replace a ballot. */
export interface CastRequest {
  readonly voterKey: string;
  readonly slot: BallotSlot;
  readonly envelopeId: string;
  readonly choices: readonly BallotChoice[];
  /**
   * Idempotency key chosen by the caller (e.g. the Telegram update id). Re-sending a request
   * with the same id — after a timeout, a redelivery, a reconnect — returns the first answer
   * and changes nothing.
   *
   * Namespace: one per voter key and slot. An id already recorded for this voter key in this
   * slot answers `duplicate`; the same id under another voter key, or in the other slot of
   * the same voter, is a different request. So one inbound update may cast a town and an
   * area ballot under its update id, and ids need to be unique only within one voter's
   * ballot (what a Telegram update id is, per bot, and more). Every version a request
   * recorded is remembered for as long as the ballot is stored.
   */
  readonly requestId: string;
  readonly receipt: string;
  /** Instant the vote is judged at (epoch ms). */
  readonly at: number;
  /** Voting window end (epoch ms, exclusive): a cast with `at >= closesAt` is refused. */
  readonly closesAt: number;
  /** May an existing ballot be replaced (campaign's `allowChange`)? */
  readonly allowReplace: boolean;
  readonly assisted: boolean;
  /**
   * The version of the campaign's phase state (CampaignStore) the vote was judged against,
   * 0 when none was stored yet; the cast is refused `stale`, storing nothing, when the stored
   * version differs — so a vote judged on a cached phase state never lands after a staff move.
   * Null or absent: no check.
   */
  readonly phaseVersion?: number | null;
}

/** Answer to a cast. */
export type CastOutcome =
  /** Stored as `ballot.version`; `replaced` tells whether an earlier version existed. */
  | { readonly status: 'recorded'; readonly ballot: StoredBallot; readonly replaced: boolean }
  /** The same `requestId` was already recorded for this voter key and slot: the ballot stored by it (possibly since replaced). */
  | { readonly status: 'duplicate'; readonly ballot: StoredBallot }
  /** `at >= closesAt`: nothing stored. */
  | { readonly status: 'closed' }
  /** The phase state moved since `phaseVersion` was read: nothing stored; judge again. */
  | { readonly status: 'stale' }
  /** A ballot exists and replacing is not allowed: nothing stored. */
  | { readonly status: 'exists'; readonly ballot: StoredBallot };

/**
 * The ballot box: one ballot per voter key and slot. Every cast is one atomic operation —
 * a ballot is entirely recorded or not at all, a replacement is never counted twice, and
 * concurrent casts for one voter are serialised (versions 1, 2, 3… with no gap or repeat).
 */
export interface BallotBox {
  cast(request: CastRequest, side: SideRecords): Promise<CastOutcome>;
  /** The current ballot of a voter in a slot. */
  get(voterKey: string, slot: BallotSlot): Promise<StoredBallot | null>;
  /**
   * Every current ballot of an envelope, ordered by voter key (then slot), none twice, each
   * at one version. A store may read a large envelope in pages (Redis does, so that no call
   * blocks the server): a ballot cast or moved while `list` runs may then be seen at its old
   * or new version, or not at all when it is new. Exact when no cast runs (after the close).
   */
  list(envelopeId: string): Promise<readonly StoredBallot[]>;
  /** Number of current ballots per envelope id. */
  countByEnvelope(): Promise<Readonly<Record<string, number>>>;
  /** Number of distinct voters (a voter with a town and an area ballot counts once). */
  countVoters(): Promise<number>;
  /**
   * Number of current ballots cast with an ambassador's help (`StoredBallot.assisted`), for
   * the figures (SPEC §2.4: every assisted action is counted in the figures). A count the
   * store keeps, not a scan (O(1)), changed in the same atomic step as the cast it follows:
   * a replacement moves it when it changes `assisted` (an assisted ballot replaced by the
   * resident's own counts no more), a re-sent request (`duplicate`) or a refused cast leaves
   * it as it was. Each ballot counts at most once, however many versions it had.
   */
  countAssisted(): Promise<number>;
}
