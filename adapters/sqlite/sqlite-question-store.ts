import type Database from 'better-sqlite3';
import type { SaveOutcome } from '../../core/ports/campaign-store.ts';
import type { PostOutcome, QuestionLimits, QuestionStore } from '../../core/ports/question-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import type { Question, QuestionMessage, QuestionMessageDraft, QuestionState } from '../../core/questions/question.ts';
import { limitRetryAt } from '../../core/questions/question-rules.ts';
import { immediateTx } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

/** A `questions` row as the transfer and this store read it. */
export interface QuestionRow {
  version: number;
  data: string;
}

/** A `question_messages` row. */
export interface QuestionMessageRow {
  question_id: string;
  seq: number;
  data: string;
}

/** meta key of the last question number handed out. */
export const META_QUESTION_NUMBER = 'question_number';

/** Stored JSON of a question: every field but the version (kept in its column). */
export function questionJson(q: Question): string {
  const { version: _version, ...rest } = q;
  return JSON.stringify(rest);
}

export function questionFromRow(r: QuestionRow): Question {
  return { ...(JSON.parse(r.data) as Omit<Question, 'version'>), version: r.version };
}

/** Stored JSON of a message: every field but its place (question id, seq: columns). */
export function messageJson(m: QuestionMessageDraft): string {
  return JSON.stringify({ from: m.from, by: m.by, text: m.text, photo: m.photo, at: m.at });
}

export function questionMessageFromRow(r: QuestionMessageRow): QuestionMessage {
  return { questionId: r.question_id, seq: r.seq, ...(JSON.parse(r.data) as QuestionMessageDraft) };
}

/**
 * Questions (JSON rows with state, owner and number as indexed columns) and their messages.
 * A post — version check, caps, the message and the side records — is one immediate
 * transaction, so two instances judging one resident's cap see each other's writes.
 */
export class SqliteQuestionStore implements QuestionStore {
  private readonly db: Database.Database;
  private readonly listStmts = new Map<number, Database.Statement<unknown[], QuestionRow>>();
  private readonly getStmt: Database.Statement<[string], QuestionRow>;
  private readonly messagesStmt: Database.Statement<[string], QuestionMessageRow>;
  private readonly byOwnerStmt: Database.Statement<[string], QuestionRow>;
  private readonly countStmt: Database.Statement<[], { state: string; n: number }>;
  private readonly nextNumberTx: () => number;
  private readonly postTx: (q: Question, expected: number | null, m: QuestionMessageDraft, limits: QuestionLimits | null, side: SideRecords) => PostOutcome;
  private readonly saveTx: (q: Question, expected: number, side: SideRecords) => SaveOutcome;
  private readonly eraseTx: (ownerId: string) => number;

