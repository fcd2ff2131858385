/**
 * The refusal and notice catalogues (core/domain/codes.ts) are what renderers translate: a
 * code missing from them is a message someone receives untranslated. The types make `refuse`
 * and the engine's templates check at compile time; this checks the lists themselves and
 * that no source file slips a template or refusal literal past them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_REFUSAL_CODES, NOTICE_TEMPLATES, PHASE_ACTIONS, REFUSAL_CODES, phaseRefusal } from '../../core/domain/codes.ts';
import { PHASES } from '../../core/campaign/campaign.ts';
import { repoRoot } from '../support/shared-data.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const core = sources(path.join(repoRoot, 'core')).filter((f) => !f.endsWith(`${path.sep}codes.ts`));
const text = core.map((f) => readFileSync(f, 'utf8')).join('\n');

describe('codes catalogue', () => {
  it('lists each refusal and each template once, phase refusals for every action', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
    expect(new Set(NOTICE_TEMPLATES).size).toBe(NOTICE_TEMPLATES.length);
    expect(REFUSAL_CODES.length).toBe(FIXED_REFUSAL_CODES.length + 2 * PHASE_ACTIONS.length);
    for (const a of PHASE_ACTIONS) expect(REFUSAL_CODES).toEqual(expect.arrayContaining([phaseRefusal(a, true), phaseRefusal(a, false)]));
    for (const p of PHASES) expect(NOTICE_TEMPLATES).toContain(`announce.phase.${p}`);
  });

  it('every template literal in core is in the catalogue', () => {
    const used = new Set([...text.matchAll(/template: '([a-z_.]+)'/gu), ...text.matchAll(/\b(?:toAuthor|card|toCommittee|toOwner)\([^,]+,\s*(?:[^,]+,\s*)?'([a-z_.]+)'/gu)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(10);
    for (const t of used) expect(NOTICE_TEMPLATES, t).toContain(t);
  });

  it('every refusal literal in core is in the catalogue', () => {
    const used = new Set([...text.matchAll(/refuse\('([a-z_.]+)'/gu)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(60);
    for (const c of used) expect(REFUSAL_CODES, c).toContain(c);
    // And the catalogue holds nothing the engine never says (a stale entry hides a missing one).
    const said = new Set([...text.matchAll(/'([a-z_]+\.[a-z_.]+)'/gu)].map((m) => m[1]!));
    for (const c of FIXED_REFUSAL_CODES) expect(said.has(c) || /^replay\./u.test(c), `${c} is never used`).toBe(true);
  });
});
