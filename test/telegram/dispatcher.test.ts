/**
 * The in-process sender of the residents' outbox messages, against the strict stand-in: an
 * idea moderated through the engine reaches its author in their language, exactly once, also
 * when a worker claimed and crashed; the committee's messages are left alone; a resident who
 * blocked the bot is given up and unsubscribed; a 429 is waited out and delivered later.
 */
import { Api } from 'grammy';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Stores } from '../../core/ports/stores.ts';
import { ResidentDispatcher, noticeRefKey } from '../../adapters/telegram/resident-dispatcher.ts';
import { residentNotice } from '../../adapters/telegram/resident-notice.ts';
import { BOT_TOKEN, startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import type { SendLimitOptions } from '../support/telegram/send-limits.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';
import { MemorySendBudget } from '../../adapters/system/memory-send-budget.ts';
import type { SendBudget } from '../../adapters/system/memory-send-budget.ts';

const silent = pino({ level: 'silent' });
let run: BotHarness | null = null;
let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await run?.stop();
  run = null;
  for (const c of cleanups) await c();
  cleanups = [];
});

/** `chatSpacingMs: 0` lets two sends into one chat go back to back, so Telegram's 429 can be provoked. */
function dispatcherOf(b: BotHarness, api: Api = b.bot.bot.api, budget?: SendBudget, chatSpacingMs?: number): ResidentDispatcher {
  const { services } = b.bot;
  return new ResidentDispatcher({
    outbox: b.h.stores.outbox,
    engine: b.h.engine,
    api,
    ...(budget === undefined ? {} : { budget }),
    render: (resident, m, facts) => residentNotice({ t: services.translate, campaign: b.h.campaign, broadcasts: b.h.stores.broadcasts }, resident, m, facts),
    clock: b.h.clock,
    logger: silent,
    claimLeaseMs: 60_000,
    ...(chatSpacingMs === undefined ? {} : { chatSpacingMs }),
  });
}

/** Rounds until one handles nothing. */
async function drain(d: ResidentDispatcher): Promise<void> {
  for (let i = 0; i < 20 && (await d.round()) > 0; i++);
}

/** A registered resident in `locale` with a chat on the stand-in, and their submitted idea. */
async function author(b: BotHarness, telegramId: number, locale: 'fr' | 'en') {
  b.api.user({ id: telegramId, firstName: 'Ada', languageCode: locale });
  const id = await b.h.register(telegramId);
  if (locale !== 'fr') expect((await b.h.engine.setLanguage(id, locale)).ok).toBe(true);
  const idea = await b.h.submit(id, `Benches <near> the school ${telegramId}`);
  return { id, idea };
}

async function sqliteStores(): Promise<Stores> {
  const f = await makeSqliteFixture();
  cleanups.push(() => f.cleanup());
  return f.stores;
}

