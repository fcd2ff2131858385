/**
 * Property tests (fast-check) of the residents' bot as a whole: random updates — texts of every
 * kind (HTML-like, huge, right-to-left, emoji, commands), random button data, stickers, voice
 * notes, documents, edits, group and channel posts, blocks — in random orders, fed straight to
 * `bot.handleUpdate` of a bot from `createResidentBot` talking to the strict Bot API stand-in.
 *
 * - Nothing escapes: `handleUpdate` never rejects (stricter than the runner, which would hand
 *   an error to `bot.catch`), and no call is one Telegram would refuse.
 * - Updates that should change nothing (random button data, stickers, edits, group and channel
 *   posts) leave residents, ideas, ballots and the outbox exactly as they were.
 */
import fc from 'fast-check';
import { pino } from 'pino';
import type { Update, UserFromGetMe } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResidentBot } from '../../adapters/telegram/resident-bot.ts';
import type { ResidentBot } from '../../adapters/telegram/resident-bot.ts';
import { RESIDENT_COMMANDS } from '../../adapters/telegram/bot-commands.ts';
import { regCallback } from '../../adapters/telegram/features/registration.ts';
import { languageCallback, settingsCallback } from '../../adapters/telegram/features/settings.ts';
import { forgetCallback } from '../../adapters/telegram/features/my-data.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import { BOT_TOKEN } from '../support/telegram/bot-harness.ts';

const REGISTERED = [901, 902, 903] as const;
const NEWCOMER = 904;
const GROUP = -100_900;

let api: TelegramStandIn;
let h: Harness;
let bot: ResidentBot;

beforeAll(async () => {
  api = await TelegramStandIn.start({ token: BOT_TOKEN });
  h = harness();
  for (const id of REGISTERED) await h.register(id);
  expect((await h.engine.setLanguage('tg:902', 'en')).ok).toBe(true);
  await h.submit('tg:901', 'Des bancs au parc');
  for (const id of [...REGISTERED, NEWCOMER]) api.user({ id, firstName: `U${id}`, languageCode: id === 902 ? 'en' : 'fr' });
  api.user({ id: GROUP, firstName: 'Town group' });
  const botInfo: UserFromGetMe = {
    ...api.bot,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
  bot = createResidentBot({ token: BOT_TOKEN, apiRoot: api.apiRoot, engine: h.engine, chatState: h.stores.chat, messageRefs: h.stores.messageRefs, loadResults: () => h.stores.campaign.loadResults(), clock: h.clock, logger: pino({ level: 'silent' }), botInfo, rateLimit: 1_000_000 });
});

afterAll(async () => {
  await api.stop();
});

// ---- arbitraries ------------------------------------------------------------------------

const oddTexts = [
  '<b>bold</b>',
  '</i><a href="javascript:alert(1)">x',
  '&amp; &lt; &gt; &quot;',
  '<tg-spoiler>',
  'مرحبا، أريد مقعدًا في الحديقة',
  'שלום \u202Eevil\u202C',
  '🇧🇪👩‍👩‍👧‍👦🏳️‍🌈',
  '\u0000\u0007\uFEFF',
  '/start idea_999999',
  '/start invite_../../etc',
  '/start ' + 'x'.repeat(300),
  '6880',
  '@pnyx_test_bot',
];

const textArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
    fc.constantFrom(...oddTexts),
    fc.constantFrom(...RESIDENT_COMMANDS, 'settings', 'nonsense', 'START').map((c) => `/${c}`),
    fc.tuple(fc.constantFrom(...RESIDENT_COMMANDS), fc.string({ maxLength: 30 })).map(([c, rest]) => `/${c} ${rest}`),
    fc.integer({ min: 3000, max: 4096 }).map((n) => '<i>'.repeat(Math.floor(n / 3)).slice(0, n)),
  )
  .filter((s) => s.trim().length > 0 && s.length <= 4096);

