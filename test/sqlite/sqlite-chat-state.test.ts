/**
 * What the SQLite chat state does beyond the contract: expired rows do not stay in the file
 * (personal data, and space) — deleted when read, and swept in bounded batches.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { MIGRATIONS, SqliteChatState, migrate, openDatabase, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { makeTempDir } from './sqlite-fixture.ts';

const T = Date.UTC(2026, 3, 20, 9);
const HOUR = 3_600_000;

describe('SQLite chat state', () => {
  const dirs: string[] = [];
  const dbs: Database.Database[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  async function fresh(): Promise<{ db: Database.Database; chat: SqliteChatState; rows: () => string[] }> {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = sqliteFileFor(dir, 'c');
    await openSqliteStores({ file }).close();
    const db = new Database(file);
    dbs.push(db);
    return { db, chat: new SqliteChatState(db), rows: () => db.prepare('SELECT key FROM chat_state ORDER BY key').pluck().all() as string[] };
  }

  it('deletes an expired row when it is read, and only that row', async () => {
    const { chat, rows } = await fresh();
    await chat.write('old', { a: 1 }, { owner: 'tg:1', ttlMs: HOUR, now: T });
    await chat.write('new', { a: 2 }, { owner: 'tg:1', ttlMs: 3 * HOUR, now: T });
    expect(await chat.read('old', T + 2 * HOUR)).toBeUndefined();
    expect(rows()).toEqual(['new']);
  });

  it('purges expired rows oldest first, at most `limit` at a time, never a live one', async () => {
    const { chat, rows } = await fresh();
    for (let i = 0; i < 10; i++) await chat.write(`k${i}`, i, { owner: 'tg:1', ttlMs: (i + 1) * HOUR, now: T });
    // At T + 5.5 h, k0…k4 have expired.
    expect(chat.purgeExpired(T + 5.5 * HOUR, 3)).toBe(3);
    expect(rows()).toEqual(['k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9']);
    expect(chat.purgeExpired(T + 5.5 * HOUR, 100)).toBe(2);
    expect(chat.purgeExpired(T + 5.5 * HOUR, 100)).toBe(0);
    expect(rows()).toEqual(['k5', 'k6', 'k7', 'k8', 'k9']);
  });

  it('purges an entry that expired earlier in the current hour (the expiry is indexed by its hour)', async () => {
    const { chat, rows } = await fresh();
    // Expires at 09:30, purged at 09:40: same hour as the purge, judged on the exact instant.
    await chat.write('soon', 1, { owner: 'tg:1', ttlMs: 20 * 60_000, now: T + 10 * 60_000 });
    await chat.write('later', 2, { owner: 'tg:1', ttlMs: 40 * 60_000, now: T + 10 * 60_000 });
    expect(chat.purgeExpired(T + 30 * 60_000 - 1, 100)).toBe(0);
    expect(chat.purgeExpired(T + 40 * 60_000, 100)).toBe(1);
    expect(rows()).toEqual(['later']);
    // Rewritten into a later hour, then into an earlier one (a shorter TTL): purged by its last write.
    await chat.write('later', 3, { owner: 'tg:1', ttlMs: 3 * HOUR, now: T + 45 * 60_000 });
    await chat.write('later', 4, { owner: 'tg:1', ttlMs: 5 * 60_000, now: T + 46 * 60_000 });
    expect(chat.purgeExpired(T + 51 * 60_000, 100)).toBe(1);
    expect(rows()).toEqual([]);
  });

  it('migration 10 gives the rows already stored their expiry hour: they expire and are purged as before', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = openDatabase(sqliteFileFor(dir, 'old'));
    dbs.push(db);
    const silent = pino({ level: 'silent' });
    migrate(db, silent, MIGRATIONS.filter((m) => m.version <= 9));
    const insert = db.prepare('INSERT INTO chat_state (key, owner, expires_at, data) VALUES (?, ?, ?, ?)');
    insert.run('a', 'tg:1', T + 30 * 60_000, '{"a":1}');
    insert.run('b', 'tg:1', T + 5 * HOUR + 1, '{"b":1}');
    expect(migrate(db, silent)).toEqual([10]);
    const chat = new SqliteChatState(db);
    expect(chat.purgeExpired(T + 31 * 60_000, 100)).toBe(1);
    expect(await chat.read('b', T + 5 * HOUR)).toEqual({ b: 1 });
    // Written again in the same hour of expiry: the row keeps its place in the hour index.
    await chat.write('b', { b: 2 }, { owner: 'tg:1', ttlMs: 1, now: T + 5 * HOUR + 1 });
    expect(chat.purgeExpired(T + 5 * HOUR + 2, 100)).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM chat_state').pluck().get()).toBe(0);
  });

  it('sweeps expired rows while writing, so entries nobody reads again do not pile up', async () => {
    const { chat, rows } = await fresh();
    for (let i = 0; i < 200; i++) await chat.write(`gone${i}`, i, { owner: 'tg:1', ttlMs: HOUR, now: T });
    // A day later, only new writes: the 200 expired rows are swept along the way.
    for (let i = 0; i < 200; i++) await chat.write(`live${i}`, i, { owner: 'tg:2', ttlMs: HOUR, now: T + 24 * HOUR });
    expect(rows().filter((k) => k.startsWith('gone'))).toEqual([]);
    expect(rows()).toHaveLength(200);
  });
});
