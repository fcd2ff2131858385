/**
 * Contract of `ResidentStore` (core/ports/resident-store.ts), run unchanged by every backend.
 *
 * Readings chosen here (report to the owner of core/ports):
 * - The store owns `version`: the saved record reads back with `expectedVersion + 1` (or 1),
 *   whatever the caller put in the field.
 * - `erase` of a missing record is a `conflict`; after an erase the id can be saved anew
 *   with expected version null (registering again after "forget me").
 * - `list` orders ids by plain string (byte) order: `tg:10` sorts before `tg:2`.
 * - A code pre-assigned to another resident answers `used` to a different claimant.
 * - Erasing a resident forgets them in codes (used: residentId null, still used; reserved and
 *   unused: deleted); a claim of such a used code answers `used` with residentId null.
 * - `claimCodeAndSave` judges the code before the version: a used code answers `used` even
 *   when the version is wrong too.
 */
import { describe, expect, it } from 'vitest';
import type { AccessCode } from '../../core/ports/resident-store.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, expectSide, fixtures, range, resident, side } from './contract-helpers.ts';

function code(value: string, over: Partial<AccessCode> = {}): AccessCode {
  return { code: value, residentId: null, issuedBy: 'staff:U1', issuedAt: T0, usedAt: null, ...over };
}

