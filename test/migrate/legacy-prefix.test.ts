/**
 * A campaign stored by an older version under `pnyx:<campaign id>:` (no hash tag): the bots
 * refuse to open it, naming the command that moves it; that command (`pnyx migrate --from redis
 * --to redis --from-prefix …`) copies it to `pnyx:{<campaign id>}:`, after which it opens.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openRedisStores, openRedisTransfer } from '../../adapters/redis/index.ts';
import { migrateCommand } from '../../bot/commands/migrate.ts';
import { composeCampaign, legacyRedisPrefixFor, redisPrefixFor } from '../../bot/compose.ts';
import { loadCampaignFile, loadEnvironment } from '../../config/index.ts';
import type { Environment } from '../../config/index.ts';
import { bertrixFile, recordingIo, tempDir } from '../cli/cli-fixture.ts';
import { TEST_SECRET } from '../support/engine-harness.ts';
import { deletePrefix, describeWithRedis, redisUrl } from '../support/redis.ts';
import { expectBehavesLikeSource, fillCampaign, migrationCampaign } from './fill-campaign.ts';

describeWithRedis('a campaign under the prefix of older versions', () => {
  let dir: string;
  let cleanupDir: () => Promise<void>;
  let id: string;
  beforeEach(async () => {
    ({ dir, cleanup: cleanupDir } = await tempDir('legacy'));
    id = `test-legacy-${randomBytes(4).toString('hex')}`;
  });
  afterEach(async () => {
    await deletePrefix(legacyRedisPrefixFor(id));
    await deletePrefix(redisPrefixFor(id));
    await cleanupDir();
  });

  const env = (): Environment => {
    const e = loadEnvironment({ REDIS_URL: redisUrl, PNYX_SECRET: TEST_SECRET });
    if (!e.ok) throw new Error('bad test environment');
    return e.value;
  };

  it('is refused at open with the migrate command to run; that command moves it, and then it opens and behaves as before', async () => {
    const legacy = await openRedisStores({ url: redisUrl, prefix: legacyRedisPrefixFor(id) });
    const filled = await fillCampaign(legacy, migrationCampaign(id));
    await legacy.close();
    // The example campaign file under this test's id.
    const file = path.join(dir, 'campaign.yaml');
    await writeFile(file, (await readFile(bertrixFile, 'utf8')).replace(/^id: .*$/m, `id: ${id}`));
    const loaded = await loadCampaignFile(file);
    if (!loaded.ok) throw new Error('bad test campaign file');

    for (const purpose of ['serve', 'inspect'] as const) {
      const refused = await composeCampaign(loaded.campaign, env(), { purpose, cwd: dir });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.exitCode).toBe(1);
      expect(refused.message).toContain(`old key prefix pnyx:${id}:`);
      expect(refused.message).toContain(`pnyx migrate --from redis --to redis --from-prefix 'pnyx:${id}:' --config <campaign file>`);
    }
    // Nothing was written under the new prefix by the refused opens.
    const fresh = await openRedisTransfer({ url: redisUrl, prefix: redisPrefixFor(id) });
    expect(await fresh.state()).toBe('empty');
    await fresh.close();

    // The command from the message, as an operator would type it.
    const io = recordingIo(dir, { REDIS_URL: redisUrl });
    const code = await migrateCommand(['--from', 'redis', '--to', 'redis', '--from-prefix', `pnyx:${id}:`, '--config', 'campaign.yaml'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(io.out()).toContain(`from  Redis redis://127.0.0.1:6379, key prefix pnyx:${id}:`);
    expect(io.out()).toContain(`to    Redis redis://127.0.0.1:6379, key prefix pnyx:{${id}}:`);
    expect(io.out()).toContain('checksums match');
    expect(io.out()).toContain(`Delete the keys under pnyx:${id}: once the bots serve the copy.`);

    const opened = await composeCampaign(loaded.campaign, env(), { purpose: 'inspect', cwd: dir });
    expect(opened.ok).toBe(true);
    if (opened.ok) await opened.close();
    const moved = await openRedisStores({ url: redisUrl, prefix: redisPrefixFor(id) });
    try {
      await expectBehavesLikeSource(moved, filled, migrationCampaign(id));
    } finally {
      await moved.close();
    }
  });

  it('refuses a redis → redis copy onto itself, and --from-prefix without a Redis source', async () => {
    const file = path.join(dir, 'campaign.yaml');
    await writeFile(file, (await readFile(bertrixFile, 'utf8')).replace(/^id: .*$/m, `id: ${id}`));
    const run = async (args: string[]) => {
      const io = recordingIo(dir, { REDIS_URL: redisUrl });
      return { code: await migrateCommand(['--config', 'campaign.yaml', ...args], io), err: io.err() };
    };
    const onto = await run(['--from', 'redis', '--to', 'redis']);
    expect(onto.code).toBe(2);
    expect(onto.err).toContain('give another source (--from-prefix PREFIX or --from-redis-url URL)');
    const same = await run(['--from', 'redis', '--to', 'redis', '--from-prefix', `pnyx:{${id}}:`]);
    expect(same.code).toBe(2);
    const sqlite = await run(['--from', 'sqlite', '--to', 'redis', '--from-prefix', `pnyx:${id}:`]);
    expect(sqlite.code).toBe(2);
    expect(sqlite.err).toContain('apply to --from redis only');
  });
});
