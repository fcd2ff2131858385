import type { Stores } from '../../core/ports/stores.ts';

/** A fresh, empty, isolated set of stores for one test (own temp file or key prefix). */
export interface StoresFixture {
  readonly stores: Stores;
  /**
   * Opens a second, independent handle on the same data (another connection / database
   * handle), so races can be run across connections. Closed by `cleanup`.
   */
  reopen(): Promise<Stores>;
  /** Closes every handle and removes the data. */
  cleanup(): Promise<void>;
}

/** Makes a fresh fixture; called once per test. */
export type MakeStores = () => Promise<StoresFixture>;
