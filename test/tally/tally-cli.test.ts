/** `pnyx tally` driven with its io: JSON shape, table, exit codes 0/2/3. Uses our own fixtures. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-data.ts';
import { tallyCommand } from '../../bot/commands/tally.ts';

const FIX = path.join(repoRoot, 'test/fixtures/pabulib');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await tallyCommand(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {}, cwd: FIX });
  return { code, out, err };
}

describe('pnyx tally', () => {
  it('--json prints one object with money as decimal strings', async () => {
    const r = await cli('--pabulib', 'approval-quoted-bom.pb', '--json');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    const o = JSON.parse(r.out) as Record<string, unknown>;
    expect(o).toEqual({
      rule: 'greedy',
      selected: ['p1', 'p3', 'p4'],
      spent: '1000.5',
      budget: '1000.5',
      rounds: [
        { project: 'p1', decision: 'funded', score: 4, cost: '600.25', left: '400.25' },
        { project: 'p2', decision: 'skipped', score: 3, cost: '500', left: '400.25' },
        { project: 'p3', decision: 'funded', score: 2, cost: '400.25', left: '0' },
        { project: 'p4', decision: 'funded', score: 0, cost: '0', left: '0' },
      ],
    });
  });

  it('MES adds the endowment; --rule overrides META', async () => {
    const r = await cli('--pabulib', 'mes-example-1.pb', '--json');
    const o = JSON.parse(r.out) as { selected: string[]; endowment: string; rule: string };
    expect([o.rule, o.selected, o.endowment]).toEqual(['equalshares', ['bike', 'playground', 'library'], '100']);
    const g = JSON.parse((await cli('--pabulib', 'mes-example-1.pb', '--rule', 'greedy', '--json')).out) as { selected: string[] };
    expect(g.selected).toEqual(['bike', 'gym']);
  });

  it('Add1 options are parsed', async () => {
    const r = await cli('--pabulib', 'mes-example-1.pb', '--rule', 'equalshares/add1', '--add1-start', 'exact', '--add1-step', '1/10', '--add1-exhaustive-stop', 'on', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { rule: string }).rule).toBe('equalshares/add1');
  });

  it('--ordinal-points changes ordinal scores', async () => {
    const byCount = JSON.parse((await cli('--pabulib', 'ordinal-321.pb', '--ordinal-points', '1,1,1', '--json')).out) as { selected: string[] };
    expect(byCount.selected).toEqual(['o3', 'o1']);
    const byRank = JSON.parse((await cli('--pabulib', 'ordinal-321.pb', '--json')).out) as { selected: string[] };
    expect(byRank.selected).toEqual(['o2', 'o3']);
  });

  it('prints a table and a summary line without --json', async () => {
    const r = await cli('--pabulib', 'choose-1-no-skip.pb');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rank\s+project\s+name\s+score\s+cost\s+decision\s+left/);
    expect(r.out).toContain('greedy-no-skip: 1 projects funded, 70 of 100 spent; matches the official selection');
  });

  it('exit 3 with the tied ids when the order cannot break a tie that matters', async () => {
    const r = await cli('--pabulib', 'ordinal-321.pb', '--ordinal-points', '1,1,1', '--tie-break', 'cost-asc', '--json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.out)).toMatchObject({ tie: true, tied: ['o1', 'o2'] });
  });

  it('exit 2 on bad input, with the reason on stderr', async () => {
    // Without --pabulib the command is the campaign recount, which needs a campaign file.
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/usage|campaign/i);
    expect((await cli('--pabulib', 'missing.pb')).code).toBe(2);
    expect((await cli('--pabulib', 'mes-example-1.pb', '--rule', 'borda')).code).toBe(2);
    expect((await cli('--pabulib', 'mes-example-1.pb', '--tie-break', 'random')).code).toBe(2);
    expect((await cli('--pabulib', 'mes-example-1.pb', '--add1-step', '0')).code).toBe(2);
    expect((await cli('--pabulib', 'mes-example-1.pb', '--bogus')).code).toBe(2);
    const ord = await cli('--pabulib', 'ordinal-321.pb', '--rule', 'equalshares');
    expect([ord.code, ord.err]).toEqual([2, 'pnyx tally: MES on ordinal ballots is not supported\n']);
  });

  it('exit 2 with "pass --rule" when the META rule cannot be run', async () => {
    const { writeFileSync, mkdtempSync, readFileSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-tally-'));
    try {
      for (const rule of ['unknown', 'greedy-custom', 'greedy-exclusive']) {
        const f = path.join(dir, `${rule}.pb`);
        writeFileSync(f, readFileSync(path.join(FIX, 'mes-example-1.pb'), 'utf8').replace('rule;equalshares', `rule;${rule}`));
        const r = await cli('--pabulib', f);
        expect(r.code).toBe(2);
        expect(r.err).toContain('pass --rule');
      }
      const bad = path.join(dir, 'bad.pb');
      writeFileSync(bad, readFileSync(path.join(FIX, 'mes-example-1.pb'), 'utf8').replace('num_votes;11', 'num_votes;12'));
      const r = await cli('--pabulib', bad);
      expect([r.code, r.err]).toEqual([2, 'pnyx tally: section META, line 8: num_votes is 12 but the file has 11\n']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
