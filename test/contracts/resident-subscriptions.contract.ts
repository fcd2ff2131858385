/**
 * Contract of `ResidentStore.listSubscribed` (core/ports/resident-store.ts): the index a
 * broadcast fans out from follows every save and erase, pages visit each subscribed resident
 * exactly once, and nobody else. Run unchanged by every backend. (That unsubscribed residents
 * are not *read* is a property of each backend, tested beside it: memory in
 * test/core/engine-broadcasts.test.ts, SQLite and Redis in their subscription tests.)
 */
import { describe, expect, it } from 'vitest';
import type { Resident } from '../../core/residents/resident.ts';
import type { ResidentStore } from '../../core/ports/resident-store.ts';
import type { MakeStores } from './stores-fixture.ts';
import { fixtures, range, resident, side, expectSide } from './contract-helpers.ts';

async function ids(store: ResidentStore, area: string | null, afterId: string | null = null, limit = 1000): Promise<string[]> {
  return (await store.listSubscribed(area, afterId, limit)).map((r) => r.id);
}

/** Every id of `area` (null: all), read in pages of `size`. */
async function paged(store: ResidentStore, area: string | null, size: number): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.listSubscribed(area, after, size);
    out.push(...page.map((r) => r.id));
    if (page.length < size) return out;
    after = page.at(-1)!.id;
  }
}

