/**
 * Verification by a Telegram-verified phone number (core/engine/resident-usecases.ts
 * `verifyByPhone`): one phone verifies one account through a keyed hash, the number is kept
 * nowhere, and "forget me" keeps the claim. Run on memory and on a real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../adapters/sqlite/index.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { normalisePhone } from '../../core/residents/phone.ts';
import { harness, TEST_SECRET } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { testCampaign } from '../support/test-campaign.ts';

const PHONE = '+32 478 91 26 53';
const DIGITS = '32478912653';
const phoneCampaign = (verification: Campaign['eligibility']['verification'] = 'phone'): Campaign =>
  testCampaign({ eligibility: { minimumAge: 18, areas: null, verification } });
const keys = new VoterKeys(TEST_SECRET);

describe('normalisePhone and VoterKeys.phoneKey', () => {
  it('keeps the digits of what Telegram sends, refusing fewer than 6 or more than 15', () => {
    for (const raw of [PHONE, DIGITS, `+${DIGITS}`, '+32 (478) 91-26.53']) expect(normalisePhone(raw), raw).toBe(DIGITS);
    expect(normalisePhone('123456')).toBe('123456');
    expect(normalisePhone('123456789012345')).toBe('123456789012345');
    for (const raw of ['', '+', '12345', '1234567890123456', 'call me', '+٣٢٤٧٨٩١٢٦٥٣']) expect(normalisePhone(raw), raw).toBeNull();
  });

  it('is a keyed hash of its own: not the ballot, support or pseudonym key of the same text, and changes with the secret', () => {
    const k = keys.phoneKey(DIGITS);
    expect(k).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(k).not.toContain(DIGITS);
    expect([keys.ballotKey(DIGITS), keys.supportKey(DIGITS), keys.residentPseudonym(DIGITS)]).not.toContain(k);
    expect(new VoterKeys(`${TEST_SECRET}-other`).phoneKey(DIGITS)).not.toBe(k);
    expect(keys.phoneKey('32478912654')).not.toBe(k);
  });
});

/** The stores to run on: memory, and a SQLite file removed after the test. */
const backends: ReadonlyArray<[string, () => Stores]> = [
  ['memory', () => createMemoryStores()],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-phone-'));
      const stores = openSqliteStores({ file: path.join(dir, 'campaign.sqlite') });
      cleanups.push(async () => {
        await stores.close();
        rmSync(dir, { recursive: true, force: true });
      });
      return stores;
    },
  ],
];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

