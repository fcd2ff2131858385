import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateCommand } from '../../bot/commands/simulate.ts';
import { tallyCampaign } from '../../bot/commands/tally-campaign.ts';
import { exportCommand } from '../../bot/commands/export.ts';
import { bertrixFile, figure, recordingIo, resultsTable, tempDir } from './cli-fixture.ts';

/** Bertrix with another ballot rule (and tally), to drive the voters' other ways of filling in a ballot. */
const VARIANTS = {
  approval: 'ballot:\n  rule: approval\n  minChoices: 1\n  maxChoices: 3\n  allowChange: false\n',
  cumulative: 'ballot:\n  rule: cumulative\n  points: 5\n  maxPerIdea: 3\n  allowChange: true\n',
  knapsack: 'ballot:\n  rule: knapsack\n  allowChange: true\n\ntally:\n  method: mes\n  completion: add1\n  comparison: false\n  tieBreak: mes-recommended\n',
} as const;

describe('pnyx simulate under every ballot rule', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let text: string;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('rules'));
    text = await readFile(bertrixFile, 'utf8');
  });
  afterAll(async () => {
    await cleanup();
  });

  for (const [rule, block] of Object.entries(VARIANTS)) {
    it(`${rule}: completes, recounts to the same table, exports the choices`, async () => {
      let variant = text.replace(/ballot:\n {2}rule: single\n {2}allowChange: true\n/, block);
      if (rule === 'knapsack') variant = variant.replace(/\ntally:\n(?: {2}.*\n)+/, '\n');
      expect(variant).not.toBe(text);
      const file = path.join(dir, `bertrix-${rule}.yaml`);
      await writeFile(file, variant);
      const env = { PNYX_DATA_DIR: path.join(dir, rule) };
      const io = recordingIo(dir, env);
      expect(await simulateCommand([file, '--residents', '200', '--seed', rule], io)).toBe(0);
      expect(io.err()).toBe('');
      expect(io.out()).toContain(`ballot ${rule}`);
      expect(io.out()).toMatch(/refused actions {2}none/);
      const table = resultsTable(io.out());
      const voters = figure(table, /\n {2}voters {2}(\d[\d,]*)/);
      expect(figure(table, /\n {2}ballots (\d[\d,]*)/)).toBe(voters);
      if (rule === 'approval') expect(io.out()).toMatch(/ 0 replaced by a later vote/);
      if (rule === 'cumulative') {
        expect(table).toMatch(/idea +title +points/);
        // Every voter spreads exactly 5 points.
        const points = [...table.matchAll(/^ +(?:\d+|-) +#\d+ +.+? +(\d+) +[\d,]+\.\d\d /gm)].reduce((s, m) => s + Number(m[1]), 0);
        expect(points).toBe(5 * voters);
      }
      const simDir = path.join(dir, rule, 'simulations');
      const tally = recordingIo(dir, env);
      expect(await tallyCampaign([file, '--data-dir', simDir], tally)).toBe(0);
      expect(resultsTable(tally.out())).toBe(table);
      const out = path.join(dir, `${rule}-export`);
      expect(await exportCommand([file, '--data-dir', simDir, '--out', out], recordingIo(dir, env))).toBe(0);
      const ballots = (await readFile(path.join(out, 'ballots.csv'), 'utf8')).trimEnd().split('\r\n').slice(1);
      expect(ballots).toHaveLength(voters);
      const choice = rule === 'cumulative' ? /^[A-Z2-9]{10},commune,\d+:\d+( \d+:\d+)*,\d+$/ : /^[A-Z2-9]{10},commune,\d+( \d+)*,\d+$/;
      for (const b of ballots) expect(b).toMatch(choice);
      if (rule === 'approval') expect(ballots.some((b) => b.split(',')[2]?.includes(' '))).toBe(true);
    });
  }
});
