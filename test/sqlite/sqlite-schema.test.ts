/**
 * The SQLite file itself: pragmas, file naming, numbered migrations, ballot secrecy of the
 * schema, and waiting on another process's write lock (busy_timeout).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate, openDatabase, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { voteAsRealResident } from '../support/secrecy-scenario.ts';
import { makeTempDir } from './sqlite-fixture.ts';

const silent = pino({ level: 'silent' });
const T = Date.UTC(2026, 5, 10);

function cast(stores: Stores, voterKey: string, requestId: string) {
  return stores.ballots.cast(
    { voterKey, slot: 'town', envelopeId: 'env', choices: [{ ideaId: 'i1', points: 1 }], requestId, receipt: 'R', at: T, closesAt: T + 1, allowReplace: true, assisted: false },
    { audit: [{ at: T, actor: 'system:t', action: 'ballot.cast', subject: 'ballot', data: {}, assisted: false }] },
  );
}

/** Starts a process that holds the file's write lock for `ms`; resolves once it holds it. */
async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    db.exec('COMMIT'); db.close();`;
  const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code})`)));
  });
  return { released: exited };
}

describe('SQLite file and schema', () => {
  const dirs: string[] = [];
  const open: { close(): unknown }[] = [];
  const tempDir = (): string => {
    const d = makeTempDir();
    dirs.push(d);
    return d;
  };
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('names one file per campaign under the data dir, creating the dir', () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    expect(sqliteFileFor(dir, 'bertrix-2026')).toBe(path.join(dir, 'bertrix-2026.sqlite'));
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it('refuses a campaign id that is not a plain file name', () => {
    const dir = tempDir();
    for (const bad of ['../evil', 'a/b', '', '.hidden', 'a\\b', 'x..y']) expect(() => sqliteFileFor(dir, bad)).toThrow(/cannot name a file/);
  });

  it('opens with WAL, synchronous=NORMAL, foreign keys and busy_timeout', () => {
    const db = openDatabase(path.join(tempDir(), 'p.sqlite'));
    open.push(db);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('migrates a new file to the current version, recording each migration once', async () => {
    const file = sqliteFileFor(tempDir(), 'c');
    await openSqliteStores({ file }).close();
    const db = new Database(file);
    open.push(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
    expect(rows.map((r) => (r as { version: number }).version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('re-opening an existing file applies nothing and keeps the data', async () => {
    const file = sqliteFileFor(tempDir(), 'c');
    const first = openSqliteStores({ file });
    expect(await first.campaign.checkSecret('check-1')).toBe('initialized');
    await first.close();
    const before = new Database(file).prepare('SELECT * FROM schema_migrations').all();
    const again = openSqliteStores({ file });
    open.push(again);
    expect(await again.campaign.checkSecret('check-1')).toBe('match');
    const db = new Database(file);
    open.push(db);
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual(before);
  });

  it('applies only the migrations newer than the file', () => {
    const db = openDatabase(path.join(tempDir(), 'm.sqlite'));
    open.push(db);
    expect(migrate(db, silent)).toEqual(MIGRATIONS.map((m) => m.version));
    const next = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'test_extra', sql: 'CREATE TABLE extra (x INTEGER)' }];
    expect(migrate(db, silent, next)).toEqual([SCHEMA_VERSION + 1]);
    expect(migrate(db, silent, next)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get()).toEqual({ n: SCHEMA_VERSION + 1 });
  });

  it('rolls back a failing migration entirely', () => {
    const db = openDatabase(path.join(tempDir(), 'f.sqlite'));
    open.push(db);
    migrate(db, silent);
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT nope FROM missing;' }];
    expect(() => migrate(db, silent, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").all()).toEqual([]);
  });

  it('migration 3 indexes the resident recipients of messages written under migration 1, so erasure finds them', async () => {
    const file = sqliteFileFor(tempDir(), 'old');
    const db = openDatabase(file);
    migrate(db, silent, MIGRATIONS.filter((m) => m.version === 1));
    const insert = db.prepare("INSERT INTO outbox (key, recipient, template, params, not_before, status, attempts) VALUES (?, ?, 't', '{}', 0, ?, 0)");
    insert.run('to-1', JSON.stringify({ kind: 'resident', residentId: 'tg:1' }), 'sent');
    insert.run('to-2', JSON.stringify({ kind: 'resident', residentId: 'tg:2' }), 'pending');
    insert.run('committee', JSON.stringify({ kind: 'committee' }), 'pending');
    db.close();
    const stores = openSqliteStores({ file });
    open.push({ close: () => stores.close() });
    expect(await stores.outbox.eraseRecipient('tg:1')).toBe(1);
    expect((await stores.outbox.list(0, 10)).map((m) => m.key)).toEqual(['to-2', 'committee']);
    const [m] = await stores.outbox.claim(1, 1, 1000);
    expect(await stores.outbox.ack(m?.seq ?? -1, m?.token ?? '')).toBe('ok');
  });

  it('reads update claims written before the two states as done (migration 6)', async () => {
    const file = sqliteFileFor(tempDir(), 'c');
    const db = openDatabase(file);
    migrate(db, silent, MIGRATIONS.filter((m) => m.version === 1));
    db.prepare('INSERT INTO processed_updates (key, claimed_at, expires_at) VALUES (?, ?, ?)').run('tg:old', T, T + 1000);
    db.close();
    const stores = openSqliteStores({ file });
    open.push(stores);
    expect(await stores.processed.begin('tg:old', T + 1, 60_000)).toEqual({ status: 'done', until: T + 1000 });
    expect((await stores.processed.begin('tg:old', T + 1001, 60_000)).status).toBe('new');
  });

  it('counts the assisted ballots cast before the counter existed (migration 8), then keeps counting', async () => {
    const file = sqliteFileFor(tempDir(), 'a');
    const db = openDatabase(file);
    migrate(db, silent, MIGRATIONS.filter((m) => m.version < 8));
    const insert = db.prepare("INSERT INTO ballots (voter_key, slot, envelope_id, choices, version, receipt, cast_at, assisted, request_id) VALUES (?, 'town', 'env', '[]', 1, 'R', 0, ?, ?)");
    insert.run('vk-1', 1, 'rq-1');
    insert.run('vk-2', 0, 'rq-1');
    insert.run('vk-3', 1, 'rq-1');
    db.close();
    const stores = openSqliteStores({ file });
    open.push(stores);
    expect(await stores.ballots.countAssisted()).toBe(2);
    // vk-1's assisted ballot replaced by the resident's own: one left.
    expect((await cast(stores, 'vk-1', 'rq-2')).status).toBe('recorded');
    expect(await stores.ballots.countAssisted()).toBe(1);
  });

  it('leaves a fresh file empty: no assisted counter row before the first assisted ballot (a restore needs an empty file)', async () => {
    const db = openDatabase(path.join(tempDir(), 'e.sqlite'));
    open.push(db);
    migrate(db, silent);
    expect(db.prepare('SELECT COUNT(*) AS n FROM meta').get()).toEqual({ n: 0 });
  });

  it('refuses a file written by a newer schema', () => {
    const file = sqliteFileFor(tempDir(), 'c');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openSqliteStores({ file })).toThrow(/newer than this code/);
  });

  it('keeps voter keys apart from residents: no ballot column names a resident', async () => {
    const file = sqliteFileFor(tempDir(), 'c');
    await openSqliteStores({ file }).close();
    const db = new Database(file);
    open.push(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const t of tables) {
      const cols = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[];
      if (t.startsWith('ballot')) expect(cols.filter((c) => /resident|author|telegram|user/.test(c))).toEqual([]);
      // No table maps a voter key to anything personal.
      if (cols.includes('voter_key')) expect(t.startsWith('ballot')).toBe(true);
    }
  });

  it('after a resident votes through the engine, no row outside their record links them to a ballot', async () => {
    const file = sqliteFileFor(tempDir(), 'c');
    const stores = openSqliteStores({ file });
    open.push(stores);
    const { voterKey, personal } = await voteAsRealResident(stores);
    const db = new Database(file, { readonly: true });
    open.push(db);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    const rowsOf = (t: string): string[] => (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r));
    // The scan covers what the vote wrote: both ballots are there, under the voter key.
    expect(tables.filter((t) => rowsOf(t).some((r) => r.includes(voterKey))).filter((t) => !t.startsWith('ballot'))).toEqual([]);
    expect(rowsOf('ballots').filter((r) => r.includes(voterKey))).toHaveLength(2);
    expect(rowsOf('residents').join('\n')).toContain(personal[1]);
    for (const t of tables) {
      for (const row of rowsOf(t)) {
        if (t === 'residents') expect(row, t).not.toContain(voterKey);
        else for (const p of personal) expect(row, t).not.toContain(p);
      }
    }
  });

  it('waits for another process holding the write lock, then records', async () => {
    const file = sqliteFileFor(tempDir(), 'c');
    const stores = openSqliteStores({ file });
    open.push(stores);
    const { released } = await holdWriteLock(file, 400);
    const started = Date.now();
    const out = await cast(stores, 'vk-1', 'rq-1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(out.status).toBe('recorded');
    await released;
  });

  it('gives up with SQLITE_BUSY when the lock outlasts the timeout and its retries, writing nothing', async () => {
    const file = sqliteFileFor(tempDir(), 'c');
    const stores = openSqliteStores({ file, busyTimeoutMs: 20 });
    open.push(stores);
    const { released } = await holdWriteLock(file, 3000);
    await expect(cast(stores, 'vk-1', 'rq-1')).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    await released;
    expect(await stores.ballots.get('vk-1', 'town')).toBeNull();
    expect(await stores.audit.list(0, 10)).toEqual([]);
    expect((await cast(stores, 'vk-1', 'rq-1')).status).toBe('recorded');
  });
});
