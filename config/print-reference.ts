/**
 * Writes the generated configuration reference: to stdout by default, or with `--write` into
 * docs/CONFIGURATION.md and into README.md between the config-reference markers.
 * Run: `npm run docs:config`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configReference } from './config-reference.ts';
import { readmeWithReference } from './readme-reference.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reference = configReference();
if (process.argv.includes('--write')) {
  writeFileSync(path.join(root, 'docs/CONFIGURATION.md'), reference);
  const readme = path.join(root, 'README.md');
  writeFileSync(readme, readmeWithReference(readFileSync(readme, 'utf8'), reference));
} else {
  process.stdout.write(reference);
}
