/**
 * One-time codes through the engine (SPEC §2.4): a code is spent only together with the
 * resident it verifies or registers — a refused verification, a version conflict or a crash
 * between two store writes never leaves a spent code behind.
 */
import { ambassadorRef } from '../../core/engine/actor-refs.ts';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { ResidentStore } from '../../core/ports/resident-store.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { testCampaign } from '../support/test-campaign.ts';

const byCode = (): Campaign => testCampaign({ eligibility: { minimumAge: 18, areas: null, verification: 'code' } });

/** Opens a resident and answers every step before verification. */
async function toVerification(h: Harness, telegramId: number): Promise<string> {
  const r = await h.engine.openResident(telegramId, null, 'fr');
  for (const a of [
    { step: 'language', locale: 'fr' },
    { step: 'consent', accepted: true },
    { step: 'age', band: '35-64' },
    { step: 'area', area: 'centre' },
  ] as const) {
    const x = await h.engine.answerRegistration(r.id, a);
    if (!x.ok) throw new Error(x.code);
  }
  return r.id;
}

async function oneCode(h: Harness): Promise<string> {
  const codes = await h.engine.issueCodes('cli', 1);
  if (!codes.ok) throw new Error(codes.code);
  return codes.value[0]!;
}

const WRITES = new Set(['save', 'erase', 'addCodes', 'claimCode', 'claimCodeAndSave']);

/**
 * A resident store whose process "crashes" (throws) on every write after the first
 * `allowed` ones once armed — what a use case leaves behind when it dies between two writes.
 */
function crashing(inner: ResidentStore): { store: ResidentStore; arm(allowed: number): void } {
  let left = Number.POSITIVE_INFINITY;
  const store = new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (WRITES.has(String(name)) && left-- <= 0) return Promise.reject(new Error('crash between writes'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, arm: (allowed) => (left = allowed) };
}

/**
 * A resident store where someone else saves the resident right after every read, so each
 * version the engine read is already stale when it writes.
 */
function contended(inner: ResidentStore): ResidentStore {
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (name !== 'get') return Reflect.get(target, name, receiver) as unknown;
      return async (id: string) => {
        const r = await target.get(id);
        if (r !== null) await target.save({ ...r, subscribed: !r.subscribed }, r.version, {});
        return r;
      };
    },
  });
}

describe('one-time codes are spent only with the resident they verify', () => {
  it('a verification refused for the step leaves the code free for the next resident', async () => {
    const h = harness(byCode());
    const code = await oneCode(h);
    const early = await h.engine.openResident(1, null, 'fr');
    expect(await h.engine.verifyByCode(early.id, code)).toMatchObject({ ok: false, code: 'registration.not_at_verification', params: { step: 'language' } });
    expect(await h.stores.residents.getCode(code)).toMatchObject({ residentId: null, usedAt: null });
    const ready = await toVerification(h, 2);
    expect(await h.engine.verifyByCode(ready, code)).toMatchObject({ ok: true, value: { step: 'done', verified: { method: 'code' }, version: 6 } });
    // Verified now: another code would be spent for nothing, so it is refused and stays free.
    const second = await oneCode(h);
    expect(await h.engine.verifyByCode(ready, second)).toMatchObject({ ok: false, code: 'registration.not_at_verification', params: { step: 'done' } });
    expect(await h.stores.residents.getCode(second)).toMatchObject({ usedAt: null });
  });

  it('a verification refused for the method leaves the code free', async () => {
    const h = harness(testCampaign({ eligibility: { minimumAge: 18, areas: null, verification: 'phone' } }));
    const code = await oneCode(h);
    const id = await toVerification(h, 1);
    expect(await h.engine.verifyByCode(id, code)).toMatchObject({ ok: false, code: 'registration.wrong_verification', params: { expected: 'phone' } });
    expect(await h.stores.residents.getCode(code)).toMatchObject({ residentId: null, usedAt: null });
  });

  it('a verification that keeps losing version races gives up with the code still free', async () => {
    const memory = createMemoryStores();
    const stores: Stores = { ...memory, residents: contended(memory.residents) };
    const h = harness(byCode(), stores);
    const code = await oneCode(h);
    const id = await toVerification(harness(byCode(), memory), 1);
    expect(await h.engine.verifyByCode(id, code)).toMatchObject({ ok: false, code: 'resident.busy' });
    expect(await memory.residents.getCode(code)).toMatchObject({ residentId: null, usedAt: null });
    expect((await memory.residents.get(id))?.verified).toBeNull();
  });

  it('a crash at any store write never leaves a spent code without its verified or registered resident', async () => {
    for (const allowed of [0, 1, 2]) {
      const memory = createMemoryStores();
      const residents = crashing(memory.residents);
      const h = harness(byCode(), { ...memory, residents: residents.store });
      const amb = await toVerification(h, 50);
      expect((await h.engine.setRole('U-ADMIN', amb, 'ambassador')).ok).toBe(true);
      const [forVerify, forAssisted] = [await oneCode(h), await oneCode(h)];
      const id = await toVerification(h, 1);

      residents.arm(allowed);
      await h.engine.verifyByCode(id, forVerify).catch(() => null);
      const verifyCode = await memory.residents.getCode(forVerify);
      const verified = (await memory.residents.get(id))?.verified ?? null;
      expect({ allowed, spent: verifyCode?.usedAt !== null, verified: verified !== null }).toEqual({ allowed, spent: verified !== null, verified: verified !== null });

      residents.arm(allowed);
      await h.engine.registerAssisted(amb, { code: forAssisted, locale: 'fr', ageBand: '65+', area: 'north', displayName: null }).catch(() => null);
      const assistedCode = await memory.residents.getCode(forAssisted);
      const registered = assistedCode?.residentId === null || assistedCode === null ? null : await memory.residents.get(assistedCode.residentId);
      expect({ allowed, spent: assistedCode?.usedAt !== null }).toEqual({ allowed, spent: registered !== null });
      if (registered !== null) expect(registered).toMatchObject({ step: 'done', assistedBy: ambassadorRef(h.deps, amb), verified: { method: 'code' } });
    }
  });

  it('assisted registration is recorded in the audit log under pseudonyms, never the ids', async () => {
    const h = harness(byCode());
    const amb = await toVerification(h, 50);
    expect((await h.engine.setRole('U-ADMIN', amb, 'ambassador')).ok).toBe(true);
    const code = await oneCode(h);
    const reg = await h.engine.registerAssisted(amb, { code, locale: 'fr', ageBand: '65+', area: 'north', displayName: null });
    if (!reg.ok) throw new Error(reg.code);
    const entries = (await h.stores.audit.list(0, 100)).filter((e) => e.action === 'resident.registered_assisted');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ assisted: true, actor: expect.stringMatching(/^ambassador:/), subject: expect.stringMatching(/^resident:/) });
    expect(JSON.stringify(entries)).not.toContain(amb);
    expect(JSON.stringify(entries)).not.toContain(reg.value.id);
  });
});
