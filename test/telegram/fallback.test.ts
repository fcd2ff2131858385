/**
 * Everything unexpected, end to end: unknown commands, free text outside a flow, stickers,
 * voice notes, documents, edits (ignored), group chats (answered only when addressed), and a
 * resident blocking then unblocking the bot.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';
import type { TelegramUser } from '../support/telegram/telegram-user.ts';

let run: BotHarness | null = null;
afterEach(async () => {
  await run?.stop();
  run = null;
});

const seen = (b: BotHarness, u: { id: number }): number => b.api.botMessages(u.id).length;

function nextBotMessage(b: BotHarness, user: { id: number }, after: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => b.api.botMessages(user.id).slice(after).find((m) => (m.plain ?? m.text ?? '').includes(text)), `a bot message containing ${JSON.stringify(text)}`);
}

async function resident(b: BotHarness, id: number, locale: 'fr' | 'en'): Promise<TelegramUser> {
  const rid = await b.h.register(id);
  if (locale !== 'fr') expect((await b.h.engine.setLanguage(rid, locale)).ok).toBe(true);
  return b.api.user({ id, firstName: `R${id}`, languageCode: locale });
}

/** Waits until the bot has taken every queued update (and a little for its replies). */
async function settled(b: BotHarness): Promise<void> {
  await b.api.waitFor(() => b.api.pendingUpdates === 0, 'every update taken');
  await new Promise((r) => setTimeout(r, 150));
}

describe('the fallback in a private chat', () => {
  it('in English: unknown command, free text (with the menu), sticker, voice, document', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 801, 'en');
    u.say('/frobnicate');
    await nextBotMessage(b, u, 0, 'I do not know this command');
    let n = seen(b, u);
    u.say('<b>hello</b> & <script>alert(1)</script>');
    await nextBotMessage(b, u, n, 'I did not understand this message');
    await nextBotMessage(b, u, n, 'What would you like to do?');
    n = seen(b, u);
    u.sendSticker();
    await nextBotMessage(b, u, n, 'I can only read text and buttons');
    n = seen(b, u);
    u.sendVoice();
    await nextBotMessage(b, u, n, 'I cannot listen to voice');
    n = seen(b, u);
    b.api.pushUpdate({ message: { message_id: 9001, date: 1, chat: { id: 801, type: 'private', first_name: 'R801' }, from: u.asUser(), document: { file_id: 'BQACdoc', file_unique_id: 'doc1', file_name: 'plan.pdf' } } });
    await nextBotMessage(b, u, n, 'I cannot use this here');
  });

  it('in French, and ignores edits on purpose', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 802, 'fr');
    u.say('/inconnue');
    await nextBotMessage(b, u, 0, 'Je ne connais pas cette commande');
    let n = seen(b, u);
    u.say('bonjour');
    await nextBotMessage(b, u, n, "Je n'ai pas compris ce message");
    await nextBotMessage(b, u, n, 'Que souhaitez-vous faire');
    n = seen(b, u);
    const before = await b.h.stores.residents.get('tg:802');
    const calls = b.api.calls.filter((c) => c.method !== 'getUpdates').length;
    const first = b.api.messages(802).find((m) => !m.fromBot && m.text === 'bonjour')!;
    u.edit(first.message_id, '/forget');
    u.edit(first.message_id, 'autre chose');
    await settled(b);
    expect(b.api.calls.filter((c) => c.method !== 'getUpdates').length).toBe(calls);
    expect(seen(b, u)).toBe(n);
    expect(await b.h.stores.residents.get('tg:802')).toEqual(before);
    u.sendSticker();
    await nextBotMessage(b, u, n, 'Je ne lis cependant que le texte et les boutons');
  });
});

describe('groups', () => {
  it('answers only when addressed, with a one-line pointer to the private chat', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 811, 'en');
    const groupId = -100811;
    // The stand-in knows chats through its users: the group is one it can send to.
    b.api.user({ id: groupId, firstName: 'Town group' });
    const group = { id: groupId, type: 'supergroup', title: 'Town group' };
    let mid = 50_000;
    const say = (text: string, entities?: unknown[]) => b.api.pushUpdate({ message: { message_id: ++mid, date: 1, chat: group, from: u.asUser(), text, ...(entities === undefined ? {} : { entities }) } });
    say('hello everyone');
    say('/help@another_bot', [{ type: 'bot_command', offset: 0, length: 17 }]);
    say('a sticker-like message about @someone_else', [{ type: 'mention', offset: 29, length: 13 }]);
    await settled(b);
    expect(seen(b, { id: groupId })).toBe(0);
    expect(await b.h.stores.residents.get('tg:811')).toMatchObject({ step: 'done' });
    say('/help', [{ type: 'bot_command', offset: 0, length: 5 }]);
    const line = await nextBotMessage(b, { id: groupId }, 0, 'I only talk in private chats');
    expect(line.plain).toContain('@pnyx_test_bot');
    say('hey @pnyx_test_bot what is this?', [{ type: 'mention', offset: 4, length: 14 }]);
    await b.api.waitFor(() => seen(b, { id: groupId }) === 2, 'the second pointer');
    b.api.pushUpdate({ channel_post: { message_id: ++mid, date: 1, chat: { id: -100999, type: 'channel', title: 'News' }, text: '/help' } });
    await settled(b);
    expect(seen(b, { id: groupId })).toBe(2);
    // Nobody in the private chat heard about any of it.
    expect(seen(b, u)).toBe(0);
  });
});

describe('blocking the bot', () => {
  it('unsubscribes a resident who blocks the bot and subscribes them again on unblock', async () => {
    run = await startBot();
    const b = run;
    const u = await resident(b, 821, 'fr');
    const member = (status: 'kicked' | 'member') =>
      b.api.pushUpdate({
        my_chat_member: {
          chat: { id: 821, type: 'private', first_name: 'R821' },
          from: u.asUser(),
          date: 1,
          old_chat_member: { status: status === 'kicked' ? 'member' : 'kicked', user: b.api.bot, ...(status === 'kicked' ? {} : { until_date: 0 }) },
          new_chat_member: { status, user: b.api.bot, ...(status === 'kicked' ? { until_date: 0 } : {}) },
        },
      });
    member('kicked');
    await b.api.waitFor(() => b.api.pendingUpdates === 0, 'taken');
    await expect.poll(async () => (await b.h.stores.residents.get('tg:821'))?.subscribed).toBe(false);
    member('member');
    await expect.poll(async () => (await b.h.stores.residents.get('tg:821'))?.subscribed).toBe(true);
    expect(seen(b, u)).toBe(0);
  });

  it('does not bring back someone unknown who blocks the bot', async () => {
    run = await startBot();
    const b = run;
    const u = b.api.user({ id: 822, firstName: 'Gone', languageCode: 'en' });
    b.api.pushUpdate({
      my_chat_member: { chat: { id: 822, type: 'private', first_name: 'Gone' }, from: u.asUser(), date: 1, old_chat_member: { status: 'member', user: b.api.bot }, new_chat_member: { status: 'kicked', user: b.api.bot, until_date: 0 } },
    });
    await settled(b);
    expect(await b.h.stores.residents.get('tg:822')).toBeNull();
  });
});
