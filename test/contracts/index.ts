import type { MakeStores } from './stores-fixture.ts';
import { describeAuditLogContract } from './audit-log.contract.ts';
import { describeBallotBoxContract } from './ballot-box.contract.ts';
import { describeCampaignStoreContract } from './campaign-store.contract.ts';
import { describeChatStateContract } from './chat-state.contract.ts';
import { describeIdeaStoreContract } from './idea-store.contract.ts';
import { describeMessageReferencesContract } from './message-references.contract.ts';
import { describeOutboxContract } from './outbox.contract.ts';
import { describeOutboxFilterContract } from './outbox-filter.contract.ts';
import { describeOutboxGroupsContract } from './outbox-groups.contract.ts';
import { describeOutboxOrderContract } from './outbox-order.contract.ts';
import { describeProcessedUpdatesContract } from './processed-updates.contract.ts';
import { describeQuestionStoreContract } from './question-store.contract.ts';
import { describeResidentStoreContract } from './resident-store.contract.ts';
import { describePhoneClaimsContract } from './phone-claims.contract.ts';
import { describeResidentSubscriptionsContract } from './resident-subscriptions.contract.ts';
import { describeBroadcastStoreContract } from './broadcast-store.contract.ts';

export { describeAuditLogContract } from './audit-log.contract.ts';
export { describeBallotBoxContract } from './ballot-box.contract.ts';
export { describeCampaignStoreContract } from './campaign-store.contract.ts';
export { describeChatStateContract } from './chat-state.contract.ts';
export { describeIdeaStoreContract } from './idea-store.contract.ts';
export { describeMessageReferencesContract } from './message-references.contract.ts';
export { describeOutboxContract } from './outbox.contract.ts';
export { describeOutboxFilterContract } from './outbox-filter.contract.ts';
export { describeOutboxGroupsContract } from './outbox-groups.contract.ts';
export { describeOutboxOrderContract } from './outbox-order.contract.ts';
export { describeProcessedUpdatesContract } from './processed-updates.contract.ts';
export { describeQuestionStoreContract } from './question-store.contract.ts';
export { describeResidentStoreContract } from './resident-store.contract.ts';
export { describePhoneClaimsContract } from './phone-claims.contract.ts';
export { describeResidentSubscriptionsContract } from './resident-subscriptions.contract.ts';
export { describeBroadcastStoreContract } from './broadcast-store.contract.ts';
export type { MakeStores, StoresFixture } from './stores-fixture.ts';

/** Every store contract suite, for one backend. */
export function describeStoreContracts(label: string, make: MakeStores): void {
  describeCampaignStoreContract(label, make);
  describeResidentStoreContract(label, make);
  describePhoneClaimsContract(label, make);
  describeResidentSubscriptionsContract(label, make);
  describeIdeaStoreContract(label, make);
  describeQuestionStoreContract(label, make);
  describeBallotBoxContract(label, make);
  describeOutboxContract(label, make);
  describeOutboxOrderContract(label, make);
  describeOutboxGroupsContract(label, make);
  describeOutboxFilterContract(label, make);
  describeMessageReferencesContract(label, make);
  describeProcessedUpdatesContract(label, make);
  describeChatStateContract(label, make);
  describeAuditLogContract(label, make);
  describeBroadcastStoreContract(label, make);
}
