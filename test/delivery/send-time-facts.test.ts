/**
 * Facts judged when a message is sent, not when it was fanned out (SPEC §2.5), through the one
 * sending module, on SQLite (the in-process dispatcher) and on Redis (the BullMQ engine),
 * against the strict Telegram stand-in:
 * - a vote reminder to a resident who voted after the fan-out is not sent: its message is
 *   settled as skipped, and the broadcast still finishes with sent + failed + skipped = total;
 * - the weekly update, while voting is open, ends with "N days left to vote — you have not
 *   voted yet" for a resident who has not voted (in their language, N counted at send time in
 *   the campaign's time zone), not for one who has; outside voting, no such line.
 */
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BullDelivery, bullConnection } from '../../adapters/delivery/bullmq-delivery.ts';
import { ResidentDispatcher } from '../../adapters/telegram/resident-dispatcher.ts';
import { residentNotice } from '../../adapters/telegram/resident-notice.ts';
import type { NoticeRenderer } from '../../adapters/delivery/telegram-sending.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { deletePrefix, describeWithRedis, uniquePrefix } from '../support/redis.ts';
import { DAY, HOUR, T, testCampaign } from '../support/test-campaign.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';
import { makeRedisStores } from '../redis/redis-fixture.ts';
import { until } from './delivery-fixture.ts';

const silent = pino({ level: 'silent' });
const MIN = 60_000;
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

type Backend = 'sqlite' | 'redis';

async function storesFor(backend: Backend): Promise<Stores> {
  const f = backend === 'sqlite' ? await makeSqliteFixture() : await makeRedisStores()();
  cleanups.push(() => f.cleanup());
  return f.stores;
}

/** The chats of the residents (Telegram ids). */
const VOTER = 7101;
const LATE = 7102;
const EN = 7103;
const FR = 7104;

interface World {
  readonly b: BotHarness;
  readonly backend: Backend;
  readonly stores: Stores;
  /** Resident id by chat. */
  readonly ids: Readonly<Record<number, string>>;
  readonly finalists: readonly string[];
}

/** Four residents (EN in English, the others in French), three eligible ideas; the clock in submission. */
async function world(backend: Backend): Promise<World> {
  const stores = await storesFor(backend);
  const b = await startBot({ stores, campaign: testCampaign({ schedules: { residentUpdate: '0 9 * * 1', mayorDigest: '0 8 * * 5', reminders: [3 * DAY] } }) });
  cleanups.push(() => b.stop());
  const ids: Record<number, string> = {};
  for (const chat of [VOTER, LATE, EN, FR]) {
    b.api.user({ id: chat, firstName: `R${chat}`, languageCode: chat === EN ? 'en' : 'fr' });
    ids[chat] = await b.h.register(chat);
  }
  expect((await b.h.engine.setLanguage(ids[EN]!, 'en')).ok).toBe(true);
  const finalists: string[] = [];
  for (let i = 0; i < 3; i++) {
    const idea = await b.h.submit(ids[VOTER]!, `Idea number ${i + 1} for the town`, 500_000);
    expect((await b.h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null })).ok).toBe(true);
    finalists.push(idea.id);
  }
  return { b, backend, stores, ids, finalists };
}

/** Review, three finalists, voting open; VOTER votes. */
async function openVoting(w: World): Promise<void> {
  const { h } = w.b;
  h.clock.set(T.review + 1);
  await h.engine.tick();
  for (const id of w.finalists) expect((await h.engine.selectFinalist('U-ADMIN', id, true)).ok).toBe(true);
  h.clock.set(T.voting + HOUR);
  await h.engine.tick();
  await vote(w, VOTER);
}

async function vote(w: World, chat: number): Promise<void> {
  expect((await w.b.h.engine.castBallot(w.ids[chat]!, 'town', [{ ideaId: w.finalists[0]! }], `vote-${chat}`)).ok).toBe(true);
}

async function fanOut(w: World, id: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const step = await w.b.h.engine.fanOutBroadcast(id, 2);
    if (!step.ok) throw new Error(step.code);
    if (step.value.done) return;
  }
  throw new Error('fan-out did not finish');
}

function renderer(w: World): NoticeRenderer {
  const { services } = w.b.bot;
  return (resident, m, facts) => residentNotice({ t: services.translate, campaign: w.b.h.campaign, broadcasts: w.stores.broadcasts }, resident, m, facts);
}

/** Delivers every pending resident message: the in-process dispatcher on SQLite, the BullMQ engine on Redis. */
async function deliver(w: World): Promise<void> {
  const common = { outbox: w.stores.outbox, engine: w.b.h.engine, api: w.b.bot.bot.api, render: renderer(w), clock: w.b.h.clock, logger: silent };
  const pending = async () => (await w.stores.outbox.list(0, 10_000)).filter((m) => m.recipient.kind === 'resident' && m.status === 'pending').length;
  if (w.backend === 'sqlite') {
    const d = new ResidentDispatcher({ ...common, batch: 50 });
    for (let i = 0; i < 100 && (await d.round()) > 0; i++);
  } else {
    const connection = bullConnection((w.stores as RedisStores).client) as Redis;
    // Its own key prefix, deleted afterwards: the queue's keys stay off the shared Redis.
    const prefix = uniquePrefix('st');
    cleanups.push(async () => {
      await deletePrefix(prefix);
    });
    const d = new BullDelivery({ ...common, connection, prefix: `${prefix}bull`, idleMs: 20 });
    const stop = new AbortController();
    const running = [d.runRelay(stop.signal), d.runWorkers(stop.signal)];
    try {
      await until(async () => (await pending()) === 0, 'every resident message settled');
    } finally {
      stop.abort();
      await Promise.all(running);
      await d.close();
      connection.disconnect();
    }
  }
  expect(await pending()).toBe(0);
}

