/**
 * Counts and SHA-256 checksums of a `CampaignDump`, to prove that a copy between stores
 * (`pnyx migrate`) carried everything over.
 *
 * Each section is hashed as the canonical JSON (`canonicalJson`, keys sorted) of its items,
 * one per line, lines sorted — so the hash depends on what the section holds, not on the
 * order a backend happens to list it in. The overall checksum covers every section hash.
 *
 * Every field of every section is covered. Outbox claim leases and tokens, predecessor holds and
 * group counters (rebuilt from the messages), the Redis done markers of recent writes and leader
 * leases (Redis keys, the SQLite `leases` table) are not in the dump at all; the SQLite
 * `processed_updates.claimed_at` column neither (no port reads it), nor the holder token of an
 * update in progress (see `CampaignDump.processed`).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/audit/audit-chain.ts';
import type { CampaignDump } from '../../core/ports/store-transfer.ts';

/**
 * Sections of a dump, in the order they are reported. `ideas` includes `nextIdeaNumber`,
 * `questions` includes `nextQuestionNumber`.
 */
export const DUMP_SECTIONS = [
  'phaseState',
  'results',
  'secretCheck',
  'residents',
  'codes',
  'phoneClaims',
  'ideas',
  'supports',
  'questions',
  'questionMessages',
  'ballots',
  'ballotVersions',
  'outbox',
  'messageRefs',
  'audit',
  'processed',
  'chatState',
  'broadcasts',
] as const;

/** One section of a dump. */
export type DumpSection = (typeof DUMP_SECTIONS)[number];

/** What `pnyx migrate` compares between the source and the target. */
export interface DumpSummary {
  /** Items per section (0 or 1 for `phaseState`, `results` and `secretCheck`). */
  readonly counts: Readonly<Record<DumpSection, number>>;
  /** SHA-256 (hex) of each section. */
  readonly sections: Readonly<Record<DumpSection, string>>;
  /** SHA-256 (hex) over the format and every section hash. */
  readonly checksum: string;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Canonical lines of a section's items, sorted (string order, stable across runtimes). */
function lines(items: readonly unknown[]): string[] {
  return items.map((i) => canonicalJson(i)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function itemsOf(dump: CampaignDump, section: DumpSection): readonly unknown[] {
  switch (section) {
    case 'phaseState':
      return dump.phaseState === null ? [] : [dump.phaseState];
    case 'results':
      return dump.results === null ? [] : [dump.results];
    case 'secretCheck':
      return dump.secretCheck === null ? [] : [dump.secretCheck];
    default:
      return dump[section];
  }
}

/** Counts and checksums of `dump` (see the module comment for what is left out). */
export function dumpSummary(dump: CampaignDump): DumpSummary {
  const counts = {} as Record<DumpSection, number>;
  const sections = {} as Record<DumpSection, string>;
  for (const section of DUMP_SECTIONS) {
    const items = itemsOf(dump, section);
    counts[section] = items.length;
    const text = lines(items);
    // The idea counter is part of the ideas: a copy that restarts numbering is not a copy.
    if (section === 'ideas') text.push(`nextIdeaNumber:${dump.nextIdeaNumber}`);
    if (section === 'questions') text.push(`nextQuestionNumber:${dump.nextQuestionNumber}`);
    sections[section] = sha256(text.join('\n'));
  }
  const checksum = sha256([dump.format, ...DUMP_SECTIONS.map((s) => `${s}:${sections[s]}`)].join('\n'));
  return { counts, sections, checksum };
}

/** Sections whose checksums differ between two summaries, in report order. */
export function differingSections(a: DumpSummary, b: DumpSummary): DumpSection[] {
  return DUMP_SECTIONS.filter((s) => a.sections[s] !== b.sections[s]);
}
