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
}

/** How many times a use case re-reads and retries after an optimistic-concurrency conflict. */
export const CONFLICT_RETRIES = 5;
