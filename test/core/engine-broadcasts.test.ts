/** Broadcasts through the engine on the memory stores: announce, fan-out, progress, phase announcements. */
import { describe, expect, it } from 'vitest';
import { BROADCAST_TEXT_MAX } from '../../core/broadcasts/broadcast.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { createMemoryStores, MemoryState } from '../support/memory/memory-stores.ts';
import { T } from '../support/test-campaign.ts';

const TEXTS = { fr: '  Réunion publique jeudi  ', en: 'Public meeting on Thursday' };

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; code: string }>): Promise<T> {
  const o = await p;
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
}

/** Runs fan-out to the end in pages of `size`; returns the number of calls. */
async function fanOutAll(h: Harness, id: string, size: number): Promise<number> {
  for (let calls = 1; ; calls++) {
    if ((await must(h.engine.fanOutBroadcast(id, size))).done) return calls;
  }
}

async function groupKeys(stores: Stores, group: string): Promise<string[]> {
  return (await stores.outbox.list(0, 100_000)).filter((m) => m.group === group).map((m) => m.key);
}

/** A harness with residents of every kind; returns who should receive an all-town / north broadcast. */
async function population(state = new MemoryState()) {
  const h = harness(undefined, createMemoryStores(state));
  const centre = [await h.register(11, 'centre'), await h.register(12, 'centre'), await h.register(13, 'centre')];
  const north = [await h.register(21, 'north'), await h.register(22, 'north')];
  const stopped = await h.register(31, 'north');
  await must(h.engine.setSubscribed(stopped, false));
  await h.engine.openResident(41, 'Still registering', 'fr');
  const erased = await h.register(51, 'centre');
  await must(h.engine.forgetMe(erased));
  return { h, state, all: [...centre, ...north].sort(), north: north.sort() };
}

describe('announce', () => {
  it('refuses non-admins, missing, blank, too long or unknown-locale texts and unknown areas, changing nothing', async () => {
    const h = harness();
    const before = [(await h.stores.outbox.list(0, 1000)).length, (await h.stores.audit.list(0, 1000)).length];
    const cases: [Promise<unknown>, string, Record<string, unknown>][] = [
      [h.engine.announce('U-NOBODY', TEXTS, { kind: 'all' }), 'staff.not_staff', {}],
      [h.engine.announce('U-MOD1', TEXTS, { kind: 'all' }), 'staff.admin_only', {}],
      [h.engine.announce('U-ADMIN', { fr: 'Bonjour' }, { kind: 'all' }), 'broadcast.text_missing', { locale: 'en' }],
      [h.engine.announce('U-ADMIN', { fr: 'Bonjour', en: ' \n\t ' }, { kind: 'all' }), 'broadcast.text_missing', { locale: 'en' }],
      [h.engine.announce('U-ADMIN', { fr: 'x'.repeat(BROADCAST_TEXT_MAX + 1), en: 'Hi' }, { kind: 'all' }), 'broadcast.text_too_long', { locale: 'fr', length: BROADCAST_TEXT_MAX + 1, max: BROADCAST_TEXT_MAX }],
      [h.engine.announce('U-ADMIN', { ...TEXTS, de: 'Hallo' }, { kind: 'all' }), 'broadcast.unknown_locale', { locale: 'de' }],
      [h.engine.announce('U-ADMIN', TEXTS, { kind: 'area', area: 'mars' }), 'broadcast.unknown_area', { area: 'mars' }],
    ];
    for (const [call, code, params] of cases) expect(await call).toMatchObject({ ok: false, code, params });
    expect(await h.stores.broadcasts.list(null, 10)).toEqual([]);
    expect([(await h.stores.outbox.list(0, 1000)).length, (await h.stores.audit.list(0, 1000)).length]).toEqual(before);
  });

  it('records the broadcast with trimmed texts, its audit entry and a committee notice, in one step', async () => {
    const h = harness();
    const longest = 'é'.repeat(BROADCAST_TEXT_MAX);
    const b = await must(h.engine.announce('U-ADMIN', { ...TEXTS, en: ` ${longest} ` }, { kind: 'area', area: 'north' }));
    expect(b).toEqual({
      id: 'bc_1_1',
      by: 'staff:U-ADMIN',
      content: { kind: 'texts', texts: { fr: 'Réunion publique jeudi', en: longest } },
      audience: { kind: 'area', area: 'north' },
      startedAt: h.clock.now(),
      status: 'fanning_out',
      cursor: null,
      queued: 0,
      total: null,
      fannedOutAt: null,
      finishedAt: null,
      version: 1,
    });
    expect(await h.stores.broadcasts.get(b.id)).toEqual(b);
    const audit = await h.stores.audit.list(0, 1000);
    expect(audit.at(-1)).toMatchObject({ actor: 'staff:U-ADMIN', action: 'broadcast.started', subject: 'broadcast:bc_1_1', data: { audience: 'area', area: 'north', locales: ['fr', 'en'] } });
    expect(JSON.stringify(audit.at(-1))).not.toContain('Réunion');
    const notice = (await h.stores.outbox.list(0, 1000)).find((m) => m.template === 'committee.broadcast_started');
    expect(notice).toMatchObject({ key: 'broadcast:bc_1_1:started', recipient: { kind: 'committee' }, params: { broadcast: 'bc_1_1', by: 'staff:U-ADMIN', area: 'north' } });
  });
});

