import { describeStoreContracts } from '../contracts/index.ts';
import { makeSqliteFixture } from './sqlite-fixture.ts';

describeStoreContracts('sqlite', makeSqliteFixture);
