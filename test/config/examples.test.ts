import { describe, expect, it } from 'vitest';
import { loadCampaignFile } from '../../config/index.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { bertrixPath, cityPath, loadMutated } from './campaign-fixtures.ts';

async function load(file: string): Promise<Campaign> {
  const result = await loadCampaignFile(file);
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.campaign;
}

/** Epoch ms of a Brussels wall-clock time given with its UTC offset. */
const brussels = (iso: string): number => Date.parse(iso);

describe('config/examples/bertrix.yaml (SPEC §1)', () => {
  it('loads as the reference campaign', async () => {
    const c = await load(bertrixPath);
    expect(c.id).toBe('bertrix-2026');
    expect(c.defaultLocale).toBe('fr');
    expect(c.locales).toEqual(['fr', 'en']);
    expect(c.timeZone).toBe('Europe/Brussels');
    expect(c.population).toBe(8000);
    expect(c.currency).toBe('EUR');
    expect(c.currencyMinorUnits).toBe(100);
    expect(c.envelopes).toEqual([{ id: 'commune', name: expect.any(Object), area: null, amount: 2_000_000 }]);
    expect(c.ideaCost).toEqual({ min: 50_000, max: 2_000_000 });
    expect(c.ballot).toEqual({ kind: 'single', allowChange: true });
    expect(c.tally).toEqual({ method: 'greedy', variant: 'skip', threshold: 0, tieBreak: 'votes-cost-id' });
    expect(c.eligibility).toEqual({ minimumAge: 18, areas: null, verification: 'none' });
    expect(c.ageBands.map((b) => b.id)).toEqual(['18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+']);
    expect(c.ageBands.at(-1)).toEqual({ id: '75+', min: 75, max: null });
    expect(c.areas.map((a) => a.id)).toContain('auby-sur-semois');
    expect(c.reviewCriteria.length).toBeGreaterThanOrEqual(5);
    expect(c.schedules).toEqual({ residentUpdate: '0 9 * * 1', mayorDigest: '0 8 * * 5', reminders: [3 * 86_400_000, 86_400_000] });
    expect(c.slack.announcements).toBe('C07BRTXANNONCE');
  });

  it('has the half-open windows of SPEC §2.1 in Brussels time (ends exclusive)', async () => {
    const c = await load(bertrixPath);
    expect(c.phases).toEqual({
      submission: { start: brussels('2026-04-09T00:00+02:00'), end: brussels('2026-05-16T00:00+02:00') },
      review: { start: brussels('2026-05-16T00:00+02:00'), end: brussels('2026-05-31T00:00+02:00') },
      voting: { start: brussels('2026-06-01T00:00+02:00'), end: brussels('2026-07-01T00:00+02:00') },
      tallying: { start: brussels('2026-07-01T00:00+02:00'), end: brussels('2026-07-17T00:00+02:00') },
      announced: { start: brussels('2026-07-17T00:00+02:00'), end: null },
    });
    // The last vote of 30 June 23:59:59.999 local is inside voting; 1 July 00:00 is not.
    const v = c.phases.voting;
    expect(brussels('2026-06-30T23:59:59.999+02:00')).toBeLessThan(v.end ?? 0);
    expect(brussels('2026-07-01T00:00:00+02:00')).toBe(v.end);
  });
});

describe('config/examples/city.yaml', () => {
  it('loads with per-area envelopes, knapsack, MES add1 and four locales', async () => {
    const c = await load(cityPath);
    expect(c.locales).toEqual(['nl', 'en', 'fr', 'de']);
    expect(c.envelopes.filter((e) => e.area === null)).toHaveLength(1);
    expect(c.envelopes.filter((e) => e.area !== null).map((e) => e.area)).toEqual(c.areas.map((a) => a.id));
    expect(c.envelopes.find((e) => e.id === 'wijgmaal')?.amount).toBe(5_000_050);
    expect(c.ballot).toEqual({ kind: 'knapsack', allowChange: true });
    expect(c.tally).toEqual({ method: 'mes', completion: 'add1', comparison: false, tieBreak: 'mes-recommended' });
    expect(c.eligibility.verification).toBe('code');
    expect(c.phases.voting.start).toBe(brussels('2027-01-11T09:00+01:00'));
    expect(c.phases.announced.end).toBe(brussels('2027-12-31T00:00+01:00'));
    expect(c.slack.announcements).toBe(c.slack.committee);
    expect(c.digestRecipients).toContainEqual({ channel: 'telegram', chatId: 123456789, name: 'Schepen participatie' });
    expect(c.schedules.reminders).toEqual([7 * 86_400_000, 2 * 86_400_000, 6 * 3_600_000]);
  });
});

describe('vote reminders', () => {
  const reminders = (mutate: (d: any) => void): readonly number[] => {
    const r = loadMutated(mutate);
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    return r.campaign.schedules.reminders;
  };
  it('default to 3 days and 1 day before the close, less those longer than the voting window; [] turns them off', () => {
    expect(reminders((d) => delete d.schedules.reminders)).toEqual([3 * 86_400_000, 86_400_000]);
    expect(reminders((d) => {
      delete d.schedules.reminders;
      d.phases.voting.start = '2026-06-29';
    })).toEqual([86_400_000]);
    expect(reminders((d) => (d.schedules.reminders = []))).toEqual([]);
    expect(reminders((d) => (d.schedules.reminders = ['12h', 'P2D', '90m']))).toEqual([2 * 86_400_000, 12 * 3_600_000, 90 * 60_000]);
  });
});
