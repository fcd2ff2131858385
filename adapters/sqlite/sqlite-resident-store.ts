import type Database from 'better-sqlite3';
import type { Resident } from '../../core/residents/resident.ts';
import type { SaveOutcome } from '../../core/ports/campaign-store.ts';
import type { AccessCode, ClaimAndSaveOutcome, ClaimOutcome, PhoneClaim, PhoneClaimOutcome, ResidentStore } from '../../core/ports/resident-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { receivesBroadcasts } from '../../core/broadcasts/broadcast.ts';
import { immediateTx } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

interface ResidentRow {
  id: string;
  version: number;
  data: string;
}

interface CodeRow {
  code: string;
  resident_id: string | null;
  issued_by: string;
  issued_at: number;
  used_at: number | null;
}

function residentFromRow(r: ResidentRow): Resident {
  // The stored version is authoritative over whatever the saved object carried.
  return { ...(JSON.parse(r.data) as Resident), version: r.version };
}

/**
 * The subscription-index columns of a resident (migration 2): `subscribed` 1 when it
 * `receivesBroadcasts`, and its area. Written with every save, so the partial indexes on
 * them always agree with the record.
 */
export function subscriptionColumns(r: Resident): { subscribed: 0 | 1; area: string | null } {
  return { subscribed: receivesBroadcasts(r) ? 1 : 0, area: r.area };
}

/** The query of `listSubscribed` for everyone (exported for the query-plan test). */
export const LIST_SUBSCRIBED_SQL = 'SELECT id, version, data FROM residents INDEXED BY residents_subscribed WHERE subscribed = 1 AND id > ? ORDER BY id LIMIT ?';
/** The query of `listSubscribed` for one area. */
export const LIST_SUBSCRIBED_IN_AREA_SQL =
  'SELECT id, version, data FROM residents INDEXED BY residents_subscribed_by_area WHERE subscribed = 1 AND area = ? AND id > ? ORDER BY id LIMIT ?';

interface PhoneClaimRow {
  phone_key: string;
  holder: string;
  claimed_at: number;
}

/** A phone claim of its row (also read by the transfer). */
export function phoneClaimFromRow(r: PhoneClaimRow): PhoneClaim {
  return { phoneKey: r.phone_key, holder: r.holder, claimedAt: r.claimed_at };
}

function codeFromRow(r: CodeRow): AccessCode {
  return { code: r.code, residentId: r.resident_id, issuedBy: r.issued_by, issuedAt: r.issued_at, usedAt: r.used_at };
}

/**
 * Residents (JSON rows with an optimistic version) and one-time codes in SQLite. The only
 * tables with personal data: erasing a resident deletes their row and their id from codes.
 * Phone claims (`phone_claims`: keyed hash → pseudonym, no personal data in clear) stay.
 * `subscribed` and `area` columns, written by the same statement as the record, feed the
 * partial indexes that `listSubscribed` reads (named with INDEXED BY, so a plan that scans
 * every resident is an error rather than a slow surprise).
 */
export class SqliteResidentStore implements ResidentStore {
  private readonly getStmt: Database.Statement<[string], ResidentRow>;
  private readonly listStmt: Database.Statement<[string, number], ResidentRow>;
  private readonly subscribedStmt: Database.Statement<[string, number], ResidentRow>;
  private readonly subscribedInAreaStmt: Database.Statement<[string, string, number], ResidentRow>;
  private readonly getCodeStmt: Database.Statement<[string], CodeRow>;
  private readonly saveTx: (resident: Resident, expected: number | null, side: SideRecords) => SaveOutcome;
  private readonly eraseTx: (id: string, expected: number, side: SideRecords) => SaveOutcome;
  private readonly addCodesTx: (codes: readonly AccessCode[]) => void;
  private readonly claimTx: (code: string, residentId: string, at: number, side: SideRecords) => ClaimOutcome;
  private readonly claimAndSaveTx: (code: string, resident: Resident, expected: number | null, at: number, side: SideRecords) => ClaimAndSaveOutcome;
  private readonly getPhoneStmt: Database.Statement<[string], PhoneClaimRow>;
  private readonly claimPhoneTx: (phoneKey: string, holder: string, resident: Resident, expected: number | null, at: number, side: SideRecords) => PhoneClaimOutcome;

