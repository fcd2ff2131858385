import type Database from 'better-sqlite3';
import type { Idea, IdeaState } from '../../core/ideas/idea.ts';
import type { SaveOutcome } from '../../core/ports/campaign-store.ts';
import type { IdeaFilter, IdeaStore, SupportOutcome } from '../../core/ports/idea-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { immediateTx } from './sqlite-database.ts';
import type { GroupCommit } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

interface IdeaRow {
  version: number;
  data: string;
}

/** meta key of the last idea number handed out. */
const IDEA_NUMBER = 'idea_number';

function ideaFromRow(r: IdeaRow): Idea {
  // The stored version is authoritative over whatever the saved object carried.
  return { ...(JSON.parse(r.data) as Idea), version: r.version };
}

/** Thrown inside a transaction to roll it back when a later step of it conflicts. */
class RollbackConflict extends Error {}

/**
 * Ideas (JSON rows with their state, author and number as indexed columns) and supports
 * (keyed hashes of resident ids, never ids). Every check-then-write is one immediate
 * transaction, so a support racing a decision or a merge sees the state that wins. `save`
 * runs in the store's group commit (a savepoint of the turn's one commit, see `GroupCommit`).
 */
export class SqliteIdeaStore implements IdeaStore {
  private readonly db: Database.Database;
  /** List statements by SQL text: a handful of filter shapes, prepared once each. */
  private readonly listStmts = new Map<string, Database.Statement<unknown[], IdeaRow>>();
  private readonly getStmt: Database.Statement<[string], IdeaRow>;
  private readonly countStmt: Database.Statement<[], { state: string; n: number }>;
  private readonly supportCountStmt: Database.Statement<[string], { n: number }>;
  private readonly hasSupportStmt: Database.Statement<[string, string], { one: number }>;
  private readonly nextNumberTx: () => number;
  private readonly saveTx: (idea: Idea, expected: number | null, side: SideRecords) => SaveOutcome;
  private readonly mergeTx: (from: Idea, fromExpected: number, into: Idea, intoExpected: number, side: SideRecords) => void;
  private readonly addSupportTx: (ideaId: string, key: string, at: number, allowed: readonly IdeaState[]) => SupportOutcome;
  private readonly removeSupportTx: (ideaId: string, key: string, allowed: readonly IdeaState[]) => SupportOutcome;

