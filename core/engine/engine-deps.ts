import type { Campaign } from '../campaign/campaign.ts';
import type { Clock } from '../ports/clock.ts';
import type { IdSource } from '../ports/id-source.ts';
import type { Stores } from '../ports/stores.ts';
import type { VoterKeys } from '../ballots/voter-keys.ts';

/** What every use case runs against: the campaign, its stores, time, ids and keys. */
export interface EngineDeps {
  readonly campaign: Campaign;
  readonly stores: Stores;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly keys: VoterKeys;
  /** Per-process memo of values that cannot change in the current phase (see EngineCache). */
  readonly cache?: EngineCache;
}

/**
 * Values an engine may keep between calls. Finalists are frozen once voting is open (they
 * are picked in review and only the count changes them, in tallying), so the ballot path
 * reads them once per process instead of once per vote.
 */
export interface EngineCache {
  votingFinalists?: Promise<Map<string, import('../ideas/idea.ts').Idea[]>>;
  /**
   * The last phase state read for a vote. Safe to reuse: every cast carries its version and
   * the store refuses it (`stale`) if the phase state has been saved since.
   */
  phase?: { readonly value: import('../phases/phase-state.ts').PhaseState; readonly version: number };
  /**
   * Residents found eligible to vote, for a short time (ELIGIBLE_TTL_MS), remembered only by
   * a cast that found voting open. During voting a resident only ever becomes eligible, never
   * less so — except by erasing their data, and an erased resident's votes count under the
   * same voter key anyway — and their area (which decides their area ballot) is fixed
   * (`answerRegistration` refuses `registration.area_locked`), so reusing the record for a
   * few seconds changes no outcome and saves a store read per vote.
   */
  eligible?: Map<string, { readonly resident: import('../residents/resident.ts').Resident; readonly until: number }>;
}

/** How long an "eligible to vote" answer is reused, in ms. */
export const ELIGIBLE_TTL_MS = 10_000;
/** Most residents kept in the eligible cache (then the oldest half is dropped): 2,000 votes/s for ten seconds. */
export const ELIGIBLE_MAX = 20_000;

/** How many times a use case re-reads and retries after an optimistic-concurrency conflict. */
export const CONFLICT_RETRIES = 5;