  constructor(db: Database.Database) {
    const side = sideRecordsFor(db);
    this.getStmt = db.prepare('SELECT id, version, data FROM residents WHERE id = ?');
    this.listStmt = db.prepare('SELECT id, version, data FROM residents WHERE id > ? ORDER BY id LIMIT ?');
    this.getCodeStmt = db.prepare('SELECT * FROM access_codes WHERE code = ?');
    this.subscribedStmt = db.prepare(LIST_SUBSCRIBED_SQL);
    this.subscribedInAreaStmt = db.prepare(LIST_SUBSCRIBED_IN_AREA_SQL);
    const insert = db.prepare<[string, string, number, string | null]>(
      'INSERT INTO residents (id, version, data, subscribed, area) VALUES (?, 1, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    const update = db.prepare<[string, number, string | null, string, number]>(
      'UPDATE residents SET data = ?, subscribed = ?, area = ?, version = version + 1 WHERE id = ? AND version = ?',
    );
    const remove = db.prepare<[string, number]>('DELETE FROM residents WHERE id = ? AND version = ?');
    // Erasure: a used code forgets who used it (and stays used); a reserved one is dropped.
    // A full scan of the codes table: erasures are rare and codes number in the thousands.
    const forgetUsedCodes = db.prepare<[string]>('UPDATE access_codes SET resident_id = NULL WHERE resident_id = ? AND used_at IS NOT NULL');
    const dropReservedCodes = db.prepare<[string]>('DELETE FROM access_codes WHERE resident_id = ? AND used_at IS NULL');
    const insertCode = db.prepare(
      `INSERT INTO access_codes (code, resident_id, issued_by, issued_at, used_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (code) DO NOTHING`,
    );
    const useCode = db.prepare<[string, number, string]>('UPDATE access_codes SET resident_id = ?, used_at = ? WHERE code = ?');
    this.getPhoneStmt = db.prepare('SELECT phone_key, holder, claimed_at FROM phone_claims WHERE phone_key = ?');
    const insertPhone = db.prepare<[string, string, number]>('INSERT INTO phone_claims (phone_key, holder, claimed_at) VALUES (?, ?, ?)');

    const write = (resident: Resident, expected: number | null): boolean => {
      const data = JSON.stringify(resident);
      const { subscribed, area } = subscriptionColumns(resident);
      return (expected === null ? insert.run(resident.id, data, subscribed, area).changes : update.run(data, subscribed, area, resident.id, expected).changes) === 1;
    };
    // Used, or pre-assigned to someone else: for this claimant it is as good as used.
    const taken = (row: CodeRow, residentId: string): boolean => row.used_at !== null || (row.resident_id !== null && row.resident_id !== residentId);

    this.saveTx = immediateTx(db, (resident: Resident, expected: number | null, records: SideRecords): SaveOutcome => {
      if (!write(resident, expected)) return 'conflict';
      side.write(records);
      return 'saved';
    });

    this.eraseTx = immediateTx(db, (id: string, expected: number, records: SideRecords): SaveOutcome => {
      if (remove.run(id, expected).changes !== 1) return 'conflict';
      forgetUsedCodes.run(id);
      dropReservedCodes.run(id);
      side.write(records);
      return 'saved';
    });

    this.addCodesTx = immediateTx(db, (codes: readonly AccessCode[]): void => {
      for (const c of codes) insertCode.run(c.code, c.residentId, c.issuedBy, c.issuedAt, c.usedAt);
    });

    this.claimTx = immediateTx(db, (code: string, residentId: string, at: number, records: SideRecords): ClaimOutcome => {
      const row = this.getCodeStmt.get(code);
      if (row === undefined) return { status: 'unknown' };
      if (taken(row, residentId)) return { status: 'used', residentId: row.resident_id };
      useCode.run(residentId, at, code);
      side.write(records);
      return { status: 'claimed', code: codeFromRow({ ...row, resident_id: residentId, used_at: at }) };
    });

    this.claimAndSaveTx = immediateTx(db, (code: string, resident: Resident, expected: number | null, at: number, records: SideRecords): ClaimAndSaveOutcome => {
      const row = this.getCodeStmt.get(code);
      if (row === undefined) return { status: 'unknown' };
      if (taken(row, resident.id)) return { status: 'used', residentId: row.resident_id };
      // The resident write is the version check: nothing has been written yet when it fails.
      if (!write(resident, expected)) return { status: 'conflict' };
      useCode.run(resident.id, at, code);
      side.write(records);
      return { status: 'claimed', code: codeFromRow({ ...row, resident_id: resident.id, used_at: at }) };
    });

    this.claimPhoneTx = immediateTx(db, (phoneKey: string, holder: string, resident: Resident, expected: number | null, at: number, records: SideRecords): PhoneClaimOutcome => {
      const row = this.getPhoneStmt.get(phoneKey);
      if (row !== undefined && row.holder !== holder) return { status: 'taken' };
      // The resident write is the version check: nothing has been written yet when it fails.
      if (!write(resident, expected)) return { status: 'conflict' };
      if (row === undefined) insertPhone.run(phoneKey, holder, at);
      side.write(records);
      return { status: 'claimed' };
    });
  }

