/**
 * The SQLite subscription index (migration 5): fan-out pages are served from partial indexes
 * that hold subscribed residents only, and a file created before the migration is back-filled.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, openDatabase, openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { LIST_SUBSCRIBED_IN_AREA_SQL, LIST_SUBSCRIBED_SQL } from '../../adapters/sqlite/sqlite-resident-store.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { resident } from '../contracts/contract-helpers.ts';
import { makeTempDir } from './sqlite-fixture.ts';

describe('SQLite subscription index', () => {
  const dirs: string[] = [];
  const handles: { close(): unknown }[] = [];
  afterEach(async () => {
    for (const h of handles.splice(0)) await h.close();
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const newFile = (): string => {
    const dir = makeTempDir();
    dirs.push(dir);
    return sqliteFileFor(dir, 'c');
  };
  const stores = (file: string): Stores => {
    const s = openSqliteStores({ file });
    handles.push(s);
    return s;
  };

  it('plans both fan-out queries on the partial indexes, never a scan of residents', async () => {
    const file = newFile();
    const s = stores(file);
    for (let i = 0; i < 50; i++) await s.residents.save(resident(`tg:${i}`, { subscribed: i % 5 === 0 }), null, {});
    const db = new Database(file);
    handles.push(db);
    db.exec('ANALYZE');
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan(LIST_SUBSCRIBED_SQL, '', 10)).toMatch(/^SEARCH residents USING INDEX residents_subscribed \(id>\?\)$/);
    expect(plan(LIST_SUBSCRIBED_IN_AREA_SQL, 'north', '', 10)).toMatch(/^SEARCH residents USING INDEX residents_subscribed_by_area \(area=\? AND id>\?\)$/);
    // The partial indexes hold the subscribed residents only.
    const entries = (index: string) => (db.prepare(`SELECT COUNT(*) AS n FROM residents INDEXED BY ${index} WHERE subscribed = 1`).get() as { n: number }).n;
    expect(entries('residents_subscribed')).toBe(10);
    expect(entries('residents_subscribed_by_area')).toBe(10);
  });

  it('back-fills the index of residents stored before migration 5', async () => {
    const file = newFile();
    const db = openDatabase(file);
    migrate(db, pino({ level: 'silent' }), MIGRATIONS.filter((m) => m.version === 1));
    const put = db.prepare('INSERT INTO residents (id, version, data) VALUES (?, ?, ?)');
    const before = [
      resident('tg:1'),
      resident('tg:2', { subscribed: false }),
      resident('tg:3', { step: 'age', registeredAt: null }),
      resident('tg:4', { area: 'south', version: 3 }),
      resident('tg:5', { area: null }),
    ];
    for (const r of before) put.run(r.id, r.version, JSON.stringify(r));
    db.close();
    const s = stores(file);
    expect((await s.residents.listSubscribed(null, null, 10)).map((r) => r.id)).toEqual(['tg:1', 'tg:4', 'tg:5']);
    expect((await s.residents.listSubscribed('south', null, 10)).map((r) => [r.id, r.version])).toEqual([['tg:4', 3]]);
    expect((await s.residents.listSubscribed('north', null, 10)).map((r) => r.id)).toEqual(['tg:1']);
    // And the back-filled rows are maintained from then on.
    await s.residents.save(resident('tg:1', { subscribed: false }), 1, {});
    await s.residents.save(resident('tg:2'), 1, {});
    expect((await s.residents.listSubscribed('north', null, 10)).map((r) => r.id)).toEqual(['tg:2']);
  });
});
