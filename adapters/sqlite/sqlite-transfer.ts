/**
 * `StoreTransfer` of the embedded store: a whole campaign file read or written at once.
 * `dump` reads in one (deferred) read transaction, so WAL gives it one snapshot even while a
 * bot writes; `restore` writes in one `BEGIN IMMEDIATE` transaction into an empty file —
 * all or nothing, and refused outright when any table holds a row.
 *
 * Rows are written with their stored versions, sequence numbers and hashes (the columns the
 * stores of this folder read), so the restored file answers exactly as the original did.
 */
import type Database from 'better-sqlite3';
import { pino } from 'pino';
import type { StoredBallot } from '../../core/ballots/ballot.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { PhaseState } from '../../core/phases/phase-state.ts';
import type { AccessCode } from '../../core/ports/resident-store.ts';
import type { OutboxGroupCounts } from '../../core/ports/outbox.ts';
import { groupOutcome } from '../../core/ports/outbox.ts';
import { encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { JsonValue } from '../../core/ports/chat-state-store.ts';
import type { CampaignDump, StoreTransfer } from '../../core/ports/store-transfer.ts';
import type { Resident } from '../../core/residents/resident.ts';
import { canonicalJson } from '../../core/audit/audit-chain.ts';
import { checkDump } from '../transfer/check-dump.ts';
import { TransferRefusedError } from '../transfer/transfer-error.ts';
import { auditEntryFromRow } from './sqlite-audit-log.ts';
import { META_ASSISTED_BALLOTS, ballotFromRow } from './sqlite-ballot-box.ts';
import type { BallotRow } from './sqlite-ballot-box.ts';
import { messageFromRow } from './sqlite-outbox.ts';
import { META_QUESTION_NUMBER, messageJson, questionFromRow, questionJson, questionMessageFromRow } from './sqlite-question-store.ts';
import type { QuestionMessageRow, QuestionRow } from './sqlite-question-store.ts';
import { phoneClaimFromRow, subscriptionColumns } from './sqlite-resident-store.ts';
import { BROADCAST_COLUMNS, broadcastFromRow, broadcastValues } from './broadcast-rows.ts';
import type { BroadcastRow } from './broadcast-rows.ts';
import type { OutboxRow } from './sqlite-outbox.ts';
import { refFromRow } from './sqlite-message-references.ts';
import { expiresHour } from './sqlite-chat-state.ts';
import type { MessageRefRow } from './sqlite-message-references.ts';
import { immediate, openDatabase } from './sqlite-database.ts';
import { migrate } from './migrations.ts';

/** Tables holding campaign data (every table but `schema_migrations`). */
const DATA_TABLES = [
  'meta',
  'campaign_records',
  'residents',
  'access_codes',
  'phone_claims',
  'ideas',
  'idea_supports',
  'questions',
  'question_messages',
  'ballots',
  'ballot_versions',
  'outbox',
  'outbox_groups',
  'message_refs',
  'processed_updates',
  'audit_log',
  'chat_state',
  'broadcasts',
] as const;

// meta keys and record names, as the stores of this folder use them.
const META_IDEA_NUMBER = 'idea_number';
const META_SECRET_CHECK = 'secret_check';
const RECORD_PHASE = 'phase_state';
const RECORD_RESULTS = 'results';

/** A SQLite transfer; `close` releases the file when the transfer opened it. */
export interface SqliteTransfer extends StoreTransfer {
  /** Tables that hold at least one row (empty for a fresh file). */
  nonEmptyTables(): readonly string[];
  close(): void;
}

function ballotParams(b: StoredBallot): BallotRow {
  return {
    voter_key: b.voterKey,
    slot: b.slot,
    envelope_id: b.envelopeId,
    // Choices sorted by idea id, as the ballot box stores them.
    choices: JSON.stringify([...b.choices].map((c) => ({ ideaId: c.ideaId, points: c.points })).sort((x, y) => (x.ideaId < y.ideaId ? -1 : x.ideaId > y.ideaId ? 1 : 0))),
    version: b.version,
    receipt: b.receipt,
    cast_at: b.castAt,
    assisted: b.assisted ? 1 : 0,
    request_id: b.requestId,
  };
}

/**
 * The transfer of a campaign file. Given a path, opens it (creating and migrating it when
 * missing) and `close` closes it; given an open handle (migrated by `openSqliteStores`),
 * uses it and `close` leaves it open.
 */
export function sqliteTransfer(source: string | Database.Database): SqliteTransfer {
  const owned = typeof source === 'string';
  const db = owned ? openDatabase(source) : source;
  if (owned) {
    try {
      migrate(db, pino({ level: 'silent' }));
    } catch (e) {
      db.close();
      throw e;
    }
  }
  const where = db.name;
  const nonEmptyTables = (): string[] =>
    DATA_TABLES.filter((t) => (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${t}) AS any`).get() as { any: number }).any === 1);

  const readAll = db.transaction((): CampaignDump => {
    const all = <R>(sql: string): R[] => db.prepare(sql).all() as R[];
    const meta = new Map(all<{ key: string; value: string }>('SELECT key, value FROM meta').map((r) => [r.key, r.value]));
    const records = new Map(all<{ name: string; version: number; data: string }>('SELECT name, version, data FROM campaign_records').map((r) => [r.name, r]));
    const phase = records.get(RECORD_PHASE);
    const results = records.get(RECORD_RESULTS);
    return {
      format: 'pnyx-dump/2',
      phaseState: phase === undefined ? null : { value: JSON.parse(phase.data) as PhaseState, version: phase.version },
      results: results === undefined ? null : (JSON.parse(results.data) as StoredResults),
      secretCheck: meta.get(META_SECRET_CHECK) ?? null,
      residents: all<{ version: number; data: string }>('SELECT version, data FROM residents ORDER BY id').map((r) => ({
        ...(JSON.parse(r.data) as Resident),
        version: r.version,
      })),
      codes: all<{ code: string; resident_id: string | null; issued_by: string; issued_at: number; used_at: number | null }>(
        'SELECT * FROM access_codes ORDER BY code',
      ).map((r): AccessCode => ({ code: r.code, residentId: r.resident_id, issuedBy: r.issued_by, issuedAt: r.issued_at, usedAt: r.used_at })),
      phoneClaims: all<Parameters<typeof phoneClaimFromRow>[0]>('SELECT phone_key, holder, claimed_at FROM phone_claims ORDER BY phone_key').map(phoneClaimFromRow),
      ideas: all<{ version: number; data: string }>('SELECT version, data FROM ideas ORDER BY number, id').map((r) => ({
        ...(JSON.parse(r.data) as Idea),
        version: r.version,
      })),
      nextIdeaNumber: Number(meta.get(META_IDEA_NUMBER) ?? '0') + 1,
      supports: all<{ idea_id: string; supporter_key: string; at: number }>(
        'SELECT idea_id, supporter_key, at FROM idea_supports ORDER BY idea_id, supporter_key',
      ).map((r) => ({ ideaId: r.idea_id, supporterKey: r.supporter_key, at: r.at })),
      questions: all<QuestionRow>('SELECT version, data FROM questions ORDER BY number, id').map(questionFromRow),
      questionMessages: all<QuestionMessageRow>('SELECT question_id, seq, data FROM question_messages ORDER BY question_id, seq').map(questionMessageFromRow),
      nextQuestionNumber: Number(meta.get(META_QUESTION_NUMBER) ?? '0') + 1,
      ballots: all<BallotRow>('SELECT * FROM ballots ORDER BY voter_key, slot').map(ballotFromRow),
      // Superseded versions live in ballot_versions, the current one in ballots (see sqlite-ballot-box.ts).
      ballotVersions: all<BallotRow>(
        `SELECT voter_key, slot, version, envelope_id, choices, receipt, cast_at, assisted, request_id FROM ballot_versions
         UNION
         SELECT voter_key, slot, version, envelope_id, choices, receipt, cast_at, assisted, request_id FROM ballots
         ORDER BY voter_key, slot, version`,
      ).map(ballotFromRow),
      outbox: all<OutboxRow>('SELECT * FROM outbox ORDER BY seq').map(messageFromRow),
      messageRefs: all<MessageRefRow>('SELECT * FROM message_refs ORDER BY key').map(refFromRow),
      audit: all<Parameters<typeof auditEntryFromRow>[0]>('SELECT * FROM audit_log ORDER BY seq').map(auditEntryFromRow),
      processed: all<{ key: string; state: 'in_progress' | 'done'; expires_at: number }>('SELECT key, state, expires_at FROM processed_updates ORDER BY key').map(
        (r) => ({ key: r.key, state: r.state, expiresAt: r.expires_at }),
      ),
      chatState: all<{ key: string; owner: string; expires_at: number; data: string }>('SELECT key, owner, expires_at, data FROM chat_state ORDER BY key').map((r) => ({
        key: r.key,
        owner: r.owner,
        expiresAt: r.expires_at,
        value: JSON.parse(r.data) as JsonValue,
      })),
      broadcasts: all<BroadcastRow>('SELECT * FROM broadcasts ORDER BY id').map(broadcastFromRow),
    };
  });

  const writeAll = (dump: CampaignDump): void => {
    const full = nonEmptyTables();
    if (full.length > 0) {
      throw new TransferRefusedError('target_not_empty', `the SQLite file ${where} already holds data (${full.join(', ')}); restore only into an empty store`);
    }
    const run = (sql: string) => {
      const stmt = db.prepare(sql);
      return (...params: unknown[]) => stmt.run(...params);
    };
    const putMeta = run('INSERT INTO meta (key, value) VALUES (?, ?)');
    const putRecord = run('INSERT INTO campaign_records (name, version, data) VALUES (?, ?, ?)');
    if (dump.phaseState !== null) putRecord(RECORD_PHASE, dump.phaseState.version, JSON.stringify(dump.phaseState.value));
    // The results' own version is not part of the dump (no port reads it): it restarts at 1.
    if (dump.results !== null) putRecord(RECORD_RESULTS, 1, JSON.stringify(dump.results));
    if (dump.secretCheck !== null) putMeta(META_SECRET_CHECK, dump.secretCheck);
    if (dump.nextIdeaNumber > 1) putMeta(META_IDEA_NUMBER, String(dump.nextIdeaNumber - 1));
    const resident = run('INSERT INTO residents (id, version, data, subscribed, area) VALUES (?, ?, ?, ?, ?)');
    for (const r of dump.residents) {
      const { subscribed, area } = subscriptionColumns(r);
      resident(r.id, r.version, JSON.stringify(r), subscribed, area);
    }
    const code = run('INSERT INTO access_codes (code, resident_id, issued_by, issued_at, used_at) VALUES (?, ?, ?, ?, ?)');
    for (const c of dump.codes) code(c.code, c.residentId, c.issuedBy, c.issuedAt, c.usedAt);
    const phone = run('INSERT INTO phone_claims (phone_key, holder, claimed_at) VALUES (?, ?, ?)');
    for (const c of dump.phoneClaims) phone(c.phoneKey, c.holder, c.claimedAt);
    const idea = run('INSERT INTO ideas (id, number, state, author_id, version, data) VALUES (?, ?, ?, ?, ?, ?)');
    for (const i of dump.ideas) idea(i.id, i.number, i.state, i.authorId, i.version, JSON.stringify(i));
    const support = run('INSERT INTO idea_supports (idea_id, supporter_key, at) VALUES (?, ?, ?)');
    for (const s of dump.supports) support(s.ideaId, s.supporterKey, s.at);
    if (dump.nextQuestionNumber > 1) putMeta(META_QUESTION_NUMBER, String(dump.nextQuestionNumber - 1));
    const question = run('INSERT INTO questions (id, number, owner_id, state, created_at, version, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const owners = new Map<string, string>();
    for (const q of dump.questions) {
      question(q.id, q.number, q.ownerId, q.state, q.createdAt, q.version, questionJson(q));
      owners.set(q.id, q.ownerId);
    }
    const questionMessage = run('INSERT INTO question_messages (question_id, seq, owner_id, sender, at, data) VALUES (?, ?, ?, ?, ?, ?)');
    for (const m of dump.questionMessages) questionMessage(m.questionId, m.seq, owners.get(m.questionId), m.from, m.at, messageJson(m));
    const columns = 'voter_key, slot, envelope_id, choices, version, receipt, cast_at, assisted, request_id';
    const values = '@voter_key, @slot, @envelope_id, @choices, @version, @receipt, @cast_at, @assisted, @request_id';
    const version = db.prepare(`INSERT INTO ballot_versions (${columns}) VALUES (${values})`);
    for (const b of dump.ballotVersions) version.run(ballotParams(b));
    const current = db.prepare(`INSERT INTO ballots (${columns}) VALUES (${values})`);
    for (const b of dump.ballots) current.run(ballotParams(b));
    // Derived from the ballots, as the cast transactions keep it (sqlite-ballot-box.ts).
    const assisted = dump.ballots.filter((b) => b.assisted).length;
    if (assisted > 0) putMeta(META_ASSISTED_BALLOTS, String(assisted));
    // Explicit seqs: AUTOINCREMENT then continues after the highest one. Claims (lease, token)
    // are not carried over; predecessor holds are judged from the rows at claim time.
    const message = run(
      `INSERT INTO outbox (seq, key, recipient, template, params, not_before, status, attempts, last_error, lease_until, after_key, grp, resident_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    );
    const groups = new Map<string, Record<keyof OutboxGroupCounts, number>>();
    for (const m of dump.outbox) {
      const residentId = m.recipient.kind === 'resident' ? m.recipient.residentId : null;
      message(m.seq, m.key, JSON.stringify(m.recipient), m.template, JSON.stringify(m.params), m.notBefore, m.status, m.attempts, m.lastError, m.after ?? null, m.group ?? null, residentId);
      if (m.group === undefined) continue;
      const c = groups.get(m.group) ?? { pending: 0, sent: 0, failed: 0, skipped: 0 };
      c[groupOutcome(m)] += 1;
      groups.set(m.group, c);
    }
    const group = run('INSERT INTO outbox_groups (grp, pending, sent, failed, skipped) VALUES (?, ?, ?, ?, ?)');
    for (const [g, c] of groups) group(g, c.pending, c.sent, c.failed, c.skipped);
    const ref = run('INSERT INTO message_refs (key, platform, chat, message_id, owner, at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of dump.messageRefs) ref(r.key, r.platform, r.chat, r.messageId, r.owner, r.at);
    const entry = run(
      `INSERT INTO audit_log (seq, prev_hash, hash, at, actor, action, subject, assisted, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const e of dump.audit) entry(e.seq, e.prevHash, e.hash, e.at, e.actor, e.action, e.subject, e.assisted ? 1 : 0, canonicalJson(e.data));
    // claimed_at is not in the dump (no port reads it); state and expiry are what matter. A
    // restored lease gets a holder no caller has (see CampaignDump.processed).
    const update = run('INSERT INTO processed_updates (key, state, holder, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?)');
    for (const p of dump.processed) update(p.key, p.state, p.state === 'in_progress' ? 'migrated' : null, Math.min(Date.now(), p.expiresAt), p.expiresAt);
    const chat = run('INSERT INTO chat_state (key, owner, expires_at, expires_hour, data) VALUES (?, ?, ?, ?, ?)');
    for (const c of dump.chatState) chat(c.key, c.owner, c.expiresAt, expiresHour(c.expiresAt), encodeChatState(c.value).text);
    const broadcast = run(`INSERT INTO broadcasts (${BROADCAST_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const b of dump.broadcasts) broadcast(...broadcastValues(b));
  };

  return {
    async dump() {
      return readAll.deferred();
    },
    async restore(dump) {
      checkDump(dump);
      immediate(db, () => writeAll(dump));
    },
    nonEmptyTables,
    close() {
      if (owned && db.open) db.close();
    },
  };
}
