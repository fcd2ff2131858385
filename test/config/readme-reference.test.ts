import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configReference } from '../../config/index.ts';
import { readmeWithReference } from '../../config/readme-reference.ts';
import { repoRoot } from '../support/shared-data.ts';

describe('README configuration reference', () => {
  it('is the one generated from the zod schema (run `npm run docs:config` after changing the schema)', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    expect(readme).toBe(readmeWithReference(readme, configReference()));
  });
});
