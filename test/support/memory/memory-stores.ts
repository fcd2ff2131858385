import type { Stores } from '../../../core/ports/stores.ts';
import type { StoresFixture } from '../../contracts/stores-fixture.ts';
import { MemoryAuditLog } from './memory-audit-log.ts';
import { MemoryBallotBox } from './memory-ballot-box.ts';
import { MemoryBroadcastStore } from './memory-broadcast-store.ts';
import { MemoryCampaignStore } from './memory-campaign-store.ts';
import { MemoryChatState } from './memory-chat-state.ts';
import { MemoryIdeaStore } from './memory-idea-store.ts';
import { MemoryMessageReferences } from './memory-message-references.ts';
import { MemoryOutbox } from './memory-outbox.ts';
import { MemoryProcessedUpdates } from './memory-processed-updates.ts';
import { MemoryQuestionStore } from './memory-question-store.ts';
import { MemoryResidentStore } from './memory-resident-store.ts';
import { MemoryHandle, MemoryState } from './memory-state.ts';

/**
 * Every storage port over one in-memory state. Pass the `state` of an existing bundle to open
 * a second handle on the same data (what `reopen()` does). Side records given to any port
 * land in this state's audit log and outbox, in the same synchronous step as the change.
 */
export function createMemoryStores(state: MemoryState = new MemoryState()): Stores {
  const handle = new MemoryHandle(state);
  return {
    campaign: new MemoryCampaignStore(handle),
    residents: new MemoryResidentStore(handle),
    ideas: new MemoryIdeaStore(handle),
    questions: new MemoryQuestionStore(handle),
    ballots: new MemoryBallotBox(handle),
    outbox: new MemoryOutbox(handle),
    messageRefs: new MemoryMessageReferences(handle),
    processed: new MemoryProcessedUpdates(handle),
    chat: new MemoryChatState(handle),
    audit: new MemoryAuditLog(handle),
    // Nothing outlives a deleted record in memory; the handle must still be open.
    purgeDeleted: async () => {
      handle.open();
      return 'purged';
    },
    broadcasts: new MemoryBroadcastStore(handle),
    close: async () => handle.close(),
  };
}

/** A `StoresFixture` over a fresh memory state (the `MakeStores` of the memory backend). */
export async function makeMemoryStores(): Promise<StoresFixture> {
  const state = new MemoryState();
  const opened: Stores[] = [createMemoryStores(state)];
  const stores = opened[0] as Stores;
  return {
    stores,
    reopen: async () => {
      const again = createMemoryStores(state);
      opened.push(again);
      return again;
    },
    cleanup: async () => {
      for (const s of opened) await s.close();
    },
  };
}

export { MemoryState } from './memory-state.ts';
