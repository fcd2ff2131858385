import type Database from 'better-sqlite3';
import type { Broadcast, BroadcastDraft } from '../../core/broadcasts/broadcast.ts';
import type { BroadcastOutcome, BroadcastStore, FanOutPage } from '../../core/ports/broadcast-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { broadcastFromRow } from './broadcast-rows.ts';
import type { BroadcastRow } from './broadcast-rows.ts';
import { immediateTx } from './sqlite-database.ts';
import { sideRecordsFor } from './side-records.ts';

/**
 * Broadcast records in SQLite (table `broadcasts`, migration 2). A fan-out page is one
 * immediate transaction: check status and cursor, insert the page's outbox rows, move the
 * cursor — across connections and processes no page is recorded twice.
 */
export class SqliteBroadcastStore implements BroadcastStore {
  private readonly getStmt: Database.Statement<[string], BroadcastRow>;
  private readonly newestStmt: Database.Statement<[number], BroadcastRow>;
  private readonly olderStmt: Database.Statement<[string, number], BroadcastRow>;
  private readonly createTx: (draft: BroadcastDraft, side: SideRecords) => BroadcastOutcome;
  private readonly fanOutTx: (id: string, page: FanOutPage) => BroadcastOutcome;
  private readonly finishTx: (id: string, at: number, side: SideRecords) => BroadcastOutcome;

  constructor(db: Database.Database) {
    const side = sideRecordsFor(db);
    this.getStmt = db.prepare('SELECT * FROM broadcasts WHERE id = ?');
    this.newestStmt = db.prepare('SELECT * FROM broadcasts ORDER BY started_at DESC, id DESC LIMIT ?');
    this.olderStmt = db.prepare(
      `SELECT b.* FROM broadcasts b, broadcasts anchor
       WHERE anchor.id = ? AND (b.started_at, b.id) < (anchor.started_at, anchor.id)
       ORDER BY b.started_at DESC, b.id DESC LIMIT ?`,
    );
    const advance = db.prepare<[string | null, number, string]>('UPDATE broadcasts SET cursor = ?, queued = queued + ?, version = version + 1 WHERE id = ?');
    const close = db.prepare<[number, string]>("UPDATE broadcasts SET status = 'sending', total = queued, fanned_out_at = ? WHERE id = ?");
    const finish = db.prepare<[number, string]>("UPDATE broadcasts SET status = 'done', finished_at = ?, version = version + 1 WHERE id = ? AND status = 'sending'");

    this.createTx = immediateTx(db, (draft: BroadcastDraft, records: SideRecords): BroadcastOutcome => {
      if (side.createBroadcasts([draft]) !== 1) return 'conflict';
      side.write(records);
      return 'saved';
    });

    this.fanOutTx = immediateTx(db, (id: string, page: FanOutPage): BroadcastOutcome => {
      const row = this.getStmt.get(id);
      if (row === undefined) return 'not_found';
      if (row.status !== 'fanning_out' || row.cursor !== page.expectedCursor) return 'conflict';
      side.enqueue(page.drafts);
      advance.run(page.cursor, page.drafts.length, id);
      if (page.done) close.run(page.at, id);
      return 'saved';
    });

    this.finishTx = immediateTx(db, (id: string, at: number, records: SideRecords): BroadcastOutcome => {
      if (this.getStmt.get(id) === undefined) return 'not_found';
      if (finish.run(at, id).changes !== 1) return 'conflict';
      side.write(records);
      return 'saved';
    });
  }

  async create(draft: BroadcastDraft, side: SideRecords): Promise<BroadcastOutcome> {
    return this.createTx(draft, side);
  }

  async get(id: string): Promise<Broadcast | null> {
    const row = this.getStmt.get(id);
    return row === undefined ? null : broadcastFromRow(row);
  }

  async list(before: string | null, limit: number): Promise<readonly Broadcast[]> {
    if (limit <= 0) return [];
    const rows = before === null ? this.newestStmt.all(limit) : this.olderStmt.all(before, limit);
    return rows.map(broadcastFromRow);
  }

  async fanOutPage(id: string, page: FanOutPage): Promise<BroadcastOutcome> {
    return this.fanOutTx(id, page);
  }

  async finish(id: string, at: number, side: SideRecords): Promise<BroadcastOutcome> {
    return this.finishTx(id, at, side);
  }
}
