/**
 * The in-process delivery engine on the embedded SQLite store, against the strict Telegram
 * stand-in (behind a proxy that holds answers back like a real round trip, or answers 502):
 * several sends in flight; a 403 marks the resident unreachable and unsubscribed, once, and is
 * not retried, and their next message makes them reachable again; server errors are retried
 * with backoff, then parked with the reason; a 429 holds every send back for retry_after; the
 * digest goes to a group chat as a photo and its text, within the group's limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../core/ports/stores.ts';
import type { Clock } from '../../core/ports/clock.ts';
import { OutboxDispatcher } from '../../adapters/delivery/outbox-dispatcher.ts';
import type { OutboxDispatcherOptions } from '../../adapters/delivery/outbox-dispatcher.ts';
import type { DeliveryEngine, ParkedMessage } from '../../adapters/delivery/telegram-sending.ts';
import { MemorySendBudget } from '../../adapters/system/memory-send-budget.ts';
import { residentRef } from '../../core/engine/actor-refs.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';
import { deliveryWorld, plainRender, silent, until } from './delivery-fixture.ts';
import type { DeliveryWorld } from './delivery-fixture.ts';

const realClock: Clock = { now: () => Date.now() };
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function world(limits: Parameters<typeof deliveryWorld>[1] = {}): Promise<{ w: DeliveryWorld; stores: Stores }> {
  const f = await makeSqliteFixture();
  const w = await deliveryWorld(f.stores, limits);
  cleanups.push(() => f.cleanup(), () => w.stop());
  return { w, stores: f.stores };
}

function dispatcher(w: DeliveryWorld, extra: Partial<OutboxDispatcherOptions> = {}): OutboxDispatcher {
  return new OutboxDispatcher({ outbox: w.h.stores.outbox, engine: w.h.engine, api: w.newApi(), render: plainRender, clock: realClock, logger: silent, idleMs: 20, ...extra });
}

/** Runs `d` until `done` holds, then stops it and waits for it. */
async function runUntil(d: OutboxDispatcher, done: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const stop = new AbortController();
  const running = d.run(stop.signal);
  try {
    await until(done, what, ms);
  } finally {
    stop.abort();
    await running;
  }
}

async function statuses(stores: Stores) {
  return (await stores.outbox.list(0, 1000)).filter((m) => m.recipient.kind === 'resident' || m.recipient.kind === 'telegramChat');
}

