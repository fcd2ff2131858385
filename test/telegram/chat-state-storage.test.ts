/**
 * grammY on the chat state port, end to end: real `Bot`s with `session()` and
 * `conversations()` + `createConversation` storing through `chatStateStorage` into the SQLite
 * file and into Redis, driven by `bot.handleUpdate`. The Bot API is a stand-in `fetch` that
 * records every call and answers `{ ok: true, result }` (no network). It sits at the client
 * level, not as a `bot.api` transformer, because @grammyjs/conversations 2.x builds each
 * conversation's own `Api` from the token and client options: transformers on `bot.api` never
 * see the calls made inside a conversation, the client's `fetch` does.
 *
 * "A restart or another instance" is a second Bot built from scratch on a second store handle
 * (another SQLite connection, another Redis connection): nothing of the first survives but the
 * store.
 */
import { Bot } from 'grammy';
import type { Context, SessionFlavor } from 'grammy';
import { session } from 'grammy';
import { conversations, createConversation } from '@grammyjs/conversations';
import type { Conversation, ConversationData, ConversationFlavor, VersionedState } from '@grammyjs/conversations';
import type { Update, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { CHAT_STATE_MAX_BYTES } from '../../core/ports/chat-state-store.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { ChatStateTooLargeError, chatStateStorage } from '../../adapters/telegram/index.ts';
import type { MakeStores } from '../contracts/stores-fixture.ts';
import { fixtures } from '../contracts/contract-helpers.ts';
import { FixedClock } from '../support/fixed-clock.ts';
import { describeWithRedis } from '../support/redis.ts';
import { makeSqliteFixture } from '../sqlite/sqlite-fixture.ts';
import { makeRedisStores } from '../redis/redis-fixture.ts';

const TOKEN = '123456:TEST-token-never-sent-anywhere';
const HOUR = 3_600_000;
const TTL = 24 * HOUR;
const ME: UserFromGetMe = {
  id: 999,
  is_bot: true,
  first_name: 'Pnyx test',
  username: 'pnyx_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

interface SessionData {
  updates: number;
  notes: string;
}
type Ctx = ConversationFlavor<Context & SessionFlavor<SessionData>>;

/** One recorded Bot API call. */
interface ApiCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
}

/** The Bot API stand-in: records calls, answers sendMessage with a message, anything else with true. */
function botApiStandIn(): { calls: ApiCall[]; fetch: typeof fetch } {
  const calls: ApiCall[] = [];
  let messageId = 5000;
  const standIn = async (input: unknown, init?: { body?: unknown }): Promise<Response> => {
    const method = String(input).split('/').pop()!;
    const payload = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>;
    calls.push({ method, payload });
    const result =
      method === 'sendMessage'
        ? { message_id: ++messageId, date: 1, chat: { id: payload['chat_id'], type: 'private', first_name: 'Ada' }, from: ME, text: payload['text'] }
        : true;
    return new Response(JSON.stringify({ ok: true, result }), { headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetch: standIn as unknown as typeof fetch };
}

let updateId = 100;
/** A private-chat text message from Telegram user `from` (a bot command when it starts with /). */
function text(from: number, body: string): Update {
  updateId++;
  const command = /^\/\w+/.exec(body);
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1,
      chat: { id: from, type: 'private', first_name: 'Ada' },
      from: { id: from, is_bot: false, first_name: 'Ada' },
      text: body,
      ...(command === null ? {} : { entities: [{ type: 'bot_command' as const, offset: 0, length: command[0].length }] }),
    },
  };
}

/** The idea wizard: title, then cost, then a summary (each step waits for the next message). */
async function ideaWizard(conversation: Conversation<Ctx, Context>, ctx: Context): Promise<void> {
  await ctx.reply('Title of your idea?');
  const title = await conversation.waitFor('message:text');
  await title.reply(`Cost of "${title.message.text}"?`);
  const cost = await conversation.waitFor('message:text');
  await cost.reply(`Saved "${title.message.text}" at ${cost.message.text} EUR`);
}

/** A bot as a process would build it at start: nothing but the store carries over. */
function makeBot(stores: Stores, clock: FixedClock): { bot: Bot<Ctx>; calls: ApiCall[]; replies: () => string[] } {
  const api = botApiStandIn();
  const bot = new Bot<Ctx>(TOKEN, { botInfo: ME, client: { fetch: api.fetch } });
  const common = { store: stores.chat, ownerOf: (chatId: string) => `tg:${chatId}`, ttlMs: TTL, clock };
  bot.use(session({ initial: (): SessionData => ({ updates: 0, notes: '' }), storage: chatStateStorage<SessionData>({ ...common, namespace: 'session' }) }));
  bot.use(async (ctx, next) => {
    ctx.session.updates++;
    await next();
  });
  bot.use(conversations({ storage: chatStateStorage<VersionedState<ConversationData>>({ ...common, namespace: 'conv' }) }));
  bot.use(createConversation(ideaWizard, 'idea'));
  bot.command('idea', (ctx) => ctx.conversation.enter('idea'));
  bot.command('note', (ctx) => {
    ctx.session.notes = ctx.match;
  });
  bot.command('count', (ctx) => ctx.reply(`updates: ${ctx.session.updates}`));
  bot.on('message', (ctx) => ctx.reply('No wizard running.'));
  const replies = (): string[] => api.calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.payload['text']));
  return { bot, calls: api.calls, replies };
}

