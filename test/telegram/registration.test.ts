/**
 * Registration end to end: grammY polling the strict Bot API stand-in, the engine behind it.
 * Each test checks what the resident sees and what the engine stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';
import type { TelegramUser } from '../support/telegram/telegram-user.ts';
import { testCampaign } from '../support/test-campaign.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

/** Waits for the bot's next message in `user`'s chat after `count` messages, containing `text`. */
async function nextBotMessage(b: BotHarness, user: TelegramUser, after: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => b.api.botMessages(user.id).slice(after).find((m) => (m.plain ?? m.text ?? '').includes(text)), `a bot message containing ${JSON.stringify(text)}`);
}

const seen = (b: BotHarness, u: TelegramUser): number => b.api.botMessages(u.id).length;

describe('registration in Telegram', () => {
  it('walks a French resident through language, consent, age and area to the menu', async () => {
    run = await startBot();
    const b = run;
    const anna = b.api.user({ id: 501, firstName: 'Anna', languageCode: 'fr' });
    anna.say('/start');
    await nextBotMessage(b, anna, 0, 'Dans quelle langue');
    let n = seen(b, anna);
    anna.pressLabel('Français');
    await nextBotMessage(b, anna, n, 'notice de confidentialité');
    n = seen(b, anna);
    anna.pressLabel("J'accepte");
    await nextBotMessage(b, anna, n, 'Quel âge');
    n = seen(b, anna);
    anna.pressLabel('35–64');
    await nextBotMessage(b, anna, n, 'Choisissez votre quartier');
    n = seen(b, anna);
    anna.pressLabel('Nord');
    await nextBotMessage(b, anna, n, 'Vous êtes inscrit');
    const r = await b.h.stores.residents.get('tg:501');
    expect(r).toMatchObject({ step: 'done', locale: 'fr', ageBand: '35-64', area: 'north', consent: { version: '2026-03' } });
    expect(r?.registeredAt).not.toBeNull();
  });

  it('takes a typed postcode for the area, and refuses an unknown one with the reason', async () => {
    run = await startBot();
    const b = run;
    const bob = b.api.user({ id: 502, firstName: 'Bob', languageCode: 'en' });
    bob.say('/start');
    await nextBotMessage(b, bob, 0, 'Which language');
    bob.pressLabel('English');
    await nextBotMessage(b, bob, 0, 'privacy notice');
    bob.pressLabel('I agree');
    await nextBotMessage(b, bob, 0, 'How old');
    bob.pressLabel('65+');
    await nextBotMessage(b, bob, 0, 'or type your postcode');
    let n = seen(b, bob);
    bob.say('9999');
    await nextBotMessage(b, bob, n, 'or type your postcode');
    expect((await b.h.stores.residents.get('tg:502'))?.area).toBeNull();
    n = seen(b, bob);
    bob.say(' 6880 ');
    await nextBotMessage(b, bob, n, 'You are registered');
    expect((await b.h.stores.residents.get('tg:502'))?.area).toBe('centre');
  });

  it('refuses an under-age band and a declined privacy notice, and stores neither', async () => {
    run = await startBot();
    const b = run;
    const carl = b.api.user({ id: 503, firstName: 'Carl', languageCode: 'en' });
    carl.say('/start');
    await nextBotMessage(b, carl, 0, 'Which language');
    carl.pressLabel('English');
    await nextBotMessage(b, carl, 0, 'privacy notice');
    let n = seen(b, carl);
    carl.pressLabel('I do not agree');
    await nextBotMessage(b, carl, n, 'you need to accept the privacy notice');
    await nextBotMessage(b, carl, n, 'Do you agree?');
    expect((await b.h.stores.residents.get('tg:503'))?.consent).toBeNull();
    carl.pressLabel('I agree');
    await nextBotMessage(b, carl, 0, 'How old');
    n = seen(b, carl);
    carl.pressLabel('16–17');
    await nextBotMessage(b, carl, n, 'at least 18 years old');
    await nextBotMessage(b, carl, n, 'How old');
    expect((await b.h.stores.residents.get('tg:503'))?.ageBand).toBeNull();
  });

  it('answers a press on an old registration button as expired and changes nothing', async () => {
    run = await startBot();
    const b = run;
    const dora = b.api.user({ id: 504, firstName: 'Dora', languageCode: 'en' });
    dora.say('/start');
    const langMsg = await nextBotMessage(b, dora, 0, 'Which language');
    dora.pressLabel('English');
    await nextBotMessage(b, dora, 0, 'privacy notice');
    const before = await b.h.stores.residents.get('tg:504');
    dora.forgeCallback(langMsg.message_id, 'reg|lang|fr');
    dora.forgeCallback(langMsg.message_id, 'reg|age|nonsense|extra');
    dora.forgeCallback(langMsg.message_id, '\u0000garbage');
    await b.api.waitFor(() => b.api.calls.filter((c) => c.method === 'answerCallbackQuery').length >= 4, 'the three forged presses answered');
    const after = await b.h.stores.residents.get('tg:504');
    expect(after).toEqual(before);
  });

  it('verifies by the resident’s own phone only, and one phone verifies one account', async () => {
    const campaign = testCampaign({ eligibility: { minimumAge: 18, areas: null, verification: 'phone' } });
    run = await startBot({ campaign });
    const b = run;
    const register = async (id: number) => {
      const u = b.api.user({ id, firstName: `P${id}`, languageCode: 'en' });
      u.say('/start');
      await nextBotMessage(b, u, 0, 'Which language');
      u.pressLabel('English');
      await nextBotMessage(b, u, 0, 'privacy notice');
      u.pressLabel('I agree');
      await nextBotMessage(b, u, 0, 'How old');
      u.pressLabel('18–34');
      await nextBotMessage(b, u, 0, 'or type your postcode');
      u.pressLabel('Centre');
      await nextBotMessage(b, u, 0, 'confirm your phone number');
      return u;
    };
    const eve = await register(505);
    let n = seen(b, eve);
    eve.shareContact('+32 470 12 34 56', 999);
    await nextBotMessage(b, eve, n, 'your own');
    expect((await b.h.stores.residents.get('tg:505'))?.verified).toBeNull();
    n = seen(b, eve);
    eve.shareContact('+32470123456');
    await nextBotMessage(b, eve, n, 'You are registered');
    expect((await b.h.stores.residents.get('tg:505'))?.verified?.method).toBe('phone');
    const fred = await register(506);
    n = seen(b, fred);
    fred.shareContact('32470123456');
    await b.api.waitFor(() => b.api.botMessages(fred.id).length > n, 'the refusal');
    expect((await b.h.stores.residents.get('tg:506'))?.verified).toBeNull();
  });
});

