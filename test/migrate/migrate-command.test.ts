import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migratingMarkerKey, redisKeys } from '../../adapters/redis/index.ts';
import { openSqliteStores, sqliteTransfer } from '../../adapters/sqlite/index.ts';
import { dumpSummary } from '../../adapters/transfer/index.ts';
import { migrateCommand } from '../../bot/commands/migrate.ts';
import { main } from '../../bot/cli.ts';
import { bertrixFile, recordingIo, tempDir } from '../cli/cli-fixture.ts';
import { adminClient, deletePrefix, describeWithRedis, keysUnder, redisUrl, uniquePrefix } from '../support/redis.ts';
import { fillCampaign, migrationCampaign } from './fill-campaign.ts';

const CAMPAIGN = 'bertrix-2026';

describeWithRedis('pnyx migrate', () => {
  let dir: string;
  let cleanupDir: () => Promise<void>;
  const prefixes: string[] = [];
  beforeEach(async () => {
    ({ dir, cleanup: cleanupDir } = await tempDir('migrate'));
  });
  afterEach(async () => {
    for (const p of prefixes.splice(0)) await deletePrefix(p);
    await cleanupDir();
  });
  const prefix = (): string => {
    const p = uniquePrefix('cli');
    prefixes.push(p);
    return p;
  };
  const migrate = async (args: string[], env: Record<string, string | undefined> = { REDIS_URL: redisUrl }) => {
    const io = recordingIo(dir, env);
    const code = await migrateCommand(['--config', bertrixFile, ...args], io);
    return { code, out: io.out(), err: io.err() };
  };
  const fillSqlite = async (dataDir: string): Promise<string> => {
    const file = path.join(dir, dataDir, `${CAMPAIGN}.sqlite`);
    const { sqliteFileFor } = await import('../../adapters/sqlite/index.ts');
    const stores = openSqliteStores({ file: sqliteFileFor(path.join(dir, dataDir), CAMPAIGN) });
    await fillCampaign(stores, migrationCampaign(CAMPAIGN));
    await stores.close();
    return file;
  };
  const summaryOf = (file: string) => {
    const t = sqliteTransfer(file);
    return t.dump().then((d) => {
      t.close();
      return dumpSummary(d);
    });
  };

  it('copies SQLite → Redis → a fresh SQLite file, printing the counts and "checksums match"', async () => {
    const source = await fillSqlite('data');
    const p = prefix();
    const there = await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', p]);
    expect(there.err).toBe('');
    expect(there.code).toBe(0);
    expect(there.out).toContain(`Migrating campaign "${CAMPAIGN}"`);
    expect(there.out).toContain(`from  SQLite file ${path.join('data', `${CAMPAIGN}.sqlite`)}`);
    expect(there.out).toContain(`to    Redis redis://127.0.0.1:6379, key prefix ${p}`);
    expect(there.out).toMatch(/^ {2}residents +8 +8$/m);
    expect(there.out).toMatch(/^ {2}audit +(\d+) +\1$/m);
    expect(there.out).toMatch(/checksums match \(sha256 [0-9a-f]{16}…\); \d+ records copied in \d+\.\d s/);

    const back = await migrate(['--from', 'redis', '--to', 'sqlite', '--data-dir', 'copy', '--redis-prefix', p]);
    expect(back.err).toBe('');
    expect(back.code).toBe(0);
    expect(back.out).toContain('checksums match');
    const copy = path.join(dir, 'copy', `${CAMPAIGN}.sqlite`);
    expect((await summaryOf(copy)).checksum).toBe((await summaryOf(source)).checksum);
  });

  it('is registered in the pnyx CLI', async () => {
    const io = recordingIo(dir, {});
    expect(await main(['migrate', '--help'], io)).toBe(0);
    expect(io.out()).toContain('pnyx migrate --from sqlite|redis --to redis|sqlite');
  });

  it('refuses a target that holds data (exit 1) and leaves it as it was', async () => {
    await fillSqlite('data');
    const p = prefix();
    expect((await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', p])).code).toBe(0);
    const r = adminClient();
    await r.connect();
    try {
      const keys = (await keysUnder(r, p)).sort();
      const again = await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', p]);
      expect(again.code).toBe(1);
      expect(again.err).toContain(`refused: the key prefix ${p} already holds keys`);
      expect((await keysUnder(r, p)).sort()).toEqual(keys);

      const file = path.join(dir, 'data', `${CAMPAIGN}.sqlite`);
      const before = await summaryOf(file);
      const into = await migrate(['--from', 'redis', '--to', 'sqlite', '--redis-prefix', p]);
      expect(into.code).toBe(1);
      expect(into.err).toMatch(/refused: data\/bertrix-2026\.sqlite already holds data \(meta, campaign_records, residents/);
      expect(await summaryOf(file)).toEqual(before);

      const q = prefix();
      await r.set(migratingMarkerKey(redisKeys(q)), '{}');
      const partial = await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', q]);
      expect(partial.code).toBe(1);
      expect(partial.err).toContain('holds an unfinished earlier restore');
      const fromPartial = await migrate(['--from', 'redis', '--to', 'sqlite', '--data-dir', 'other', '--redis-prefix', q]);
      expect(fromPartial.code).toBe(1);
      expect(fromPartial.err).toContain('unfinished restore');
      expect(existsSync(path.join(dir, 'other', `${CAMPAIGN}.sqlite`))).toBe(false);
    } finally {
      r.disconnect();
    }
  });

  it('says so when there is nothing to copy, without leaving an empty target file', async () => {
    const missing = await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', prefix()]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`no stored campaign "${CAMPAIGN}" at data/${CAMPAIGN}.sqlite`);
    const empty = await migrate(['--from', 'redis', '--to', 'sqlite', '--redis-prefix', prefix()]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('nothing to copy');
    expect(existsSync(path.join(dir, 'data', `${CAMPAIGN}.sqlite`))).toBe(false);
  });

  it('rejects bad input with exit 2', async () => {
    expect((await migrate(['--from', 'sqlite', '--to', 'sqlite'])).code).toBe(2);
    expect((await migrate(['--from', 'mysql', '--to', 'redis'])).code).toBe(2);
    const noUrl = await migrate(['--from', 'sqlite', '--to', 'redis'], {});
    expect(noUrl.code).toBe(2);
    expect(noUrl.err).toContain('no Redis URL given');
    const io = recordingIo(dir, { REDIS_URL: redisUrl });
    expect(await migrateCommand(['--from', 'sqlite', '--to', 'redis'], io)).toBe(2);
    expect(io.err()).toContain('no campaign file given');
  });

  it('never prints the Redis password or user name', async () => {
    await fillSqlite('data');
    const url = new URL(redisUrl);
    // A password the server does not need: ioredis warns and carries on.
    const withPassword = `redis://:hunter2-pass@${url.host}`;
    const p = prefix();
    const ok = await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', p], { REDIS_URL: withPassword });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(`Redis redis://${url.host}, key prefix`);
    // A user the server does not know: the connection fails.
    const withUser = `redis://mallory:hunter2-user@${url.host}`;
    const failed = await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', prefix(), '--redis-url', withUser]);
    expect(failed.code).toBe(1);
    expect(failed.err).toMatch(/redis/i);
    // A cluster URL whose nodes do not answer: the error names them, not the credentials.
    const cluster = await migrate(['--from', 'sqlite', '--to', 'redis', '--redis-prefix', prefix(), '--redis-url', 'redis+cluster://mallory:hunter2-cl@127.0.0.1:1,127.0.0.1:2']);
    expect(cluster.code).toBe(1);
    expect(cluster.err).toContain('redis+cluster://127.0.0.1:1,127.0.0.1:2');
    for (const text of [ok.out, ok.err, failed.out, failed.err, cluster.out, cluster.err]) {
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('mallory');
    }
  });
});
