import type { PhaseState } from '../phases/phase-state.ts';
import type { SideRecords } from './side-records.ts';
import type { StoredResults } from '../ballots/results.ts';

/** A versioned record as read from a store. */
export interface Versioned<T> {
  readonly value: T;
  /** Store version: 1 after the first save, +1 per save. */
  readonly version: number;
}

/** Result of a conditional write. `conflict`: someone saved first; nothing was written. */
export type SaveOutcome = 'saved' | 'conflict';

/** Result of checking PNYX_SECRET against the store's check value. */
export type SecretCheck = 'initialized' | 'match' | 'mismatch';

/**
 * Campaign-level records: the phase state, the results, the secret's check value.
 * Like every store port, an instance serves one campaign (its key prefix or database file).
 */
export interface CampaignStore {
  /** The recorded phase state, or null before the campaign was first opened. */
  loadPhaseState(): Promise<Versioned<PhaseState> | null>;
  /**
   * Saves the phase state if its version is still `expectedVersion` (null: must not exist).
   * Atomic with `side`. Returns `conflict` and writes nothing otherwise.
   */
  savePhaseState(state: PhaseState, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome>;
  /** Stores the results of a tally (replacing earlier ones), atomically with `side`. */
  saveResults(results: StoredResults, side: SideRecords): Promise<void>;
  /** The last stored results, or null. */
  loadResults(): Promise<StoredResults | null>;
  /**
   * Compares `check` (a keyed hash derived from PNYX_SECRET, never the secret) with the stored
   * one; stores it when there is none. Atomic: two processes starting together agree.
   */
  checkSecret(check: string): Promise<SecretCheck>;
}
