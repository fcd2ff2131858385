/**
 * What the SQLite chat state does beyond the contract: expired rows do not stay in the file
 * (personal data, and space) — deleted when read, and swept in bounded batches.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteChatState, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
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

  it('sweeps expired rows while writing, so entries nobody reads again do not pile up', async () => {
    const { chat, rows } = await fresh();
    for (let i = 0; i < 200; i++) await chat.write(`gone${i}`, i, { owner: 'tg:1', ttlMs: HOUR, now: T });
    // A day later, only new writes: the 200 expired rows are swept along the way.
    for (let i = 0; i < 200; i++) await chat.write(`live${i}`, i, { owner: 'tg:2', ttlMs: HOUR, now: T + 24 * HOUR });
    expect(rows().filter((k) => k.startsWith('gone'))).toEqual([]);
    expect(rows()).toHaveLength(200);
  });
});
