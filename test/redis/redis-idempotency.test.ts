/**
 * Re-sent writes (what ioredis does after a reconnect when a reply was lost) answer like the
 * first call and change nothing: simulated by giving two calls the same request id.
 */
import { afterEach, expect, it } from 'vitest';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import { auditDraft, idea, outboxDraft, resident, side, sideCount, T0 } from '../contracts/contract-helpers.ts';
import { describeWithRedis } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';

let nextId = 'req-a';
const make = makeRedisStores({ newRequestId: () => nextId });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function open() {
  const f = await make();
  cleanups.push(() => f.cleanup());
  return f;
}

describeWithRedis('Redis store: re-sent writes', () => {
  it('a re-sent first save answers saved again without a second version or side records', async () => {
    const { stores } = await open();
    nextId = 'save-1';
    expect(await stores.residents.save(resident('tg:1'), null, side('s1'))).toBe('saved');
    expect(await stores.residents.save(resident('tg:1'), null, side('s1'))).toBe('saved');
    expect((await stores.residents.get('tg:1'))?.version).toBe(1);
    expect(await sideCount(stores, 's1')).toEqual([1, 1]);
    nextId = 'save-2';
    expect(await stores.residents.save(resident('tg:1'), null, side('s2'))).toBe('conflict');
  });

  it('a re-sent version-conditional save stays saved after another save moved the version', async () => {
    const { stores, reopen } = await open();
    const other = await reopen();
    nextId = 'p-1';
    expect(await stores.ideas.save(idea('idea_a', 1), null, {})).toBe('saved');
    nextId = 'p-2';
    expect(await stores.ideas.save(idea('idea_a', 1, { state: 'eligible' }), 1, side('mine'))).toBe('saved');
    nextId = 'p-3';
    expect(await other.ideas.save(idea('idea_a', 1, { state: 'finalist' }), 2, {})).toBe('saved');
    nextId = 'p-2';
    expect(await stores.ideas.save(idea('idea_a', 1, { state: 'eligible' }), 1, side('mine'))).toBe('saved');
    expect(await stores.ideas.get('idea_a')).toMatchObject({ state: 'finalist', version: 3 });
    expect(await stores.ideas.countByState()).toEqual({ finalist: 1 });
    expect(await sideCount(stores, 'mine')).toEqual([1, 1]);
  });

  it('a re-sent audit append returns the same entries and appends nothing', async () => {
    const { stores } = await open();
    nextId = 'a-1';
    const first = await stores.audit.append([auditDraft('x'), auditDraft('y')]);
    const again = await stores.audit.append([auditDraft('x'), auditDraft('y')]);
    expect(again).toEqual(first);
    const all = await stores.audit.list(0, 10);
    expect(all).toHaveLength(2);
    expect(verifyChain(all)).toBeNull();
  });

  it('a re-sent outbox claim hands out the same messages and counts one attempt', async () => {
    const { stores } = await open();
    nextId = 'e-1';
    await stores.outbox.enqueue([outboxDraft('k1'), outboxDraft('k2'), outboxDraft('k3')]);
    nextId = 'c-1';
    const first = await stores.outbox.claim(T0, 2, 60_000);
    const again = await stores.outbox.claim(T0, 2, 60_000);
    expect(again).toEqual(first);
    expect(first.map((m) => [m.key, m.attempts])).toEqual([
      ['k1', 1],
      ['k2', 1],
    ]);
    nextId = 'c-2';
    expect((await stores.outbox.claim(T0, 5, 60_000)).map((m) => m.key)).toEqual(['k3']);
  });

  it('a re-sent code claim (alone or with its resident) answers claimed again, and a re-sent merge stays saved', async () => {
    const { stores } = await open();
    await stores.residents.addCodes([{ code: 'ABCDEFGH', residentId: null, issuedBy: 'staff:U1', issuedAt: T0, usedAt: null }]);
    nextId = 'cc-1';
    const first = await stores.residents.claimCode('ABCDEFGH', 'code:1', T0 + 1, side('claim'));
    expect(first.status).toBe('claimed');
    expect(await stores.residents.claimCode('ABCDEFGH', 'code:1', T0 + 1, side('claim'))).toEqual(first);
    expect(await sideCount(stores, 'claim')).toEqual([1, 1]);

    await stores.residents.addCodes([{ code: 'BCDEFGHJ', residentId: null, issuedBy: 'staff:U1', issuedAt: T0, usedAt: null }]);
    nextId = 'cs-1';
    const saved = await stores.residents.claimCodeAndSave('BCDEFGHJ', resident('code:2'), null, T0 + 2, side('claim-save'));
    expect(saved.status).toBe('claimed');
    expect(await stores.residents.claimCodeAndSave('BCDEFGHJ', resident('code:2'), null, T0 + 2, side('claim-save'))).toEqual(saved);
    expect((await stores.residents.get('code:2'))?.version).toBe(1);
    expect(await sideCount(stores, 'claim-save')).toEqual([1, 1]);

    nextId = 'm-0';
    await stores.ideas.save(idea('idea_a', 1), null, {});
    nextId = 'm-1';
    await stores.ideas.save(idea('idea_b', 2), null, {});
    nextId = 'm-s';
    expect(await stores.ideas.addSupport('idea_a', 'sk-1', T0, ['submitted'])).toBe('added');
    nextId = 'm-2';
    const from = idea('idea_a', 1, { state: 'merged', mergedInto: 'idea_b' });
    expect(await stores.ideas.merge(from, 1, idea('idea_b', 2), 1, side('merge'))).toBe('saved');
    expect(await stores.ideas.merge(from, 1, idea('idea_b', 2), 1, side('merge'))).toBe('saved');
    expect(await stores.ideas.supportCount('idea_b')).toBe(1);
    expect((await stores.ideas.get('idea_b'))?.version).toBe(2);
    expect(await sideCount(stores, 'merge')).toEqual([1, 1]);
  });
});
