/**
 * `purgeDeleted` on the SQLite store: after an erasure the WAL's old page images are
 * checkpointed away and the log truncated; while another connection pins an old snapshot the
 * purge is `deferred` (what remains: the old images, in the -wal file only) and is retried in
 * the background until it succeeds.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { WalPurger } from '../../adapters/sqlite/wal-purge.ts';
import { resident } from '../contracts/contract-helpers.ts';
import { makeTempDir } from './sqlite-fixture.ts';

const NAME = 'Ysolde Wal-Purge-Marker';

function bytesHold(file: string, text: string): boolean {
  try {
    return readFileSync(file).includes(Buffer.from(text, 'utf8'));
  } catch {
    return false;
  }
}

/** A connection of "another process" holding a read snapshot until `release()`. */
function pinnedReader(file: string): { release(): void } {
  const db = new Database(file);
  db.exec('BEGIN');
  db.prepare('SELECT COUNT(*) FROM residents').get();
  return {
    release() {
      db.exec('COMMIT');
      db.close();
    },
  };
}

describe('SQLite purgeDeleted', () => {
  it('erases the old page images from the WAL and truncates it', async () => {
    const dir = makeTempDir();
    const file = sqliteFileFor(dir, 'purge');
    const stores = openSqliteStores({ file });
    try {
      await stores.residents.save(resident('tg:1', { displayName: NAME }), null, {});
      expect(bytesHold(`${file}-wal`, NAME)).toBe(true);
      expect(await stores.residents.erase('tg:1', 1, {})).toBe('saved');
      // Deleted, but the log still holds the page as it was before.
      expect(bytesHold(`${file}-wal`, NAME)).toBe(true);
      expect(await stores.purgeDeleted()).toBe('purged');
      expect(statSync(`${file}-wal`).size).toBe(0);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(bytesHold(f, NAME)).toBe(false);
    } finally {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is deferred while another connection pins an old snapshot, and done once it lets go', async () => {
    const dir = makeTempDir();
    const file = sqliteFileFor(dir, 'purge');
    const stores = openSqliteStores({ file });
    try {
      await stores.residents.save(resident('tg:1', { displayName: NAME }), null, {});
      const reader = pinnedReader(file);
      expect(await stores.residents.erase('tg:1', 1, {})).toBe('saved');
      expect(await stores.purgeDeleted()).toBe('deferred');
      // What remains meanwhile: the old images in the log, never in the database file.
      expect(bytesHold(`${file}-wal`, NAME)).toBe(true);
      expect(bytesHold(file, NAME)).toBe(false);
      // The store still works while the purge waits.
      expect(await stores.residents.get('tg:1')).toBeNull();
      reader.release();
      expect(await stores.purgeDeleted()).toBe('purged');
      for (const f of [file, `${file}-wal`]) expect(bytesHold(f, NAME)).toBe(false);
    } finally {
      await stores.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('retries a deferred purge in the background until it succeeds', async () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'p.sqlite');
    const db = openDatabase(file);
    try {
      db.exec('CREATE TABLE residents (id TEXT PRIMARY KEY, data TEXT)');
      db.prepare('INSERT INTO residents VALUES (?, ?)').run('tg:1', NAME);
      const reader = pinnedReader(file);
      db.prepare('DELETE FROM residents').run();
      const purger = new WalPurger(db, pino({ level: 'silent' }), { busyTimeoutMs: 5000, pausesMs: [], retryEveryMs: 20 });
      expect(await purger.purge()).toBe('deferred');
      expect(purger.pending).toBe(true);
      // The connection's busy_timeout is restored after each attempt.
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      reader.release();
      await vi.waitFor(() => expect(purger.pending).toBe(false), { timeout: 10_000, interval: 20 });
      expect(statSync(`${file}-wal`).size).toBe(0);
      expect(bytesHold(`${file}-wal`, NAME)).toBe(false);
      purger.stop();
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
