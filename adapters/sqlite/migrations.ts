/**
 * Numbered schema migrations of the embedded store. `PRAGMA user_version` holds the last
 * applied number and `schema_migrations` records when each was applied. Migrations run inside
 * one `BEGIN IMMEDIATE` transaction that re-reads `user_version`, so several processes opening
 * one file at once apply each migration exactly once. Never edit a released migration: append.
 *
 * Ballot secrecy (SPEC §2.3): `ballots` and `ballot_versions` hold the voter key (an HMAC the
 * engine computes), never a resident id, and no table maps one to the other.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { immediate } from './sqlite-database.ts';

/** One schema step. */
export interface Migration {
  /** 1, 2, 3… in order, without gaps. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at INTEGER NOT NULL
      );

      -- Campaign-level facts: the PNYX_SECRET check value, counters.
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Versioned campaign records: 'phase_state', 'results'.
      CREATE TABLE campaign_records (
        name    TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        data    TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE residents (
        id      TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        data    TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE access_codes (
        code        TEXT PRIMARY KEY,
        resident_id TEXT,
        issued_by   TEXT NOT NULL,
        issued_at   INTEGER NOT NULL,
        used_at     INTEGER
      ) WITHOUT ROWID;

      CREATE TABLE ideas (
        id        TEXT PRIMARY KEY,
        number    INTEGER NOT NULL,
        state     TEXT NOT NULL,
        author_id TEXT,
        version   INTEGER NOT NULL,
        data      TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX ideas_by_number ON ideas (number, id);
      CREATE INDEX ideas_by_state ON ideas (state, number);
      CREATE INDEX ideas_by_author ON ideas (author_id, number);

      CREATE TABLE idea_supports (
        idea_id       TEXT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
        supporter_key TEXT NOT NULL,
        at            INTEGER NOT NULL,
        PRIMARY KEY (idea_id, supporter_key)
      ) WITHOUT ROWID;

      -- Current ballot per voter key and slot.
      CREATE TABLE ballots (
        voter_key   TEXT NOT NULL,
        slot        TEXT NOT NULL CHECK (slot IN ('town', 'area')),
        envelope_id TEXT NOT NULL,
        choices     TEXT NOT NULL,
        version     INTEGER NOT NULL,
        receipt     TEXT NOT NULL,
        cast_at     INTEGER NOT NULL,
        assisted    INTEGER NOT NULL,
        request_id  TEXT NOT NULL,
        PRIMARY KEY (voter_key, slot)
      ) WITHOUT ROWID;
      CREATE INDEX ballots_by_envelope ON ballots (envelope_id, voter_key);

      -- Every version ever recorded: answers re-sent requests with the ballot they stored.
      CREATE TABLE ballot_versions (
        voter_key   TEXT NOT NULL,
        slot        TEXT NOT NULL,
        version     INTEGER NOT NULL,
        envelope_id TEXT NOT NULL,
        choices     TEXT NOT NULL,
        receipt     TEXT NOT NULL,
        cast_at     INTEGER NOT NULL,
        assisted    INTEGER NOT NULL,
        request_id  TEXT NOT NULL,
        PRIMARY KEY (voter_key, slot, version),
        UNIQUE (voter_key, slot, request_id)
      ) WITHOUT ROWID;

      CREATE TABLE outbox (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        key         TEXT NOT NULL UNIQUE,
        recipient   TEXT NOT NULL,
        template    TEXT NOT NULL,
        params      TEXT NOT NULL,
        not_before  INTEGER NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts    INTEGER NOT NULL DEFAULT 0,
        last_error  TEXT,
        lease_until INTEGER
      );
      CREATE INDEX outbox_due ON outbox (status, not_before, seq);

      CREATE TABLE processed_updates (
        key        TEXT PRIMARY KEY,
        claimed_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX processed_by_expiry ON processed_updates (expires_at);

      -- Hash-chained audit log; data is the canonical JSON text that was hashed.
      CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY,
        prev_hash TEXT NOT NULL UNIQUE,
        hash      TEXT NOT NULL UNIQUE,
        at        INTEGER NOT NULL,
        actor     TEXT NOT NULL,
        action    TEXT NOT NULL,
        subject   TEXT NOT NULL,
        assisted  INTEGER NOT NULL,
        data      TEXT NOT NULL
      );
      CREATE INDEX audit_by_subject ON audit_log (subject, seq);
    `,
  },
  {
    version: 2,
    name: 'processed_update_states',
    // ProcessedUpdates in two states: a row is an update in progress under its holder's
    // lease, or done. Rows written before hold claims meant as "handled": done.
    sql: `
      ALTER TABLE processed_updates ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('in_progress', 'done'));
      ALTER TABLE processed_updates ADD COLUMN holder TEXT;
    `,
  },
];

/** Version the code expects (the last migration's number). */
export const SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Applies the migrations newer than the file's `user_version`, all in one immediate
 * transaction. Refuses a file written by a newer schema. Returns the numbers applied.
 */
export function migrate(db: Database.Database, logger: Logger, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const target = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const readVersion = (): number => db.pragma('user_version', { simple: true }) as number;
  // Cheap check first so an up-to-date file does not take the write lock at every open.
  if (readVersion() === target) return [];
  return immediate(db, () => {
    const current = readVersion();
    if (current > target) {
      throw new Error(`sqlite store: file schema version ${current} is newer than this code's ${target}`);
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
      // PRAGMA takes no bound parameters; the value is an integer from this file.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
      applied.push(m.version);
    }
    if (applied.length > 0) logger.info({ from: current, to: target, applied }, 'schema migrated');
    return applied;
  });
}
