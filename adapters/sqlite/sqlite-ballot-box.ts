import type Database from 'better-sqlite3';
import type { BallotChoice, BallotSlot, StoredBallot } from '../../core/ballots/ballot.ts';
import type { BallotBox, CastOutcome, CastRequest } from '../../core/ports/ballot-box.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { immediateTx } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

/** meta key of the number of current assisted ballots (BallotBox.countAssisted). */
export const META_ASSISTED_BALLOTS = 'assisted_ballots';

/** A row of `ballots` or `ballot_versions`. */
export interface BallotRow {
  voter_key: string;
  slot: string;
  envelope_id: string;
  choices: string;
  version: number;
  receipt: string;
  cast_at: number;
  assisted: number;
  request_id: string;
}

/** The stored ballot of a row. */
export function ballotFromRow(r: BallotRow): StoredBallot {
  return {
    voterKey: r.voter_key,
    slot: r.slot as BallotSlot,
    envelopeId: r.envelope_id,
    choices: JSON.parse(r.choices) as BallotChoice[],
    version: r.version,
    receipt: r.receipt,
    castAt: r.cast_at,
    assisted: r.assisted === 1,
    requestId: r.request_id,
  };
}

/** Choices sorted by idea id (StoredBallot's order), copied to plain objects. */
function sortedChoices(choices: readonly BallotChoice[]): BallotChoice[] {
  return choices
    .map((c) => ({ ideaId: c.ideaId, points: c.points }))
    .sort((a, b) => (a.ideaId < b.ideaId ? -1 : a.ideaId > b.ideaId ? 1 : 0));
}

/**
 * The ballot box in SQLite. A cast is one `BEGIN IMMEDIATE` transaction: read the current
 * ballot, look up the request id, judge the close and the phase version, copy the current
 * ballot into `ballot_versions` when it is replaced, write the new one to `ballots`, then the
 * side records. Casts for one voter from any connection or process
 * therefore serialise on the write lock: versions 1, 2, 3… with no gap or repeat.
 *
 * Request ids are idempotency keys per voter key and slot: one inbound update may cast a town
 * and an area ballot under the same id. A re-sent request is answered `duplicate` with the
 * version it stored, even after a later replacement and even after the close.
 */
export class SqliteBallotBox implements BallotBox {
  private readonly castTx: (request: CastRequest, side: SideRecords) => CastOutcome;
  private readonly getStmt: Database.Statement<[string, string], BallotRow>;
  private readonly listStmt: Database.Statement<[string], BallotRow>;
  private readonly countStmt: Database.Statement<[], { envelope_id: string; n: number }>;
  private readonly votersStmt: Database.Statement<[], { n: number }>;
  private readonly assistedStmt: Database.Statement<[], { value: string }>;

