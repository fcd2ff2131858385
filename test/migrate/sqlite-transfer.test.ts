import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores, sqliteFileFor, sqliteTransfer } from '../../adapters/sqlite/index.ts';
import { TransferRefusedError, dumpSummary } from '../../adapters/transfer/index.ts';
import { makeTempDir } from '../sqlite/sqlite-fixture.ts';
import { expectBehavesLikeSource, fillCampaign } from './fill-campaign.ts';

describe('sqliteTransfer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const freshFile = (name: string): string => {
    const dir = makeTempDir();
    dirs.push(dir);
    return sqliteFileFor(dir, name);
  };

  it('copies a campaign filled through the engine into a fresh file that behaves the same', async () => {
    const sourceFile = freshFile('source');
    const stores = openSqliteStores({ file: sourceFile });
    const filled = await fillCampaign(stores);
    await stores.close();

    const targetFile = freshFile('target');
    const source = sqliteTransfer(sourceFile);
    const target = sqliteTransfer(targetFile);
    try {
      const dump = await source.dump();
      expect(dump.format).toBe('pnyx-dump/2');
      expect(dump.residents.length).toBe(8); // 9 registered, one erased
      expect(dump.ballotVersions.length).toBeGreaterThan(dump.ballots.length);
      expect(new Set(dump.outbox.map((m) => m.status))).toEqual(new Set(['pending', 'sent', 'failed']));
      expect(dump.supports.every((s) => s.at > 0)).toBe(true);
      expect(new Set(dump.broadcasts.map((b) => b.status))).toEqual(new Set(['fanning_out', 'sending']));
      expect(dump.outbox.some((m) => m.group === filled.broadcasts.partial)).toBe(true);
      await target.restore(dump);
      const copy = await target.dump();
      expect(copy).toEqual(dump);
      expect(dumpSummary(copy)).toEqual(dumpSummary(dump));
    } finally {
      source.close();
      target.close();
    }
    const targetStores = openSqliteStores({ file: targetFile });
    try {
      await expectBehavesLikeSource(targetStores, filled);
    } finally {
      await targetStores.close();
    }
  });

  it('refuses to restore into a file that holds data, and changes nothing', async () => {
    const file = freshFile('busy');
    const stores = openSqliteStores({ file });
    await fillCampaign(stores);
    await stores.close();
    const t = sqliteTransfer(file);
    try {
      const before = await t.dump();
      expect(t.nonEmptyTables()).toContain('residents');
      const attempt = t.restore(before);
      await expect(attempt).rejects.toBeInstanceOf(TransferRefusedError);
      await expect(attempt).rejects.toMatchObject({ refusal: 'target_not_empty' });
      expect(dumpSummary(await t.dump())).toEqual(dumpSummary(before));
    } finally {
      t.close();
    }
  });

  it('refuses a malformed dump before writing anything', async () => {
    const t = sqliteTransfer(freshFile('empty'));
    try {
      const empty = await t.dump();
      const gap = { ...empty, audit: [{ seq: 2, prevHash: '0'.repeat(64), hash: 'x', at: 1, actor: 'a', action: 'b', subject: 'c', data: {}, assisted: false }] };
      await expect(t.restore(gap)).rejects.toMatchObject({ refusal: 'bad_dump' });
      await expect(t.restore({ ...empty, format: 'other' as 'pnyx-dump/2' })).rejects.toMatchObject({ refusal: 'bad_dump' });
      expect(t.nonEmptyTables()).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('rolls a failed restore back whole', async () => {
    const sourceFile = freshFile('source');
    const stores = openSqliteStores({ file: sourceFile });
    await fillCampaign(stores);
    await stores.close();
    const source = sqliteTransfer(sourceFile);
    const target = sqliteTransfer(freshFile('target'));
    try {
      const dump = await source.dump();
      // Two residents with one id: the second insert fails after many rows were written.
      const broken = { ...dump, residents: [...dump.residents, dump.residents[0]!] };
      await expect(target.restore(broken)).rejects.toThrow(/UNIQUE/);
      expect(target.nonEmptyTables()).toEqual([]);
      await target.restore(dump);
      expect(dumpSummary(await target.dump())).toEqual(dumpSummary(dump));
    } finally {
      source.close();
      target.close();
    }
  });
});