export function describeResidentSubscriptionsContract(label: string, make: MakeStores): void {
  describe(`ResidentStore.listSubscribed contract [${label}]`, () => {
    const open = fixtures(make);

    it('lists registered, subscribed residents only, whole records, by id (string order)', async () => {
      const { stores } = await open();
      const saved: Resident[] = [
        resident('tg:2'),
        resident('tg:10', { area: 'south' }),
        resident('tg:1', { subscribed: false }),
        resident('tg:3', { step: 'area', registeredAt: null }),
        resident('code:a', { area: null }),
        resident('tg:20', { step: 'done', registeredAt: null }),
      ];
      for (const r of saved) expect(await stores.residents.save(r, null, {})).toBe('saved');
      expect(await ids(stores.residents, null)).toEqual(['code:a', 'tg:10', 'tg:2']);
      expect(await stores.residents.listSubscribed(null, null, 1)).toEqual([{ ...resident('code:a', { area: null }), version: 1 }]);
      expect(await ids(stores.residents, 'north')).toEqual(['tg:2']);
      expect(await ids(stores.residents, 'south')).toEqual(['tg:10']);
      expect(await ids(stores.residents, 'nowhere')).toEqual([]);
      expect(await stores.residents.listSubscribed(null, null, 0)).toEqual([]);
    });

    it('pages after an id (present or not), within an area too', async () => {
      const { stores } = await open();
      for (const id of ['tg:1', 'tg:10', 'tg:100', 'tg:11', 'tg:2']) await stores.residents.save(resident(id, { area: id === 'tg:11' ? 'south' : 'north' }), null, {});
      expect(await ids(stores.residents, null, 'tg:1', 2)).toEqual(['tg:10', 'tg:100']);
      expect(await ids(stores.residents, null, 'tg:100', 10)).toEqual(['tg:11', 'tg:2']);
      expect(await ids(stores.residents, null, 'tg:105', 10)).toEqual(['tg:11', 'tg:2']);
      expect(await ids(stores.residents, null, 'tg:2', 10)).toEqual([]);
      expect(await ids(stores.residents, 'north', 'tg:10', 10)).toEqual(['tg:100', 'tg:2']);
      expect(await ids(stores.residents, 'north', 'tg:100', 1)).toEqual(['tg:2']);
      expect(await ids(stores.residents, 'south', null, 10)).toEqual(['tg:11']);
    });

    it('keeps areas apart whose names share a prefix', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1', { area: 'north' }), null, {});
      await stores.residents.save(resident('tg:2', { area: 'north-east' }), null, {});
      await stores.residents.save(resident('tg:3', { area: 'nort' }), null, {});
      expect(await ids(stores.residents, 'north')).toEqual(['tg:1']);
      expect(await ids(stores.residents, 'north-east')).toEqual(['tg:2']);
      expect(await ids(stores.residents, 'nort')).toEqual(['tg:3']);
    });

    it('follows unsubscribing, subscribing again, finishing registration and moving area', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1', { step: 'area', registeredAt: null }), null, {});
      expect(await ids(stores.residents, null)).toEqual([]);
      await stores.residents.save(resident('tg:1'), 1, {});
      expect(await ids(stores.residents, 'north')).toEqual(['tg:1']);
      await stores.residents.save(resident('tg:1', { subscribed: false }), 2, {});
      expect(await ids(stores.residents, null)).toEqual([]);
      expect(await ids(stores.residents, 'north')).toEqual([]);
      await stores.residents.save(resident('tg:1', { area: 'south' }), 3, {});
      expect(await ids(stores.residents, 'north')).toEqual([]);
      expect(await ids(stores.residents, 'south')).toEqual(['tg:1']);
      await stores.residents.save(resident('tg:1', { area: 'north' }), 4, {});
      expect(await ids(stores.residents, 'south')).toEqual([]);
      expect(await ids(stores.residents, 'north')).toEqual(['tg:1']);
      await stores.residents.save(resident('tg:1', { area: null }), 5, {});
      expect(await ids(stores.residents, 'north')).toEqual([]);
      expect(await ids(stores.residents, null)).toEqual(['tg:1']);
      expect((await stores.residents.listSubscribed(null, null, 5))[0]?.version).toBe(6);
    });

    it('drops an erased resident; a refused save or erase leaves the index as it was', async () => {
      const { stores } = await open();
      await stores.residents.save(resident('tg:1'), null, {});
      await stores.residents.save(resident('tg:2'), null, {});
      expect(await stores.residents.save(resident('tg:1', { subscribed: false }), 7, {})).toBe('conflict');
      expect(await stores.residents.erase('tg:2', 9, {})).toBe('conflict');
      expect(await ids(stores.residents, 'north')).toEqual(['tg:1', 'tg:2']);
      expect(await stores.residents.erase('tg:1', 1, side('erase'))).toBe('saved');
      await expectSide(stores, 'erase', true);
      expect(await ids(stores.residents, null)).toEqual(['tg:2']);
      expect(await ids(stores.residents, 'north')).toEqual(['tg:2']);
      // Registering again after "forget me" starts unregistered: not listed until done.
      await stores.residents.save(resident('tg:1', { step: 'language', registeredAt: null }), null, {});
      expect(await ids(stores.residents, null)).toEqual(['tg:2']);
    });

    it('pages of any size visit every subscribed resident exactly once, in order', async () => {
      const { stores } = await open();
      const expected: Record<string, string[]> = { all: [], north: [], south: [] };
      for (const i of range(1, 57)) {
        const id = `tg:${(i * 7919) % 1000}`;
        const area = i % 3 === 0 ? 'south' : 'north';
        const subscribed = i % 4 !== 0;
        await stores.residents.save(resident(id, { area, subscribed }), null, {});
        if (subscribed) {
          expected.all!.push(id);
          expected[area]!.push(id);
        }
      }
      for (const list of Object.values(expected)) list.sort();
      for (const size of [1, 5, 7, 100]) {
        expect(await paged(stores.residents, null, size)).toEqual(expected.all);
        expect(await paged(stores.residents, 'north', size)).toEqual(expected.north);
        expect(await paged(stores.residents, 'south', size)).toEqual(expected.south);
      }
    });

    it('race: saves of one resident through two handles leave the index agreeing with the record', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.residents.save(resident('tg:1'), null, {});
      const [a, b] = await Promise.all([
        stores.residents.save(resident('tg:1', { area: 'south' }), 1, {}),
        other.residents.save(resident('tg:1', { subscribed: false }), 1, {}),
      ]);
      expect([a, b].sort()).toEqual(['conflict', 'saved']);
      const record = await other.residents.get('tg:1');
      const listedIn = async (area: string | null) => (await ids(stores.residents, area)).includes('tg:1');
      expect(await listedIn(null)).toBe(record!.subscribed);
      expect(await listedIn('south')).toBe(record!.subscribed && record!.area === 'south');
      expect(await listedIn('north')).toBe(false);
    });
  });
}
