/**
 * Loading a campaign file: YAML syntax, then the schema, then the cross-field checks, every
 * issue collected with its path and, where the file has it, its line.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { Campaign } from '../core/campaign/campaign.ts';
import { campaignFileSchema } from './campaign-file-schema.ts';
import type { CampaignFile } from './campaign-file-schema.ts';
import { checkCampaignFile } from './campaign-checks.ts';
import type { RawIssue } from './campaign-checks.ts';
import { toCampaign } from './to-campaign.ts';
import { lineOfPath } from './yaml-locations.ts';
import { formatPath } from './config-issue.ts';
import type { ConfigIssue } from './config-issue.ts';

/** The outcome of loading a campaign: the core campaign, or every issue found. */
export type LoadResult = { readonly ok: true; readonly campaign: Campaign } | { readonly ok: false; readonly errors: ConfigIssue[] };

/** A campaign file that cannot be read at all (missing, a directory, no permission). */
export class CampaignFileUnreadableError extends Error {
  override readonly name = 'CampaignFileUnreadableError';
  /** Node's error code, e.g. `ENOENT`. */
  readonly code: string | undefined;
  /** Why, in plain words (`no such file`, `is a directory`). */
  readonly reason: string;
  constructor(
    readonly filePath: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    super(`cannot read campaign file ${filePath}: ${reason}`, { cause });
    this.code = code;
    this.reason = reason;
  }
}

/**
 * Reads and validates a campaign file. Resolves to the campaign or the list of issues;
 * rejects with `CampaignFileUnreadableError` only when the file cannot be read.
 */
export async function loadCampaignFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CampaignFileUnreadableError(path, e);
  }
  return parseCampaignYaml(text, path);
}

/**
 * Validates campaign YAML text. `sourceName` names the text in messages about the file as a
 * whole (e.g. an empty file). Never throws for bad input.
 */
export function parseCampaignYaml(text: string, sourceName: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, version: '1.2' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        path: '(yaml)',
        message: `YAML syntax error: ${e.message.split('\n')[0]}`,
        line: lineCounter.linePos(e.pos[0]).line,
      })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { ok: false, errors: [{ path: '(yaml)', message: `YAML error: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (raw === null || raw === undefined) {
    return { ok: false, errors: [{ path: '(root)', message: `${sourceName} is empty; expected a campaign mapping (id, name, locales, …)` }] };
  }

  const parsed = campaignFileSchema.safeParse(raw, { error: describeIssue });
  const issues: RawIssue[] = parsed.success ? [] : parsed.error.issues.flatMap(splitIssue);
  const sections = parsedSections(raw);
  issues.push(...checkCampaignFile(sections));
  if (!parsed.success || issues.length > 0) {
    return { ok: false, errors: dedupe(issues.map((i) => located(i, doc, lineCounter))) };
  }
  return { ok: true, campaign: toCampaign(parsed.data) };
}

/** Each top-level section that passes its own schema, so cross-field checks can run on it. */
function parsedSections(raw: unknown): Partial<CampaignFile> {
  const sections: Record<string, unknown> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return sections;
  const shape = campaignFileSchema.shape as Record<string, z.ZodType>;
  for (const [key, schema] of Object.entries(shape)) {
    const r = schema.safeParse((raw as Record<string, unknown>)[key]);
    if (r.success && r.data !== undefined) sections[key] = r.data;
  }
  return sections as Partial<CampaignFile>;
}

/** Messages for type mismatches say what was found; zod's own text is used otherwise. */
function describeIssue(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code !== 'invalid_type') return undefined;
  if (iss.input === undefined) return `missing; expected ${iss.expected}`;
  const got = iss.input === null ? 'null (empty value)' : Array.isArray(iss.input) ? 'a list' : typeof iss.input === 'object' ? 'a mapping' : `${typeof iss.input} ${JSON.stringify(iss.input)}`;
  return `expected ${iss.expected === 'object' ? 'a mapping' : iss.expected === 'array' ? 'a list' : iss.expected}, got ${got}`;
}

/** One issue per unknown key, pointing at the key itself. */
function splitIssue(iss: z.core.$ZodIssue): RawIssue[] {
  const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (iss.code === 'unrecognized_keys') return iss.keys.map((key) => ({ path: [...path, key], message: iss.message }));
  return [{ path, message: iss.message }];
}

function located(issue: RawIssue, doc: Document, lineCounter: LineCounter): ConfigIssue {
  const line = lineOfPath(doc, lineCounter, issue.path);
  return { path: formatPath(issue.path), message: issue.message, ...(line === undefined ? {} : { line }) };
}

function dedupe(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