describe('fanOutBroadcast', () => {
  it('enqueues one message per registered, subscribed resident, page by page, then closes with the total', async () => {
    const { h, all } = await population();
    const b = await must(h.engine.announce('U-ADMIN', TEXTS, { kind: 'all' }));
    expect(await h.engine.broadcastsToFanOut()).toEqual([b.id]);
    expect(await must(h.engine.fanOutBroadcast(b.id, 2))).toEqual({ done: false, queued: 2 });
    expect(await h.stores.broadcasts.get(b.id)).toMatchObject({ status: 'fanning_out', cursor: all[1], queued: 2 });
    expect(await fanOutAll(h, b.id, 2)).toBe(2); // 2 more residents, then the last (short) page
    expect(await h.stores.broadcasts.get(b.id)).toMatchObject({ status: 'sending', queued: 5, total: 5, fannedOutAt: h.clock.now() });
    expect(await h.engine.broadcastsToFanOut()).toEqual([]);
    const messages = (await h.stores.outbox.list(0, 1000)).filter((m) => m.group === b.id);
    expect(messages.map((m) => m.key)).toEqual(all.map((id) => `${b.id}:${id}`));
    expect(messages[0]).toMatchObject({ recipient: { kind: 'resident', residentId: all[0] }, template: 'broadcast.message', params: { broadcast: b.id }, notBefore: h.clock.now(), group: b.id });
    // The text stays in the record, not in 5 (or 10,000) copies.
    expect(JSON.stringify(messages)).not.toContain('Réunion');
    // Once over, more calls change nothing.
    expect(await must(h.engine.fanOutBroadcast(b.id, 2))).toEqual({ done: true, queued: 5 });
    expect(await groupKeys(h.stores, b.id)).toHaveLength(5);
  });

  it('reaches one area only, and reads no resident outside the audience', async () => {
    const { h, state, north } = await population();
    const b = await must(h.engine.announce('U-ADMIN', TEXTS, { kind: 'area', area: 'north' }));
    state.subscribedReads = 0;
    await fanOutAll(h, b.id, 1);
    expect((await groupKeys(h.stores, b.id)).sort()).toEqual(north.map((id) => `${b.id}:${id}`));
    expect(state.subscribedReads).toBe(north.length);
    const everyone = await must(h.engine.announce('U-ADMIN', TEXTS, { kind: 'all' }));
    state.subscribedReads = 0;
    await fanOutAll(h, everyone.id, 100);
    // 5 subscribed of 8 residents ever seen (one unsubscribed, one registering, one erased).
    expect(state.subscribedReads).toBe(5);
  });

  it('an empty audience is done at once with total 0', async () => {
    const h = harness();
    const b = await must(h.engine.announce('U-ADMIN', TEXTS, { kind: 'all' }));
    expect(await must(h.engine.fanOutBroadcast(b.id, 50))).toEqual({ done: true, queued: 0 });
    expect(await must(h.engine.broadcastProgress(b.id))).toMatchObject({ status: 'done', total: 0, left: 0 });
  });

  it('refuses an unknown broadcast and a bad page size', async () => {
    const { h } = await population();
    const b = await must(h.engine.announce('U-ADMIN', TEXTS, { kind: 'all' }));
    expect(await h.engine.fanOutBroadcast('bc_404', 10)).toMatchObject({ ok: false, code: 'broadcast.not_found', params: { broadcast: 'bc_404' } });
    for (const size of [0, -1, 1.5, 1001, Number.NaN]) expect(await h.engine.fanOutBroadcast(b.id, size)).toMatchObject({ ok: false, code: 'broadcast.bad_page_size', params: { max: 1000 } });
    expect(await h.stores.broadcasts.get(b.id)).toMatchObject({ cursor: null, queued: 0 });
  });

  it('two workers racing on one broadcast never enqueue a page twice nor skip one', async () => {
    const { h, all } = await population();
    const b = await must(h.engine.announce('U-ADMIN', TEXTS, { kind: 'all' }));
    await Promise.all([fanOutAll(h, b.id, 1), fanOutAll(h, b.id, 1), fanOutAll(h, b.id, 2)]);
    expect(await h.stores.broadcasts.get(b.id)).toMatchObject({ status: 'sending', queued: all.length, total: all.length });
    expect((await groupKeys(h.stores, b.id)).sort()).toEqual(all.map((id) => `${b.id}:${id}`));
  });
});

