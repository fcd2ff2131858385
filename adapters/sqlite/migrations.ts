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
    name: 'questions',
    sql: `
      -- Residents' questions (SPEC §2.5); owner_id is the resident, erased with them.
      CREATE TABLE questions (
        id         TEXT PRIMARY KEY,
        number     INTEGER NOT NULL,
        owner_id   TEXT NOT NULL,
        state      TEXT NOT NULL CHECK (state IN ('open', 'answered', 'closed')),
        created_at INTEGER NOT NULL,
        version    INTEGER NOT NULL,
        data       TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX questions_by_state ON questions (state, number);
      CREATE INDEX questions_by_owner ON questions (owner_id, created_at);

      -- The thread of each question; owner_id repeats the question's, so a resident's
      -- messages in a window are counted from an index.
      CREATE TABLE question_messages (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        owner_id    TEXT NOT NULL,
        sender      TEXT NOT NULL CHECK (sender IN ('resident', 'staff')),
        at          INTEGER NOT NULL,
        data        TEXT NOT NULL,
        PRIMARY KEY (question_id, seq)
      ) WITHOUT ROWID;
      CREATE INDEX question_messages_by_owner ON question_messages (owner_id, sender, at);
    `,
  },
  {
    version: 3,
    name: 'outbox_claims_groups_and_message_refs',
    sql: `
      -- after_key: a predecessor's key (held while it is pending, see sqlite-outbox.ts);
      -- grp: the delivery group; resident_id: the recipient when it is one resident (erasure);
      -- claim_token / claim_state: the last claim's token and what it did (claimed, ack, retry, fail).
      ALTER TABLE outbox ADD COLUMN after_key TEXT;
      ALTER TABLE outbox ADD COLUMN grp TEXT;
      ALTER TABLE outbox ADD COLUMN resident_id TEXT;
      ALTER TABLE outbox ADD COLUMN claim_token TEXT;
      ALTER TABLE outbox ADD COLUMN claim_state TEXT CHECK (claim_state IN ('claimed', 'ack', 'retry', 'fail'));
      UPDATE outbox SET resident_id = json_extract(recipient, '$.residentId')
        WHERE json_extract(recipient, '$.kind') = 'resident';
      CREATE INDEX outbox_by_resident ON outbox (resident_id) WHERE resident_id IS NOT NULL;

      -- Per-group counters, changed in the transaction that changes a message of the group.
      CREATE TABLE outbox_groups (
        grp     TEXT PRIMARY KEY,
        pending INTEGER NOT NULL DEFAULT 0,
        sent    INTEGER NOT NULL DEFAULT 0,
        failed  INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;

      -- Which platform message shows what; one key per platform message.
      CREATE TABLE message_refs (
        key        TEXT PRIMARY KEY,
        platform   TEXT NOT NULL CHECK (platform IN ('slack', 'telegram')),
        chat       TEXT NOT NULL,
        message_id TEXT NOT NULL,
        owner      TEXT,
        at         INTEGER NOT NULL,
        UNIQUE (platform, chat, message_id)
      ) WITHOUT ROWID;
      CREATE INDEX message_refs_by_owner ON message_refs (owner) WHERE owner IS NOT NULL;
    `,
  },
  {
    version: 4,
    name: 'chat_state_and_leases',
    sql: `
      -- Conversation state of the messenger adapters (ChatStateStore). data is the JSON text
      -- (at most 64 KiB); owner is the resident id "forget me" erases by.
      CREATE TABLE chat_state (
        key        TEXT PRIMARY KEY,
        owner      TEXT NOT NULL,
        expires_at INTEGER NOT NULL,
        data       TEXT NOT NULL
      );
      CREATE INDEX chat_state_by_owner ON chat_state (owner);
      CREATE INDEX chat_state_by_expiry ON chat_state (expires_at);

      -- Leader leases of the processes sharing this file (the scheduler): one row per name,
      -- held by owner until expires_at (wall-clock epoch ms).
      CREATE TABLE leases (
        name       TEXT PRIMARY KEY,
        owner      TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'broadcasts',
    sql: `
      -- The subscription index (ResidentStore.listSubscribed): subscribed = 1 when the
      -- resident is registered and subscribed (receivesBroadcasts), area copied from the
      -- record. Partial indexes hold only those rows, so a fan-out page never reads the others.
      ALTER TABLE residents ADD COLUMN subscribed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE residents ADD COLUMN area TEXT;
      UPDATE residents SET
        subscribed = CASE
          WHEN json_extract(data, '$.subscribed') = 1
           AND json_extract(data, '$.step') = 'done'
           AND json_extract(data, '$.registeredAt') IS NOT NULL THEN 1
          ELSE 0 END,
        area = json_extract(data, '$.area');
      CREATE INDEX residents_subscribed ON residents (id) WHERE subscribed = 1;
      CREATE INDEX residents_subscribed_by_area ON residents (area, id) WHERE subscribed = 1;

      -- Broadcast records; data is the immutable part (by, content, audience) as JSON.
      CREATE TABLE broadcasts (
        id            TEXT PRIMARY KEY,
        started_at    INTEGER NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('fanning_out', 'sending', 'done')),
        cursor        TEXT,
        queued        INTEGER NOT NULL,
        total         INTEGER,
        fanned_out_at INTEGER,
        finished_at   INTEGER,
        version       INTEGER NOT NULL,
        data          TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX broadcasts_newest ON broadcasts (started_at, id);
    `,
  },
  {
    version: 6,
    name: 'processed_update_states',
    // ProcessedUpdates in two states: a row is an update in progress under its holder's
    // lease, or done. Rows written before hold claims meant as "handled": done.
    sql: `
      ALTER TABLE processed_updates ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('in_progress', 'done'));
      ALTER TABLE processed_updates ADD COLUMN holder TEXT;
    `,
  },
  {
    version: 7,
    name: 'phone_claims',
    // "One phone verifies one account" (ResidentStore.claimPhoneAndSave): the keyed hash of
    // a number and the pseudonym of the resident it verified — never the number, never a
    // resident id. Erasure leaves the rows on purpose (see the port).
    sql: `
      CREATE TABLE phone_claims (
        phone_key  TEXT PRIMARY KEY,
        holder     TEXT NOT NULL,
        claimed_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    name: 'assisted_ballots_count',
    // BallotBox.countAssisted: the number of current ballots with assisted = 1, kept in meta
    // by every cast from now on and counted once here from the ballots already cast. No row
    // when there are none, so an empty file stays empty (a restore needs one).
    sql: `
      INSERT INTO meta (key, value)
        SELECT 'assisted_ballots', CAST(COUNT(*) AS TEXT) FROM ballots WHERE assisted = 1 HAVING COUNT(*) > 0;
    `,
  },
  {
    version: 9,
    name: 'outbox_groups_skipped',
    // Outbox.ack with `skipped`: a message settled without delivery (status 'sent', last_error
    // 'skipped: …') is counted in its group under `skipped`, not `sent`. None exists before.
    sql: `
      ALTER TABLE outbox_groups ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 10,
    name: 'chat_state_expiry_hours',
    // Chat state is written on most updates, each write moving expires_at by a few seconds:
    // an index on expires_at itself was rewritten every time. The sweep only needs to find
    // expired rows, so the index is on the hour of the expiry (expires_hour, always
    // expires_at / 3,600,000 rounded down), which a write leaves alone until the hour moves;
    // expires_at stays exact (expiry is judged on it).
    sql: `
      ALTER TABLE chat_state ADD COLUMN expires_hour INTEGER NOT NULL DEFAULT 0;
      UPDATE chat_state SET expires_hour = expires_at / 3600000;
      DROP INDEX chat_state_by_expiry;
      CREATE INDEX chat_state_by_expiry_hour ON chat_state (expires_hour);
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