for (const [label, makeStores] of backends) {
  describe(`verifyByPhone [${label}]`, () => {
    const setup = (campaign = phoneCampaign()): Harness => harness(campaign, makeStores());

    it('verifies the resident and claims the keyed hash for their pseudonym, storing no number', async () => {
      const h = setup();
      const id = await h.register(1);
      expect(await h.stores.residents.get(id)).toMatchObject({ step: 'verification', verified: null });
      const out = await h.engine.verifyByPhone(id, PHONE);
      expect(out).toMatchObject({ ok: true, value: { id, step: 'done', verified: { method: 'phone', at: h.clock.now() }, version: 6 } });
      expect(await h.stores.residents.get(id)).toMatchObject({ step: 'done', verified: { method: 'phone' }, version: 6 });
      expect(await h.stores.residents.getPhoneClaim(keys.phoneKey(DIGITS))).toEqual({ phoneKey: keys.phoneKey(DIGITS), holder: keys.residentPseudonym(id), claimedAt: h.clock.now() });
      const mine = await h.engine.exportMyData(id);
      expect(mine).toMatchObject({ ok: true, value: { phoneVerified: true } });
      expect(JSON.stringify(mine)).not.toContain(DIGITS);
      expect(JSON.stringify(await h.stores.residents.list(null, 10))).not.toContain(DIGITS);
    });

    it('refuses the same phone, in any format, for a second account, and changes nothing', async () => {
      const h = setup();
      const [a, b] = [await h.register(1), await h.register(2)];
      expect((await h.engine.verifyByPhone(a, PHONE)).ok).toBe(true);
      for (const raw of [DIGITS, `+${DIGITS}`, PHONE]) expect(await h.engine.verifyByPhone(b, raw), raw).toEqual({ ok: false, code: 'phone.already_used', params: {} });
      expect(await h.stores.residents.get(b)).toMatchObject({ step: 'verification', verified: null, version: 5 });
      expect((await h.stores.residents.getPhoneClaim(keys.phoneKey(DIGITS)))?.holder).toBe(keys.residentPseudonym(a));
      // Another number verifies the second account.
      expect(await h.engine.verifyByPhone(b, '+32 478 00 00 01')).toMatchObject({ ok: true, value: { step: 'done' } });
      expect(await h.engine.submitIdea(b, { title: 'Benches in the park', description: 'Six benches in the park, along the pond, facing south.', category: 'nature', area: null, cost: null })).toMatchObject({ ok: true });
    });

    it('refuses a number that cannot be one, without naming it', async () => {
      const h = setup();
      const id = await h.register(1);
      for (const raw of ['12345', '+1234567890123456', '']) expect(await h.engine.verifyByPhone(id, raw)).toEqual({ ok: false, code: 'phone.invalid', params: { min: 6, max: 15 } });
      expect(await h.stores.residents.get(id)).toMatchObject({ step: 'verification', version: 5 });
    });

    it('leaves the phone unclaimed when the verification is refused for another reason', async () => {
      const byCode = setup(phoneCampaign('code'));
      const r1 = await byCode.register(1);
      expect(await byCode.engine.verifyByPhone(r1, PHONE)).toMatchObject({ ok: false, code: 'registration.wrong_verification', params: { expected: 'code' } });
      expect(await byCode.stores.residents.getPhoneClaim(keys.phoneKey(DIGITS))).toBeNull();

      const h = setup();
      const id = await h.register(1);
      expect((await h.engine.verifyByPhone(id, PHONE)).ok).toBe(true);
      // Already verified: a second number is neither accepted nor claimed.
      expect(await h.engine.verifyByPhone(id, '+32 478 00 00 02')).toMatchObject({ ok: false, code: 'registration.not_at_verification' });
      expect(await h.stores.residents.getPhoneClaim(keys.phoneKey('32478000002'))).toBeNull();
      const early = await h.engine.openResident(9, 'Early', 'fr');
      expect(await h.engine.verifyByPhone(early.id, '+32 478 00 00 03')).toMatchObject({ ok: false, code: 'registration.not_at_verification' });
      expect(await h.stores.residents.getPhoneClaim(keys.phoneKey('32478000003'))).toBeNull();
      expect(await h.engine.verifyByPhone('tg:404', '+32 478 00 00 04')).toMatchObject({ ok: false, code: 'resident.unknown' });
    });

    it('forget me keeps the claim: the same Telegram account verifies again with it, another account still cannot', async () => {
      const h = setup();
      const id = await h.register(1);
      expect((await h.engine.verifyByPhone(id, PHONE)).ok).toBe(true);
      expect((await h.engine.forgetMe(id)).ok).toBe(true);
      expect(await h.stores.residents.get(id)).toBeNull();
      expect((await h.stores.residents.getPhoneClaim(keys.phoneKey(DIGITS)))?.holder).toBe(keys.residentPseudonym(id));
      const other = await h.register(2);
      expect(await h.engine.verifyByPhone(other, PHONE)).toMatchObject({ ok: false, code: 'phone.already_used' });
      const again = await h.register(1);
      expect(again).toBe(id);
      expect(await h.engine.verifyByPhone(again, `+${DIGITS}`)).toMatchObject({ ok: true, value: { step: 'done' } });
    });

    it('two accounts verifying with one phone at once: exactly one verified', async () => {
      const h = setup();
      const ids = [await h.register(1), await h.register(2), await h.register(3)];
      const outs = await Promise.all(ids.map((id) => h.engine.verifyByPhone(id, PHONE)));
      expect(outs.filter((o) => o.ok)).toHaveLength(1);
      expect(outs.filter((o) => !o.ok)).toEqual([
        { ok: false, code: 'phone.already_used', params: {} },
        { ok: false, code: 'phone.already_used', params: {} },
      ]);
      const winner = ids[outs.findIndex((o) => o.ok)]!;
      expect((await h.stores.residents.getPhoneClaim(keys.phoneKey(DIGITS)))?.holder).toBe(keys.residentPseudonym(winner));
      const verified = [];
      for (const id of ids) if ((await h.stores.residents.get(id))?.verified !== null) verified.push(id);
      expect(verified).toEqual([winner]);
    });

    it('retries a version conflict: a language change racing the verification both land', async () => {
      const h = setup();
      const id = await h.register(1);
      // The language change starts first, so it saves first and the verification's claim meets a moved version.
      const [language, verified] = await Promise.all([h.engine.setLanguage(id, 'en'), h.engine.verifyByPhone(id, PHONE)]);
      expect(verified.ok && language.ok).toBe(true);
      expect(await h.stores.residents.get(id)).toMatchObject({ locale: 'en', step: 'done', verified: { method: 'phone' }, version: 7 });
      expect((await h.stores.residents.getPhoneClaim(keys.phoneKey(DIGITS)))?.holder).toBe(keys.residentPseudonym(id));
    });
  });
}

describe('exportMyData', () => {
  it('holds the resident\'s questions with their threads, and says phone verification was not used', async () => {
    const h = harness();
    const id = await h.register(1);
    const q = await h.engine.askQuestion(id, { text: 'When does the vote open?' });
    expect(q.ok).toBe(true);
    const mine = await h.engine.exportMyData(id);
    expect(mine).toMatchObject({ ok: true, value: { phoneVerified: false, questions: [{ question: { ownerId: id }, messages: [{ seq: 1, from: 'resident', text: 'When does the vote open?' }] }] } });
    expect(await h.engine.exportMyData(await h.register(2))).toMatchObject({ ok: true, value: { questions: [] } });
  });
});
