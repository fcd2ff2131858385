/**
 * The Bot API stand-in is only worth something if it refuses what Telegram refuses: each test
 * here makes a call a careless bot could make and checks the stand-in answers like Telegram
 * and records the violation (or, for 403/429, answers without blaming the bot).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import { parseTelegramHtml } from '../support/telegram/telegram-html.ts';
import { describeWithSharedData } from '../support/shared-data.ts';

const TOKEN = '123456:TEST-stand-in-token-not-real';

describeWithSharedData('Telegram Bot API stand-in', () => {
  let api: TelegramStandIn;
  beforeEach(async () => {
    api = await TelegramStandIn.start({ token: TOKEN, limits: { perSecond: 5, perChatPerSecond: 2, retryAfterSeconds: 1 } });
  });
  afterEach(async () => {
    await api.stop();
  });

  async function call(method: string, params: Record<string, unknown>, token = TOKEN): Promise<{ status: number; body: { ok: boolean; result?: any; description?: string; parameters?: { retry_after: number } } }> {
    const res = await fetch(`${api.apiRoot}/bot${token}/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
    return { status: res.status, body: (await res.json()) as never };
  }

  it('accepts a well-formed message and keeps it with its parsed text', async () => {
    api.user({ id: 42, firstName: 'Ada' });
    const r = await call('sendMessage', { chat_id: 42, text: '<b>Hello</b> &amp; welcome', parse_mode: 'HTML', reply_markup: { inline_keyboard: [[{ text: 'Go', callback_data: 'go' }]] } });
    expect(r.status).toBe(200);
    expect(r.body.result.text).toBe('Hello & welcome');
    expect(api.botMessages(42)[0]?.plain).toBe('Hello & welcome');
    api.expectNoViolations();
  });

  it('refuses unknown and missing parameters, wrong types and unknown methods', async () => {
    api.user({ id: 42, firstName: 'Ada' });
    expect((await call('sendMessage', { chat_id: 42, text: 'x', colour: 'red' })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: 42 })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: 42, text: 'x', disable_notification: 'yes' })).status).toBe(400);
    expect((await call('sendMesage', { chat_id: 42, text: 'x' })).status).toBe(400);
    expect(api.violations).toHaveLength(4);
    expect(api.violations.join('\n')).toMatch(/unknown parameter "colour"/u);
    expect(api.violations.join('\n')).toMatch(/"text" is required/u);
    expect(api.violations.join('\n')).toMatch(/unknown method sendMesage/u);
    expect(() => api.expectNoViolations()).toThrow(/4 call/u);
  });

  it('counts the 4,096-character limit after HTML parsing, and refuses broken HTML', async () => {
    api.user({ id: 42, firstName: 'Ada' });
    const fits = `<b>${'a'.repeat(4096)}</b>`;
    expect((await call('sendMessage', { chat_id: 42, text: fits, parse_mode: 'HTML' })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 42, text: 'a'.repeat(4097) })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: 42, text: 'Tom <script> & Jerry', parse_mode: 'HTML' })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: 42, text: '<b>open', parse_mode: 'HTML' })).status).toBe(400);
    expect(api.violations).toHaveLength(3);
  });

  it('refuses callback data over 64 bytes and a button with two actions', async () => {
    api.user({ id: 42, firstName: 'Ada' });
    const long = 'é'.repeat(33); // 66 bytes in UTF-8
    expect((await call('sendMessage', { chat_id: 42, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: long }]] } })).status).toBe(400);
    expect((await call('sendMessage', { chat_id: 42, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: 'a', url: 'https://example.org' }]] } })).status).toBe(400);
    expect(api.violations.join('\n')).toMatch(/66 bytes, allowed 1-64/u);
    expect(api.violations.join('\n')).toMatch(/exactly one action/u);
  });

  it('knows chats: an unknown chat is a violation, a blocked user a 403 the bot must handle', async () => {
    expect((await call('sendMessage', { chat_id: 99, text: 'x' })).body.description).toMatch(/chat not found/u);
    api.user({ id: 43, firstName: 'Bea' });
    api.block(43);
    const r = await call('sendMessage', { chat_id: 43, text: 'x' });
    expect(r.status).toBe(403);
    expect(api.violations).toHaveLength(1);
  });

  it('refuses an edit that changes nothing, and a callback query answered twice', async () => {
    const u = api.user({ id: 42, firstName: 'Ada' });
    const sent = await call('sendMessage', { chat_id: 42, text: 'Pick', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    const id = sent.body.result.message_id as number;
    expect((await call('editMessageText', { chat_id: 42, message_id: id, text: 'Pick', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } })).status).toBe(400);
    expect((await call('editMessageText', { chat_id: 42, message_id: id, text: 'Picked' })).status).toBe(200);
    expect(api.message(42, id)?.edits).toBe(1);
    u.forgeCallback(id, 'a');
    const updates = await call('getUpdates', {});
    const queryId = updates.body.result.at(-1).callback_query.id as string;
    expect((await call('answerCallbackQuery', { callback_query_id: queryId })).status).toBe(200);
    expect((await call('answerCallbackQuery', { callback_query_id: queryId })).status).toBe(400);
    expect(api.violations).toHaveLength(2);
  });

  it('lets a user press only a button that is on the message', async () => {
    const u = api.user({ id: 42, firstName: 'Ada' });
    const sent = await call('sendMessage', { chat_id: 42, text: 'Pick', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    expect(() => u.press(sent.body.result.message_id as number, 'b')).toThrow(/no button/u);
    expect(u.press(sent.body.result.message_id as number, 'a')).toBeGreaterThan(0);
  });

  it('serves updates by offset, long-polls, and ends a concurrent poll with 409', async () => {
    const u = api.user({ id: 42, firstName: 'Ada', languageCode: 'fr' });
    const first = u.say('/start');
    const r1 = await call('getUpdates', { offset: 0 });
    expect(r1.body.result.map((x: { update_id: number }) => x.update_id)).toEqual([first]);
    expect(r1.body.result[0].message.entities[0].type).toBe('bot_command');
    const waiting = call('getUpdates', { offset: first + 1, timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const second = u.say('hello');
    const r2 = await waiting;
    expect(r2.body.result.map((x: { update_id: number }) => x.update_id)).toEqual([second]);
    const a = call('getUpdates', { offset: second + 1, timeout: 5 });
    await new Promise((r) => setTimeout(r, 50));
    const b = call('getUpdates', { offset: second + 1, timeout: 0 });
    expect((await a).status).toBe(409);
    expect((await b).status).toBe(200);
    expect(api.pendingUpdates).toBe(0);
  });

  it('requires an https webhook and answers getUpdates with 409 while one is set', async () => {
    expect((await call('setWebhook', { url: 'http://127.0.0.1:9/hook' })).status).toBe(400);
    expect((await call('setWebhook', { url: 'https://pnyx.example/telegram', secret_token: 'abc_DEF-1' })).status).toBe(200);
    expect(api.webhook).toEqual({ url: 'https://pnyx.example/telegram', secret: 'abc_DEF-1' });
    expect((await call('getUpdates', {})).status).toBe(409);
    expect(api.violations).toHaveLength(1);
  });

  it('takes multipart uploads and refuses a file id it never issued', async () => {
    api.user({ id: 42, firstName: 'Ada' });
    const form = new FormData();
    form.set('chat_id', '42');
    form.set('caption', 'A <i>photo</i>');
    form.set('parse_mode', 'HTML');
    form.set('photo', new Blob([Buffer.from('png-bytes')]), 'p.png');
    const res = await fetch(`${api.apiRoot}/bot${TOKEN}/sendPhoto`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const fileId = ((await res.json()) as { result: { photo: Array<{ file_id: string }> } }).result.photo[0]!.file_id;
    expect((await call('sendPhoto', { chat_id: 42, photo: fileId })).status).toBe(200);
    expect((await call('sendPhoto', { chat_id: 42, photo: 'made-up-id' })).status).toBe(400);
    expect(api.violations).toHaveLength(1);
  });

  it('enforces send limits with 429 + retry_after, and flags a bot that ignores retry_after', async () => {
    for (const id of [1, 2, 3, 4, 5, 6]) api.user({ id, firstName: `U${id}` });
    const statuses: number[] = [];
    for (const id of [1, 2, 3, 4, 5, 6]) statuses.push((await call('sendMessage', { chat_id: id, text: 'hi' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(api.violations).toEqual([]);
    const again = await call('sendMessage', { chat_id: 6, text: 'hi' });
    expect(again.status).toBe(429);
    expect(again.body.parameters?.retry_after).toBe(1);
    expect(api.violations.join()).toMatch(/inside a retry_after/u);
  });

  it('refuses a wrong token with 401 and flags a valid method it does not implement', async () => {
    expect((await call('getMe', {}, '1:wrong')).status).toBe(401);
    expect((await call('sendDice', { chat_id: 1 })).status).toBe(501);
    expect(api.violations.join()).toMatch(/not implemented by the stand-in/u);
  });
});

it('parses Telegram HTML as Telegram does', () => {
  expect(parseTelegramHtml('<a href="https://x.org/?a=1&amp;b=2">x</a> &lt;3 &#128512;')).toEqual({ ok: true, text: 'x <3 😀' });
  expect(parseTelegramHtml('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>').ok).toBe(true);
  expect(parseTelegramHtml('<b><i>x</b></i>').ok).toBe(false);
  expect(parseTelegramHtml('<div>x</div>').ok).toBe(false);
  expect(parseTelegramHtml('AT&T').ok).toBe(false);
  expect(parseTelegramHtml('a > b').ok).toBe(false);
});
