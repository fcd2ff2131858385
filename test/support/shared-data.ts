/**
 * Access to ../shared/data (real elections, API descriptions). Where the folder is absent
 * the tests that need it are skipped with a loud reason — except under CI=true, where a
 * missing folder is a failure, never a silent pass.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDataDir = process.env.PNYX_SHARED_DATA ?? path.resolve(repoRoot, '../shared/data');
export const hasSharedData = existsSync(path.join(sharedDataDir, 'README.md'));

/** Path of a file under ../shared/data. */
export function sharedData(...parts: string[]): string {
  return path.join(sharedDataDir, ...parts);
}

/** `describe` that needs ../shared/data: skipped loudly when absent, failing under CI. */
export function describeWithSharedData(name: string, body: () => void): void {
  if (hasSharedData) {
    describe(name, body);
    return;
  }
  const reason = `../shared/data not found at ${sharedDataDir}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs ../shared/data (required under CI=true)', () => {
        throw new Error(reason);
      });
    });
  } else {
    process.stderr.write(`SKIPPED "${name}": ${reason}\n`);
    describe.skip(`${name} [skipped: ${reason}]`, body);
  }
}