describe('the per-resident rate limit', () => {
  it('answers a burst politely once over the limit and handles nothing beyond it', async () => {
    run = await startBot({ rateLimit: 3 });
    const b = run;
    const gus = b.api.user({ id: 507, firstName: 'Gus', languageCode: 'en' });
    for (let i = 0; i < 6; i++) gus.say('/start');
    await b.api.waitFor(() => b.api.botMessages(gus.id).some((m) => (m.plain ?? '').includes('a little fast')), 'the polite refusal');
    await new Promise((r) => setTimeout(r, 300));
    const prompts = b.api.botMessages(gus.id).filter((m) => (m.plain ?? '').includes('Which language'));
    expect(prompts).toHaveLength(3);
    expect(b.api.botMessages(gus.id).filter((m) => (m.plain ?? '').includes('a little fast'))).toHaveLength(1);
  });
});

describe('verification by a one-time code', () => {
  const campaign = testCampaign({ eligibility: { minimumAge: 18, areas: null, verification: 'code' } });

  async function toVerification(b: BotHarness, id: number, start = '/start'): Promise<TelegramUser> {
    const u = b.api.user({ id, firstName: `C${id}`, languageCode: 'en' });
    u.say(start);
    await nextBotMessage(b, u, 0, 'Which language');
    u.pressLabel('English');
    await nextBotMessage(b, u, 0, 'privacy notice');
    u.pressLabel('I agree');
    await nextBotMessage(b, u, 0, 'How old');
    u.pressLabel('35–64');
    await nextBotMessage(b, u, 0, 'or type your postcode');
    u.pressLabel('North');
    return u;
  }

  it('takes a typed code once, refuses a wrong or used one with the reason', async () => {
    run = await startBot({ campaign });
    const b = run;
    const issued = await b.h.engine.issueCodes('U-ADMIN', 1);
    if (!issued.ok) throw new Error(issued.code);
    const good = issued.value[0] as string;
    const ida = await toVerification(b, 601);
    await nextBotMessage(b, ida, 0, 'one-time code');
    let n = seen(b, ida);
    ida.say('ZZZZ-ZZZZ');
    await b.api.waitFor(() => b.api.botMessages(ida.id).length > n, 'the refusal');
    expect((await b.h.stores.residents.get('tg:601'))?.verified).toBeNull();
    n = seen(b, ida);
    ida.say(good.toLowerCase());
    await nextBotMessage(b, ida, n, 'You are registered');
    expect((await b.h.stores.residents.get('tg:601'))?.verified?.method).toBe('code');
    const jon = await toVerification(b, 602);
    await nextBotMessage(b, jon, 0, 'one-time code');
    n = seen(b, jon);
    jon.say(good);
    await b.api.waitFor(() => b.api.botMessages(jon.id).length > n, 'the refusal');
    expect((await b.h.stores.residents.get('tg:602'))?.verified).toBeNull();
  });

  it('applies an invite link opened before registration at the verification step', async () => {
    run = await startBot({ campaign });
    const b = run;
    const issued = await b.h.engine.issueCodes('U-ADMIN', 1);
    if (!issued.ok) throw new Error(issued.code);
    const kim = await toVerification(b, 603, `/start invite_${issued.value[0]}`);
    await nextBotMessage(b, kim, 0, 'You are registered');
    expect((await b.h.stores.residents.get('tg:603'))?.verified?.method).toBe('code');
    expect((await b.h.stores.residents.getCode(issued.value[0] as string))?.usedAt).not.toBeNull();
  });
});
