/**
 * Races of the idea store, across two handles on the same data (`stores` and `reopen()`).
 * Part of `describeIdeaStoreContract`; registered inside its `describe`.
 */
import { expect, it } from 'vitest';
import { SUPPORTABLE } from '../../core/ideas/idea.ts';
import type { SupportOutcome } from '../../core/ports/idea-store.ts';
import type { StoresFixture } from './stores-fixture.ts';
import { T0, expectSide, idea, range, seedIdea, side } from './contract-helpers.ts';

export function describeIdeaRaces(open: () => Promise<StoresFixture>): void {
  it('race: two moderators deciding one idea at once: one saved, one conflict, only the winner side records', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    await seedIdea(stores, 'idea_a', 1);
    await stores.ideas.save(idea('idea_a', 1, { state: 'resubmitted' }), 1, {});
    const seenA = await stores.ideas.get('idea_a');
    const seenB = await other.ideas.get('idea_a');
    expect(seenA?.version).toBe(2);
    expect(seenB?.version).toBe(2);
    const decide = (outcome: 'eligible' | 'rejected', by: string) =>
      idea('idea_a', 1, { state: outcome, decision: { outcome, by, at: T0, criterion: outcome === 'rejected' ? 'legal' : null, comment: null }, version: 3 });
    const [a, b] = await Promise.all([
      stores.ideas.save(decide('eligible', 'staff:U1'), seenA?.version ?? -1, side('mod-1')),
      other.ideas.save(decide('rejected', 'staff:U2'), seenB?.version ?? -1, side('mod-2')),
    ]);
    expect([a, b].sort()).toEqual(['conflict', 'saved']);
    const stored = await stores.ideas.get('idea_a');
    expect(stored).toEqual(a === 'saved' ? decide('eligible', 'staff:U1') : decide('rejected', 'staff:U2'));
    expect(stored?.version).toBe(3);
    await expectSide(stores, 'mod-1', a === 'saved');
    await expectSide(stores, 'mod-2', b === 'saved');
  });

  it('race: supports racing a merge either land before it (and move) or are refused, never lost', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    await seedIdea(stores, 'idea_from', 1);
    await seedIdea(stores, 'idea_into', 2, 'eligible');
    const initial = ['sk-1', 'sk-2', 'sk-both'];
    for (const k of initial) await stores.ideas.addSupport('idea_from', k, T0, SUPPORTABLE);
    for (const k of ['sk-3', 'sk-both']) await stores.ideas.addSupport('idea_into', k, T0, SUPPORTABLE);
    const from = idea('idea_from', 1, { state: 'merged', mergedInto: 'idea_into', version: 2 });
    const into = idea('idea_into', 2, { state: 'eligible', version: 2 });

    // Supporters n-i support `from`; every third also supports `into`; some re-send on `from`.
    type Attempt = { key: string; idea: string; out: Promise<SupportOutcome> };
    const attempts: Attempt[] = [];
    const support = (i: number) => {
      const s = i % 2 ? stores : other;
      const key = `n-${i}`;
      attempts.push({ key, idea: 'idea_from', out: s.ideas.addSupport('idea_from', key, T0 + i, SUPPORTABLE) });
      if (i % 3 === 0) attempts.push({ key, idea: 'idea_into', out: s.ideas.addSupport('idea_into', key, T0 + i, SUPPORTABLE) });
      if (i % 4 === 0) attempts.push({ key: 'sk-1', idea: 'idea_from', out: s.ideas.addSupport('idea_from', 'sk-1', T0 + i, SUPPORTABLE) });
    };
    for (const i of range(1, 15)) support(i);
    const merged = stores.ideas.merge(from, 1, into, 1, side('merge'));
    for (const i of range(16, 30)) support(i);

    expect(await merged).toBe('saved');
    const outcomes = await Promise.all(attempts.map(async (a) => ({ ...a, result: await a.out })));
    const counted = new Set([...initial, 'sk-3']);
    for (const o of outcomes) {
      if (o.idea === 'idea_from') expect(['added', 'already', 'not_supportable']).toContain(o.result);
      else expect(['added', 'already']).toContain(o.result);
      if (o.result === 'added' || o.result === 'already') counted.add(o.key);
    }
    expect(await other.ideas.supportCount('idea_into')).toBe(counted.size);
    for (const key of counted) expect(await stores.ideas.hasSupport('idea_into', key)).toBe(true);
    expect(await stores.ideas.supportCount('idea_from')).toBe(0);
    await expectSide(stores, 'merge', true);
  });

  it('race: a merge racing a decision on the target: exactly one wins', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    await seedIdea(stores, 'idea_from', 1);
    await seedIdea(stores, 'idea_into', 2);
    await stores.ideas.addSupport('idea_from', 'sk-1', T0, SUPPORTABLE);
    const [m, d] = await Promise.all([
      stores.ideas.merge(idea('idea_from', 1, { state: 'merged', mergedInto: 'idea_into' }), 1, idea('idea_into', 2), 1, side('merge')),
      other.ideas.save(idea('idea_into', 2, { state: 'rejected' }), 1, side('decide')),
    ]);
    expect([m, d].sort()).toEqual(['conflict', 'saved']);
    expect((await stores.ideas.get('idea_into'))?.version).toBe(2);
    expect((await stores.ideas.get('idea_from'))?.state).toBe(m === 'saved' ? 'merged' : 'submitted');
    expect(await stores.ideas.hasSupport('idea_into', 'sk-1')).toBe(m === 'saved');
    expect(await stores.ideas.hasSupport('idea_from', 'sk-1')).toBe(m !== 'saved');
    await expectSide(stores, 'merge', m === 'saved');
    await expectSide(stores, 'decide', d === 'saved');
  });

  it('race: concurrent supports by distinct residents through two handles are all counted', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    await seedIdea(stores, 'idea_a', 1);
    const outs = await Promise.all(range(1, 30).map((i) => (i % 2 ? stores : other).ideas.addSupport('idea_a', `sk-${i % 20}`, T0, SUPPORTABLE)));
    expect(outs.filter((o) => o === 'added')).toHaveLength(20);
    expect(outs.filter((o) => o === 'already')).toHaveLength(10);
    expect(await stores.ideas.supportCount('idea_a')).toBe(20);
  });
}
