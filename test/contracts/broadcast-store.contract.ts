/**
 * Contract of `BroadcastStore` (core/ports/broadcast-store.ts), run unchanged by every backend.
 *
 * Readings chosen here (report to the owner of core/ports):
 * - `queued` counts the drafts of every recorded page (keys are per resident, so with the
 *   cursor check they are all new); `total` is `queued` when the last page is recorded.
 * - An empty last page leaves the cursor where it was (null for an empty audience).
 * - A broadcast given as a side record whose id exists is ignored (the stored one is kept),
 *   like an outbox draft whose key exists.
 */
import { describe, expect, it } from 'vitest';
import type { BroadcastDraft } from '../../core/broadcasts/broadcast.ts';
import { newBroadcast } from '../../core/broadcasts/broadcast.ts';
import type { FanOutPage } from '../../core/ports/broadcast-store.ts';
import type { OutboxDraft } from '../../core/ports/side-records.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, expectSide, fixtures, range, resident, side } from './contract-helpers.ts';

function draft(id: string, over: Partial<BroadcastDraft> = {}): BroadcastDraft {
  return {
    id,
    by: 'staff:U-ADMIN',
    content: { kind: 'texts', texts: { fr: 'Réunion publique jeudi à 19 h — « bienvenue » 🎉', en: 'Public meeting on Thursday at 7 pm' } },
    audience: { kind: 'all' },
    startedAt: T0,
    ...over,
  };
}

function message(broadcastId: string, residentId: string): OutboxDraft {
  return { key: `${broadcastId}:${residentId}`, recipient: { kind: 'resident', residentId }, template: 'broadcast.message', params: { broadcast: broadcastId }, notBefore: T0, group: broadcastId };
}

function page(broadcastId: string, expectedCursor: string | null, ids: readonly string[], done = false, at = T0 + 1): FanOutPage {
  return { expectedCursor, drafts: ids.map((id) => message(broadcastId, id)), cursor: ids.at(-1) ?? expectedCursor, done, at };
}

async function keysOf(stores: Stores, group: string): Promise<string[]> {
  return (await stores.outbox.list(0, 100_000)).filter((m) => m.group === group).map((m) => m.key);
}

