/**
 * Byte-level scans for personal data left in a store: every byte of a SQLite database file
 * and of its `-wal`, `-shm` and `-journal` files, and every key and value (of every Redis
 * type) under a campaign prefix. Each forbidden string is looked for in every encoding it
 * could have been written in (UTF-8, Latin-1, UTF-16 LE/BE, JSON `\u` escapes).
 *
 * A SQLite finding names the table or index whose page holds it (via the `dbstat` table), so
 * a report says where the leak is; a finding in a freelist page or the WAL names no table.
 */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Redis } from 'ioredis';
import { keysUnder } from '../support/redis.ts';

/** One byte pattern of a forbidden string. */
interface Pattern {
  readonly needle: string;
  readonly form: string;
  readonly bytes: Buffer;
}

function jsonEscaped(s: string, upper: boolean): string {
  return s.replace(/[^\x20-\x7e]/g, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
}

/** Every encoding of every needle, de-duplicated by bytes. */
export function patternsOf(needles: readonly string[]): Pattern[] {
  const out: Pattern[] = [];
  const seen = new Set<string>();
  const add = (needle: string, form: string, bytes: Buffer): void => {
    const id = bytes.toString('hex');
    if (bytes.length === 0 || seen.has(id)) return;
    seen.add(id);
    out.push({ needle, form, bytes });
  };
  for (const n of needles) {
    add(n, 'utf8', Buffer.from(n, 'utf8'));
    if ([...n].every((c) => c.charCodeAt(0) < 256)) add(n, 'latin1', Buffer.from(n, 'latin1'));
    add(n, 'utf16le', Buffer.from(n, 'utf16le'));
    add(n, 'utf16be', Buffer.from(n, 'utf16le').swap16());
    add(n, 'json-escaped', Buffer.from(jsonEscaped(n, false), 'utf8'));
    add(n, 'json-escaped-upper', Buffer.from(jsonEscaped(n, true), 'utf8'));
  }
  return out;
}

function offsetsOf(haystack: Buffer, needle: Buffer): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** A forbidden string found in a SQLite file. */
export interface SqliteFinding {
  readonly needle: string;
  readonly form: string;
  /** `''` (the database), `-wal`, `-shm` or `-journal`. */
  readonly file: string;
  readonly offset: number;
  /** Database page the bytes are in (for the WAL: the page of the frame). */
  readonly page: number | null;
  /** Table or index owning that page now; null for freelist pages, headers, `-shm`. */
  readonly table: string | null;
}

/** Scans `file` and its side files; names each finding's table. Read the files before opening anything. */
export function scanSqliteFiles(file: string, needles: readonly string[]): SqliteFinding[] {
  const patterns = patternsOf(needles);
  const raw: { file: string; offset: number; page: number | null; p: Pattern }[] = [];
  let pageSize = 4096;
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const f = `${file}${suffix}`;
    if (!existsSync(f)) continue;
    const bytes = readFileSync(f);
    if (suffix === '' && bytes.length >= 18) {
      const ps = bytes.readUInt16BE(16);
      pageSize = ps === 1 ? 65536 : ps;
    }
    for (const p of patterns) {
      for (const offset of offsetsOf(bytes, p.bytes)) {
        let page: number | null = null;
        if (suffix === '') page = Math.floor(offset / pageSize) + 1;
        // WAL: a 32-byte header, then frames of a 24-byte header (page number first) and a page.
        if (suffix === '-wal' && offset >= 32) page = bytes.readUInt32BE(32 + Math.floor((offset - 32) / (24 + pageSize)) * (24 + pageSize));
        raw.push({ file: suffix, offset, page, p });
      }
    }
  }
  if (raw.length === 0) return [];
  const owner = new Map<number, string>();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    for (const r of db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[]) owner.set(r.pageno, r.name);
  } finally {
    db.close();
  }
  return raw.map((r) => ({ needle: r.p.needle, form: r.p.form, file: r.file, offset: r.offset, page: r.page, table: r.page === null || r.file === '-shm' ? null : (owner.get(r.page) ?? null) }));
}

/** A forbidden string found under a Redis prefix. */
export interface RedisFinding {
  readonly needle: string;
  readonly form: string;
  /** The key, without the prefix. */
  readonly key: string;
  readonly type: string;
  /** `key` when found in the key's name, else `value`. */
  readonly in: 'key' | 'value';
}

function flatten(reply: unknown): Buffer[] {
  if (Buffer.isBuffer(reply)) return [reply];
  if (Array.isArray(reply)) return reply.flatMap(flatten);
  if (reply === null || reply === undefined) return [];
  return [Buffer.from(String(reply), 'utf8')];
}

/** The read that returns everything a key of `type` holds. */
const READS: Readonly<Record<string, (key: string) => [string, ...string[]]>> = {
  string: (k) => ['GET', k],
  hash: (k) => ['HGETALL', k],
  set: (k) => ['SMEMBERS', k],
  zset: (k) => ['ZRANGE', k, '0', '-1', 'WITHSCORES'],
  list: (k) => ['LRANGE', k, '0', '-1'],
  stream: (k) => ['XRANGE', k, '-', '+'],
};

/** Scans every key under `prefix` (names and whole values, as bytes). Throws on a type it cannot read. */
export async function scanRedisPrefix(client: Redis, prefix: string, needles: readonly string[]): Promise<{ keys: number; types: Set<string>; findings: RedisFinding[] }> {
  const patterns = patternsOf(needles);
  const keys = await keysUnder(client, prefix);
  const findings: RedisFinding[] = [];
  const types = new Set<string>();
  for (const key of keys) {
    const type = await client.type(key);
    if (type === 'none') continue; // expired between SCAN and TYPE
    types.add(type);
    const read = READS[type];
    if (read === undefined) throw new Error(`scan: no read for Redis type ${type} (key ${key})`);
    const [command, ...args] = read(key);
    const values = flatten(await client.callBuffer(command, ...args));
    const name = Buffer.from(key, 'utf8');
    for (const p of patterns) {
      if (name.includes(p.bytes)) findings.push({ needle: p.needle, form: p.form, key: key.slice(prefix.length), type, in: 'key' });
      if (values.some((v) => v.includes(p.bytes))) findings.push({ needle: p.needle, form: p.form, key: key.slice(prefix.length), type, in: 'value' });
    }
  }
  return { keys: keys.length, types, findings };
}
