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
}

/** How many times a use case re-reads and retries after an optimistic-concurrency conflict. */
export const CONFLICT_RETRIES = 5;
