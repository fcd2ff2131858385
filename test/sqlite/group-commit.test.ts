/**
 * The SQLite group commit (adapters/sqlite/sqlite-database.ts, `GroupCommit`): the writes of
 * one turn share one commit, each settles only once that commit is done, one that throws is
 * rolled back alone, and `close` commits what is still queued. And the inbound
 * de-duplication that goes through it keeps its promise under it: of concurrent begins on a
 * key, exactly one is `new`.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit, openDatabase, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { makeTempDir } from './sqlite-fixture.ts';
import { idea } from '../contracts/contract-helpers.ts';

describe('GroupCommit', () => {
  const dirs: string[] = [];
  const dbs: Database.Database[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) if (db.open) db.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A file with table `t`, the writer's connection, and a second connection that only reads. */
  function twoConnections(): { writer: Database.Database; reader: Database.Database; file: string } {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = `${dir}/g.sqlite`;
    const writer = openDatabase(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL CHECK (v >= 0))');
    const reader = openDatabase(file);
    dbs.push(writer, reader);
    return { writer, reader, file };
  }

  const framesInWal = (db: Database.Database): number => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;

  it('commits the writes of one turn together: one commit for 200 inserts, not 200', async () => {
    const { writer } = twoConnections();
    const insert = writer.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    writer.pragma('wal_checkpoint(TRUNCATE)');
    const group = new GroupCommit(writer);
    await Promise.all(Array.from({ length: 200 }, (_, i) => group.run(() => insert.run(`k${i}`, i))));
    expect(writer.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 200 });
    // 200 commits would append at least 200 frames; one commit of a two-level table, a handful.
    expect(framesInWal(writer)).toBeLessThan(10);

    // Writes made in separate turns are separate commits (so the count above is the grouping's).
    writer.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < 20; i++) await group.run(() => insert.run(`s${i}`, i));
    expect(framesInWal(writer)).toBeGreaterThanOrEqual(20);
  });

  it('settles each write only after the commit: another connection already sees it', async () => {
    const { writer, reader } = twoConnections();
    const insert = writer.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const seen = reader.prepare<[string], { v: number }>('SELECT v FROM t WHERE k = ?');
    const group = new GroupCommit(writer);
    const pending = group.run(() => insert.run('a', 1).changes);
    // Queued, not yet committed: nothing is visible, and the promise has not settled.
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(seen.get('a')).toBeUndefined();
    expect(await pending).toBe(1);
    expect(seen.get('a')).toEqual({ v: 1 });
  });

  it('rolls back a write that throws, alone: it rejects, the others of its commit land', async () => {
    const { writer, reader } = twoConnections();
    const insert = writer.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const group = new GroupCommit(writer);
    const results = await Promise.allSettled([
      group.run(() => insert.run('a', 1)),
      // Two statements, the second refused by the CHECK: the first must not stay either.
      group.run(() => {
        insert.run('b', 2);
        insert.run('c', -1);
      }),
      group.run(() => insert.run('d', 4)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/CHECK constraint/);
    expect(reader.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'a' }, { k: 'd' }]);
  });

  it('commits what is queued when flushed (the store does on close); a closed database rejects', async () => {
    const { writer, reader } = twoConnections();
    const insert = writer.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const group = new GroupCommit(writer);
    const queued = group.run(() => insert.run('a', 1));
    group.flush();
    writer.close();
    await expect(queued).resolves.toMatchObject({ changes: 1 });
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
    await expect(group.run(() => 1)).rejects.toThrow(/closed/);
  });

  it('keeps ProcessedUpdates exact: of 50 begins on one key in one turn, one is new; finish is kept on close', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = sqliteFileFor(dir, 'p');
    const stores = openSqliteStores({ file });
    const T = Date.UTC(2026, 3, 20, 9);
    const begins = await Promise.all(Array.from({ length: 50 }, () => stores.processed.begin('tg:1', T, 60_000)));
    expect(begins.filter((b) => b.status === 'new')).toHaveLength(1);
    expect(begins.filter((b) => b.status === 'in_progress')).toHaveLength(49);
    const finished = stores.processed.finish('tg:1', T);
    await stores.close();
    await finished;
    const again = openSqliteStores({ file });
    expect((await again.processed.begin('tg:1', T + 1, 60_000)).status).toBe('done');
    await again.close();
  });

  it('keeps an idea save a version check: of 20 saves at one version in one turn, one lands', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const stores = openSqliteStores({ file: sqliteFileFor(dir, 'i') });
    const first = idea('i-1', 1);
    expect(await stores.ideas.save(first, null, {})).toBe('saved');
    const saved = (await stores.ideas.get('i-1'))!;
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, n) => stores.ideas.save({ ...saved, title: `t${n}` }, saved.version, { audit: [{ at: 1, actor: 'staff:U1', action: 'idea.edited', subject: 'i-1', assisted: false, data: { n } }] })));
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(1);
    // Only the winner's audit entry was written: the losers' savepoints left nothing.
    expect((await stores.audit.list(0, 100)).filter((e) => e.subject === 'i-1')).toHaveLength(1);
    expect((await stores.ideas.get('i-1'))!.version).toBe(saved.version + 1);
    await stores.close();
  });
});
