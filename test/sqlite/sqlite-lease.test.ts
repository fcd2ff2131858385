/**
 * The SQLite leader lease (adapters/sqlite/sqlite-lease.ts) on two connections to one file,
 * with a clock the test moves: who holds it, renewals, expiry and take-over, release. The
 * take-over between two real `pnyx start` processes is in test/service/sqlite-lease-processes.test.ts.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteLeaderLease, openDatabase, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { makeTempDir } from './sqlite-fixture.ts';

const TTL = 15_000;

describe('SqliteLeaderLease', () => {
  const dirs: string[] = [];
  const dbs: Database.Database[] = [];
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  /** A fresh migrated file, two connections to it (two processes) and a clock both contenders read. */
  async function twoProcesses(): Promise<{ clock: { t: number }; lease: (i: 0 | 1, name?: string) => SqliteLeaderLease }> {
    const dir = makeTempDir();
    dirs.push(dir);
    const file = sqliteFileFor(dir, 'c');
    await openSqliteStores({ file }).close();
    dbs.push(openDatabase(file), openDatabase(file));
    const clock = { t: Date.UTC(2026, 3, 20, 9) };
    const [first, second] = dbs.slice(-2) as [Database.Database, Database.Database];
    return { clock, lease: (i, name = 'scheduler') => new SqliteLeaderLease({ db: i === 0 ? first : second, name, ttlMs: TTL, token: `p${i}`, now: () => clock.t }) };
  }

  it('is held by one contender at a time; the other is refused until it expires', async () => {
    const { clock, lease } = await twoProcesses();
    const [a, b] = [lease(0), lease(1)];
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    clock.t += TTL - 1;
    expect(await b.acquire()).toBe(false);
    clock.t += 1;
    // A leader that stopped renewing (crashed, frozen) is replaced once its lease has run out…
    expect(await b.acquire()).toBe(true);
    // …and can no longer renew or release it: it must stop.
    expect(await a.renew()).toBe(false);
    expect(await a.release()).toBe(false);
    expect(await a.acquire()).toBe(false);
    expect(await b.renew()).toBe(true);
  });

  it('renewing pushes the expiry to ttl from now; re-acquiring its own lease renews it', async () => {
    const { clock, lease } = await twoProcesses();
    const [a, b] = [lease(0), lease(1)];
    expect(await a.acquire()).toBe(true);
    clock.t += TTL - 100;
    expect(await a.renew()).toBe(true);
    clock.t += TTL - 100;
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(true);
    clock.t += TTL - 1;
    expect(await b.acquire()).toBe(false);
    // An expired lease is not renewed, even when nobody took it: acquire it again instead.
    clock.t += 1;
    expect(await a.renew()).toBe(false);
    expect(await a.acquire()).toBe(true);
  });

  it('is released by its holder only; then the other takes it at once', async () => {
    const { lease } = await twoProcesses();
    const [a, b] = [lease(0), lease(1)];
    expect(await a.acquire()).toBe(true);
    expect(await b.release()).toBe(false);
    expect(await b.acquire()).toBe(false);
    expect(await a.release()).toBe(true);
    expect(await a.release()).toBe(false);
    expect(await b.acquire()).toBe(true);
  });

  it('keeps leases of different names apart', async () => {
    const { lease } = await twoProcesses();
    expect(await lease(0, 'scheduler').acquire()).toBe(true);
    expect(await lease(1, 'telegram-polling').acquire()).toBe(true);
    expect(await lease(1, 'scheduler').acquire()).toBe(false);
    expect(await lease(0, 'telegram-polling').acquire()).toBe(false);
  });
});
