import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-data.ts';

const depcruise = path.join(repoRoot, 'node_modules', '.bin', 'depcruise');
const config = path.join(repoRoot, '.dependency-cruiser.cjs');

function cruise(cwd: string, dirs: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(depcruise, ['--config', config, '--output-type', 'err', ...dirs], { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, out };
  } catch (e) {
    const x = e as { status: number; stdout: string; stderr: string };
    return { code: x.status, out: `${x.stdout}${x.stderr}` };
  }
}

describe('import direction (dependency-cruiser)', () => {
  it('the project itself respects it', () => {
    const r = cruise(repoRoot, ['core', 'adapters', 'bot', 'config']);
    expect(r.out).not.toMatch(/error/i);
    expect(r.code).toBe(0);
  });

  it('a core file importing an adapter or node:fs is reported and fails', () => {
    const r = cruise(path.join(repoRoot, 'test/fixtures/depcruise'), ['core', 'adapters']);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('core-is-pure');
    expect(r.out).toContain('core-no-io-builtins');
  });
});