  async get(id: string): Promise<Resident | null> {
    const row = this.getStmt.get(id);
    return row === undefined ? null : residentFromRow(row);
  }

  async save(resident: Resident, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    return this.saveTx(resident, expectedVersion, side);
  }

  async erase(id: string, expectedVersion: number, side: SideRecords): Promise<SaveOutcome> {
    return this.eraseTx(id, expectedVersion, side);
  }

  async list(afterId: string | null, limit: number): Promise<readonly Resident[]> {
    if (limit <= 0) return [];
    // '' sorts before every id, so it stands for "from the start".
    return this.listStmt.all(afterId ?? '', limit).map(residentFromRow);
  }

  async listSubscribed(area: string | null, afterId: string | null, limit: number): Promise<readonly Resident[]> {
    if (limit <= 0) return [];
    const rows = area === null ? this.subscribedStmt.all(afterId ?? '', limit) : this.subscribedInAreaStmt.all(area, afterId ?? '', limit);
    return rows.map(residentFromRow);
  }

  async addCodes(codes: readonly AccessCode[]): Promise<void> {
    if (codes.length > 0) this.addCodesTx(codes);
  }

  async claimCode(code: string, residentId: string, at: number, side: SideRecords): Promise<ClaimOutcome> {
    return this.claimTx(code, residentId, at, side);
  }

  async claimCodeAndSave(code: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<ClaimAndSaveOutcome> {
    return this.claimAndSaveTx(code, resident, expectedVersion, at, side);
  }

  async getCode(code: string): Promise<AccessCode | null> {
    const row = this.getCodeStmt.get(code);
    return row === undefined ? null : codeFromRow(row);
  }

  async claimPhoneAndSave(phoneKey: string, holder: string, resident: Resident, expectedVersion: number | null, at: number, side: SideRecords): Promise<PhoneClaimOutcome> {
    return this.claimPhoneTx(phoneKey, holder, resident, expectedVersion, at, side);
  }

  async getPhoneClaim(phoneKey: string): Promise<PhoneClaim | null> {
    const row = this.getPhoneStmt.get(phoneKey);
    return row === undefined ? null : phoneClaimFromRow(row);
  }
}