  constructor(
    db: Database.Database,
    private readonly group: GroupCommit,
  ) {
    this.db = db;
    const side = sideRecordsFor(db);
    this.getStmt = db.prepare('SELECT version, data FROM ideas WHERE id = ?');
    this.countStmt = db.prepare('SELECT state, COUNT(*) AS n FROM ideas GROUP BY state');
    this.supportCountStmt = db.prepare('SELECT COUNT(*) AS n FROM idea_supports WHERE idea_id = ?');
    this.hasSupportStmt = db.prepare('SELECT 1 AS one FROM idea_supports WHERE idea_id = ? AND supporter_key = ?');
    const stateOf = db.prepare<[string], { state: string }>('SELECT state FROM ideas WHERE id = ?');
    const bumpNumber = db.prepare<[string], { value: string }>(
      `INSERT INTO meta (key, value) VALUES (?, '1')
       ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1
       RETURNING value`,
    );
    const insert = db.prepare(
      `INSERT INTO ideas (id, number, state, author_id, version, data) VALUES (?, ?, ?, ?, 1, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
    const update = db.prepare(
      `UPDATE ideas SET number = ?, state = ?, author_id = ?, data = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    );
    // SQLite rewrites the index entries of every column a SET names, changed or not (two more
    // pages per decision in the log): most saves keep the number and the author, so they are
    // tried first without naming them, and the full update runs only when that matched nothing.
    const updateStateAndData = db.prepare(
      `UPDATE ideas SET state = ?, data = ?, version = version + 1
       WHERE id = ? AND version = ? AND number = ? AND author_id IS ?`,
    );
    const addSupport = db.prepare(
      'INSERT INTO idea_supports (idea_id, supporter_key, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    const removeSupport = db.prepare('DELETE FROM idea_supports WHERE idea_id = ? AND supporter_key = ?');
    const copySupports = db.prepare(
      `INSERT OR IGNORE INTO idea_supports (idea_id, supporter_key, at)
       SELECT ?, supporter_key, at FROM idea_supports WHERE idea_id = ?`,
    );
    const dropSupports = db.prepare('DELETE FROM idea_supports WHERE idea_id = ?');

    const write = (idea: Idea, expected: number | null): boolean => {
      const data = JSON.stringify(idea);
      if (expected === null) return insert.run(idea.id, idea.number, idea.state, idea.authorId, data).changes === 1;
      if (updateStateAndData.run(idea.state, data, idea.id, expected, idea.number, idea.authorId).changes === 1) return true;
      return update.run(idea.number, idea.state, idea.authorId, data, idea.id, expected).changes === 1;
    };

    this.nextNumberTx = immediateTx(db, () => Number(bumpNumber.get(IDEA_NUMBER)?.value));

    this.saveTx = immediateTx(db, (idea: Idea, expected: number | null, records: SideRecords): SaveOutcome => {
      if (!write(idea, expected)) return 'conflict';
      side.write(records);
      return 'saved';
    });

    this.mergeTx = immediateTx(db, (from: Idea, fromExpected: number, into: Idea, intoExpected: number, records: SideRecords) => {
      if (!write(from, fromExpected) || !write(into, intoExpected)) throw new RollbackConflict();
      copySupports.run(into.id, from.id);
      dropSupports.run(from.id);
      side.write(records);
    });

    const judge = (ideaId: string, allowed: readonly IdeaState[]): SupportOutcome | null => {
      const row = stateOf.get(ideaId);
      if (row === undefined) return 'not_found';
      return allowed.includes(row.state as IdeaState) ? null : 'not_supportable';
    };

    this.addSupportTx = immediateTx(db, (ideaId: string, key: string, at: number, allowed: readonly IdeaState[]) => {
      const refusal = judge(ideaId, allowed);
      if (refusal !== null) return refusal;
      return addSupport.run(ideaId, key, at).changes === 1 ? 'added' : 'already';
    });

    this.removeSupportTx = immediateTx(db, (ideaId: string, key: string, allowed: readonly IdeaState[]) => {
      const refusal = judge(ideaId, allowed);
      if (refusal !== null) return refusal;
      return removeSupport.run(ideaId, key).changes === 1 ? 'removed' : 'absent';
    });
  }

  async get(id: string): Promise<Idea | null> {
    const row = this.getStmt.get(id);
    return row === undefined ? null : ideaFromRow(row);
  }

  async list(filter: IdeaFilter = {}): Promise<readonly Idea[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.states !== undefined) {
      if (filter.states.length === 0) return [];
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    if (filter.authorId !== undefined) {
      where.push('author_id = ?');
      params.push(filter.authorId);
    }
    const sql = `SELECT version, data FROM ideas ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY number, id`;
    let stmt = this.listStmts.get(sql);
    if (stmt === undefined) {
      stmt = this.db.prepare<unknown[], IdeaRow>(sql);
      this.listStmts.set(sql, stmt);
    }
    return stmt.all(...params).map(ideaFromRow);
  }

  async countByState(): Promise<Readonly<Partial<Record<IdeaState, number>>>> {
    const out: Partial<Record<IdeaState, number>> = {};
    for (const r of this.countStmt.all()) out[r.state as IdeaState] = r.n;
    return out;
  }

  async nextNumber(): Promise<number> {
    return this.nextNumberTx();
  }

  save(idea: Idea, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    return this.group.run(() => this.saveTx(idea, expectedVersion, side));
  }

  async addSupport(ideaId: string, supporterKey: string, at: number, allowed: readonly IdeaState[]): Promise<SupportOutcome> {
    return this.addSupportTx(ideaId, supporterKey, at, allowed);
  }

  async removeSupport(ideaId: string, supporterKey: string, allowed: readonly IdeaState[]): Promise<SupportOutcome> {
    return this.removeSupportTx(ideaId, supporterKey, allowed);
  }

  async supportCount(ideaId: string): Promise<number> {
    return this.supportCountStmt.get(ideaId)?.n ?? 0;
  }

  async hasSupport(ideaId: string, supporterKey: string): Promise<boolean> {
    return this.hasSupportStmt.get(ideaId, supporterKey) !== undefined;
  }

  async merge(from: Idea, fromExpected: number, into: Idea, intoExpected: number, side: SideRecords): Promise<SaveOutcome> {
    try {
      this.mergeTx(from, fromExpected, into, intoExpected, side);
      return 'saved';
    } catch (e) {
      if (e instanceof RollbackConflict) return 'conflict';
      throw e;
    }
  }
}
