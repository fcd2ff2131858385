import { makeMemoryStores } from '../support/memory/memory-stores.ts';
import { describeStoreContracts } from './index.ts';

describeStoreContracts('memory', makeMemoryStores);
