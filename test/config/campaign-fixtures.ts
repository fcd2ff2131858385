/** The example campaigns as text and as plain objects that tests mutate into broken variants. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from '../support/shared-data.ts';
import { parseCampaignYaml } from '../../config/index.ts';
import type { ConfigIssue, LoadResult } from '../../config/index.ts';

export const bertrixPath = path.join(repoRoot, 'config/examples/bertrix.yaml');
export const cityPath = path.join(repoRoot, 'config/examples/city.yaml');
export const bertrixText = readFileSync(bertrixPath, 'utf8');

/** A fresh, mutable copy of the Bertrix example as parsed YAML. */
export function bertrixObject(): any {
  return parse(bertrixText);
}

/** Validates Bertrix after `mutate` changed it. */
export function loadMutated(mutate: (doc: any) => void): LoadResult {
  const doc = bertrixObject();
  mutate(doc);
  return parseCampaignYaml(stringify(doc), 'bertrix-mutated.yaml');
}

/** The issues of a result that must have failed. */
export function issuesOf(result: LoadResult): ConfigIssue[] {
  if (result.ok) throw new Error('expected the campaign to be refused, but it loaded');
  return result.errors;
}
