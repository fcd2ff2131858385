/**
 * Contract of `IdeaStore` (core/ports/idea-store.ts), run unchanged by every backend.
 *
 * Readings chosen here (report to the owner of core/ports):
 * - The store owns `version`: a saved idea reads back with `expectedVersion + 1` (or 1),
 *   whatever the caller put in the field; `merge` likewise bumps both ideas by one.
 * - A filter with `states: []` matches no idea ("every given field must match").
 * - `countByState` may omit absent states or give them 0; the suite reads `?? 0`.
 * - Support checks: unknown idea → `not_found`; state not in `allowed` → `not_supportable`
 *   (for add and remove alike, and the support is kept); then `added`/`already`,
 *   `removed`/`absent`.
 * - Supports live apart from the idea record: saving an idea keeps them. After a merge the
 *   `from` idea has no supports left (they moved).
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTABLE } from '../../core/ideas/idea.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, expectSide, fixtures, idea, range, seedIdea, side } from './contract-helpers.ts';
import { describeIdeaRaces } from './idea-store-races.contract.ts';

export function describeIdeaStoreContract(label: string, make: MakeStores): void {
  describe(`IdeaStore contract [${label}]`, () => {
    const open = fixtures(make);

    it('returns null for an unknown idea', async () => {
      const { stores } = await open();
      expect(await stores.ideas.get('idea_404')).toBeNull();
    });

    it('saves a new idea as version 1 with every field, atomically with side records', async () => {
      const { stores } = await open();
      const value = idea('idea_a', 1, {
        revisions: [{ at: T0, by: 'resident:tg:1', reason: 'created', content: { title: 'Bench', description: 'd'.repeat(20), category: 'green', area: 'north', cost: null, photo: 'AgAD', location: null } }],
        rewrite: { title: 'Better bench', description: 'e'.repeat(20), proposedBy: 'staff:U1', at: T0, comment: null },
        decision: { outcome: 'changes_requested', by: 'staff:U1', at: T0, criterion: null, comment: 'Précisez le lieu' },
        cost: null,
        area: 'north',
      });
      expect(await stores.ideas.save(value, null, side('s1'))).toBe('saved');
      expect(await stores.ideas.get('idea_a')).toEqual({ ...value, version: 1 });
      await expectSide(stores, 's1', true);
    });

    it('saves over the expected version as expected + 1, stamping the version itself', async () => {
      const { stores } = await open();
      await stores.ideas.save(idea('idea_a', 1, { version: 50 }), null, {});
      expect((await stores.ideas.get('idea_a'))?.version).toBe(1);
      expect(await stores.ideas.save(idea('idea_a', 1, { state: 'eligible', version: 2 }), 1, {})).toBe('saved');
      expect(await stores.ideas.get('idea_a')).toEqual(idea('idea_a', 1, { state: 'eligible', version: 2 }));
    });

    it('refuses null-over-existing, stale, future and expected-over-missing saves, writing nothing', async () => {
      const { stores } = await open();
      await seedIdea(stores, 'idea_a', 1);
      expect(await stores.ideas.save(idea('idea_a', 1, { state: 'rejected' }), null, side('null'))).toBe('conflict');
      expect(await stores.ideas.save(idea('idea_a', 1, { state: 'rejected' }), 2, side('future'))).toBe('conflict');
      expect(await stores.ideas.save(idea('idea_a', 1, { state: 'rejected' }), 0, side('zero'))).toBe('conflict');
      expect(await stores.ideas.save(idea('idea_b', 2), 1, side('missing'))).toBe('conflict');
      expect(await stores.ideas.get('idea_a')).toEqual(idea('idea_a', 1));
      expect(await stores.ideas.get('idea_b')).toBeNull();
      for (const tag of ['null', 'future', 'zero', 'missing']) await expectSide(stores, tag, false);
    });

    it('lists ideas ordered by number, filtered by states and author', async () => {
      const { stores } = await open();
      await stores.ideas.save(idea('idea_c', 3, { state: 'eligible', authorId: 'tg:2' }), null, {});
      await stores.ideas.save(idea('idea_a', 1, { state: 'submitted', authorId: 'tg:1' }), null, {});
      await stores.ideas.save(idea('idea_d', 10, { state: 'rejected', authorId: 'tg:1' }), null, {});
      await stores.ideas.save(idea('idea_b', 2, { state: 'eligible', authorId: null }), null, {});
      const ids = async (f?: Parameters<typeof stores.ideas.list>[0]) => (await stores.ideas.list(f)).map((i) => i.id);
      expect(await ids()).toEqual(['idea_a', 'idea_b', 'idea_c', 'idea_d']);
      expect(await ids({})).toEqual(['idea_a', 'idea_b', 'idea_c', 'idea_d']);
      expect(await ids({ states: ['eligible'] })).toEqual(['idea_b', 'idea_c']);
      expect(await ids({ states: ['rejected', 'submitted'] })).toEqual(['idea_a', 'idea_d']);
      expect(await ids({ authorId: 'tg:1' })).toEqual(['idea_a', 'idea_d']);
      expect(await ids({ authorId: 'tg:1', states: ['rejected'] })).toEqual(['idea_d']);
      expect(await ids({ authorId: 'tg:404' })).toEqual([]);
      expect(await ids({ states: [] })).toEqual([]);
      expect((await stores.ideas.list({ states: ['eligible'] }))[0]).toEqual({ ...idea('idea_b', 2, { state: 'eligible', authorId: null }), version: 1 });
    });

    it('counts ideas per state', async () => {
      const { stores } = await open();
      expect((await stores.ideas.countByState()).submitted ?? 0).toBe(0);
      await seedIdea(stores, 'idea_a', 1, 'submitted');
      await seedIdea(stores, 'idea_b', 2, 'submitted');
      await seedIdea(stores, 'idea_c', 3, 'finalist');
      await stores.ideas.save(idea('idea_a', 1, { state: 'eligible' }), 1, {});
      const c = await stores.ideas.countByState();
      expect([c.submitted ?? 0, c.eligible ?? 0, c.finalist ?? 0, c.rejected ?? 0]).toEqual([1, 1, 1, 0]);
    });

    it('hands out idea numbers 1, 2, 3 … across handles', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      expect(await stores.ideas.nextNumber()).toBe(1);
      expect(await stores.ideas.nextNumber()).toBe(2);
      expect(await other.ideas.nextNumber()).toBe(3);
    });

    it('race: concurrent nextNumber calls through two handles never repeat a number', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const numbers = await Promise.all(range(1, 40).map((i) => (i % 2 ? stores : other).ideas.nextNumber()));
      expect([...numbers].sort((a, b) => a - b)).toEqual(range(1, 40));
    });

    it('adds a support idempotently while the state is allowed', async () => {
      const { stores } = await open();
      await seedIdea(stores, 'idea_a', 1);
      expect(await stores.ideas.addSupport('idea_a', 'sk-1', T0, SUPPORTABLE)).toBe('added');
      expect(await stores.ideas.addSupport('idea_a', 'sk-1', T0 + 1, SUPPORTABLE)).toBe('already');
      expect(await stores.ideas.addSupport('idea_a', 'sk-2', T0 + 2, SUPPORTABLE)).toBe('added');
      expect(await stores.ideas.supportCount('idea_a')).toBe(2);
      expect(await stores.ideas.hasSupport('idea_a', 'sk-1')).toBe(true);
      expect(await stores.ideas.hasSupport('idea_a', 'sk-3')).toBe(false);
      expect(await stores.ideas.supportCount('idea_404')).toBe(0);
      expect(await stores.ideas.hasSupport('idea_404', 'sk-1')).toBe(false);
    });

    it('refuses supports on an unknown idea or outside the allowed states', async () => {
      const { stores } = await open();
      await seedIdea(stores, 'idea_a', 1, 'rejected');
      expect(await stores.ideas.addSupport('idea_404', 'sk-1', T0, SUPPORTABLE)).toBe('not_found');
      expect(await stores.ideas.addSupport('idea_a', 'sk-1', T0, SUPPORTABLE)).toBe('not_supportable');
      expect(await stores.ideas.supportCount('idea_a')).toBe(0);
      expect(await stores.ideas.addSupport('idea_a', 'sk-1', T0, ['rejected'])).toBe('added');
      expect(await stores.ideas.addSupport('idea_a', 'sk-2', T0, [])).toBe('not_supportable');
    });

    it('removes a support idempotently, in the allowed states only', async () => {
      const { stores } = await open();
      await seedIdea(stores, 'idea_a', 1);
      await stores.ideas.addSupport('idea_a', 'sk-1', T0, SUPPORTABLE);
      await stores.ideas.addSupport('idea_a', 'sk-2', T0, SUPPORTABLE);
      expect(await stores.ideas.removeSupport('idea_a', 'sk-1', SUPPORTABLE)).toBe('removed');
      expect(await stores.ideas.removeSupport('idea_a', 'sk-1', SUPPORTABLE)).toBe('absent');
      expect(await stores.ideas.removeSupport('idea_404', 'sk-1', SUPPORTABLE)).toBe('not_found');
      expect(await stores.ideas.hasSupport('idea_a', 'sk-1')).toBe(false);
      await stores.ideas.save(idea('idea_a', 1, { state: 'finalist' }), 1, {});
      expect(await stores.ideas.removeSupport('idea_a', 'sk-2', SUPPORTABLE)).toBe('not_supportable');
      expect(await stores.ideas.hasSupport('idea_a', 'sk-2')).toBe(true);
      expect(await stores.ideas.supportCount('idea_a')).toBe(1);
    });

    it('keeps supports when the idea is saved again', async () => {
      const { stores } = await open();
      await seedIdea(stores, 'idea_a', 1);
      await stores.ideas.addSupport('idea_a', 'sk-1', T0, SUPPORTABLE);
      await stores.ideas.save(idea('idea_a', 1, { state: 'eligible' }), 1, {});
      expect(await stores.ideas.supportCount('idea_a')).toBe(1);
    });

    it('merges: saves both ideas, moves supports, a supporter of both counts once', async () => {
      const { stores } = await open();
      await seedIdea(stores, 'idea_from', 1);
      await seedIdea(stores, 'idea_into', 2, 'eligible');
      for (const k of ['sk-1', 'sk-2', 'sk-both']) await stores.ideas.addSupport('idea_from', k, T0, SUPPORTABLE);
      for (const k of ['sk-3', 'sk-both']) await stores.ideas.addSupport('idea_into', k, T0, SUPPORTABLE);
      const from = idea('idea_from', 1, { state: 'merged', mergedInto: 'idea_into', version: 2 });
      const into = idea('idea_into', 2, { state: 'eligible', description: 'A bench and a second one by the school.', version: 2 });
      expect(await stores.ideas.merge(from, 1, into, 1, side('merge'))).toBe('saved');
      expect(await stores.ideas.get('idea_from')).toEqual(from);
      expect(await stores.ideas.get('idea_into')).toEqual(into);
      expect(await stores.ideas.supportCount('idea_into')).toBe(4);
      for (const k of ['sk-1', 'sk-2', 'sk-3', 'sk-both']) expect(await stores.ideas.hasSupport('idea_into', k)).toBe(true);
      expect(await stores.ideas.supportCount('idea_from')).toBe(0);
      expect(await stores.ideas.addSupport('idea_from', 'sk-9', T0, SUPPORTABLE)).toBe('not_supportable');
      expect(await stores.ideas.addSupport('idea_into', 'sk-both', T0, SUPPORTABLE)).toBe('already');
      await expectSide(stores, 'merge', true);
    });

    it('refuses a merge when either version moved, writing and moving nothing', async () => {
      const { stores } = await open();
      await seedIdea(stores, 'idea_from', 1);
      await seedIdea(stores, 'idea_into', 2, 'eligible');
      await stores.ideas.addSupport('idea_from', 'sk-1', T0, SUPPORTABLE);
      await stores.ideas.save(idea('idea_into', 2, { state: 'eligible', title: 'Edited title' }), 1, {});
      const from = idea('idea_from', 1, { state: 'merged', mergedInto: 'idea_into' });
      const into = idea('idea_into', 2, { state: 'eligible' });
      expect(await stores.ideas.merge(from, 1, into, 1, side('into-moved'))).toBe('conflict');
      expect(await stores.ideas.merge(from, 2, into, 2, side('from-moved'))).toBe('conflict');
      expect(await stores.ideas.get('idea_from')).toEqual(idea('idea_from', 1));
      expect((await stores.ideas.get('idea_into'))?.title).toBe('Edited title');
      expect((await stores.ideas.get('idea_into'))?.version).toBe(2);
      expect(await stores.ideas.hasSupport('idea_from', 'sk-1')).toBe(true);
      expect(await stores.ideas.hasSupport('idea_into', 'sk-1')).toBe(false);
      await expectSide(stores, 'into-moved', false);
      await expectSide(stores, 'from-moved', false);
      expect(await stores.ideas.merge(from, 1, { ...into, title: 'Edited title' }, 2, side('ok'))).toBe('saved');
      expect(await stores.ideas.hasSupport('idea_into', 'sk-1')).toBe(true);
      await expectSide(stores, 'ok', true);
    });

    describeIdeaRaces(open);
  });
}
