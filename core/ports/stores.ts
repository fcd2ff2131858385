import type { AuditLog } from './audit-log.ts';
import type { BallotBox } from './ballot-box.ts';
import type { BroadcastStore } from './broadcast-store.ts';
import type { CampaignStore } from './campaign-store.ts';
import type { IdeaStore } from './idea-store.ts';
import type { Outbox } from './outbox.ts';
import type { ProcessedUpdates } from './processed-updates.ts';
import type { ResidentStore } from './resident-store.ts';

/**
 * Every storage port of one campaign, from one backend (SQLite file or Redis prefix).
 * Side records passed to any of them land in this bundle's `audit` and `outbox`.
 */
export interface Stores {
  readonly campaign: CampaignStore;
  readonly residents: ResidentStore;
  readonly ideas: IdeaStore;
  readonly ballots: BallotBox;
  readonly outbox: Outbox;
  readonly processed: ProcessedUpdates;
  readonly audit: AuditLog;
  readonly broadcasts: BroadcastStore;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}