  constructor(db: Database.Database) {
    this.db = db;
    const side = sideRecordsFor(db);
    this.getStmt = db.prepare('SELECT version, data FROM questions WHERE id = ?');
    this.messagesStmt = db.prepare('SELECT question_id, seq, data FROM question_messages WHERE question_id = ? ORDER BY seq');
    this.byOwnerStmt = db.prepare('SELECT version, data FROM questions WHERE owner_id = ? ORDER BY number, id');
    this.countStmt = db.prepare('SELECT state, COUNT(*) AS n FROM questions GROUP BY state');
    const bumpNumber = db.prepare<[string], { value: string }>(
      `INSERT INTO meta (key, value) VALUES (?, '1')
       ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
       RETURNING value`,
    );
    const insert = db.prepare(
      `INSERT INTO questions (id, number, owner_id, state, created_at, version, data) VALUES (?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
    const update = db.prepare(
      `UPDATE questions SET number = ?, state = ?, data = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    );
    const lastSeq = db.prepare<[string], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM question_messages WHERE question_id = ?');
    const insertMessage = db.prepare('INSERT INTO question_messages (question_id, seq, owner_id, sender, at, data) VALUES (?, ?, ?, ?, ?, ?)');
    const askedSince = db.prepare<[string, number], { t: number }>('SELECT created_at AS t FROM questions WHERE owner_id = ? AND created_at > ?');
    const saidSince = db.prepare<[string, number], { t: number }>(
      "SELECT at AS t FROM question_messages WHERE owner_id = ? AND sender = 'resident' AND at > ?",
    );
    const eraseMessages = db.prepare('DELETE FROM question_messages WHERE question_id IN (SELECT id FROM questions WHERE owner_id = ?)');
    const eraseQuestions = db.prepare('DELETE FROM questions WHERE owner_id = ?');

    const write = (q: Question, expected: number | null): boolean => {
      const data = questionJson(q);
      const r = expected === null ? insert.run(q.id, q.number, q.ownerId, q.state, q.createdAt, data) : update.run(q.number, q.state, data, q.id, expected);
      return r.changes === 1;
    };

    const judge = (ownerId: string, limits: QuestionLimits, isNew: boolean): PostOutcome | null => {
      const instants = (rows: { t: number }[]) => rows.map((r) => r.t);
      if (isNew && limits.questions !== undefined) {
        const retryAt = limitRetryAt(instants(askedSince.all(ownerId, limits.now - limits.questions.windowMs)), limits.questions, limits.now);
        if (retryAt !== null) return { status: 'rate_limited', limit: 'questions', retryAt };
      }
      if (limits.messages !== undefined) {
        const retryAt = limitRetryAt(instants(saidSince.all(ownerId, limits.now - limits.messages.windowMs)), limits.messages, limits.now);
        if (retryAt !== null) return { status: 'rate_limited', limit: 'messages', retryAt };
      }
      return null;
    };

    this.nextNumberTx = immediateTx(db, () => Number(bumpNumber.get(META_QUESTION_NUMBER)?.value));

    this.postTx = immediateTx(db, (q: Question, expected: number | null, m: QuestionMessageDraft, limits: QuestionLimits | null, records: SideRecords): PostOutcome => {
      const current = this.getStmt.get(q.id)?.version ?? null;
      if (current !== expected) return { status: 'conflict' };
      if (limits !== null && m.from === 'resident') {
        const refused = judge(q.ownerId, limits, expected === null);
        if (refused !== null) return refused;
      }
      if (!write(q, expected)) return { status: 'conflict' };
      const seq = (lastSeq.get(q.id)?.seq ?? 0) + 1;
      insertMessage.run(q.id, seq, q.ownerId, m.from, m.at, messageJson(m));
      side.write(records);
      return { status: 'saved', seq };
    });

    this.saveTx = immediateTx(db, (q: Question, expected: number, records: SideRecords): SaveOutcome => {
      if (!write(q, expected)) return 'conflict';
      side.write(records);
      return 'saved';
    });

    this.eraseTx = immediateTx(db, (ownerId: string): number => {
      eraseMessages.run(ownerId);
      return eraseQuestions.run(ownerId).changes;
    });
  }

  async get(id: string): Promise<Question | null> {
    const row = this.getStmt.get(id);
    return row === undefined ? null : questionFromRow(row);
  }

  async messages(questionId: string): Promise<readonly QuestionMessage[]> {
    return this.messagesStmt.all(questionId).map(questionMessageFromRow);
  }

  async listByOwner(ownerId: string): Promise<readonly Question[]> {
    return this.byOwnerStmt.all(ownerId).map(questionFromRow);
  }

  async list(states: readonly QuestionState[], afterNumber: number, limit: number): Promise<readonly Question[]> {
    if (states.length === 0 || limit <= 0) return [];
    let stmt = this.listStmts.get(states.length);
    if (stmt === undefined) {
      const marks = states.map(() => '?').join(', ');
      stmt = this.db.prepare<unknown[], QuestionRow>(`SELECT version, data FROM questions WHERE state IN (${marks}) AND number > ? ORDER BY number, id LIMIT ?`);
      this.listStmts.set(states.length, stmt);
    }
    return stmt.all(...states, afterNumber, limit).map(questionFromRow);
  }

  async countByState(): Promise<Readonly<Partial<Record<QuestionState, number>>>> {
    const out: Partial<Record<QuestionState, number>> = {};
    for (const r of this.countStmt.all()) out[r.state as QuestionState] = r.n;
    return out;
  }

  async nextNumber(): Promise<number> {
    return this.nextNumberTx();
  }

  async post(question: Question, expectedVersion: number | null, message: QuestionMessageDraft, limits: QuestionLimits | null, side: SideRecords): Promise<PostOutcome> {
    return this.postTx(question, expectedVersion, message, limits, side);
  }

  async save(question: Question, expectedVersion: number, side: SideRecords): Promise<SaveOutcome> {
    return this.saveTx(question, expectedVersion, side);
  }

  async eraseOwner(ownerId: string): Promise<number> {
    return this.eraseTx(ownerId);
  }
}
