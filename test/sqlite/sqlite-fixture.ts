/**
 * Stores fixture for the SQLite store: a fresh temp dir per test, the campaign file in it,
 * `reopen()` opening another better-sqlite3 handle on the same file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { StoresFixture } from '../contracts/stores-fixture.ts';

/** A fresh temp dir for one test (removed by the caller). */
export function makeTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pnyx-sqlite-'));
}

/** Makes an isolated SQLite fixture: own temp dir, one campaign file, any number of handles. */
export async function makeSqliteFixture(): Promise<StoresFixture> {
  const dir = makeTempDir();
  const file = sqliteFileFor(dir, 'test-campaign');
  const handles: Stores[] = [openSqliteStores({ file })];
  return {
    stores: handles[0]!,
    async reopen(): Promise<Stores> {
      const s = openSqliteStores({ file });
      handles.push(s);
      return s;
    },
    async cleanup(): Promise<void> {
      for (const h of handles.splice(0)) await h.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
