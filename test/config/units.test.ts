import { describe, expect, it } from 'vitest';
import { currencyDecimals, isKnownCurrency, toMinorUnits } from '../../config/money.ts';
import { localToEpochMs } from '../../config/local-time.ts';
import { checkLocaleTag } from '../../config/locales.ts';
import { checkCronExpression } from '../../config/cron.ts';

describe('money in major units', () => {
  it('converts to integer minor units with the currency precision', () => {
    expect(toMinorUnits(20000, 2)).toBe(2_000_000);
    expect(toMinorUnits(20000.5, 2)).toBe(2_000_050);
    expect(toMinorUnits(0.07, 2)).toBe(7);
    expect(toMinorUnits(1234.567, 3)).toBe(1_234_567);
    expect(toMinorUnits(500, 0)).toBe(500);
    expect(toMinorUnits(20000.505, 2)).toMatch(/at most 2 decimals/);
    expect(toMinorUnits(1.5, 0)).toMatch(/no minor unit/);
    expect(toMinorUnits(1e21, 2)).toMatch(/plain amount/);
  });

  it('knows currencies and their decimals', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('PLN')).toBe(true);
    expect(isKnownCurrency('EUX')).toBe(false);
    expect(isKnownCurrency('eur')).toBe(false);
    expect(currencyDecimals('EUR')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('KWD')).toBe(3);
  });
});

describe('local dates', () => {
  it('reads a date as 00:00 local and a date-time as written, in the zone', () => {
    expect(localToEpochMs('2026-07-01', 'Europe/Brussels')).toBe(Date.parse('2026-07-01T00:00:00+02:00'));
    expect(localToEpochMs('2026-01-15T18:30', 'Europe/Brussels')).toBe(Date.parse('2026-01-15T18:30:00+01:00'));
    expect(localToEpochMs('2026-07-01', 'America/New_York')).toBe(Date.parse('2026-07-01T00:00:00-04:00'));
  });

  it('refuses impossible dates and times skipped by daylight saving', () => {
    expect(localToEpochMs('2026-02-30', 'Europe/Brussels')).toMatch(/not a real date/);
    expect(localToEpochMs('2026-03-29T02:30', 'Europe/Brussels')).toMatch(/does not exist/);
    expect(localToEpochMs('2026-3-1', 'Europe/Brussels')).toMatch(/YYYY-MM-DD/);
  });
});

describe('locale tags and cron', () => {
  it('accepts supported canonical tags only', () => {
    for (const tag of ['fr', 'en', 'nl', 'de', 'pl', 'nl-BE', 'fr-BE']) expect(checkLocaleTag(tag)).toBeNull();
    expect(checkLocaleTag('xx')).toMatch(/no translation/);
    // a well-formed language the bot has no texts for
    expect(checkLocaleTag('es')).toMatch(/no translation/);
    expect(checkLocaleTag('fr-be')).toMatch(/"fr-BE"/);
    expect(checkLocaleTag('not a tag')).toMatch(/BCP-47/);
  });

  it('accepts five-field cron expressions only', () => {
    expect(checkCronExpression('0 9 * * 1')).toBeNull();
    expect(checkCronExpression('0 8 * * FRI')).toBeNull();
    expect(checkCronExpression('0 0 9 * * 1')).toMatch(/five-field/);
    expect(checkCronExpression('0 9 * * 8')).toMatch(/invalid cron/);
  });
});

describe('reminder lead times', () => {
  it('reads shorthand and ISO 8601 days, hours and minutes, and nothing else', async () => {
    const { formatLeadTime, parseLeadTime } = await import('../../config/duration.ts');
    const ms = (text: string) => {
      const p = parseLeadTime(text);
      return p.ok ? p.ms : p.problem;
    };
    expect([ms('3d'), ms('P3D'), ms('1d12h'), ms('P1DT12H'), ms('PT90M'), ms('90m'), ms(' 12H ')]).toEqual([259_200_000, 259_200_000, 129_600_000, 129_600_000, 5_400_000, 5_400_000, 43_200_000]);
    for (const bad of ['', 'P', 'PT', 'P1DT', '3', 'd', '1.5d', '-1d', 'P1M', 'P1Y', 'PT30S', '3 days', '1h1d']) expect(ms(bad)).toMatch(/expected/);
    expect(ms('366d')).toMatch(/at most 365 days/);
    expect([formatLeadTime(259_200_000), formatLeadTime(129_600_000), formatLeadTime(5_400_000)]).toEqual(['3d', '1d12h', '1h30m']);
  });
});