/** The texts the bot sent into `chat` containing `marker`. */
function texts(w: World, chat: number, marker: RegExp): string[] {
  return w.b.api
    .botMessages(chat)
    .map((m) => m.plain ?? '')
    .filter((t) => marker.test(t));
}

const REMINDER = /pas encore voté|not voted yet/u;
const UPDATE = /Cette semaine|This week/u;
const DAYS_LINE = /pour voter|to vote/u;

function tests(backend: Backend): void {
  it(`${backend}: a resident who voted after the fan-out gets no reminder; the broadcast finishes with sent + skipped = total`, async () => {
    const w = await world(backend);
    await openVoting(w);
    const { h } = w.b;
    h.clock.set(T.votingEnd - 3 * DAY + MIN);
    const id = await h.engine.enqueueReminders(h.clock.now());
    expect(id).not.toBeNull();
    await fanOut(w, id!);
    // Fanned out to the three who had not voted; one of them votes before the send.
    const queued = (await w.stores.outbox.list(0, 10_000)).filter((m) => m.group === id);
    expect(queued.map((m) => (m.recipient.kind === 'resident' ? m.recipient.residentId : '?')).sort()).toEqual([w.ids[LATE], w.ids[EN], w.ids[FR]].sort());
    await vote(w, LATE);
    await deliver(w);

    expect(texts(w, LATE, REMINDER)).toEqual([]);
    expect(w.b.api.botMessages(LATE)).toHaveLength(0);
    expect(texts(w, EN, REMINDER)).toHaveLength(1);
    expect(texts(w, FR, REMINDER)).toHaveLength(1);
    expect(texts(w, VOTER, REMINDER)).toEqual([]);
    const late = (await w.stores.outbox.list(0, 10_000)).find((m) => m.group === id && m.recipient.kind === 'resident' && m.recipient.residentId === w.ids[LATE]);
    expect(late).toMatchObject({ status: 'sent', lastError: 'skipped: already voted' });
    expect(await w.stores.outbox.groupCounts(id!)).toEqual({ pending: 0, sent: 2, failed: 0, skipped: 1 });
    const progress = await h.engine.broadcastProgress(id!);
    if (!progress.ok) throw new Error(progress.code);
    expect(progress.value).toMatchObject({ status: 'done', total: 3, sent: 2, failed: 0, skipped: 1, left: 0 });
    const doneNotice = (await w.stores.outbox.list(0, 10_000)).find((m) => m.key === `broadcast:${id}:done`);
    expect(doneNotice?.params).toMatchObject({ total: 3, sent: 2, failed: 0, skipped: 1 });
    // Skipped is not failed: nothing parked, no failure reason.
    expect(await w.stores.outbox.failedByReason(10)).toEqual([]);
  });

  it(`${backend}: the weekly update ends with the days left to vote for who has not voted (N at send time, in their language), not for a voter; outside voting no such line`, async () => {
    const w = await world(backend);
    const { h } = w.b;
    // In submission: an update without the line, for everyone.
    h.clock.set(T.submission + 7 * DAY);
    const [before] = (await h.engine.enqueueScheduled([{ kind: 'update', at: h.clock.now() }])).broadcasts;
    await fanOut(w, before!);
    await deliver(w);
    for (const chat of [VOTER, LATE, EN, FR]) {
      const got = texts(w, chat, UPDATE);
      expect(got, `chat ${chat}`).toHaveLength(1);
      expect(got[0], `chat ${chat}`).not.toMatch(DAYS_LINE);
    }

    await openVoting(w);
    // Fanned out on Saturday 27 June (five voting days left then, the close being 1 July 02:00
    // in Brussels), sent a day later: four days, counted at send time.
    h.clock.set(Date.UTC(2026, 5, 27, 9));
    const [during] = (await h.engine.enqueueScheduled([{ kind: 'update', at: h.clock.now() }])).broadcasts;
    await fanOut(w, during!);
    h.clock.set(Date.UTC(2026, 5, 28, 9));
    await deliver(w);
    const latest = (chat: number): string => texts(w, chat, UPDATE).at(-1) ?? '';
    for (const chat of [VOTER, LATE, EN, FR]) expect(texts(w, chat, UPDATE), `chat ${chat}`).toHaveLength(2);
    expect(latest(FR)).toContain('Plus que 4 jours pour voter — vous n’avez pas encore voté.');
    expect(latest(LATE)).toContain('Plus que 4 jours pour voter — vous n’avez pas encore voté.');
    expect(latest(EN)).toContain('4 days left to vote — you have not voted yet.');
    expect(latest(EN)).not.toMatch(/pour voter/u);
    expect(latest(VOTER)).not.toMatch(DAYS_LINE);
    expect(latest(VOTER)).not.toMatch(REMINDER);
    const progress = await h.engine.broadcastProgress(during!);
    if (!progress.ok) throw new Error(progress.code);
    expect(progress.value).toMatchObject({ status: 'done', total: 4, sent: 4, skipped: 0, left: 0 });
  });
}

describe('send-time facts [sqlite]', () => tests('sqlite'));
describeWithRedis('send-time facts [redis, BullMQ]', () => tests('redis'));