const PREFIXES = ['menu', 'reg', 'lang', 'set', 'forget', 'idea', 'browse', 'x'];
const callbackArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 64 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.tuple(fc.constantFrom(...PREFIXES), fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.nat().map(String), fc.constantFrom('fr', 'en', 'yes', 'no', 'settings', 'submit', 'mydata', 'updates-off')), { maxLength: 4 })).map(([p, parts]) => [p, ...parts].join('|')),
  )
  .filter((d) => d.length > 0 && Buffer.byteLength(d, 'utf8') <= 64);

/** Button data that does something when valid (and may then rightly change the store). */
function acts(data: string): boolean {
  return [regCallback, languageCallback, settingsCallback, forgetCallback].some((c) => c.decode(data) !== null);
}

type Step =
  | { kind: 'text'; user: number; text: string }
  | { kind: 'callback'; user: number; data: string }
  | { kind: 'sticker' | 'voice' | 'document' | 'photo'; user: number }
  | { kind: 'edit'; user: number; text: string }
  | { kind: 'group'; user: number; text: string; mention: boolean }
  | { kind: 'channel'; text: string }
  | { kind: 'block'; user: number; blocked: boolean };

const registeredArb = fc.constantFrom(...REGISTERED);
const anyoneArb = fc.constantFrom(...REGISTERED, NEWCOMER);

/** Steps that must change nothing in the stores (from registered residents). */
const quietStepArb = (user: fc.Arbitrary<number>): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({ kind: fc.constant('callback' as const), user, data: callbackArb.filter((d) => !acts(d)) }),
    fc.record({ kind: fc.constantFrom('sticker' as const, 'voice' as const, 'document' as const), user }),
    fc.record({ kind: fc.constant('edit' as const), user, text: textArb }),
    fc.record({ kind: fc.constant('group' as const), user, text: textArb, mention: fc.boolean() }),
    fc.record({ kind: fc.constant('channel' as const), text: textArb }),
  );

const anyStepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('text' as const), user: anyoneArb, text: textArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('callback' as const), user: anyoneArb, data: callbackArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('photo' as const), user: anyoneArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), user: anyoneArb, blocked: fc.boolean() }) },
  { weight: 3, arbitrary: quietStepArb(anyoneArb) },
);

// ---- steps as Telegram updates ------------------------------------------------------------

let updateId = 1;
let groupMessageId = 70_000;

function userOf(id: number) {
  return { id, is_bot: false as const, first_name: `U${id}`, language_code: id === 902 ? 'en' : 'fr' };
}
function privateChat(id: number) {
  return { id, type: 'private' as const, first_name: `U${id}` };
}

/** A user's message as the stand-in records it (so the bot may reply to it). */
function userMessage(user: number, fields: Record<string, unknown>) {
  const m = api.recordUserMessage(user, typeof fields['text'] === 'string' ? { text: fields['text'] } : {});
  return { message_id: m.message_id, date: m.date, chat: privateChat(user), from: userOf(user), ...fields };
}