/** The resident's first question thread once it holds `n` messages. */
async function waitForMessages(b: BotHarness, residentId: string, n: number) {
  for (let i = 0; i < 100; i++) {
    const threads = await b.h.engine.myQuestions(residentId);
    if ((threads[0]?.messages.length ?? 0) >= n) return threads;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the question never reached ${n} messages`);
}

describe('the resident dispatcher', () => {
  for (const backend of ['memory', 'sqlite'] as const) {
    it(`${backend}: the author gets "submitted" then "eligible" in their language, once each, with a message reference; the committee's cards stay pending`, async () => {
      run = await startBot(backend === 'sqlite' ? { stores: await sqliteStores() } : {});
      const b = run;
      const en = await author(b, 701, 'en');
      const fr = await author(b, 702, 'fr');
      const d = dispatcherOf(b);
      await drain(d);
      for (const [who, idea] of [[en, en.idea], [fr, fr.idea]] as const) {
        const moderated = await b.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: 'Great & useful' });
        expect(moderated.ok).toBe(true);
        void who;
      }
      await drain(d);
      await drain(d);

      const texts = (chat: number) => b.api.botMessages(chat).map((m) => m.plain ?? '');
      expect(texts(701)).toHaveLength(2);
      expect(texts(701)[0]).toMatch(/has been sent/);
      expect(texts(701)[1]).toMatch(/eligible/);
      // Resident and staff text escaped: it arrives as typed.
      expect(texts(701)[1]).toContain('Benches <near> the school 701');
      expect(texts(701)[1]).toContain('Great & useful');
      expect(texts(702)).toHaveLength(2);
      expect(texts(702)[1]).toMatch(/recevable/);

      const all = await b.h.stores.outbox.list(0, 100);
      const mine = all.filter((m) => m.recipient.kind === 'resident');
      expect(mine.map((m) => m.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
      const others = all.filter((m) => m.recipient.kind !== 'resident');
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((m) => m.status === 'pending')).toBe(true);
      // Never claimed by the dispatcher (its claim lists residents only): no attempt counted.
      expect(others.map((m) => m.attempts)).toEqual(others.map(() => 0));
      const eligible = mine.find((m) => m.recipient.kind === 'resident' && m.recipient.residentId === en.id && m.template === 'notify.idea_eligible')!;
      const ref = await b.h.stores.messageRefs.get(noticeRefKey(eligible.key));
      expect(ref).toMatchObject({ platform: 'telegram', chat: '701', messageId: String(b.api.botMessages(701)[1]!.message_id), owner: en.id });
    });
  }

  it("a committee answer arrives with the follow-up button, and what the resident adds joins the same question", async () => {
    run = await startBot();
    const b = run;
    const u = b.api.user({ id: 741, firstName: 'Quinn', languageCode: 'en' });
    const id = await b.h.register(741);
    expect((await b.h.engine.setLanguage(id, 'en')).ok).toBe(true);
    const asked = await b.h.engine.askQuestion(id, { text: 'When is the <vote>?' });
    if (!asked.ok) throw new Error(asked.code);
    expect((await b.h.engine.answerQuestion('U-MOD1', asked.value.id, 'In May & June')).ok).toBe(true);
    const d = dispatcherOf(b);
    await drain(d);
    const answer = b.api.botMessages(741).find((m) => (m.plain ?? '').includes('In May & June'));
    expect(answer).toBeDefined();
    const button = (answer!.reply_markup?.['inline_keyboard'] as { text: string; callback_data: string }[][]).flat().find((k) => k.text.includes('Add to my question'));
    expect(button).toBeDefined();
    const before = b.api.botMessages(741).length;
    u.press(answer!.message_id, button!.callback_data);
    await b.api.waitFor(() => b.api.botMessages(741).slice(before).find((m) => (m.plain ?? '').includes('Write what you would like to add')), 'the follow-up prompt');
    u.say('And where?');
    const threads = await waitForMessages(b, id, 3);
    expect(threads[0]!.messages.map((m) => m.text)).toEqual(['When is the <vote>?', 'In May & June', 'And where?']);
  });

  it('after a worker claimed and died, the message is sent once when its claim runs out — not twice, not lost', async () => {
    run = await startBot({ stores: await sqliteStores() });
    const b = run;
    await author(b, 711, 'en');
    // A worker claims everything, then crashes before sending anything.
    const crashed = await b.h.stores.outbox.claim(b.h.clock.now(), 10, 60_000);
    expect(crashed.some((m) => m.recipient.kind === 'resident')).toBe(true);
    // The restarted process: nothing is handed out while the dead worker's claim holds.
    await b.restart();
    const d = dispatcherOf(b);
    await drain(d);
    expect(b.api.botMessages(711)).toHaveLength(0);
    b.h.clock.advance(60_001);
    await drain(d);
    await drain(d);
    expect(b.api.botMessages(711)).toHaveLength(1);
    // The dead worker's late ack changes nothing.
    const late = crashed.find((m) => m.recipient.kind === 'resident')!;
    expect(await b.h.stores.outbox.ack(late.seq, late.token)).toBe('lost');
    expect(b.api.botMessages(711)).toHaveLength(1);
  });

  it('a resident who blocked the bot: the message is given up (no personal data in the reason) and they are unsubscribed', async () => {
    run = await startBot();
    const b = run;
    const { id } = await author(b, 721, 'fr');
    b.api.block(721);
    await drain(dispatcherOf(b));
    const [m] = (await b.h.stores.outbox.list(0, 100)).filter((x) => x.recipient.kind === 'resident');
    expect(m).toMatchObject({ status: 'failed', lastError: 'telegram 403: blocked by the user' });
    expect((await b.h.stores.residents.get(id))?.subscribed).toBe(false);
  });

  it('a message refused for another reason is given up with the code only', async () => {
    run = await startBot();
    const b = run;
    await b.h.register(731);
    // No chat with this user on the stand-in: "chat not found".
    await b.h.submit('tg:731', 'An idea for a chat nobody opened');
    await drain(dispatcherOf(b));
    const [m] = (await b.h.stores.outbox.list(0, 100)).filter((x) => x.recipient.kind === 'resident');
    expect(m).toMatchObject({ status: 'failed', lastError: 'telegram 400: chat not found' });
    // The stand-in counts the refused send as the bot's mistake: here it is the test's point.
    expect(b.api.violations).toEqual([expect.stringContaining('chat not found')]);
    b.api.violations.splice(0);
  });

  async function withLimits(limits: SendLimitOptions): Promise<BotHarness> {
    const api = await TelegramStandIn.start({ token: BOT_TOKEN, limits });
    const b = await startBot({ api });
    cleanups.push(() => api.stop());
    return b;
  }

  it('429 from the per-chat limit: auto-retry waits retry_after and the message is delivered', async () => {
    run = await withLimits({ perChatPerSecond: 1, retryAfterSeconds: 1 });
    const b = run;
    const { idea } = await author(b, 741, 'en');
    expect((await b.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    await drain(dispatcherOf(b, b.bot.bot.api, undefined, 0));
    expect(b.api.botMessages(741)).toHaveLength(2);
    expect(b.api.limits.tooManyRequests).toBeGreaterThan(0);
    b.api.expectNoViolations();
  });

  it('429 the client does not wait out itself: the outbox retries it after retry_after, then it is delivered', async () => {
    run = await withLimits({ perChatPerSecond: 1, retryAfterSeconds: 1 });
    const b = run;
    const { idea } = await author(b, 751, 'en');
    expect((await b.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    // An Api without auto-retry: the 429 reaches the dispatcher.
    const raw = new Api(BOT_TOKEN, { apiRoot: b.api.apiRoot });
    const d = dispatcherOf(b, raw, undefined, 0);
    await drain(d);
    expect(b.api.botMessages(751)).toHaveLength(1);
    const waiting = (await b.h.stores.outbox.list(0, 100)).filter((x) => x.recipient.kind === 'resident' && x.status === 'pending');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.lastError).toBe('telegram 429: too many requests');
    // Not due yet on the dispatcher's clock; then due, once Telegram's second has passed too.
    await drain(d);
    expect(b.api.botMessages(751)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1100));
    b.h.clock.advance(1000);
    await drain(d);
    expect(b.api.botMessages(751)).toHaveLength(2);
    b.api.expectNoViolations();
  });

  it('with the send budget: two messages to one chat within a second wait for its slot — no 429 at all', async () => {
    run = await withLimits({ perChatPerSecond: 1, perSecond: 300, retryAfterSeconds: 1 });
    const b = run;
    const one = await author(b, 771, 'en');
    const two = await author(b, 772, 'fr');
    for (const { idea } of [one, two]) expect((await b.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    // Without auto-retry, a 429 would leave a message pending: here the budget paces the sends.
    const raw = new Api(BOT_TOKEN, { apiRoot: b.api.apiRoot });
    await drain(dispatcherOf(b, raw, new MemorySendBudget({ perBotPerSecond: 300 })));
    expect(b.api.botMessages(771)).toHaveLength(2);
    expect(b.api.botMessages(772)).toHaveLength(2);
    expect(b.api.limits.tooManyRequests).toBe(0);
    b.api.expectNoViolations();
  });

  it('a 429 slows the whole budget down for retry_after, not only that chat', async () => {
    run = await withLimits({ perChatPerSecond: 1, retryAfterSeconds: 2 });
    const b = run;
    const { idea } = await author(b, 781, 'en');
    expect((await b.h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    // A budget more generous than Telegram (10/s per chat), so Telegram answers 429.
    const budget = new MemorySendBudget({ perBotPerSecond: 300, perChatPerSecond: 10 });
    const raw = new Api(BOT_TOKEN, { apiRoot: b.api.apiRoot });
    await dispatcherOf(b, raw, budget, 0).round();
    expect(b.api.limits.tooManyRequests).toBe(1);
    // Another chat must wait too: the slow-down holds the bot's whole budget.
    const grant = await budget.take(999_001, false);
    expect(grant.ok).toBe(false);
    if (!grant.ok) expect(grant.retryAfterMs).toBeGreaterThan(1000);
  });

  it('run() sends until stopped, then returns', async () => {
    run = await startBot();
    const b = run;
    await author(b, 761, 'en');
    const stop = new AbortController();
    const running = dispatcherOf(b).run(stop.signal);
    await b.api.waitFor(() => b.api.botMessages(761).length === 1, 'the notice');
    stop.abort();
    await running;
  });
});
