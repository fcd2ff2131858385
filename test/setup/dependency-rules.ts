/**
 * Global setup: the import direction of docs/ARCHITECTURE.md is part of the test run.
 * dependency-cruiser checks it once before any test file runs; a violation fails the run.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export default function checkImportDirection(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const bin = path.join(root, 'node_modules', '.bin', 'depcruise');
  try {
    execFileSync(bin, ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'core', 'adapters', 'bot', 'config'], {
      cwd: root,
      stdio: 'pipe',
      encoding: 'utf8',
    });
  } catch (e) {
    const out = e as { stdout?: string; stderr?: string };
    throw new Error(`import direction violated (dependency-cruiser):\n${out.stdout ?? ''}${out.stderr ?? ''}`);
  }
}
