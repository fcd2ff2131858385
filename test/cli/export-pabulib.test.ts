/**
 * A counted campaign exported as Pabulib files recounts, with the core rules on the file
 * alone, to the engine's winners — for Bertrix (single choice, greedy) and the city example
 * (knapsack ballots, one envelope per area plus the town, MES with Add1).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCommand } from '../../bot/commands/simulate.ts';
import { exportCommand } from '../../bot/commands/export.ts';
import { loadCampaignFile } from '../../config/index.ts';
import { officialSelected, parsePabulib, ruleFromName, toTallyInstance } from '../../adapters/pabulib/index.ts';
import { tally } from '../../core/tally/index.ts';
import { bertrixFile, cityFile, recordingIo, tempDir } from './cli-fixture.ts';

describe('pnyx export: one Pabulib file per envelope', () => {
  it.each([
    ['bertrix', bertrixFile, 400],
    ['city', cityFile, 300],
  ])('%s: each exported .pb recounts to the engine\'s winners', async (_name, file, residents) => {
    const { dir, cleanup } = await tempDir('pb-export');
    try {
      const env = { PNYX_DATA_DIR: path.join(dir, 'data') };
      expect(await simulateCommand([file, '--residents', String(residents), '--seed', '3'], recordingIo(dir, env))).toBe(0);
      const io = recordingIo(dir, env);
      expect(await exportCommand([file, '--data-dir', path.join(dir, 'data', 'simulations'), '--out', path.join(dir, 'out')], io)).toBe(0);
      const loaded = await loadCampaignFile(file);
      if (!loaded.ok) throw new Error('example does not load');
      const campaign = loaded.campaign;
      const exported = JSON.parse(await readFile(path.join(dir, 'out', 'export.json'), 'utf8'));
      let checked = 0;
      for (const envelope of campaign.envelopes) {
        const text = await readFile(path.join(dir, 'out', `pabulib-${envelope.id}.pb`), 'utf8');
        expect(text).not.toMatch(/tg:\d|code:r_/); // no resident id leaks into the file
        const election = parsePabulib(text);
        const rule = ruleFromName(election.meta.get('rule')!, election);
        if (rule === null) throw new Error('rule');
        const outcome = tally(toTallyInstance(election), { rule, tieBreak: campaign.tally.tieBreak });
        if (outcome.status !== 'ok') throw new Error('tie');
        const engineResult = exported.results.envelopes.find((e: { envelopeId: string }) => e.envelopeId === envelope.id);
        const engineWinners = engineResult.rows.filter((r: { funded: boolean }) => r.funded).map((r: { number: number }) => String(r.number));
        expect([...outcome.selected].sort()).toEqual([...engineWinners].sort());
        expect([...(officialSelected(election) ?? [])].sort()).toEqual([...engineWinners].sort());
        expect(Number(election.meta.get('num_votes'))).toBe(engineResult.ballots);
        checked++;
      }
      expect(checked).toBe(campaign.envelopes.length);
    } finally {
      await cleanup();
    }
  });
});
