import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configReference, environmentReference } from '../../config/index.ts';
import { repoRoot } from '../support/shared-data.ts';

describe('configuration reference', () => {
  it('docs/CONFIGURATION.md is exactly the generated reference (regenerate: tsx config/print-reference.ts > docs/CONFIGURATION.md)', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/CONFIGURATION.md'), 'utf8');
    expect(doc).toBe(configReference());
  });

  it('documents every top-level key, the exclusive phase end and every environment variable', () => {
    const ref = configReference();
    for (const key of ['id', 'envelopes', 'ideaCost', 'ageBands', 'eligibility', 'phases', 'ballot', 'tally', 'reviewCriteria', 'articles', 'schedules', 'digestRecipients', 'slack', 'staff', 'privacy']) {
      expect(ref).toContain(`### \`${key}\``);
    }
    expect(ref).toContain('| `phases.voting.end` | string | required | Exclusive end');
    expect(ref).toContain('| `ballot.maxChoices` | integer ≥ 1 | required | (`rule: approval`)');
    expect(ref).not.toMatch(/\|\s*\|\s*$/m); // no field without a description
    const env = environmentReference();
    for (const name of ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'SLACK_API_URL', 'REDIS_URL', 'PNYX_SECRET', 'PORT', 'LOG_LEVEL']) {
      expect(env).toContain(`| \`${name}\` |`);
    }
    expect(env).toContain('| `PORT` | `3000` |');
  });
});
