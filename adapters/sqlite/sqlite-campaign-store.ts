import type Database from 'better-sqlite3';
import type { StoredResults } from '../../core/ballots/results.ts';
import type { CampaignStore, SaveOutcome, SecretCheck, Versioned } from '../../core/ports/campaign-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import type { PhaseState } from '../../core/phases/phase-state.ts';
import { immediateTx } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

const PHASE_STATE = 'phase_state';
const RESULTS = 'results';
/** meta key of the PNYX_SECRET check value. */
const SECRET_CHECK = 'secret_check';

interface RecordRow {
  version: number;
  data: string;
}

/**
 * Campaign-level records in SQLite: the phase state and results as versioned JSON rows in
 * `campaign_records`, the secret's check value in `meta`. Conditional saves and the secret
 * check are immediate transactions, so they hold across connections and processes.
 */
export class SqliteCampaignStore implements CampaignStore {
  private readonly loadStmt: Database.Statement<[string], RecordRow>;
  private readonly savePhaseTx: (state: PhaseState, expected: number | null, side: SideRecords) => SaveOutcome;
  private readonly saveResultsTx: (results: StoredResults, side: SideRecords) => void;
  private readonly checkSecretTx: (check: string) => SecretCheck;

  constructor(db: Database.Database) {
    const side = sideRecordsFor(db);
    this.loadStmt = db.prepare('SELECT version, data FROM campaign_records WHERE name = ?');
    const insert = db.prepare('INSERT INTO campaign_records (name, version, data) VALUES (?, 1, ?)');
    const update = db.prepare<[string, string, number]>(
      'UPDATE campaign_records SET data = ?, version = version + 1 WHERE name = ? AND version = ?',
    );
    const upsert = db.prepare(
      `INSERT INTO campaign_records (name, version, data) VALUES (?, 1, ?)
       ON CONFLICT (name) DO UPDATE SET data = excluded.data, version = campaign_records.version + 1`,
    );
    const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');

    this.savePhaseTx = immediateTx(db, (state: PhaseState, expected: number | null, records: SideRecords): SaveOutcome => {
      const data = JSON.stringify(state);
      if (expected === null) {
        if (this.loadStmt.get(PHASE_STATE) !== undefined) return 'conflict';
        insert.run(PHASE_STATE, data);
      } else if (update.run(data, PHASE_STATE, expected).changes !== 1) {
        return 'conflict';
      }
      side.write(records);
      return 'saved';
    });

    this.saveResultsTx = immediateTx(db, (results: StoredResults, records: SideRecords): void => {
      upsert.run(RESULTS, JSON.stringify(results));
      side.write(records);
    });

    this.checkSecretTx = immediateTx(db, (check: string): SecretCheck => {
      const stored = getMeta.get(SECRET_CHECK);
      if (stored === undefined) {
        putMeta.run(SECRET_CHECK, check);
        return 'initialized';
      }
      return stored.value === check ? 'match' : 'mismatch';
    });
  }

  async loadPhaseState(): Promise<Versioned<PhaseState> | null> {
    const row = this.loadStmt.get(PHASE_STATE);
    return row === undefined ? null : { value: JSON.parse(row.data) as PhaseState, version: row.version };
  }

  async savePhaseState(state: PhaseState, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    return this.savePhaseTx(state, expectedVersion, side);
  }

  async saveResults(results: StoredResults, side: SideRecords): Promise<void> {
    this.saveResultsTx(results, side);
  }

  async loadResults(): Promise<StoredResults | null> {
    const row = this.loadStmt.get(RESULTS);
    return row === undefined ? null : (JSON.parse(row.data) as StoredResults);
  }

  async checkSecret(check: string): Promise<SecretCheck> {
    return this.checkSecretTx(check);
  }
}