describe('broadcastProgress', () => {
  it('reports delivery from the outbox group and settles the broadcast done once', async () => {
    const { h } = await population();
    const b = await must(h.engine.announce('U-ADMIN', TEXTS, { kind: 'all' }));
    await must(h.engine.fanOutBroadcast(b.id, 3));
    expect(await must(h.engine.broadcastProgress(b.id))).toMatchObject({ status: 'fanning_out', total: null, queued: 3, sent: 0, failed: 0, left: 3 });
    await fanOutAll(h, b.id, 3);
    const mine = (await h.stores.outbox.claim(h.clock.now(), 100, 60_000)).filter((m) => m.group === b.id);
    expect(mine).toHaveLength(5);
    for (const m of mine.slice(0, 3)) await h.stores.outbox.ack(m.seq, m.token);
    await h.stores.outbox.fail(mine[3]!.seq, mine[3]!.token, 'blocked');
    expect(await must(h.engine.broadcastProgress(b.id))).toMatchObject({ status: 'sending', total: 5, queued: 5, sent: 3, failed: 1, left: 1 });
    await h.stores.outbox.ack(mine[4]!.seq, mine[4]!.token);
    h.clock.advance(1000);
    const last = await must(h.engine.broadcastProgress(b.id));
    expect(last).toMatchObject({ status: 'done', total: 5, sent: 4, failed: 1, left: 0, broadcast: { finishedAt: h.clock.now() } });
    expect(await must(h.engine.broadcastProgress(b.id))).toMatchObject({ status: 'done' });
    const done = (await h.stores.outbox.list(0, 1000)).filter((m) => m.template === 'committee.broadcast_done');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ key: `broadcast:${b.id}:done`, params: { broadcast: b.id, total: 5, sent: 4, failed: 1 } });
    expect((await h.stores.audit.list(0, 1000)).filter((e) => e.action === 'broadcast.finished')).toHaveLength(1);
    expect(await h.engine.broadcastProgress('bc_404')).toMatchObject({ ok: false, code: 'broadcast.not_found' });
  });
});

describe('phase announcements are broadcasts', () => {
  it('entering a phase creates a template broadcast to everyone with the phase save, named in the committee notice', async () => {
    const { h, all } = await population();
    await h.engine.tick(); // records submission (announced as well)
    h.clock.set(T.review + 1);
    await h.engine.tick();
    const [b, submission] = await h.engine.listBroadcasts(null, 10);
    expect(submission).toMatchObject({ content: { template: 'announce.phase.submission' } });
    expect(b).toMatchObject({ by: 'system:scheduler', content: { kind: 'template', template: 'announce.phase.review', params: { phase: 'review', at: T.review } }, audience: { kind: 'all' }, status: 'fanning_out' });
    const outbox = await h.stores.outbox.list(0, 1000);
    expect(outbox.find((m) => m.template === 'committee.phase_entered' && m.params.to === 'review')).toMatchObject({ params: { broadcast: b!.id } });
    await fanOutAll(h, b!.id, 2);
    expect((await groupKeys(h.stores, b!.id)).sort()).toEqual(all.map((id) => `${b!.id}:${id}`));
    // A tick with nothing new creates nothing.
    await h.engine.tick();
    expect(await h.engine.listBroadcasts(null, 10)).toHaveLength(2);
  });

  it('a staff move announces too, by that staff member; several broadcasts list newest first', async () => {
    const h = harness();
    await h.engine.tick();
    const first = (await h.engine.listBroadcasts(null, 10)).map((b) => b.id);
    h.clock.advance(1000);
    await must(h.engine.advancePhase('U-ADMIN', 'submission', 'enough ideas'));
    const list = await h.engine.listBroadcasts(null, 10);
    expect(list).toHaveLength(first.length + 1);
    expect(list[0]).toMatchObject({ by: 'staff:U-ADMIN', content: { template: 'announce.phase.review' } });
    expect((await h.engine.listBroadcasts(list[0]!.id, 10)).map((b) => b.id)).toEqual(first);
  });
});
