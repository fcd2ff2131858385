import type { MakeStores } from './stores-fixture.ts';
import { describeAuditLogContract } from './audit-log.contract.ts';
import { describeBallotBoxContract } from './ballot-box.contract.ts';

export { describeAuditLogContract } from './audit-log.contract.ts';
export { describeBallotBoxContract } from './ballot-box.contract.ts';
export type { MakeStores, StoresFixture } from './stores-fixture.ts';

/** Every store contract suite, for one backend. */
export function describeStoreContracts(label: string, make: MakeStores): void {
  describeBallotBoxContract(label, make);
  describeAuditLogContract(label, make);
}
