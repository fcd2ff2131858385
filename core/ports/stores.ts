import type { AuditLog } from './audit-log.ts';
import type { BallotBox } from './ballot-box.ts';
import type { CampaignStore } from './campaign-store.ts';
import type { ChatStateStore } from './chat-state-store.ts';
import type { IdeaStore } from './idea-store.ts';
import type { MessageReferences } from './message-references.ts';
import type { Outbox } from './outbox.ts';
import type { ProcessedUpdates } from './processed-updates.ts';
import type { QuestionStore } from './question-store.ts';
import type { ResidentStore } from './resident-store.ts';

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
  /** Releases connections and file handles. */
  close(): Promise<void>;
}