function toUpdate(step: Step): Update {
  const update_id = updateId++;
  switch (step.kind) {
    case 'text': {
      const cmd = /^\/[A-Za-z0-9_]+/u.exec(step.text);
      return { update_id, message: userMessage(step.user, { text: step.text, ...(cmd === null ? {} : { entities: [{ type: 'bot_command', offset: 0, length: cmd[0].length }] }) }) } as Update;
    }
    case 'callback': {
      // Pressed on the bot's latest message in the chat, as an app would show it.
      const shown = api.botMessages(step.user).at(-1);
      const message = shown === undefined ? { message_id: 1, date: 1, chat: privateChat(step.user), from: api.bot, text: 'old' } : { message_id: shown.message_id, date: shown.date, chat: privateChat(step.user), from: api.bot, text: shown.plain ?? 'x' };
      return { update_id, callback_query: { id: api.newCallbackQuery(), from: userOf(step.user), message, chat_instance: `ci${step.user}`, data: step.data } } as Update;
    }
    case 'sticker':
      return { update_id, message: userMessage(step.user, { sticker: { file_id: 'CAACsticker', file_unique_id: 'st', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false } }) } as Update;
    case 'voice':
      return { update_id, message: userMessage(step.user, { voice: { file_id: 'AwACvoice', file_unique_id: 'vo', duration: 3 } }) } as Update;
    case 'document':
      return { update_id, message: userMessage(step.user, { document: { file_id: 'BQACdoc', file_unique_id: 'dc', file_name: 'plan.pdf' } }) } as Update;
    case 'photo': {
      const { file_id, file_unique_id } = api.addFile(Buffer.from('\x89PNG fuzz'), 'jpg');
      return { update_id, message: userMessage(step.user, { photo: [{ file_id, file_unique_id, width: 800, height: 600 }] }) } as Update;
    }
    case 'edit':
      return { update_id, edited_message: { message_id: 1, date: 1, edit_date: 2, chat: privateChat(step.user), from: userOf(step.user), text: step.text } } as Update;
    case 'group': {
      const text = step.mention ? `@pnyx_test_bot ${step.text}` : step.text;
      const cmd = /^\/[A-Za-z0-9_@]+/u.exec(text);
      const entities = step.mention ? [{ type: 'mention', offset: 0, length: 14 }] : cmd === null ? undefined : [{ type: 'bot_command', offset: 0, length: cmd[0].length }];
      return { update_id, message: { message_id: groupMessageId++, date: 1, chat: { id: GROUP, type: 'supergroup', title: 'Town group' }, from: userOf(step.user), text: text.slice(0, 4096), ...(entities === undefined ? {} : { entities }) } } as Update;
    }
    case 'channel':
      return { update_id, channel_post: { message_id: groupMessageId++, date: 1, chat: { id: -100_901, type: 'channel', title: 'News' }, text: step.text } } as Update;
    case 'block':
      return {
        update_id,
        my_chat_member: {
          chat: privateChat(step.user),
          from: userOf(step.user),
          date: 1,
          old_chat_member: step.blocked ? { status: 'member', user: api.bot } : { status: 'kicked', user: api.bot, until_date: 0 },
          new_chat_member: step.blocked ? { status: 'kicked', user: api.bot, until_date: 0 } : { status: 'member', user: api.bot },
        },
      } as Update;
  }
}

/** What the updates above must not change. */
async function snapshot(): Promise<unknown> {
  const s = h.stores;
  return {
    residents: await s.residents.list(null, 10_000),
    ideas: await s.ideas.list(),
    ballots: await s.ballots.list('town'),
    outbox: await s.outbox.list(0, 10_000),
  };
}

/** Feeds the steps in order; returns the first error that escaped, if any. */
async function feed(steps: readonly Step[]): Promise<unknown> {
  // Each run judged on its own calls, so a shrunk counterexample is the one that broke the rules.
  api.violations.length = 0;
  for (const step of steps) {
    try {
      await bot.bot.handleUpdate(toUpdate(step));
    } catch (e) {
      return { step: { ...step, ...('text' in step ? { text: step.text.slice(0, 80) } : {}) }, error: String((e as { error?: unknown }).error ?? e).slice(0, 500) };
    }
  }
  return null;
}

describe('random updates against the residents bot', () => {
  it('never let an exception escape nor make a call Telegram would refuse, in any order', async () => {
    const sentBefore = api.calls.filter((c) => c.method === 'sendMessage').length;
    await fc.assert(
      fc.asyncProperty(fc.array(anyStepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
        expect(await feed(steps)).toBeNull();
        api.expectNoViolations();
      }),
      { numRuns: 40 },
    );
    // The bot did answer (a property over a bot that never ran would pass vacuously).
    expect(api.calls.filter((c) => c.method === 'sendMessage').length - sentBefore).toBeGreaterThan(40);
    expect(api.calls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
  }, 120_000);

  it('change nothing stored when they should not (random button data, stickers, edits, groups, channels)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(quietStepArb(registeredArb), { minLength: 1, maxLength: 10 }), async (steps) => {
        const before = await snapshot();
        expect(await feed(steps)).toBeNull();
        expect(await snapshot()).toEqual(before);
        api.expectNoViolations();
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
