import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minorUnitsFormatter, renderTallyExplanation, TALLY_LOCALES, tallyMessageCodes } from '../../adapters/i18n/tally-messages.ts';
import { repoRoot } from '../support/shared-data.ts';

describe('tally explanations for people', () => {
  it('every language explains the same codes', () => {
    const en = [...tallyMessageCodes('en')].sort();
    for (const l of TALLY_LOCALES) expect([...tallyMessageCodes(l)].sort()).toEqual(en);
  });

  it('covers every code the counting rules emit', () => {
    const src = ['greedy.ts', 'mes.ts', 'completions.ts', 'explain.ts', 'tally.ts']
      .map((f) => readFileSync(path.join(repoRoot, 'core/tally', f), 'utf8'))
      .join('\n');
    const emitted = new Set([...src.matchAll(/'((?:tally|ballot)\.[a-z0-9_]+)'/g)].map((m) => m[1]!));
    emitted.delete('tally.invalid_instance');
    emitted.delete('tally.unsupported');
    emitted.delete('tally.tie_unresolved');
    const known = new Set(tallyMessageCodes('en'));
    expect([...emitted].filter((c) => !known.has(c))).toEqual([]);
  });

  it('says how much was missing, in the campaign currency and language', () => {
    const eur = minorUnitsFormatter('fr', 'EUR', 100);
    const text = renderTallyExplanation('fr', { code: 'tally.skipped_not_enough_left', params: { needed: '1200000', left: '300000', cost: '1500000' } }, eur);
    expect(text).toMatch(/^non financé : il manquait 12\s000,00\s€/u);
    const en = renderTallyExplanation('en', { code: 'tally.skipped_not_enough_left', params: { needed: '1200000', left: '300000', cost: '1500000' } }, minorUnitsFormatter('en', 'EUR', 100));
    expect(en).toContain('needed €12,000.00 more than was left');
  });

  it('falls back to English, then to the code', () => {
    const m = minorUnitsFormatter('en', 'EUR', 100);
    expect(renderTallyExplanation('uk', { code: 'tally.not_considered', params: {} }, m)).toBe('not funded');
    expect(renderTallyExplanation('fr', { code: 'tally.something_new', params: {} }, m)).toBe('tally.something_new');
  });
});
