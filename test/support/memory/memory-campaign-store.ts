import type { CampaignStore, SaveOutcome, SecretCheck, Versioned } from '../../../core/ports/campaign-store.ts';
import type { SideRecords } from '../../../core/ports/side-records.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { StoredResults } from '../../../core/ballots/results.ts';
import { applySide, frozenCopy, roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/** In-memory `CampaignStore` over a shared `MemoryState`. */
export class MemoryCampaignStore implements CampaignStore {
  constructor(private readonly handle: MemoryHandle) {}

  async loadPhaseState(): Promise<Versioned<PhaseState> | null> {
    await roundTrip();
    return this.handle.open().phase;
  }

  async savePhaseState(state: PhaseState, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const current = s.phase?.version ?? null;
    if (current !== expectedVersion) return 'conflict';
    s.phase = frozenCopy({ value: state, version: (expectedVersion ?? 0) + 1 });
    applySide(s, side);
    return 'saved';
  }

  async saveResults(results: StoredResults, side: SideRecords): Promise<void> {
    await roundTrip();
    const s = this.handle.open();
    s.results = frozenCopy(results);
    applySide(s, side);
  }

  async loadResults(): Promise<StoredResults | null> {
    await roundTrip();
    return this.handle.open().results;
  }

  async checkSecret(check: string): Promise<SecretCheck> {
    await roundTrip();
    const s = this.handle.open();
    if (s.secretCheck === null) {
      s.secretCheck = check;
      return 'initialized';
    }
    return s.secretCheck === check ? 'match' : 'mismatch';
  }
}