  constructor(db: Database.Database) {
    const side = sideRecordsFor(db);
    const byRequest = db.prepare<[string, string, string], BallotRow>(
      'SELECT * FROM ballot_versions WHERE voter_key = ? AND slot = ? AND request_id = ?',
    );
    const current = db.prepare<[string, string], BallotRow>('SELECT * FROM ballots WHERE voter_key = ? AND slot = ?');
    const phaseVersion = db.prepare<[], { version: number }>("SELECT version FROM campaign_records WHERE name = 'phase_state'");
    // History holds superseded versions: a version is copied there when it is replaced (the
    // current one lives in `ballots` only), so a first vote writes one row. OR IGNORE: files
    // written before this change already hold their current versions in the history too.
    const insertVersion = db.prepare(
      `INSERT OR IGNORE INTO ballot_versions (voter_key, slot, version, envelope_id, choices, receipt, cast_at, assisted, request_id)
       VALUES (@voter_key, @slot, @version, @envelope_id, @choices, @receipt, @cast_at, @assisted, @request_id)`,
    );
    const upsertCurrent = db.prepare(
      `INSERT INTO ballots (voter_key, slot, envelope_id, choices, version, receipt, cast_at, assisted, request_id)
       VALUES (@voter_key, @slot, @envelope_id, @choices, @version, @receipt, @cast_at, @assisted, @request_id)
       ON CONFLICT (voter_key, slot) DO UPDATE SET
         envelope_id = excluded.envelope_id, choices = excluded.choices, version = excluded.version,
         receipt = excluded.receipt, cast_at = excluded.cast_at, assisted = excluded.assisted,
         request_id = excluded.request_id`,
    );
    // The assisted count moves in the cast's own transaction (see countAssisted).
    const addAssisted = db.prepare<[string, number]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + CAST(excluded.value AS INTEGER) AS TEXT)',
    );

    this.castTx = immediateTx(db, (req: CastRequest, records: SideRecords): CastOutcome => {
      const existing = current.get(req.voterKey, req.slot);
      if (existing !== undefined && existing.request_id === req.requestId) return { status: 'duplicate', ballot: ballotFromRow(existing) };
      const earlier = existing === undefined ? undefined : byRequest.get(req.voterKey, req.slot, req.requestId);
      if (earlier !== undefined) return { status: 'duplicate', ballot: ballotFromRow(earlier) };
      if (req.at >= req.closesAt) return { status: 'closed' };
      if (req.phaseVersion !== undefined && req.phaseVersion !== null && (phaseVersion.get()?.version ?? 0) !== req.phaseVersion) return { status: 'stale' };
      if (existing !== undefined && !req.allowReplace) return { status: 'exists', ballot: ballotFromRow(existing) };
      const row: BallotRow = {
        voter_key: req.voterKey,
        slot: req.slot,
        envelope_id: req.envelopeId,
        choices: JSON.stringify(sortedChoices(req.choices)),
        version: existing === undefined ? 1 : existing.version + 1,
        receipt: req.receipt,
        cast_at: req.at,
        assisted: req.assisted ? 1 : 0,
        request_id: req.requestId,
      };
      if (existing !== undefined) insertVersion.run(existing);
      upsertCurrent.run(row);
      const assistedDelta = row.assisted - (existing?.assisted ?? 0);
      if (assistedDelta !== 0) addAssisted.run(META_ASSISTED_BALLOTS, assistedDelta);
      side.write(records);
      return { status: 'recorded', ballot: ballotFromRow(row), replaced: existing !== undefined };
    });

    this.getStmt = current;
    this.listStmt = db.prepare('SELECT * FROM ballots WHERE envelope_id = ? ORDER BY voter_key, slot');
    this.countStmt = db.prepare('SELECT envelope_id, COUNT(*) AS n FROM ballots GROUP BY envelope_id ORDER BY envelope_id');
    this.votersStmt = db.prepare('SELECT COUNT(DISTINCT voter_key) AS n FROM ballots');
    this.assistedStmt = db.prepare(`SELECT value FROM meta WHERE key = '${META_ASSISTED_BALLOTS}'`);
  }

  async cast(request: CastRequest, side: SideRecords): Promise<CastOutcome> {
    return this.castTx(request, side);
  }

  async get(voterKey: string, slot: BallotSlot): Promise<StoredBallot | null> {
    const row = this.getStmt.get(voterKey, slot);
    return row === undefined ? null : ballotFromRow(row);
  }

  async list(envelopeId: string): Promise<readonly StoredBallot[]> {
    return this.listStmt.all(envelopeId).map(ballotFromRow);
  }

  async countByEnvelope(): Promise<Readonly<Record<string, number>>> {
    const out: Record<string, number> = {};
    for (const r of this.countStmt.all()) out[r.envelope_id] = r.n;
    return out;
  }

  async countVoters(): Promise<number> {
    return this.votersStmt.get()?.n ?? 0;
  }

  /** The counter in `meta` (migration 8), moved by each cast's transaction. */
  async countAssisted(): Promise<number> {
    const row = this.assistedStmt.get();
    return row === undefined ? 0 : Number(row.value);
  }
}
