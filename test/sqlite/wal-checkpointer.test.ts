/**
 * The background checkpoint of the SQLite store (adapters/sqlite/wal-checkpointer.ts): the
 * log's pages reach the database file from the worker, not from the store's commits; the log
 * stays bounded under sustained writes; `close` ends the worker, so the log is removed for good;
 * a worker that cannot start leaves SQLite's own checkpoints in place.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import type { SqliteStores } from '../../adapters/sqlite/index.ts';
import { BACKSTOP_PAGES, BackgroundCheckpointer } from '../../adapters/sqlite/wal-checkpointer.ts';
import { resident } from '../contracts/contract-helpers.ts';
import { makeTempDir } from './sqlite-fixture.ts';

const PAGE = 4096;
const FRAME = PAGE + 24;

/** Saves `n` residents, one transaction each, with a turn of the event loop between them. */
async function saveResidents(stores: SqliteStores, from: number, n: number): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await stores.residents.save(resident(`tg:${i}`, { displayName: `Resident ${i} ${'x'.repeat(600)}` }), null, {});
    await new Promise((r) => setImmediate(r));
  }
}

async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

describe('SQLite background checkpoint', () => {
  it("copies the log's pages into the database file from the worker, which the store's commits alone do not", async () => {
    const grown: Record<string, boolean> = {};
    for (const background of [true, false]) {
      const dir = makeTempDir();
      const file = sqliteFileFor(dir, 'ckpt');
      const stores = openSqliteStores({ file, backgroundCheckpoint: background });
      try {
        const before = statSync(file).size;
        // About 150 frames: far below both automatic checkpoints (1,000 and the backstop).
        await saveResidents(stores, 0, 50);
        expect(statSync(`${file}-wal`).size).toBeLessThan(900 * FRAME);
        grown[String(background)] = await eventually(() => statSync(file).size >= before + 20 * PAGE, background ? 5000 : 1000);
      } finally {
        await stores.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    expect(grown).toEqual({ true: true, false: false });
  });

  it('keeps the log bounded under sustained writes (the backstop resets it)', async () => {
    const dir = makeTempDir();
    const file = sqliteFileFor(dir, 'bounded');
    const stores = openSqliteStores({ file });
    try {
      let largest = 0;
      for (let round = 0; round < 20; round++) {
        await saveResidents(stores, round * 400, 400);
        largest = Math.max(largest, statSync(`${file}-wal`).size);
      }
      // 8,000 saves append three frames or more each: never reset, the log would pass 24,000.
      // Reset, it stays near the backstop; more when a machine this loaded delays the resets.
      expect(largest / FRAME, 'frames in the log at its largest').toBeLessThan(BACKSTOP_PAGES * 2.5);
      expect(await stores.residents.get('tg:7999')).not.toBeNull();
    } finally {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('ends the worker on close: the log is removed and nothing opens the file again', async () => {
    const dir = makeTempDir();
    const file = sqliteFileFor(dir, 'close');
    const stores = openSqliteStores({ file });
    try {
      await saveResidents(stores, 0, 20);
      expect(existsSync(`${file}-wal`)).toBe(true);
      await stores.close();
      expect(existsSync(`${file}-wal`)).toBe(false);
      // Nothing opens the file again afterwards (a worker left running would, at its next round).
      await new Promise((r) => setTimeout(r, 1200));
      expect([existsSync(`${file}-wal`), existsSync(`${file}-shm`)]).toEqual([false, false]);
      // Reopened, every write is there.
      const again = openSqliteStores({ file, backgroundCheckpoint: false });
      expect(await again.residents.get('tg:19')).not.toBeNull();
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports its work, and raises the connection\'s automatic checkpoint to the backstop while it runs', async () => {
    const dir = makeTempDir();
    const file = sqliteFileFor(dir, 'stats');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (v TEXT)');
    const checkpointer = BackgroundCheckpointer.start(db, file, { logger: pino({ level: 'silent' }), everyMs: 5 });
    try {
      expect(await checkpointer.ready()).toBe(true);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
      const insert = db.prepare('INSERT INTO t VALUES (?)');
      for (let i = 0; i < 100; i++) insert.run('y'.repeat(3000));
      // 100 rows of 3 kB: at least 100 frames, all copied by the worker (the backstop is far off).
      let copied = 0;
      for (let k = 0; k < 250 && copied < 100; k++) {
        copied = (await checkpointer.stats()).copied;
        if (copied < 100) await new Promise((r) => setTimeout(r, 20));
      }
      expect(copied).toBeGreaterThanOrEqual(100);
      expect((await checkpointer.stats()).runs).toBeGreaterThan(0);
      await checkpointer.stop();
      expect(checkpointer.running).toBe(false);
      expect(await checkpointer.stats()).toEqual({ runs: 0, copied: 0, restarts: 0 });
    } finally {
      await checkpointer.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("logs a worker that cannot start and leaves SQLite's own automatic checkpoint", async () => {
    const dir = makeTempDir();
    const file = sqliteFileFor(dir, 'broken');
    const db = openDatabase(file);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write(chunk: Buffer, _e, cb) { lines.push(chunk.toString()); cb(); } }));
    const checkpointer = BackgroundCheckpointer.start(db, file, { logger, driver: `${dir}/no-such-driver.js` });
    try {
      expect(await checkpointer.ready()).toBe(false);
      expect(checkpointer.running).toBe(false);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      expect(lines.join('')).toContain('background checkpoint stopped');
      // The store's connection works on.
      db.exec('CREATE TABLE t (v TEXT); INSERT INTO t VALUES (1)');
      expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    } finally {
      await checkpointer.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
