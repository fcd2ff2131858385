/**
 * Contract of `ResidentStore.claimPhoneAndSave` / `getPhoneClaim` (core/ports/resident-store.ts):
 * one phone verifies one account, the claim written atomically with the verified resident,
 * run unchanged by every backend.
 *
 * Readings chosen here:
 * - The phone is judged before the version: a phone another holder has answers `taken` even
 *   when the version is wrong too.
 * - A claim by the holder who already has the phone is `claimed` and keeps the first
 *   `claimedAt`.
 * - `erase` leaves claims as they are (the holder is a pseudonym, not the resident id).
 */
import { describe, expect, it } from 'vitest';
import type { MakeStores } from './stores-fixture.ts';
import { T0, expectSide, fixtures, range, resident, side } from './contract-helpers.ts';

const PHONE = 'Kf3x9QmT2c8YhV1bN7rD0sWq5eLjA4uZ';
const verifying = (id: string) => resident(id, { step: 'verification', registeredAt: null });
const verified = (id: string) => resident(id, { verified: { method: 'phone', at: T0 } });

export function describePhoneClaimsContract(label: string, make: MakeStores): void {
  describe(`ResidentStore phone claims contract [${label}]`, () => {
    const open = fixtures(make);

    it('claims an unclaimed phone and saves the resident in one step, with side records', async () => {
      const { stores } = await open();
      expect(await stores.residents.getPhoneClaim(PHONE)).toBeNull();
      await stores.residents.save(verifying('tg:1'), null, {});
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_one', verified('tg:1'), 1, T0 + 5, side('both'))).toEqual({ status: 'claimed' });
      expect(await stores.residents.getPhoneClaim(PHONE)).toEqual({ phoneKey: PHONE, holder: 'p_one', claimedAt: T0 + 5 });
      expect(await stores.residents.get('tg:1')).toEqual({ ...verified('tg:1'), version: 2 });
      await expectSide(stores, 'both', true);
      // A resident that does not exist yet (expected version null) is created with the claim.
      expect(await stores.residents.claimPhoneAndSave('other-phone-key', 'p_two', verified('tg:2'), null, T0, {})).toEqual({ status: 'claimed' });
      expect((await stores.residents.get('tg:2'))?.version).toBe(1);
      expect((await stores.residents.list(null, 10)).map((r) => r.id)).toEqual(['tg:1', 'tg:2']);
    });

    it('claims again for the same holder, keeping the first instant', async () => {
      const { stores } = await open();
      expect((await stores.residents.claimPhoneAndSave(PHONE, 'p_one', verified('tg:1'), null, T0, {})).status).toBe('claimed');
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_one', verified('tg:1'), 1, T0 + 99, side('again'))).toEqual({ status: 'claimed' });
      expect(await stores.residents.getPhoneClaim(PHONE)).toEqual({ phoneKey: PHONE, holder: 'p_one', claimedAt: T0 });
      expect((await stores.residents.get('tg:1'))?.version).toBe(2);
      await expectSide(stores, 'again', true);
    });

    it('answers taken for a phone another holder has, writing nothing (judged before the version)', async () => {
      const { stores } = await open();
      expect((await stores.residents.claimPhoneAndSave(PHONE, 'p_one', verified('tg:1'), null, T0, {})).status).toBe('claimed');
      await stores.residents.save(verifying('tg:2'), null, {});
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_two', verified('tg:2'), 1, T0 + 1, side('taken'))).toEqual({ status: 'taken' });
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_two', verified('tg:2'), 7, T0 + 1, side('both'))).toEqual({ status: 'taken' });
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_three', verified('tg:3'), null, T0 + 1, side('new'))).toEqual({ status: 'taken' });
      expect(await stores.residents.get('tg:2')).toEqual({ ...verifying('tg:2'), version: 1 });
      expect(await stores.residents.get('tg:3')).toBeNull();
      expect(await stores.residents.getPhoneClaim(PHONE)).toEqual({ phoneKey: PHONE, holder: 'p_one', claimedAt: T0 });
      for (const tag of ['taken', 'both', 'new']) await expectSide(stores, tag, false);
    });

    it('a version conflict writes nothing and leaves the phone unclaimed', async () => {
      const { stores } = await open();
      await stores.residents.save(verifying('tg:1'), null, {});
      await stores.residents.save(verifying('tg:1'), 1, {});
      for (const [tag, expected] of [['stale', 1], ['future', 3], ['null', null]] as const) {
        expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_one', verified('tg:1'), expected, T0, side(tag))).toEqual({ status: 'conflict' });
      }
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_two', verified('tg:2'), 1, T0, side('missing'))).toEqual({ status: 'conflict' });
      expect(await stores.residents.getPhoneClaim(PHONE)).toBeNull();
      expect(await stores.residents.get('tg:1')).toEqual({ ...verifying('tg:1'), version: 2 });
      expect(await stores.residents.get('tg:2')).toBeNull();
      for (const tag of ['stale', 'future', 'null', 'missing']) await expectSide(stores, tag, false);
      // Still unclaimed: another holder takes it at the right version.
      await stores.residents.save(verifying('tg:2'), null, {});
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_two', verified('tg:2'), 1, T0 + 1, {})).toEqual({ status: 'claimed' });
      expect((await stores.residents.getPhoneClaim(PHONE))?.holder).toBe('p_two');
    });

    it('keeps the claim when its holder erases their record; the same holder claims it again, another cannot', async () => {
      const { stores } = await open();
      expect((await stores.residents.claimPhoneAndSave(PHONE, 'p_one', verified('tg:1'), null, T0, {})).status).toBe('claimed');
      expect(await stores.residents.erase('tg:1', 1, {})).toBe('saved');
      expect(await stores.purgeDeleted()).toBe('purged');
      expect(await stores.residents.getPhoneClaim(PHONE)).toEqual({ phoneKey: PHONE, holder: 'p_one', claimedAt: T0 });
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_two', verified('tg:2'), null, T0 + 1, {})).toEqual({ status: 'taken' });
      expect(await stores.residents.claimPhoneAndSave(PHONE, 'p_one', verified('tg:1'), null, T0 + 2, {})).toEqual({ status: 'claimed' });
      expect((await stores.residents.get('tg:1'))?.version).toBe(1);
    });

    it('race: one phone claimed by twelve residents through two handles: exactly one claimed and saved', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      for (const i of range(1, 12)) await stores.residents.save(verifying(`tg:${i}`), null, {});
      const outs = await Promise.all(
        range(1, 12).map((i) => (i % 2 ? stores : other).residents.claimPhoneAndSave(PHONE, `p_${i}`, verified(`tg:${i}`), 1, T0 + i, side(`s${i}`))),
      );
      const winners = outs.flatMap((o, i) => (o.status === 'claimed' ? [i + 1] : []));
      expect(winners).toHaveLength(1);
      for (const o of outs) if (o.status !== 'claimed') expect(o).toEqual({ status: 'taken' });
      const w = winners[0]!;
      expect(await other.residents.getPhoneClaim(PHONE)).toEqual({ phoneKey: PHONE, holder: `p_${w}`, claimedAt: T0 + w });
      for (const i of range(1, 12)) {
        expect((await stores.residents.get(`tg:${i}`))?.verified, `tg:${i}`).toEqual(i === w ? { method: 'phone', at: T0 } : null);
        await expectSide(stores, `s${i}`, i === w);
      }
    });

    it('race: one resident verifying with two phones at once through two handles: one claimed, the other phone stays unclaimed', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.residents.save(verifying('tg:1'), null, {});
      const [a, b] = await Promise.all([
        stores.residents.claimPhoneAndSave('phone-a', 'p_one', verified('tg:1'), 1, T0, side('a')),
        other.residents.claimPhoneAndSave('phone-b', 'p_one', verified('tg:1'), 1, T0, side('b')),
      ]);
      expect([a.status, b.status].sort()).toEqual(['claimed', 'conflict']);
      const [won, lost] = a.status === 'claimed' ? ['phone-a', 'phone-b'] : ['phone-b', 'phone-a'];
      expect((await stores.residents.getPhoneClaim(won!))?.holder).toBe('p_one');
      expect(await stores.residents.getPhoneClaim(lost!)).toBeNull();
      expect((await stores.residents.get('tg:1'))?.version).toBe(2);
      await expectSide(stores, a.status === 'claimed' ? 'a' : 'b', true);
      await expectSide(stores, a.status === 'claimed' ? 'b' : 'a', false);
    });
  });
}
