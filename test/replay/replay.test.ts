import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replayCommand } from '../../bot/commands/replay.ts';
import type { CliIo } from '../../bot/commands/command.ts';
import { describeWithSharedData, repoRoot, sharedData } from '../support/shared-data.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function replay(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-replay-'));
  dirs.push(dir);
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), env: { PNYX_DATA_DIR: dir }, cwd: repoRoot };
  const code = await replayCommand(args, io);
  return { code, out, err };
}

describe('replaying a Pabulib file through the engine (own fixtures)', () => {
  it('MES example: the engine\'s count through castBallot equals the rule on the file', async () => {
    const r = await replay([path.join(repoRoot, 'test/fixtures/pabulib/mes-example-1.pb'), '--json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.refused).toEqual({});
    expect(j.cast).toBeGreaterThan(0);
    expect(typeof j.matchesOfficial === 'boolean' || j.matchesOfficial === null).toBe(true);
    if (j.official !== null) expect(j.matchesOfficial).toBe(true);
  });

  it('refuses ordinal ballots and unknown rules with a clear message', async () => {
    const ord = await replay([path.join(repoRoot, 'test/fixtures/pabulib/ordinal-321.pb')]);
    expect(ord.code).toBe(2);
    expect(ord.err).toContain('ordinal ballots have no campaign ballot rule');
    const bad = await replay([path.join(repoRoot, 'test/fixtures/pabulib/mes-example-1.pb'), '--rule', 'nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('pass --rule');
  });
});

describeWithSharedData('replaying real elections through the engine', () => {
  it.each([
    ['Netherlands_Assen_2024.pb', 9],
    ['Poland_Warszawa_2019_Rembertow.pb', 14],
    ['Poland_Swiecie_2023.pb', 17],
  ])('%s: every ballot through castBallot, the engine count equals the official selection', async (file, winners) => {
    const r = await replay([sharedData('pabulib', file), '--json']);
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.refused).toEqual({});
    expect(j.selected).toHaveLength(winners);
    expect(j.matchesOfficial).toBe(true);
  });
});
