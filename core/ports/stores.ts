import type { AuditLog } from './audit-log.ts';
import type { BallotBox } from './ballot-box.ts';
import type { BroadcastStore } from './broadcast-store.ts';
import type { CampaignStore } from './campaign-store.ts';
import type { ChatStateStore } from './chat-state-store.ts';
import type { IdeaStore } from './idea-store.ts';
import type { MessageReferences } from './message-references.ts';
import type { Outbox } from './outbox.ts';
import type { ProcessedUpdates } from './processed-updates.ts';
import type { QuestionStore } from './question-store.ts';
import type { ResidentStore } from './resident-store.ts';

/** Result of {@link Stores.purgeDeleted}. */
export type PurgeOutcome = 'purged' | 'deferred';

/**
 * Every storage port of one campaign, from one backend (SQLite file or Redis prefix).
 * Side records passed to any of them land in this bundle's `audit` and `outbox`.
 */
export interface Stores {
  readonly campaign: CampaignStore;
  readonly residents: ResidentStore;
  readonly ideas: IdeaStore;
  readonly questions: QuestionStore;
  readonly ballots: BallotBox;
  readonly outbox: Outbox;
  /** Which platform message shows what (written by `outbox.ack` or directly). */
  readonly messageRefs: MessageReferences;
  readonly processed: ProcessedUpdates;
  /** Conversation state of the messenger adapters (grammY sessions and conversations). */
  readonly chat: ChatStateStore;
  readonly audit: AuditLog;
  readonly broadcasts: BroadcastStore;
  /**
   * After an erasure: makes what deletes and overwrites left behind in the backend's own files
   * unrecoverable — SQLite zeroes freed space as it frees it, and here checkpoints the
   * write-ahead log (whose older page images still hold deleted rows) and truncates it to
   * zero bytes; memory and Redis keep nothing beyond their records (`purged` at once).
   * Idempotent, never throws on contention: `deferred` when another connection's open read
   * still pins old page images — the store then retries in the background until it succeeds
   * or is closed, and a close that is the last connection checkpoints and removes the log.
   */
  purgeDeleted(): Promise<PurgeOutcome>;
  /** Releases connections and file handles. */
  close(): Promise<void>;
}
