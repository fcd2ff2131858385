/**
 * Issue 9, "Erasure (GDPR Art. 17), for real": after the scenario of erasure-scenario.ts —
 * registered (phone or code), moderated and rewritten idea, supports, vote, ambassador work, a
 * question with its answer, chat state, a message reference — and `forgetMe`, the whole SQLite file (with its WAL and shared-memory files) and every Redis
 * key and value of the campaign hold none of the resident's strings in any encoding; the audit
 * chain still verifies (`pnyx audit` on both stores); registering again finds the ballot.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { openRedisStores } from '../../adapters/redis/index.ts';
import { auditCommand } from '../../bot/commands/audit.ts';
import { redisPrefixFor } from '../../bot/compose.ts';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { recordingIo } from '../cli/cli-fixture.ts';
import { adminClient, deletePrefix, describeWithRedis, redisUrl } from '../support/redis.ts';
import type { ErasureStep } from './erasure-scenario.ts';
import { ERASURE_SECRET, expectBallotFoundAgain, forbiddenStrings, must, runErasureScenario, STAFF, SUBJECT, writeScenarioCampaign } from './erasure-scenario.ts';
import { scanRedisPrefix, scanSqliteFiles } from './scan-stores.ts';

const NEEDLES = forbiddenStrings();

/**
 * What the bots add for a resident before the erasure: a question (signed with their name, as
 * people do) with a follow-up and a staff answer; the registration wizard's chat state holding
 * their username and phone; a ballot-builder message reference; a delivered message to them.
 */
const botRecords: ErasureStep = async (ctx) => {
  const { engine, stores, residentId, subject, clock } = ctx;
  const q = must(await engine.askQuestion(residentId, { text: `When will the square be redone? — ${subject.displayName}, ${subject.phone}` }));
  must(await engine.answerQuestion(STAFF.mod1, q.id, `Dear ${subject.displayName}, in September.`));
  must(await engine.followUpQuestion(residentId, q.id, { text: `Thanks! Call me on ${subject.phone}` }));
  const now = clock.now();
  const wizard = { step: 'verification', username: subject.username, phone: subject.phone, name: subject.displayName };
  expect(await stores.chat.write(`session:${subject.telegramId}`, wizard, { owner: residentId, ttlMs: 86_400_000, now })).toBe('written');
  await stores.messageRefs.put({ key: `builder:${residentId}:town`, platform: 'telegram', chat: String(subject.telegramId), messageId: '4242', owner: residentId, at: now });
  // The answer notice is claimed and acknowledged, as the bot does once Telegram took it.
  const claimed = (await stores.outbox.claim(now, 1000, 60_000)).filter((m) => m.recipient.kind === 'resident' && m.recipient.residentId === residentId);
  expect(claimed.length).toBeGreaterThan(0);
  for (const m of claimed) expect(await stores.outbox.ack(m.seq, m.token)).toBe('ok');
};

/** A step checking the scan is not blind: before the erasure it does find the resident. */
const scanSeesTheResident =
  (scan: () => Promise<readonly { needle: string }[]>): ErasureStep =>
  async () => {
    const found = new Set((await scan()).map((f) => f.needle));
    expect(found).toContain(`tg:${SUBJECT.telegramId}`);
    expect(found).toContain(SUBJECT.displayName);
  };

async function expectAuditVerifies(stores: Stores, campaignFile: string, cwd: string, env: Record<string, string>): Promise<void> {
  const entries = await stores.audit.list(0, 100_000);
  expect(entries.length).toBeGreaterThan(15);
  expect(verifyChain(entries)).toBeNull();
  const io = recordingIo(cwd, { PNYX_SECRET: ERASURE_SECRET, ...env });
  expect(await auditCommand([campaignFile], io), io.err()).toBe(0);
  expect(io.out()).toContain(`chain verified: ${entries.length} entries`);
  expect(io.out()).toContain('resident.erased');
}

describe('erasure leaves no personal data in the SQLite store', () => {
  for (const verification of ['phone', 'code'] as const) {
    it(`${verification} verification: nothing in the file, its WAL or -shm; audit verifies; the ballot is found again`, async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-erasure-'));
      const dataDir = path.join(dir, 'data');
      const { file: campaignFile, campaign } = writeScenarioCampaign(dir, `erasure-${verification}`, verification);
      const file = sqliteFileFor(dataDir, campaign.id);
      const stores = openSqliteStores({ file });
      try {
        const ctx = await runErasureScenario(stores, campaign, [botRecords, scanSeesTheResident(async () => scanSqliteFiles(file, NEEDLES))]);
        // The store is still open, as in a running bot: the WAL and -shm exist and are scanned.
        expect(existsSync(`${file}-shm`)).toBe(true);
        expect(statSync(`${file}-wal`).size).toBe(0);
        expect(scanSqliteFiles(file, NEEDLES)).toEqual([]);
        await expectAuditVerifies(stores, campaignFile, dir, { PNYX_DATA_DIR: dataDir });
        await expectBallotFoundAgain(ctx);
      } finally {
        await stores.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describeWithRedis('erasure leaves no personal data in the Redis store', () => {
  for (const verification of ['phone', 'code'] as const) {
    it(`${verification} verification: no key or value of the campaign holds it; audit verifies; the ballot is found again`, async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-erasure-'));
      const id = `test-erasure-${randomBytes(4).toString('hex')}`;
      const prefix = redisPrefixFor(id);
      const { file: campaignFile, campaign } = writeScenarioCampaign(dir, id, verification);
      const stores = await openRedisStores({ url: redisUrl, prefix, connectTimeoutMs: 2000 });
      const admin = adminClient();
      admin.on('error', () => {});
      await admin.connect();
      try {
        const scan = () => scanRedisPrefix(admin, prefix, NEEDLES);
        const ctx = await runErasureScenario(stores, campaign, [botRecords, scanSeesTheResident(async () => (await scan()).findings)]);
        const { keys, types, findings } = await scan();
        expect(keys).toBeGreaterThan(30);
        // Every kind of record the store writes was read back (strings, hashes, sets, zsets, lists).
        expect([...types]).toEqual(expect.arrayContaining(['hash', 'list', 'set', 'string', 'zset']));
        expect(findings).toEqual([]);
        await expectAuditVerifies(stores, campaignFile, dir, { REDIS_URL: redisUrl });
        await expectBallotFoundAgain(ctx);
      } finally {
        admin.disconnect();
        await stores.close();
        await deletePrefix(prefix);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
