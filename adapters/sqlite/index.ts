/**
 * The embedded store: one SQLite file per campaign implementing every storage port of
 * core/ports. Start with {@link openSqliteStores}.
 */
export { openSqliteStores, sqliteFileFor } from './sqlite-stores.ts';
export type { SqliteStores, SqliteStoresOptions } from './sqlite-stores.ts';
export { SqliteLeaderLease } from './sqlite-lease.ts';
export type { SqliteLeaseOptions } from './sqlite-lease.ts';
export { SqliteCampaignStore } from './sqlite-campaign-store.ts';
export { SqliteResidentStore } from './sqlite-resident-store.ts';
export { SqliteIdeaStore } from './sqlite-idea-store.ts';
export { SqliteQuestionStore } from './sqlite-question-store.ts';
export { SqliteBallotBox } from './sqlite-ballot-box.ts';
export { SqliteOutbox } from './sqlite-outbox.ts';
export { SqliteMessageReferences } from './sqlite-message-references.ts';
export { SqliteBroadcastStore } from './sqlite-broadcast-store.ts';
export { SqliteProcessedUpdates } from './sqlite-processed-updates.ts';
export { SqliteChatState } from './sqlite-chat-state.ts';
export { SqliteAuditLog, auditEntryFromRow } from './sqlite-audit-log.ts';
export { SqliteSideRecords, sideRecordsFor } from './side-records.ts';
export { openDatabase, immediate, immediateTx, retryBusy, isBusyError, busyRetryCount, GroupCommit, DEFAULT_BUSY_TIMEOUT_MS } from './sqlite-database.ts';
export type { OpenDatabaseOptions } from './sqlite-database.ts';
export { migrate, MIGRATIONS, SCHEMA_VERSION } from './migrations.ts';
export type { Migration } from './migrations.ts';
export { sqliteTransfer } from './sqlite-transfer.ts';
export type { SqliteTransfer } from './sqlite-transfer.ts';
