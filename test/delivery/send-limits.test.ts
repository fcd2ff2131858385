/**
 * The stand-in's send limits are what the broadcast tests and the `broadcast` benchmark
 * measure senders against, so they must count like Telegram: over a *sliding* window (a
 * fixed-window counter would accept twice the limit across a window boundary), judged at
 * arrival, with every 429 and every send per chat on record. And the stand-in options those
 * runs use: chats that blocked the bot, and a response delay that does not move the judging.
 */
import { afterEach, expect, it } from 'vitest';
import { SendLimits } from '../support/telegram/send-limits.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import { describeWithSharedData } from '../support/shared-data.ts';

it('counts over a sliding second: five just before a boundary leave no room just after it', () => {
  const fiveAt990 = (): SendLimits => {
    const l = new SendLimits({ perSecond: 5 });
    for (let i = 0; i < 5; i++) expect(l.judge(100 + i, 990 + i).ok).toBe(true);
    return l;
  };
  // A fixed window [1000, 2000) would accept this; the sliding one (t − 1000, t] does not.
  const l = fiveAt990();
  expect(l.judge(200, 1001).ok).toBe(false);
  expect(l.tooManyRequests).toBe(1);
  expect(l.refused).toEqual([{ chatId: 200, at: 1001, retryAfter: 1 }]);
  // Still full a moment before the oldest of the five is a second old; room once it is.
  expect(fiveAt990().judge(201, 1989).ok).toBe(false);
  expect(fiveAt990().judge(202, 1990).ok).toBe(true);
});

it('with an in-flight grace: a send just after the 429 that began a wait is refused but not flagged; a later one inside the wait is', () => {
  const graced = new SendLimits({ perSecond: 1, retryAfterSeconds: 1, inFlightGraceMs: 100 });
  expect(graced.judge(1, 0).ok).toBe(true);
  expect(graced.judge(2, 10)).toEqual({ ok: false, retryAfter: 1, ignoredRetryAfter: false }); // begins the wait, until 1010
  expect(graced.judge(3, 90)).toEqual({ ok: false, retryAfter: 1, ignoredRetryAfter: false }); // on its way already
  expect(graced.judge(4, 400)).toEqual({ ok: false, retryAfter: 1, ignoredRetryAfter: true }); // sent after the 429 could be read
  expect(graced.inFlightRefusals).toBe(1);
  // A refusal inside the wait does not start a new one: 110 ms after its start is past the grace.
  const again = new SendLimits({ perSecond: 1, retryAfterSeconds: 1, inFlightGraceMs: 100 });
  again.judge(1, 0);
  again.judge(2, 10);
  again.judge(3, 100);
  expect(again.judge(4, 120)).toMatchObject({ ignoredRetryAfter: true });
  // Without the option every send inside a wait is flagged.
  const strict = new SendLimits({ perSecond: 1, retryAfterSeconds: 1 });
  strict.judge(1, 0);
  strict.judge(2, 10);
  expect(strict.judge(3, 11)).toMatchObject({ ignoredRetryAfter: true });
  expect(strict.inFlightRefusals).toBe(0);
});

it('judges a send that arrives a little out of order against the sends before it only', () => {
  const l = new SendLimits({ perSecond: 2 });
  expect(l.judge(1, 1000).ok).toBe(true);
  expect(l.judge(2, 1010).ok).toBe(true);
  // Judged after the second but arrived before it: (3, 1003] has room, (10, 1010] would hold three.
  expect(l.judge(3, 1003).ok).toBe(false);
  const m = new SendLimits({ perSecond: 2 });
  expect(m.judge(1, 1010).ok).toBe(true);
  expect(m.judge(2, 1000).ok).toBe(true);
  expect(m.accepted.map((a) => a.at)).toEqual([1010, 1000]);
  // Both count, whichever was judged first.
  expect(m.judge(3, 1999).ok).toBe(false);
});

it('keeps sends per chat and tells a 429 answered after its retry_after from one dropped or retried early', () => {
  const l = new SendLimits({ perChatPerSecond: 1, retryAfterSeconds: 2 });
  expect(l.judge(7, 0).ok).toBe(true);
  expect(l.judge(7, 100).ok).toBe(false);
  expect(l.judge(8, 0).ok).toBe(true);
  expect(l.judge(8, 100).ok).toBe(false);
  // Chat 7 retried after its 2 s; chat 8 too early (a violation) and never again.
  expect(l.judge(7, 2100).ok).toBe(true);
  const early = l.judge(8, 1500);
  expect(early).toEqual({ ok: false, retryAfter: 2, ignoredRetryAfter: true });
  expect(l.sentTo(7)).toBe(2);
  expect(l.sentTo(8)).toBe(1);
  expect(l.sentTo(9)).toBe(0);
  expect(l.repeatedChats()).toEqual(new Map([[7, 2]]));
  expect(l.unansweredRefusals().map((r) => [r.chatId, r.at])).toEqual([
    [8, 100],
    [8, 1500],
  ]);
});

describeWithSharedData('Telegram stand-in options of the broadcast runs', () => {
  const TOKEN = '123456:TEST-stand-in-token-not-real';
  let api: TelegramStandIn | null = null;
  afterEach(async () => {
    await api?.stop();
    api = null;
  });
  const send = async (chat: number): Promise<number> => {
    const res = await fetch(`${api!.apiRoot}/bot${TOKEN}/sendMessage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: chat, text: 'Bonjour' }) });
    await res.json();
    return res.status;
  };

  it('answers 403 for the blocked chats it was given, and nobody else', async () => {
    api = await TelegramStandIn.start({ token: TOKEN, blockedChats: [11, 13] });
    api.users([10, 11, 12, 13]);
    expect(await Promise.all([10, 11, 12, 13].map(send))).toEqual([200, 403, 200, 403]);
    expect(api.isBlocked(11)).toBe(true);
    expect(api.isBlocked(12)).toBe(false);
    expect(api.limits.accepted.map((a) => a.chatId).sort()).toEqual([10, 12]);
    api.expectNoViolations();
  });

  it('answers after the response delay, judging the limits at arrival', async () => {
    api = await TelegramStandIn.start({ token: TOKEN, responseDelayMs: { min: 150, max: 200 }, limits: { perSecond: 30 } });
    api.users([20, 21]);
    const t = Date.now();
    expect(await Promise.all([send(20), send(21)])).toEqual([200, 200]);
    expect(Date.now() - t).toBeGreaterThanOrEqual(150);
    // Both recorded when they came in, not when answered.
    for (const a of api.limits.accepted) expect(a.at - t).toBeLessThan(150);
    await expect(TelegramStandIn.start({ token: TOKEN, responseDelayMs: { min: 10, max: 5 } })).rejects.toThrow(/responseDelayMs/u);
  });
});