export function describeResidentStoreContract(label: string, make: MakeStores): void {
  describe(`ResidentStore contract [${label}]`, () => {
    const open = fixtures(make);

    it('returns null for an unknown resident', async () => {
      const { stores } = await open();
      expect(await stores.residents.get('tg:404')).toBeNull();
    });

    it('saves a new resident as version 1 with every field, atomically with side records', async () => {
      const { stores } = await open();
      const r = resident('tg:1', { verified: { method: 'code', at: T0 + 1 }, assistedBy: 'ambassador:tg:9', telegramId: null, displayName: null });
      expect(await stores.residents.save(r, null, side('s1'))).toBe('saved');
      expect(await stores.residents.get('tg:1')).toEqual({ ...r, version: 1 });
      await expectSide(stores, 's1', true);
    });

    it('saves over the expected version as expected + 1', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1'), null, {});
      expect(await stores.residents.save(resident('tg:1', { area: 'south', version: 2 }), 1, {})).toBe('saved');
      expect(await stores.residents.get('tg:1')).toEqual(resident('tg:1', { area: 'south', version: 2 }));
    });

    it('stamps the stored version itself, whatever the version field says', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1', { version: 77 }), null, {});
      expect((await stores.residents.get('tg:1'))?.version).toBe(1);
      await stores.residents.save(resident('tg:1', { version: 1 }), 1, {});
      expect((await stores.residents.get('tg:1'))?.version).toBe(2);
    });

    it('refuses stale, future, null-over-existing and expected-over-missing saves, writing nothing', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1'), null, {});
      await stores.residents.save(resident('tg:1', { area: 'south', version: 2 }), 1, {});
      expect(await stores.residents.save(resident('tg:1', { area: 'x' }), null, side('null'))).toBe('conflict');
      expect(await stores.residents.save(resident('tg:1', { area: 'x' }), 1, side('stale'))).toBe('conflict');
      expect(await stores.residents.save(resident('tg:1', { area: 'x' }), 3, side('future'))).toBe('conflict');
      expect(await stores.residents.save(resident('tg:2'), 1, side('missing'))).toBe('conflict');
      expect(await stores.residents.get('tg:1')).toEqual(resident('tg:1', { area: 'south', version: 2 }));
      expect(await stores.residents.get('tg:2')).toBeNull();
      for (const tag of ['null', 'stale', 'future', 'missing']) await expectSide(stores, tag, false);
    });

    it('erases at the expected version with side records; refuses otherwise', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1'), null, {});
      expect(await stores.residents.erase('tg:1', 2, side('stale'))).toBe('conflict');
      expect(await stores.residents.get('tg:1')).not.toBeNull();
      expect(await stores.residents.erase('tg:1', 1, side('ok'))).toBe('saved');
      expect(await stores.residents.get('tg:1')).toBeNull();
      expect(await stores.residents.erase('tg:1', 1, side('gone'))).toBe('conflict');
      await expectSide(stores, 'stale', false);
      await expectSide(stores, 'ok', true);
      await expectSide(stores, 'gone', false);
      expect(await stores.residents.list(null, 10)).toEqual([]);
    });

    it('lets an erased resident register again from version 1', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1'), null, {});
      await stores.residents.save(resident('tg:1', { version: 2 }), 1, {});
      await stores.residents.erase('tg:1', 2, {});
      expect(await stores.residents.save(resident('tg:1', { step: 'language', registeredAt: null }), null, {})).toBe('saved');
      expect(await stores.residents.get('tg:1')).toEqual(resident('tg:1', { step: 'language', registeredAt: null, version: 1 }));
    });

    it('lists residents ordered by id (string order), paging after an id', async () => {
      const { stores } = await open();
      const ids = ['tg:2', 'tg:10', 'code:b', 'tg:1', 'code:a'];
      for (const id of ids) await stores.residents.save(resident(id), null, {});
      const sorted = ['code:a', 'code:b', 'tg:1', 'tg:10', 'tg:2'];
      expect((await stores.residents.list(null, 100)).map((r) => r.id)).toEqual(sorted);
      expect((await stores.residents.list(null, 2)).map((r) => r.id)).toEqual(['code:a', 'code:b']);
      expect((await stores.residents.list('code:b', 2)).map((r) => r.id)).toEqual(['tg:1', 'tg:10']);
      expect((await stores.residents.list('tg:10', 2)).map((r) => r.id)).toEqual(['tg:2']);
      expect((await stores.residents.list('tg:2', 2)).map((r) => r.id)).toEqual([]);
      expect((await stores.residents.list('tg:15', 5)).map((r) => r.id)).toEqual(['tg:2']);
      expect((await stores.residents.list(null, 100))[0]).toEqual({ ...resident('code:a'), version: 1 });
    });

    it('is not changed by mutating a saved input or a returned record', async () => {
      const { stores } = await open();
      const input = { ...resident('tg:1'), consent: { version: 'v1', at: T0 } };
      await stores.residents.save(input, null, {});
      (input.consent as { version: string }).version = 'hacked';
      const got = await stores.residents.get('tg:1');
      try {
        (got?.consent as { version: string }).version = 'hacked';
      } catch {
        // frozen values may throw; either way the store must be unchanged
      }
      expect((await stores.residents.get('tg:1'))?.consent).toEqual({ version: 'v1', at: T0 });
    });

    it('race: two handles saving from the same version: exactly one saved', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.residents.save(resident('tg:1'), null, {});
      const [a, b] = await Promise.all([
        stores.residents.save(resident('tg:1', { area: 'a' }), 1, side('a')),
        other.residents.save(resident('tg:1', { area: 'b' }), 1, side('b')),
      ]);
      expect([a, b].sort()).toEqual(['conflict', 'saved']);
      const winner = a === 'saved' ? 'a' : 'b';
      expect((await stores.residents.get('tg:1'))?.area).toBe(winner);
      await expectSide(stores, winner, true);
      await expectSide(stores, winner === 'a' ? 'b' : 'a', false);
    });

    it('stores codes, leaving an existing code unchanged', async () => {
      const { stores } = await open();
      await stores.residents.addCodes([code('AAAA2222'), code('BBBB3333', { residentId: 'code:r1' })]);
      await stores.residents.addCodes([code('AAAA2222', { issuedBy: 'staff:U2', residentId: 'code:x' })]);
      expect(await stores.residents.getCode('AAAA2222')).toEqual(code('AAAA2222'));
      expect(await stores.residents.getCode('BBBB3333')).toEqual(code('BBBB3333', { residentId: 'code:r1' }));
      expect(await stores.residents.getCode('ZZZZ9999')).toBeNull();
    });

    it('claims a free code once, with side records; then answers used', async () => {
      const { stores } = await open();
      await stores.residents.addCodes([code('AAAA2222')]);
      expect(await stores.residents.claimCode('NOPE9999', 'tg:1', T0, side('unknown'))).toEqual({ status: 'unknown' });
      const claimed = await stores.residents.claimCode('AAAA2222', 'tg:1', T0 + 5, side('claim'));
      expect(claimed).toEqual({ status: 'claimed', code: code('AAAA2222', { residentId: 'tg:1', usedAt: T0 + 5 }) });
      expect(await stores.residents.getCode('AAAA2222')).toEqual(code('AAAA2222', { residentId: 'tg:1', usedAt: T0 + 5 }));
      expect(await stores.residents.claimCode('AAAA2222', 'tg:2', T0 + 6, side('again'))).toEqual({ status: 'used', residentId: 'tg:1' });
      expect(await stores.residents.claimCode('AAAA2222', 'tg:1', T0 + 7, side('same'))).toEqual({ status: 'used', residentId: 'tg:1' });
      await expectSide(stores, 'unknown', false);
      await expectSide(stores, 'claim', true);
      await expectSide(stores, 'again', false);
      await expectSide(stores, 'same', false);
    });

    it('lets a pre-assigned code be claimed by its resident only', async () => {
      const { stores } = await open();
      await stores.residents.addCodes([code('CCCC4444', { residentId: 'code:r1' })]);
      const other = await stores.residents.claimCode('CCCC4444', 'tg:2', T0, side('other'));
      expect(other.status).toBe('used');
      const own = await stores.residents.claimCode('CCCC4444', 'code:r1', T0 + 1, side('own'));
      expect(own).toEqual({ status: 'claimed', code: code('CCCC4444', { residentId: 'code:r1', usedAt: T0 + 1 }) });
      await expectSide(stores, 'other', false);
      await expectSide(stores, 'own', true);
    });

    it('erasing a resident forgets them in codes: used ones stay used with no resident, reserved ones go; others untouched', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1'), null, {});
      await stores.residents.save(resident('tg:2'), null, {});
      await stores.residents.addCodes([code('AAAA2222'), code('BBBB3333'), code('CCCC4444', { residentId: 'tg:1' }), code('DDDD5555')]);
      expect((await stores.residents.claimCode('AAAA2222', 'tg:1', T0 + 1, {})).status).toBe('claimed');
      expect((await stores.residents.claimCode('BBBB3333', 'tg:2', T0 + 2, {})).status).toBe('claimed');
      // A refused erase changes no code.
      expect(await stores.residents.erase('tg:1', 5, side('stale'))).toBe('conflict');
      expect((await stores.residents.getCode('AAAA2222'))?.residentId).toBe('tg:1');
      expect(await stores.residents.erase('tg:1', 1, side('erase'))).toBe('saved');
      expect(await stores.residents.getCode('AAAA2222')).toEqual(code('AAAA2222', { usedAt: T0 + 1 }));
      expect(await stores.residents.getCode('CCCC4444')).toBeNull();
      expect(await stores.residents.getCode('BBBB3333')).toEqual(code('BBBB3333', { residentId: 'tg:2', usedAt: T0 + 2 }));
      expect(await stores.residents.getCode('DDDD5555')).toEqual(code('DDDD5555'));
      // Still used for anyone, the erased resident coming back included.
      expect(await stores.residents.claimCode('AAAA2222', 'tg:1', T0 + 3, side('again'))).toEqual({ status: 'used', residentId: null });
      await expectSide(stores, 'stale', false);
      await expectSide(stores, 'erase', true);
      await expectSide(stores, 'again', false);
      // Registered again and claiming a new code: that one is forgotten at the next erasure too.
      await stores.residents.save(resident('tg:1'), null, {});
      expect((await stores.residents.claimCode('DDDD5555', 'tg:1', T0 + 4, {})).status).toBe('claimed');
      expect(await stores.residents.erase('tg:1', 1, {})).toBe('saved');
      expect(await stores.residents.getCode('DDDD5555')).toEqual(code('DDDD5555', { usedAt: T0 + 4 }));
    });

    it('purgeDeleted after an erasure answers purged, and again (idempotent)', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1'), null, {});
      await stores.residents.erase('tg:1', 1, {});
      expect(await stores.purgeDeleted()).toBe('purged');
      expect(await stores.purgeDeleted()).toBe('purged');
      expect(await stores.residents.get('tg:1')).toBeNull();
    });

    it('race: concurrent claims of one code through two handles: exactly one claimed', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.residents.addCodes([code('DDDD5555')]);
      const outs = await Promise.all(range(1, 12).map((i) => (i % 2 ? stores : other).residents.claimCode('DDDD5555', `tg:${i}`, T0 + i, side(`c${i}`))));
      const winners = outs.flatMap((o, i) => (o.status === 'claimed' ? [i + 1] : []));
      expect(winners).toHaveLength(1);
      const winner = `tg:${winners[0]}`;
      for (const o of outs) if (o.status !== 'claimed') expect(o).toEqual({ status: 'used', residentId: winner });
      expect((await other.residents.getCode('DDDD5555'))?.residentId).toBe(winner);
      const landed = await Promise.all(range(1, 12).map((i) => expectSide(stores, `c${i}`, i === winners[0])));
      expect(landed).toHaveLength(12);
    });
    it('claimCodeAndSave: claims the code and saves the resident in one step, with side records', async () => {
      const { stores } = await open();
      await stores.residents.addCodes([code('EEEE6666')]);
      const r = resident('code:r1', { telegramId: null, verified: { method: 'code', at: T0 + 5 } });
      const out = await stores.residents.claimCodeAndSave('EEEE6666', r, null, T0 + 5, side('both'));
      expect(out).toEqual({ status: 'claimed', code: code('EEEE6666', { residentId: 'code:r1', usedAt: T0 + 5 }) });
      expect(await stores.residents.get('code:r1')).toEqual({ ...r, version: 1 });
      expect(await stores.residents.getCode('EEEE6666')).toEqual(code('EEEE6666', { residentId: 'code:r1', usedAt: T0 + 5 }));
      expect((await stores.residents.list(null, 10)).map((x) => x.id)).toEqual(['code:r1']);
      await expectSide(stores, 'both', true);
      // Over an existing resident: the saved version is expected + 1.
      await stores.residents.addCodes([code('FFFF7777')]);
      const again = await stores.residents.claimCodeAndSave('FFFF7777', resident('code:r1', { area: 'south' }), 1, T0 + 6, {});
      expect(again.status).toBe('claimed');
      expect(await stores.residents.get('code:r1')).toEqual(resident('code:r1', { area: 'south', version: 2 }));
    });

    it('claimCodeAndSave: a version conflict writes nothing and leaves the code free', async () => {
      const { stores } = await open();
      await stores.residents.addCodes([code('GGGG8888')]);
      await stores.residents.save(resident('tg:1', { step: 'verification', registeredAt: null }), null, {});
      await stores.residents.save(resident('tg:1', { step: 'verification', registeredAt: null }), 1, {});
      const verified = resident('tg:1', { verified: { method: 'code', at: T0 } });
      expect(await stores.residents.claimCodeAndSave('GGGG8888', verified, 1, T0, side('stale'))).toEqual({ status: 'conflict' });
      expect(await stores.residents.claimCodeAndSave('GGGG8888', verified, 3, T0, side('future'))).toEqual({ status: 'conflict' });
      expect(await stores.residents.claimCodeAndSave('GGGG8888', verified, null, T0, side('null'))).toEqual({ status: 'conflict' });
      expect(await stores.residents.claimCodeAndSave('GGGG8888', resident('tg:2'), 1, T0, side('missing'))).toEqual({ status: 'conflict' });
      expect(await stores.residents.getCode('GGGG8888')).toEqual(code('GGGG8888'));
      expect(await stores.residents.get('tg:1')).toEqual(resident('tg:1', { step: 'verification', registeredAt: null, version: 2 }));
      expect(await stores.residents.get('tg:2')).toBeNull();
      for (const tag of ['stale', 'future', 'null', 'missing']) await expectSide(stores, tag, false);
      // The code is still free: the right version claims it.
      expect((await stores.residents.claimCodeAndSave('GGGG8888', verified, 2, T0 + 1, side('ok'))).status).toBe('claimed');
      expect(await stores.residents.get('tg:1')).toEqual({ ...verified, version: 3 });
      await expectSide(stores, 'ok', true);
    });

    it('claimCodeAndSave: an unknown, used or reserved code saves no resident', async () => {
      const { stores } = await open();
      await stores.residents.addCodes([code('HHHH9999'), code('JJJJ2222', { residentId: 'code:owner' })]);
      expect(await stores.residents.claimCode('HHHH9999', 'tg:9', T0, {})).toMatchObject({ status: 'claimed' });
      expect(await stores.residents.claimCodeAndSave('NOPE9999', resident('tg:1'), null, T0, side('unknown'))).toEqual({ status: 'unknown' });
      expect(await stores.residents.claimCodeAndSave('HHHH9999', resident('tg:1'), null, T0, side('used'))).toEqual({ status: 'used', residentId: 'tg:9' });
      expect(await stores.residents.claimCodeAndSave('JJJJ2222', resident('tg:1'), null, T0, side('reserved'))).toEqual({ status: 'used', residentId: 'code:owner' });
      // The code is judged first: a used code says so even when the version is wrong too.
      expect(await stores.residents.claimCodeAndSave('HHHH9999', resident('tg:1'), 7, T0, side('both'))).toEqual({ status: 'used', residentId: 'tg:9' });
      expect(await stores.residents.get('tg:1')).toBeNull();
      expect(await stores.residents.list(null, 10)).toEqual([]);
      for (const tag of ['unknown', 'used', 'reserved', 'both']) await expectSide(stores, tag, false);
      expect(await stores.residents.claimCodeAndSave('JJJJ2222', resident('code:owner'), null, T0 + 1, {})).toMatchObject({ status: 'claimed' });
      expect((await stores.residents.get('code:owner'))?.version).toBe(1);
    });

    it('race: claimCodeAndSave of one code by twelve residents through two handles: exactly one claimed and saved', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.residents.addCodes([code('KKKK3333')]);
      const outs = await Promise.all(
        range(1, 12).map((i) => (i % 2 ? stores : other).residents.claimCodeAndSave('KKKK3333', resident(`code:r${i}`), null, T0 + i, side(`s${i}`))),
      );
      const winners = outs.flatMap((o, i) => (o.status === 'claimed' ? [i + 1] : []));
      expect(winners).toHaveLength(1);
      const winner = `code:r${winners[0]}`;
      for (const o of outs) if (o.status !== 'claimed') expect(o).toEqual({ status: 'used', residentId: winner });
      expect((await other.residents.list(null, 100)).map((r) => r.id)).toEqual([winner]);
      expect((await stores.residents.getCode('KKKK3333'))?.residentId).toBe(winner);
      for (const i of range(1, 12)) await expectSide(stores, `s${i}`, i === winners[0]);
    });

    it('race: one resident verifying with two codes at once through two handles: one claimed, the other code stays free', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.residents.addCodes([code('LLLL4444'), code('MMMM5555')]);
      await stores.residents.save(resident('tg:1', { step: 'verification', registeredAt: null }), null, {});
      const verified = resident('tg:1', { verified: { method: 'code', at: T0 } });
      const [a, b] = await Promise.all([
        stores.residents.claimCodeAndSave('LLLL4444', verified, 1, T0, side('a')),
        other.residents.claimCodeAndSave('MMMM5555', verified, 1, T0, side('b')),
      ]);
      expect([a.status, b.status].sort()).toEqual(['claimed', 'conflict']);
      const [won, lost] = a.status === 'claimed' ? ['LLLL4444', 'MMMM5555'] : ['MMMM5555', 'LLLL4444'];
      expect((await stores.residents.getCode(won!))?.residentId).toBe('tg:1');
      expect(await stores.residents.getCode(lost!)).toEqual(code(lost!));
      expect((await stores.residents.get('tg:1'))?.version).toBe(2);
      await expectSide(stores, a.status === 'claimed' ? 'a' : 'b', true);
      await expectSide(stores, a.status === 'claimed' ? 'b' : 'a', false);
    });
  });
}
