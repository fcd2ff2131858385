import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEngineScenarios } from '../contracts/engine-scenarios.ts';
import { makeMemoryStores } from '../support/memory/memory-stores.ts';
import { openSqliteStores } from '../../adapters/sqlite/index.ts';
import type { Stores } from '../../core/ports/stores.ts';

describeEngineScenarios('memory', makeMemoryStores);

describeEngineScenarios('sqlite', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-engine-'));
  const file = path.join(dir, 'campaign.sqlite');
  const opened: Stores[] = [openSqliteStores({ file })];
  return {
    stores: opened[0]!,
    reopen: async () => {
      const s = openSqliteStores({ file });
      opened.push(s);
      return s;
    },
    cleanup: async () => {
      for (const s of opened) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
