import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConfigCommand } from '../../bot/commands/check-config.ts';
import type { CliIo } from '../../bot/commands/command.ts';
import { bertrixPath, bertrixText, cityPath } from './campaign-fixtures.ts';

/** A CliIo that records what the command writes. */
function recordingIo(cwd: string, env: Record<string, string | undefined> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    env,
    cwd,
    out: () => out,
    err: () => err,
  };
}

describe('pnyx check-config', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pnyx-check-config-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 with a summary for Bertrix', async () => {
    const io = recordingIo(dir);
    expect(await checkConfigCommand([bertrixPath], io)).toBe(0);
    expect(io.err()).toBe('');
    const out = io.out();
    expect(out).toContain('bertrix-2026');
    expect(out).toContain('fr (default), en');
    expect(out).toMatch(/submission\s+2026-04-09 00:00 → 2026-05-16 00:00 {2}\(last day 2026-05-15\)/);
    expect(out).toMatch(/voting\s+2026-06-01 00:00 → 2026-07-01 00:00 {2}\(last day 2026-06-30\)/);
    expect(out).toMatch(/announced\s+2026-07-17 00:00 → \(no end\)/);
    expect(out).toMatch(/commune\s+20,000\.00 EUR {2}\(town-wide\)/);
  });

  it('exits 0 for the city example, given relative to cwd', async () => {
    const io = recordingIo(path.dirname(cityPath));
    expect(await checkConfigCommand(['city.yaml'], io)).toBe(0);
    expect(io.out()).toMatch(/wijgmaal\s+50,000\.50 EUR {2}\(area wijgmaal\)/);
  });

  it('uses PNYX_CONFIG when no file is given', async () => {
    const io = recordingIo(dir, { PNYX_CONFIG: bertrixPath });
    expect(await checkConfigCommand([], io)).toBe(0);
  });

  it('exits 1 listing every error with file, line and path, without a stack trace', async () => {
    const broken = bertrixText.replace('population: 8000', 'population: -8').replace('timeZone: Europe/Brussels', 'timeZone: Europe/Bertrix').replace('  voting:     { start: 2026-06-01', '  voting:     { start: 2026-05-20');
    await writeFile(path.join(dir, 'broken.yaml'), broken);
    const io = recordingIo(dir);
    expect(await checkConfigCommand(['broken.yaml'], io)).toBe(1);
    expect(io.out()).toBe('');
    const lines = io.err().trimEnd().split('\n');
    const lineOf = (prefix: string) => broken.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
    expect(lines).toContain(`broken.yaml:${lineOf('population:')} population: Too small: expected number to be >0`);
    expect(lines.some((l) => l.startsWith(`broken.yaml:${lineOf('timeZone:')} timeZone: expected an IANA time zone`))).toBe(true);
    expect(lines.at(-1)).toBe('2 errors in broken.yaml');
    expect(io.err()).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('reports a phase overlap once the time zone is valid', async () => {
    await writeFile(path.join(dir, 'overlap.yaml'), bertrixText.replace('  voting:     { start: 2026-06-01', '  voting:     { start: 2026-05-20'));
    const io = recordingIo(dir);
    expect(await checkConfigCommand(['overlap.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/^overlap\.yaml:\d+ phases\.voting\.start: expected voting to start at or after the end of review/m);
    expect(io.err()).toContain('1 error in overlap.yaml');
  });

  it('exits 1 naming the line of a YAML syntax error', async () => {
    await writeFile(path.join(dir, 'syntax.yaml'), 'id: bertrix\nid: again\n');
    const io = recordingIo(dir);
    expect(await checkConfigCommand(['syntax.yaml'], io)).toBe(1);
    expect(io.err()).toMatch(/^syntax\.yaml:2 \(yaml\): YAML syntax error/);
  });

  it('exits 2 for a missing file, a directory, or no argument', async () => {
    const missing = recordingIo(dir);
    expect(await checkConfigCommand(['nope.yaml'], missing)).toBe(2);
    expect(missing.err()).toBe('pnyx check-config: cannot read nope.yaml: no such file\n');

    const directory = recordingIo(dir);
    expect(await checkConfigCommand(['.'], directory)).toBe(2);
    expect(directory.err()).toContain('is a directory');

    const none = recordingIo(dir);
    expect(await checkConfigCommand([], none)).toBe(2);
    expect(none.err()).toContain('Usage: pnyx check-config FILE');
  });
});