function describeGrammyOn(label: string, make: MakeStores): void {
  describe(`grammY session and conversations on the chat state store [${label}]`, () => {
    const open = fixtures(make);

    it('a wizard started on one Bot continues at the same step on another (restart or second instance)', async () => {
      const { stores, reopen } = await open();
      const clock = new FixedClock(Date.UTC(2026, 3, 20, 9));
      const first = makeBot(stores, clock);
      await first.bot.handleUpdate(text(42, '/idea'));
      await first.bot.handleUpdate(text(42, 'Benches in the park'));
      expect(first.replies()).toEqual(['Title of your idea?', 'Cost of "Benches in the park"?']);
      expect(first.calls.every((c) => c.method === 'sendMessage' && c.payload['chat_id'] === 42)).toBe(true);

      // Another process: new Bot, new plugins, new connection to the same store.
      clock.advance(HOUR);
      const second = makeBot(await reopen(), clock);
      await second.bot.handleUpdate(text(42, '1200'));
      expect(second.replies()).toEqual(['Saved "Benches in the park" at 1200 EUR']);
      // Nothing from the first conversation was sent again on the replay.
      expect(second.calls).toHaveLength(1);
      // The session counted every update, across both instances.
      await second.bot.handleUpdate(text(42, '/count'));
      expect(second.replies().at(-1)).toBe('updates: 4');
      // The wizard is over: a plain message is no longer captured by it.
      await second.bot.handleUpdate(text(42, 'hello'));
      expect(second.replies().at(-1)).toBe('No wizard running.');
    });

    it('keeps chats apart, and a wizard idle past its TTL is gone', async () => {
      const { stores, reopen } = await open();
      const clock = new FixedClock(Date.UTC(2026, 3, 20, 9));
      const a = makeBot(stores, clock);
      await a.bot.handleUpdate(text(42, '/idea'));
      await a.bot.handleUpdate(text(43, '/idea'));
      await a.bot.handleUpdate(text(43, 'A bus shelter'));
      clock.advance(TTL - 1);
      const b = makeBot(await reopen(), clock);
      await b.bot.handleUpdate(text(43, '300'));
      expect(b.replies()).toEqual(['Saved "A bus shelter" at 300 EUR']);
      // 42 was last written TTL - 1 ms ago; one more ms and it has expired.
      clock.advance(1);
      await b.bot.handleUpdate(text(42, 'Too late'));
      expect(b.replies().at(-1)).toBe('No wizard running.');
      await b.bot.handleUpdate(text(42, '/count'));
      expect(b.replies().at(-1)).toBe('updates: 2');
    });

    it("erasing the resident removes their session and conversation, and no one else's", async () => {
      const { stores } = await open();
      const clock = new FixedClock(Date.UTC(2026, 3, 20, 9));
      const { bot, replies } = makeBot(stores, clock);
      await bot.handleUpdate(text(42, '/idea'));
      await bot.handleUpdate(text(43, '/idea'));
      expect(await stores.chat.read('session:42', clock.now())).toMatchObject({ updates: 1 });
      expect(await stores.chat.read('conv:42', clock.now())).toMatchObject({ state: { idea: [expect.any(Object)] } });
      expect(await stores.chat.eraseOwner('tg:42')).toBe(2);
      await bot.handleUpdate(text(42, 'Benches'));
      expect(replies().at(-1)).toBe('No wizard running.');
      await bot.handleUpdate(text(43, 'Trees'));
      expect(replies().at(-1)).toBe('Cost of "Trees"?');
    });

    it('refuses a session over the size limit with a clear error and keeps the stored one', async () => {
      const { stores } = await open();
      const clock = new FixedClock(Date.UTC(2026, 3, 20, 9));
      const { bot } = makeBot(stores, clock);
      await bot.handleUpdate(text(42, '/note keep me'));
      const failure = await bot.handleUpdate(text(42, `/note ${'x'.repeat(CHAT_STATE_MAX_BYTES)}`)).then(
        () => null,
        (e: unknown) => e as { error: unknown; message: string },
      );
      expect(failure).not.toBeNull();
      const cause = failure!.error;
      expect(cause).toBeInstanceOf(ChatStateTooLargeError);
      expect((cause as ChatStateTooLargeError).code).toBe('chat.state_too_large');
      expect((cause as Error).message).toMatch(/over the 65536-byte limit; nothing was written/);
      // Neither the value nor the chat id reaches the error text.
      expect((cause as Error).message).not.toMatch(/xxxx|42/);
      expect(await stores.chat.read('session:42', clock.now())).toEqual({ updates: 1, notes: 'keep me' });
    });
  });
}

describeGrammyOn('sqlite', makeSqliteFixture);
describeWithRedis('grammY on Redis', () => {
  describeGrammyOn('redis', makeRedisStores());
});
