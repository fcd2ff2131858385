/** Helpers of the CLI tests: a recording CliIo, temp directories, the example campaigns. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../bot/commands/command.ts';
import { repoRoot } from '../support/shared-data.ts';

export const bertrixFile = path.join(repoRoot, 'config/examples/bertrix.yaml');
export const cityFile = path.join(repoRoot, 'config/examples/city.yaml');

/** A CliIo that records what a command writes. */
export interface RecordingIo extends CliIo {
  out(): string;
  err(): string;
}

export function recordingIo(cwd: string, env: Record<string, string | undefined> = {}): RecordingIo {
  let out = '';
  let err = '';
  return {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    env,
    cwd,
    out: () => out,
    err: () => err,
  };
}

/** A fresh temp directory; `cleanup` removes it. */
export async function tempDir(name: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `pnyx-cli-${name}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The results table (every envelope block and the totals) of a `simulate` or `tally` output. */
export function resultsTable(output: string): string {
  const m = /Results — [\s\S]*?\n {2}voters {2}.*\n/.exec(output);
  if (m === null) throw new Error(`no results table in:\n${output}`);
  return m[0];
}

/** The number after `label` on its line (thousands separators removed). */
export function figure(output: string, label: RegExp): number {
  const m = label.exec(output);
  if (m === null || m[1] === undefined) throw new Error(`no ${label} in:\n${output}`);
  return Number(m[1].replace(/,/g, ''));
}

/** Minor units of an amount printed as `19,300.00 EUR`. */
export function minor(text: string): number {
  return Math.round(Number(text.replace(/,/g, '')) * 100);
}
