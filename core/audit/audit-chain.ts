/**
 * The audit hash chain. Each entry's hash covers the previous entry's hash and the entry's
 * own fields, so editing, removing or reordering any stored entry breaks every later link.
 *
 * The hashed text is deliberately plain (fields joined by "\n", data as canonical JSON) so
 * that a store can compute it inside its own atomic step — e.g. a Redis Lua script given the
 * canonical data string — and get the same hash as this function.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../ports/audit-log.ts';
import type { AuditDraft } from '../ports/side-records.ts';

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted recursively: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * The text hashed for an entry:
 * `prevHash \n seq \n at \n actor \n action \n subject \n assisted(0|1) \n canonicalJson(data)`.
 */
export function auditHashInput(prevHash: string, seq: number, draft: AuditDraft, dataJson = canonicalJson(draft.data)): string {
  return [prevHash, String(seq), String(draft.at), draft.actor, draft.action, draft.subject, draft.assisted ? '1' : '0', dataJson].join('\n');
}

/** SHA-256 (hex) of `auditHashInput`. */
export function auditHash(prevHash: string, seq: number, draft: AuditDraft, dataJson?: string): string {
  return createHash('sha256').update(auditHashInput(prevHash, seq, draft, dataJson), 'utf8').digest('hex');
}

/** Links drafts after a head (seq 0 and GENESIS_HASH for an empty log). */
export function linkEntries(head: { seq: number; hash: string }, drafts: readonly AuditDraft[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = head;
  for (const d of drafts) {
    const seq = prev.seq + 1;
    const hash = auditHash(prev.hash, seq, d);
    const entry: AuditEntry = { ...d, seq, prevHash: prev.hash, hash };
    out.push(entry);
    prev = { seq, hash };
  }
  return out;
}

/** A break found while verifying the chain. */
export interface ChainBreak {
  readonly seq: number;
  readonly problem: 'hash_mismatch' | 'prev_mismatch' | 'seq_gap';
}

/** Verifies entries in order (from seq 1); returns the first break or null. */
export function verifyChain(entries: Iterable<AuditEntry>): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq) return { seq: e.seq, problem: 'seq_gap' };
    if (e.prevHash !== prevHash) return { seq: e.seq, problem: 'prev_mismatch' };
    if (auditHash(e.prevHash, e.seq, e) !== e.hash) return { seq: e.seq, problem: 'hash_mismatch' };
    prevHash = e.hash;
    expectedSeq++;
  }
  return null;
}