describe('the in-process delivery engine (SQLite)', () => {
  it('keeps several sends in flight (8 of them against 150 ms round trips), each message once', async () => {
    const { w, stores } = await world({ perSecond: 300, perChatPerSecond: 1 });
    w.proxy.delayMs = 150;
    const ids = await w.residents(Array.from({ length: 32 }, (_, i) => 9100 + i));
    await w.enqueueFor(ids);
    const d = dispatcher(w, { concurrency: 8, budget: new MemorySendBudget({ perBotPerSecond: 300 }) });
    const t0 = Date.now();
    await runUntil(d, async () => (await statuses(stores)).every((m) => m.status === 'sent'), 'every message sent');
    const elapsed = Date.now() - t0;
    expect(w.proxy.maxInFlight).toBe(8);
    // One at a time would take 32 × 150 ms = 4.8 s; eight at a time about 0.6 s.
    expect(elapsed).toBeLessThan(2_400);
    for (let i = 0; i < 32; i++) expect(w.api.botMessages(9100 + i)).toHaveLength(1);
    expect(w.api.limits.tooManyRequests).toBe(0);
    w.api.expectNoViolations();
  });

  it('with concurrency 1 there is one send at a time (the proxy counts in-flight sends)', async () => {
    const { w, stores } = await world();
    w.proxy.delayMs = 50;
    const ids = await w.residents([9201, 9202, 9203, 9204]);
    await w.enqueueFor(ids);
    await runUntil(dispatcher(w, { concurrency: 1 }), async () => (await statuses(stores)).every((m) => m.status === 'sent'), 'every message sent');
    expect(w.proxy.maxInFlight).toBe(1);
  });

  it('messages to one chat go one after the other, in order, a second apart (no 429 from the per-chat limit)', async () => {
    const { w, stores } = await world({ perSecond: 300, perChatPerSecond: 1, retryAfterSeconds: 1 });
    const [id] = await w.residents([9301]);
    for (const tag of ['one', 'two', 'three']) await w.enqueueFor([id!], tag);
    await runUntil(dispatcher(w, { concurrency: 8, budget: new MemorySendBudget({ perBotPerSecond: 300 }) }), async () => (await statuses(stores)).every((m) => m.status === 'sent'), 'three messages sent', 10_000);
    expect(w.api.botMessages(9301).map((m) => m.plain?.match(/\((\w+)\)/)?.[1])).toEqual(['one', 'two', 'three']);
    const at = w.api.limits.accepted.filter((a) => a.chatId === 9301).map((a) => a.at);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(1000);
    expect(w.api.limits.tooManyRequests).toBe(0);
    w.api.expectNoViolations();
  });

  it('403: given up at once (not retried), the resident marked unreachable and unsubscribed in one save with an audit entry under their pseudonym; their next message makes them reachable again', async () => {
    const { w, stores } = await world();
    const [blocked, fine] = await w.residents([9401, 9402]);
    w.api.block(9401);
    await w.enqueueFor([blocked!, fine!], 'a');
    await w.enqueueFor([blocked!], 'b');
    const d = dispatcher(w, { concurrency: 4, backoffMs: 10 });
    await runUntil(d, async () => (await statuses(stores)).every((m) => m.status !== 'pending'), 'every message settled');
    // Run on a while: nothing is handed out again.
    await runUntil(d, () => new Promise((r) => setTimeout(() => r(true), 200)), 'a pause');
    const mine = (await statuses(stores)).filter((m) => m.recipient.kind === 'resident' && m.recipient.residentId === blocked);
    expect(mine.map((m) => [m.status, m.lastError, m.attempts])).toEqual([
      ['failed', 'telegram 403: blocked by the user', 1],
      ['failed', 'telegram 403: blocked by the user', 1],
    ]);
    expect(w.api.calls.filter((c) => c.method === 'sendMessage' && c.params['chat_id'] === 9401)).toHaveLength(2);
    expect(w.api.botMessages(9402)).toHaveLength(1);
    const r = await stores.residents.get(blocked!);
    expect(r).toMatchObject({ subscribed: false, unreachable: { wasSubscribed: true } });
    // Out of the broadcast audience (the subscription index follows the save).
    expect((await stores.residents.listSubscribed(null, null, 100)).map((x) => x.id)).toEqual([fine]);
    const audit = (await stores.audit.list(0, 1000)).filter((e) => e.action === 'resident.unreachable');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.subject).toBe(residentRef(w.h.deps, blocked!));
    expect(JSON.stringify(audit[0])).not.toContain('9401');

    // They unblock the bot and write to it: reachable and subscribed again.
    const back = await w.h.engine.openResident(9401, 'R9401', 'en');
    expect(back.unreachable).toBeUndefined();
    expect(back.subscribed).toBe(true);
    expect(await stores.residents.get(blocked!)).toMatchObject({ subscribed: true });
    expect((await stores.residents.get(blocked!))!.unreachable).toBeUndefined();
    expect((await stores.audit.list(0, 1000)).filter((e) => e.action === 'resident.reachable')).toHaveLength(1);
    w.api.expectNoViolations();
  });

  it('a resident who had unsubscribed stays unsubscribed when they come back', async () => {
    const { w, stores } = await world();
    const [id] = await w.residents([9451]);
    expect((await w.h.engine.setSubscribed(id!, false)).ok).toBe(true);
    expect((await w.h.engine.markUnreachable(id!)).ok).toBe(true);
    expect((await w.h.engine.markUnreachable(id!)).ok).toBe(true);
    expect((await stores.audit.list(0, 1000)).filter((e) => e.action === 'resident.unreachable')).toHaveLength(1);
    const back = await w.h.engine.openResident(9451, 'R9451', 'en');
    expect(back).toMatchObject({ subscribed: false });
    expect(back.unreachable).toBeUndefined();
  });

  it('5xx: retried with backoff, then parked with the reason after maxAttempts; one that recovers is sent', async () => {
    const { w, stores } = await world();
    const [down, flaky] = await w.residents([9501, 9502]);
    w.proxy.failures.set(9501, { status: 502, remaining: 1_000 });
    w.proxy.failures.set(9502, { status: 502, remaining: 2 });
    await w.enqueueFor([down!, flaky!]);
    const parked: ParkedMessage[] = [];
    const d = dispatcher(w, { concurrency: 4, backoffMs: 20, maxAttempts: 4, onParked: (p) => void parked.push(p) });
    const t0 = Date.now();
    await runUntil(d, async () => (await statuses(stores)).every((m) => m.status !== 'pending'), 'both settled');
    const [a, b] = await statuses(stores);
    expect([a!.status, a!.lastError, a!.attempts]).toEqual(['failed', 'telegram 502', 4]);
    expect([b!.status, b!.attempts]).toEqual(['sent', 3]);
    // Backoff 20, 40, 80 ms between the four attempts.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(parked).toEqual([{ template: 'update.weekly', reason: 'telegram 502', kind: 'transient', attempts: 4 }]);
    expect(w.api.botMessages(9501)).toHaveLength(0);
    expect(w.api.botMessages(9502)).toHaveLength(1);
    // A parked message is not the resident's doing: they stay subscribed.
    expect(await stores.residents.get(down!)).toMatchObject({ subscribed: true });
  });

  it('429: every send in flight holds back for retry_after (the budget is slowed down), then all are delivered', async () => {
    const { w, stores } = await world({ perSecond: 5, retryAfterSeconds: 1 });
    w.proxy.delayMs = 20;
    const ids = await w.residents(Array.from({ length: 14 }, (_, i) => 9600 + i));
    await w.enqueueFor(ids);
    // A budget more generous than this Telegram (5/s), so Telegram answers 429.
    const budget = new MemorySendBudget({ perBotPerSecond: 300 });
    await runUntil(dispatcher(w, { concurrency: 8, budget }), async () => (await statuses(stores)).every((m) => m.status === 'sent'), 'every message sent', 30_000);
    expect(w.api.limits.tooManyRequests).toBeGreaterThan(0);
    const first429 = w.api.calls.find((c) => c.status === 429)!.at;
    // Sends already on their way when the 429 was given may arrive just after it; none
    // started after the engine heard it until retry_after had passed.
    const accepted = w.api.limits.accepted.map((a) => a.at);
    expect(accepted.filter((t) => t > first429 + 150 && t < first429 + 1000)).toEqual([]);
    for (const id of ids) expect((await stores.outbox.list(0, 100)).find((m) => m.key === `note:${id}`)?.status).toBe('sent');
    for (let i = 0; i < 14; i++) expect(w.api.botMessages(9600 + i)).toHaveLength(1);
    // The stand-in flags sends that arrive inside a retry_after: only those already in flight may.
    w.api.violations.splice(0, w.api.violations.length, ...w.api.violations.filter((v) => !v.includes('inside a retry_after')));
    w.api.expectNoViolations();
  });

  it('429: a slot granted just before the 429 came back is not spent inside its retry_after', async () => {
    const { w, stores } = await world({ perSecond: 1, retryAfterSeconds: 1 });
    const ids = await w.residents([9701, 9702]);
    // This second's one send is taken already: the engine's first send is answered 429.
    w.api.user({ id: 9799, firstName: 'R9799', languageCode: 'en' });
    const first = await w.newApi().sendMessage(9799, 'before');
    expect(first.message_id).toBeGreaterThan(0);
    await w.enqueueFor(ids);
    // A budget that grants the first take at once and the second one only as the 429 is heard
    // (its slowDown), the moment a grant can be stale: granted, but the slow-down came after.
    let heard: () => void = () => undefined;
    const after429 = new Promise<void>((r) => (heard = r));
    let takes = 0;
    const budget = {
      take: async () => {
        if (takes++ === 1) await after429;
        return { ok: true as const };
      },
      slowDown: async () => heard(),
    };
    await runUntil(dispatcher(w, { concurrency: 2, budget }), async () => (await statuses(stores)).every((m) => m.status === 'sent'), 'every message sent', 20_000);
    // (The retried first send and the held second one then meet in one second: more 429s may follow, each waited out too.)
    expect(w.api.limits.tooManyRequests).toBeGreaterThanOrEqual(1);
    expect(w.api.violations.filter((v) => v.includes('inside a retry_after'))).toEqual([]);
    for (const id of [9701, 9702]) expect(w.api.botMessages(id)).toHaveLength(1);
    w.api.expectNoViolations();
  });

  it('the digest to a group chat: the chart as a photo with the caption, then the whole text, both within the group limit', async () => {
    const { w, stores } = await world({ perSecond: 300, perChatPerSecond: 1, perGroupPerMinute: 20 });
    const group = -1_000_777;
    w.api.user({ id: group, firstName: 'Mayor’s office' });
    // Many categories with long names: the figures do not fit in a caption.
    const categories = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, name: { en: `Category number ${i} with a long name`, fr: `Catégorie numéro ${i} au nom assez long` } }));
    const engine: DeliveryEngine = {
      campaign: { ...w.h.campaign, categories: categories as never },
      getResident: (id) => w.h.engine.getResident(id),
      markUnreachable: (id) => w.h.engine.markUnreachable(id),
      votingStatus: (id) => w.h.engine.votingStatus(id),
    };
    const params: Record<string, number> = { at: Date.UTC(2027, 2, 8), registered: 40, population: 900 };
    categories.forEach((c, i) => (params[`ideasByCategory.${c.id}`] = i));
    await stores.outbox.enqueue([
      { key: 'digest:1:g', recipient: { kind: 'telegramChat', chatId: group }, template: 'digest.weekly', params, notBefore: 0 },
      { key: 'digest:2:g', recipient: { kind: 'telegramChat', chatId: group }, template: 'digest.weekly', params, notBefore: 0 },
    ]);
    const budget = new MemorySendBudget({ perBotPerSecond: 300 });
    await runUntil(dispatcher(w, { engine, concurrency: 8, budget }), async () => (await statuses(stores)).every((m) => m.status === 'sent'), 'both digests sent', 15_000);
    const sent = w.api.botMessages(group);
    expect(sent.map((m) => (m.photo === undefined ? 'text' : 'photo'))).toEqual(['photo', 'text', 'photo', 'text']);
    expect(sent[0]!.caption!.length).toBeLessThanOrEqual(1024);
    // In the campaign's language (the test campaign's is French).
    expect(sent[1]!.text).toContain('Catégorie numéro 39 au nom assez long: 39');
    expect(sent[1]!.text!.length).toBeGreaterThan(1024);
    const at = w.api.limits.accepted.filter((a) => a.chatId === group).map((a) => a.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000);
    expect(w.api.limits.tooManyRequests).toBe(0);
    w.api.expectNoViolations();
  });
});
