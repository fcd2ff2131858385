/**
 * The fan-out runner, with the residents' sender behind it, against the strict Bot API
 * stand-in: an announcement recorded by staff reaches every subscribed resident of its
 * audience exactly once, in their language — also when two runners (two instances, or a
 * restarted one) race over the same broadcasts — and nobody else. Before the runner, nothing
 * in the service fanned broadcasts out: these tests fail if it skips a page, repeats one,
 * stops after the first broadcast or ignores the audience.
 */
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FanOutRunner } from '../../adapters/delivery/index.ts';
import { ResidentDispatcher } from '../../adapters/telegram/resident-dispatcher.ts';
import { residentNotice } from '../../adapters/telegram/resident-notice.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';

const silent = pino({ level: 'silent' });
let run: BotHarness | null = null;
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await run?.stop();
  run = null;
  for (const c of cleanups) await c();
  cleanups = [];
});

async function sqliteStores(): Promise<Stores> {
  const f = await makeSqliteFixture();
  cleanups.push(() => f.cleanup());
  return f.stores;
}

function dispatcherOf(b: BotHarness): ResidentDispatcher {
  const { services } = b.bot;
  return new ResidentDispatcher({
    outbox: b.h.stores.outbox,
    engine: b.h.engine,
    api: b.bot.bot.api,
    render: (resident, m, facts) => residentNotice({ t: services.translate, campaign: b.h.campaign, broadcasts: b.h.stores.broadcasts }, resident, m, facts),
    clock: b.h.clock,
    logger: silent,
    batch: 50,
  });
}

async function drain(d: ResidentDispatcher): Promise<void> {
  for (let i = 0; i < 100 && (await d.round()) > 0; i++);
}

async function announce(b: BotHarness, fr: string, en: string, audience: { kind: 'all' } | { kind: 'area'; area: string } = { kind: 'all' }): Promise<string> {
  const made = await b.h.engine.announce('U-ADMIN', { fr, en }, audience);
  if (!made.ok) throw new Error(made.code);
  return made.value.id;
}

/** 23 residents (chats 9100…): every 5th unsubscribed, every 3rd in English, areas alternating. */
async function population(b: BotHarness) {
  const people: { chat: number; id: string; subscribed: boolean; locale: 'fr' | 'en'; area: string }[] = [];
  for (let i = 0; i < 23; i++) {
    const chat = 9100 + i;
    const locale = i % 3 === 0 ? 'en' : 'fr';
    const area = i % 2 === 0 ? 'centre' : 'north';
    b.api.user({ id: chat, firstName: `R${i}`, languageCode: locale });
    const id = await b.h.register(chat, area);
    if (locale === 'en') expect((await b.h.engine.setLanguage(id, 'en')).ok).toBe(true);
    const subscribed = i % 5 !== 2;
    if (!subscribed) expect((await b.h.engine.setSubscribed(id, false)).ok).toBe(true);
    people.push({ chat, id, subscribed, locale, area });
  }
  return people;
}

describe('the fan-out runner', () => {
  for (const backend of ['memory', 'sqlite'] as const) {
    it(`${backend}: two racing runners fan out two broadcasts (one to an area) in pages; every resident of each audience gets each once, in their language`, async () => {
      run = await startBot(backend === 'sqlite' ? { stores: await sqliteStores() } : {});
      const b = run;
      const people = await population(b);
      const all = await announce(b, 'Réunion jeudi', 'Meeting on Thursday');
      const north = await announce(b, 'Travaux rue du Nord', 'Roadworks in North street', { kind: 'area', area: 'north' });
      // Pages of 4 over 23 residents: several pages per broadcast, so a skipped or repeated page shows.
      const one = new FanOutRunner({ engine: b.h.engine, logger: silent, pageSize: 4 });
      const two = new FanOutRunner({ engine: b.h.engine, logger: silent, pageSize: 4 });
      expect(await Promise.all([one.round(), two.round()])).toEqual([true, true]);
      // Nothing left: the next round finds no broadcast to fan out.
      expect(await one.round()).toBe(false);
      for (const id of [all, north]) expect((await b.h.stores.broadcasts.get(id))?.status).toBe('sending');

      await drain(dispatcherOf(b));
      for (const p of people) {
        const texts = b.api.botMessages(p.chat).map((m) => m.plain ?? '');
        const expected: string[] = [];
        if (p.subscribed) expected.push(p.locale === 'en' ? 'Meeting on Thursday' : 'Réunion jeudi');
        if (p.subscribed && p.area === 'north') expected.push(p.locale === 'en' ? 'Roadworks in North street' : 'Travaux rue du Nord');
        for (const text of expected) expect(texts.filter((t) => t.includes(text)), `chat ${p.chat}: ${text}`).toHaveLength(1);
        expect(texts, `chat ${p.chat}`).toHaveLength(expected.length);
      }
      const progress = await b.h.engine.broadcastProgress(all);
      if (!progress.ok) throw new Error(progress.code);
      expect(progress.value).toMatchObject({ total: people.filter((p) => p.subscribed).length, sent: people.filter((p) => p.subscribed).length, failed: 0, left: 0 });
    });
  }

  it('while running, picks up a broadcast announced later and stops when told', async () => {
    run = await startBot();
    const b = run;
    const people = await population(b);
    const runner = new FanOutRunner({ engine: b.h.engine, logger: silent, pageSize: 10, idleMs: 10 });
    const stop = new AbortController();
    const running = runner.run(stop.signal);
    const id = await announce(b, 'Vote ouvert', 'Voting is open');
    for (let i = 0; i < 200 && (await b.h.stores.broadcasts.get(id))?.status === 'fanning_out'; i++) await new Promise((r) => setTimeout(r, 10));
    stop.abort();
    await running;
    const queued = (await b.h.stores.outbox.list(0, 1000)).filter((m) => m.group === id);
    expect(queued).toHaveLength(people.filter((p) => p.subscribed).length);
  });

  it('refuses a page size the engine would refuse', () => {
    expect(() => new FanOutRunner({ engine: { broadcastsToFanOut: async () => [], fanOutBroadcast: async () => ({ ok: true, value: { done: true, queued: 0 } }) }, logger: silent, pageSize: 5000 })).toThrow(/pageSize/);
  });
});
