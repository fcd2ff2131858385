import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import type { Stores } from '../../core/ports/stores.ts';
import { migrate } from './migrations.ts';
import { SqliteAuditLog } from './sqlite-audit-log.ts';
import { SqliteBallotBox } from './sqlite-ballot-box.ts';
import { SqliteBroadcastStore } from './sqlite-broadcast-store.ts';
import { SqliteCampaignStore } from './sqlite-campaign-store.ts';
import { SqliteChatState } from './sqlite-chat-state.ts';
import { DEFAULT_BUSY_TIMEOUT_MS, GroupCommit, openDatabase } from './sqlite-database.ts';
import { SqliteIdeaStore } from './sqlite-idea-store.ts';
import { SqliteMessageReferences } from './sqlite-message-references.ts';
import { SqliteLeaderLease } from './sqlite-lease.ts';
import { SqliteOutbox } from './sqlite-outbox.ts';
import { SqliteProcessedUpdates } from './sqlite-processed-updates.ts';
import { SqliteQuestionStore } from './sqlite-question-store.ts';
import { SqliteResidentStore } from './sqlite-resident-store.ts';
import { WalPurger } from './wal-purge.ts';
import { BackgroundCheckpointer } from './wal-checkpointer.ts';

/** Options of {@link openSqliteStores}. */
export interface SqliteStoresOptions {
  /** The campaign's database file (see {@link sqliteFileFor}); created when missing. */
  readonly file: string;
  /** Parent logger; the store logs through a `module: 'sqlite-store'` child. Default: silent. */
  readonly logger?: Logger;
  /** Milliseconds to wait for another writer's lock before SQLITE_BUSY. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * Checkpoint the write-ahead log from a worker thread (see wal-checkpointer.ts) instead of
   * inside the commits of the event loop. Default true.
   */
  readonly backgroundCheckpoint?: boolean;
}

/** The embedded stores: the ports plus what the composition root needs for leases. */
export interface SqliteStores extends Stores {
  /** The database file. */
  readonly file: string;
  /**
   * A contender for the lease `name` (e.g. `scheduler`) among the processes that open this
   * file, held in its `leases` table (see sqlite-lease.ts).
   */
  leaderLease(name: string, ttlMs: number): SqliteLeaderLease;
}

/** Campaign ids become file names: keep them to a safe alphabet. */
const CAMPAIGN_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/**
 * The database file of a campaign: `<dataDir>/<campaignId>.sqlite`. Creates `dataDir` (and
 * its parents) when missing; throws on a campaign id that is not a plain file name.
 */
export function sqliteFileFor(dataDir: string, campaignId: string): string {
  if (!CAMPAIGN_ID.test(campaignId) || campaignId.includes('..')) {
    throw new Error(`sqlite store: campaign id ${JSON.stringify(campaignId)} cannot name a file`);
  }
  mkdirSync(dataDir, { recursive: true });
  return path.join(dataDir, `${campaignId}.sqlite`);
}

/**
 * Opens the embedded store of one campaign: one SQLite file (WAL, `synchronous=NORMAL`,
 * foreign keys, `busy_timeout`), migrated to the current schema, with every storage port on
 * one connection, its log checkpointed by a worker thread (wal-checkpointer.ts). Several
 * processes may open the same file: every port's atomicity holds across them (each change is
 * a `BEGIN IMMEDIATE` transaction).
 */
export function openSqliteStores(options: SqliteStoresOptions): SqliteStores {
  const log = (options.logger ?? pino({ level: 'silent' })).child({ module: 'sqlite-store' });
  const db = openDatabase(options.file, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  try {
    migrate(db, log);
  } catch (e) {
    db.close();
    throw e;
  }
  log.debug({ file: options.file }, 'sqlite store opened');
  const group = new GroupCommit(db);
  const purger = new WalPurger(db, log, { busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  const checkpointer = options.backgroundCheckpoint === false || db.memory ? null : BackgroundCheckpointer.start(db, options.file, { logger: log });
  return {
    file: options.file,
    campaign: new SqliteCampaignStore(db),
    residents: new SqliteResidentStore(db),
    ideas: new SqliteIdeaStore(db, group),
    questions: new SqliteQuestionStore(db),
    ballots: new SqliteBallotBox(db),
    outbox: new SqliteOutbox(db),
    messageRefs: new SqliteMessageReferences(db),
    processed: new SqliteProcessedUpdates(db, group),
    chat: new SqliteChatState(db),
    leaderLease: (name, ttlMs) => new SqliteLeaderLease({ db, name, ttlMs }),
    audit: new SqliteAuditLog(db),
    purgeDeleted: () => purger.purge(),
    broadcasts: new SqliteBroadcastStore(db),
    async close(): Promise<void> {
      purger.stop();
      if (!db.open) return;
      group.flush();
      // The worker ends first: left running, its next round would open the log this close removes.
      await checkpointer?.stop();
      db.close();
      log.debug({ file: options.file }, 'sqlite store closed');
    },
  };
}