export function describeBroadcastStoreContract(label: string, make: MakeStores): void {
  describe(`BroadcastStore contract [${label}]`, () => {
    const open = fixtures(make);

    it('returns null for an unknown broadcast and lists nothing at first', async () => {
      const { stores } = await open();
      expect(await stores.broadcasts.get('bc_404')).toBeNull();
      expect(await stores.broadcasts.list(null, 10)).toEqual([]);
    });

    it('creates a broadcast as fanning_out, version 1, with its side records; both content kinds round-trip', async () => {
      const { stores } = await open();
      const texts = draft('bc_1');
      const template = draft('bc_2', { by: 'system:scheduler', content: { kind: 'template', template: 'announce.phase.voting', params: { phase: 'voting', at: T0, none: null, ok: true } }, audience: { kind: 'area', area: 'north' } });
      expect(await stores.broadcasts.create(texts, side('c1'))).toBe('saved');
      expect(await stores.broadcasts.create(template, {})).toBe('saved');
      expect(await stores.broadcasts.get('bc_1')).toEqual(newBroadcast(texts));
      expect(await stores.broadcasts.get('bc_2')).toEqual(newBroadcast(template));
      await expectSide(stores, 'c1', true);
    });

    it('refuses an id that exists, writing nothing', async () => {
      const { stores } = await open();
      await stores.broadcasts.create(draft('bc_1'), {});
      expect(await stores.broadcasts.create(draft('bc_1', { by: 'staff:U-OTHER' }), side('again'))).toBe('conflict');
      expect((await stores.broadcasts.get('bc_1'))?.by).toBe('staff:U-ADMIN');
      await expectSide(stores, 'again', false);
    });

    it('creates broadcasts as side records of another change, never of a refused one', async () => {
      const { stores } = await open();
      expect(await stores.residents.save(resident('tg:1'), null, { broadcasts: [draft('bc_side')], ...side('s') })).toBe('saved');
      expect(await stores.residents.save(resident('tg:1'), null, { broadcasts: [draft('bc_refused')] })).toBe('conflict');
      expect(await stores.broadcasts.get('bc_side')).toEqual(newBroadcast(draft('bc_side')));
      expect(await stores.broadcasts.get('bc_refused')).toBeNull();
      // A side broadcast whose id exists keeps the stored one.
      await stores.campaign.saveResults({ computedAt: T0, method: 'greedy', tieBreak: 'lexico', envelopes: [] }, { broadcasts: [draft('bc_side', { by: 'staff:U-OTHER' }), draft('bc_new', { startedAt: T0 + 5 })] });
      expect((await stores.broadcasts.get('bc_side'))?.by).toBe('staff:U-ADMIN');
      expect((await stores.broadcasts.list(null, 10)).map((b) => b.id)).toEqual(['bc_new', 'bc_side']);
    });

    it('lists newest first (startedAt, then id, descending), paging before an id', async () => {
      const { stores } = await open();
      for (const [id, at] of [['bc_a', T0 + 2], ['bc_b', T0 + 1], ['bc_c', T0 + 2], ['bc_d', T0 + 3], ['bc_e', T0]] as const) {
        await stores.broadcasts.create(draft(id, { startedAt: at }), {});
      }
      const order = ['bc_d', 'bc_c', 'bc_a', 'bc_b', 'bc_e'];
      expect((await stores.broadcasts.list(null, 10)).map((b) => b.id)).toEqual(order);
      expect((await stores.broadcasts.list(null, 2)).map((b) => b.id)).toEqual(['bc_d', 'bc_c']);
      expect((await stores.broadcasts.list('bc_c', 2)).map((b) => b.id)).toEqual(['bc_a', 'bc_b']);
      expect((await stores.broadcasts.list('bc_b', 5)).map((b) => b.id)).toEqual(['bc_e']);
      expect(await stores.broadcasts.list('bc_e', 5)).toEqual([]);
      expect(await stores.broadcasts.list('bc_unknown', 5)).toEqual([]);
      expect(await stores.broadcasts.list(null, 0)).toEqual([]);
    });

    it('records pages in order: messages enqueued with the cursor move; the last page closes fan-out', async () => {
      const { stores } = await open();
      await stores.broadcasts.create(draft('bc_1'), {});
      expect(await stores.broadcasts.fanOutPage('bc_1', page('bc_1', null, ['tg:1', 'tg:2']))).toBe('saved');
      expect(await stores.broadcasts.get('bc_1')).toMatchObject({ status: 'fanning_out', cursor: 'tg:2', queued: 2, total: null, fannedOutAt: null, version: 2 });
      expect(await stores.broadcasts.fanOutPage('bc_1', page('bc_1', 'tg:2', ['tg:3'], true, T0 + 9))).toBe('saved');
      expect(await stores.broadcasts.get('bc_1')).toEqual({ ...newBroadcast(draft('bc_1')), status: 'sending', cursor: 'tg:3', queued: 3, total: 3, fannedOutAt: T0 + 9, version: 3 });
      const messages = (await stores.outbox.list(0, 100)).filter((m) => m.group === 'bc_1');
      expect(messages.map((m) => m.key)).toEqual(['bc_1:tg:1', 'bc_1:tg:2', 'bc_1:tg:3']);
      expect(messages[0]).toEqual({ ...message('bc_1', 'tg:1'), seq: messages[0]!.seq, status: 'pending', attempts: 0, lastError: null });
      expect(await stores.outbox.groupCounts('bc_1')).toEqual({ pending: 3, sent: 0, failed: 0, skipped: 0 });
    });

    it('an empty audience closes at the first page with total 0 and no cursor', async () => {
      const { stores } = await open();
      await stores.broadcasts.create(draft('bc_1'), {});
      expect(await stores.broadcasts.fanOutPage('bc_1', page('bc_1', null, [], true))).toBe('saved');
      expect(await stores.broadcasts.get('bc_1')).toMatchObject({ status: 'sending', cursor: null, queued: 0, total: 0 });
    });

    it('refuses a page read after a cursor that has moved, or after fan-out ended, enqueueing nothing', async () => {
      const { stores } = await open();
      await stores.broadcasts.create(draft('bc_1'), {});
      await stores.broadcasts.fanOutPage('bc_1', page('bc_1', null, ['tg:1', 'tg:2']));
      // A stale worker re-recording the first page, and one skipping ahead.
      expect(await stores.broadcasts.fanOutPage('bc_1', page('bc_1', null, ['tg:1', 'tg:2']))).toBe('conflict');
      expect(await stores.broadcasts.fanOutPage('bc_1', page('bc_1', 'tg:5', ['tg:6']))).toBe('conflict');
      await stores.broadcasts.fanOutPage('bc_1', page('bc_1', 'tg:2', [], true));
      expect(await stores.broadcasts.fanOutPage('bc_1', page('bc_1', 'tg:2', ['tg:3']))).toBe('conflict');
      expect(await stores.broadcasts.fanOutPage('bc_404', page('bc_404', null, ['tg:1']))).toBe('not_found');
      expect(await stores.broadcasts.get('bc_1')).toMatchObject({ cursor: 'tg:2', queued: 2, total: 2, version: 3 });
      expect(await keysOf(stores, 'bc_1')).toEqual(['bc_1:tg:1', 'bc_1:tg:2']);
      expect(await keysOf(stores, 'bc_404')).toEqual([]);
    });

    it('race: the same page recorded through two handles at once lands exactly once', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.broadcasts.create(draft('bc_1'), {});
      const ids = range(1, 50).map((i) => `tg:${1000 + i}`);
      const outs = await Promise.all(range(1, 6).map((i) => (i % 2 ? stores : other).broadcasts.fanOutPage('bc_1', page('bc_1', null, ids))));
      expect(outs.filter((o) => o === 'saved')).toHaveLength(1);
      expect(outs.filter((o) => o === 'conflict')).toHaveLength(5);
      expect(await other.broadcasts.get('bc_1')).toMatchObject({ cursor: 'tg:1050', queued: 50, version: 2 });
      expect(await keysOf(stores, 'bc_1')).toHaveLength(50);
    });

    it('finishes a sending broadcast once, with side records', async () => {
      const { stores } = await open();
      await stores.broadcasts.create(draft('bc_1'), {});
      expect(await stores.broadcasts.finish('bc_1', T0 + 50, side('early'))).toBe('conflict');
      await stores.broadcasts.fanOutPage('bc_1', page('bc_1', null, ['tg:1'], true));
      expect(await stores.broadcasts.finish('bc_1', T0 + 60, side('done'))).toBe('saved');
      expect(await stores.broadcasts.finish('bc_1', T0 + 70, side('twice'))).toBe('conflict');
      expect(await stores.broadcasts.finish('bc_404', T0 + 70, side('missing'))).toBe('not_found');
      expect(await stores.broadcasts.get('bc_1')).toMatchObject({ status: 'done', finishedAt: T0 + 60, version: 3, total: 1 });
      await expectSide(stores, 'early', false);
      await expectSide(stores, 'done', true);
      await expectSide(stores, 'twice', false);
      await expectSide(stores, 'missing', false);
    });
  });
}
