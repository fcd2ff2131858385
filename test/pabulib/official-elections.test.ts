/**
 * Every real election in ../shared/data/pabulib: the tally under the file's META rule equals
 * the official `selected` column. Plus the variants that tell rules apart (Wieliczka's Add1
 * stop condition and comparison step, Kraków's positional points, Wrocław's no-skip,
 * Warsaw 2026's threshold, Częstochowa's points).
 */
import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithSharedData, hasSharedData, sharedData } from '../support/shared-data.ts';
import { officialSelected, readPabulibFile, ruleFromName, toTallyInstance } from '../../adapters/pabulib/index.ts';
import type { PabulibElection } from '../../adapters/pabulib/index.ts';
import { tally } from '../../core/tally/index.ts';
import type { TallyOptions, TallyOutcome } from '../../core/tally/index.ts';

const files = hasSharedData ? readdirSync(sharedData('pabulib')).filter((f) => f.endsWith('.pb')).sort() : [];
const cache = new Map<string, Promise<PabulibElection>>();
const load = (f: string): Promise<PabulibElection> => {
  if (!cache.has(f)) cache.set(f, readPabulibFile(sharedData('pabulib', f)));
  return cache.get(f)!;
};
const run = (e: PabulibElection, options: TallyOptions): TallyOutcome => {
  const out = tally(toTallyInstance(e), options);
  if (out.status !== 'ok') throw new Error(`unexpected tie ${out.tied.join(',')}`);
  return out;
};
const sorted = (xs: readonly string[]): string[] => [...xs].sort();

describeWithSharedData('official Pabulib outcomes', () => {
  it('has the 12 elections', () => expect(files).toHaveLength(12));

  for (const f of files) {
    it(`${f}: the META rule reproduces the official selection`, async () => {
      const e = await load(f);
      const rule = ruleFromName(e.meta.get('rule')!, e);
      expect(rule).not.toBeNull();
      const out = run(e, { rule: rule! });
      expect(sorted(out.selected)).toEqual(sorted(officialSelected(e)!));
      expect(out.spent.lte(out.budget)).toBe(true);
    });
  }

  it('Wieliczka: Add1 without the exhaustive stop gives the official 30 (995079) at 315; the comparison keeps MES 1615 to 873', async () => {
    const e = await load('Poland_Wieliczka_2023_Green_Budget.pb');
    const out = run(e, { rule: { kind: 'mes', completion: 'add1', comparison: true } });
    expect(out.selected).toHaveLength(30);
    expect(out.spent.toDecimal()).toBe('995079');
    expect(out.endowment!.toDecimal()).toBe('315');
    expect(out.notes).toContainEqual({ code: 'tally.comparison_kept_mes', params: { prefersMes: 1615, prefersGreedy: 873 } });
  });

  it('Wieliczka: with the exhaustive stop, 31 projects (984579) at endowment 302, {66, 67} instead of {46}', async () => {
    const e = await load('Poland_Wieliczka_2023_Green_Budget.pb');
    const off = new Set(officialSelected(e)!);
    const out = run(e, { rule: { kind: 'mes', completion: 'add1', add1: { exhaustiveStop: true } } });
    expect(out.selected).toHaveLength(31);
    expect(out.spent.toDecimal()).toBe('984579');
    expect(out.endowment!.toDecimal()).toBe('302');
    expect(sorted(out.selected.filter((p) => !off.has(p)))).toEqual(['66', '67']);
    expect([...off].filter((p) => !out.selected.includes(p))).toEqual(['46']);
  });

  it('Wieliczka: plain MES funds 21 projects (450548)', async () => {
    const out = run(await load('Poland_Wieliczka_2023_Green_Budget.pb'), { rule: { kind: 'mes' } });
    expect([out.selected.length, out.spent.toDecimal()]).toEqual([21, '450548']);
  });

  it('Assen and Świecie: Add1 gives the official sets under both stop conditions; plain MES does not', async () => {
    for (const [f, plain] of [['Netherlands_Assen_2024.pb', 7], ['Poland_Swiecie_2023.pb', 13]] as const) {
      const e = await load(f);
      for (const exhaustiveStop of [false, true]) {
        const out = run(e, { rule: { kind: 'mes', completion: 'add1', add1: { exhaustiveStop } } });
        expect(sorted(out.selected)).toEqual(sorted(officialSelected(e)!));
      }
      expect(run(e, { rule: { kind: 'mes' } }).selected).toHaveLength(plain);
    }
  });

  it('Kraków: 3/2/1 by default and when given; counting votes does not match', async () => {
    const e = await load('Poland_Krakow_2024.pb');
    const off = sorted(officialSelected(e)!);
    expect(sorted(run(e, { rule: { kind: 'greedy' }, ordinalPoints: [3, 2, 1] }).selected)).toEqual(off);
    expect(sorted(run(e, { rule: { kind: 'greedy' }, ordinalPoints: [1, 1, 1] }).selected)).not.toEqual(off);
  });

  it('Wrocław needs no-skip, Warsaw 2026 needs the threshold, Częstochowa needs points', async () => {
    const wro = await load('Poland_Wroclaw_2024.pb');
    expect(sorted(run(wro, { rule: { kind: 'greedy' } }).selected)).not.toEqual(sorted(officialSelected(wro)!));
    const waw = await load('Poland_Warszawa_2026.pb');
    expect(run(waw, { rule: { kind: 'greedy' } }).selected).toContain('1664');
    const threshold = run(waw, { rule: ruleFromName('greedy-threshold', waw)! });
    expect(threshold.selected).not.toContain('1664');
    expect(threshold.rounds.find((r) => r.project === '1664')!.reason.code).toBe('tally.below_threshold');
  });

  it('Rembertów, Wesoła and Bielany tell skip from no-skip', async () => {
    for (const f of ['Poland_Warszawa_2019_Rembertow.pb', 'Poland_Warszawa_2023_Wesola.pb', 'Poland_Warszawa_2021_Bielany.pb']) {
      const e = await load(f);
      expect(sorted(run(e, { rule: { kind: 'greedy', variant: 'no-skip' } }).selected)).not.toEqual(sorted(officialSelected(e)!));
    }
  });

  it('the official outcomes do not depend on the named tie-break order', async () => {
    for (const f of files) {
      const e = await load(f);
      const rule = ruleFromName(e.meta.get('rule')!, e)!;
      for (const tieBreak of ['votes-cost-id', 'mes-recommended', 'file'] as const) {
        expect(sorted(run(e, { rule, tieBreak }).selected)).toEqual(sorted(officialSelected(e)!));
      }
    }
  }, 60_000);
});
