import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pino, type Logger } from 'pino';
import type { Stores } from '../../core/ports/stores.ts';
import { migrate } from './migrations.ts';
import { SqliteAuditLog } from './sqlite-audit-log.ts';
import { SqliteBallotBox } from './sqlite-ballot-box.ts';
import { SqliteBroadcastStore } from './sqlite-broadcast-store.ts';
import { SqliteCampaignStore } from './sqlite-campaign-store.ts';
import { openDatabase } from './sqlite-database.ts';
import { SqliteIdeaStore } from './sqlite-idea-store.ts';
import { SqliteOutbox } from './sqlite-outbox.ts';
import { SqliteProcessedUpdates } from './sqlite-processed-updates.ts';
import { SqliteResidentStore } from './sqlite-resident-store.ts';

/** Options of {@link openSqliteStores}. */
export interface SqliteStoresOptions {
  /** The campaign's database file (see {@link sqliteFileFor}); created when missing. */
  readonly file: string;
  /** Parent logger; the store logs through a `module: 'sqlite-store'` child. Default: silent. */
  readonly logger?: Logger;
  /** Milliseconds to wait for another writer's lock before SQLITE_BUSY. Default 5000. */
  readonly busyTimeoutMs?: number;
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
 * one connection. Several processes may open the same file: every port's atomicity holds
 * across them (each change is a `BEGIN IMMEDIATE` transaction).
 */
export function openSqliteStores(options: SqliteStoresOptions): Stores {
  const log = (options.logger ?? pino({ level: 'silent' })).child({ module: 'sqlite-store' });
  const db = openDatabase(options.file, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  try {
    migrate(db, log);
  } catch (e) {
    db.close();
    throw e;
  }
  log.debug({ file: options.file }, 'sqlite store opened');
  return {
    campaign: new SqliteCampaignStore(db),
    residents: new SqliteResidentStore(db),
    ideas: new SqliteIdeaStore(db),
    ballots: new SqliteBallotBox(db),
    outbox: new SqliteOutbox(db),
    processed: new SqliteProcessedUpdates(db),
    audit: new SqliteAuditLog(db),
    broadcasts: new SqliteBroadcastStore(db),
    async close(): Promise<void> {
      if (!db.open) return;
      db.close();
      log.debug({ file: options.file }, 'sqlite store closed');
    },
  };
}
