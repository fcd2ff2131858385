/**
 * The residents' side of the Telegram benchmark: for each chat, the next update a person would
 * send — a press on a real button of the bot's current message (as the stand-in holds it), or
 * a text with the `bot_command` entity Telegram adds — in the JSON Telegram delivers. Three
 * kinds: ballot-builder presses and menu commands in a campaign in voting, idea-wizard steps
 * in a campaign in submission. Each update's shape is kept per chat, so the bare bot can be
 * fed the same updates (same chats, same kinds, same JSON, fresh ids).
 */
import type { Update } from 'grammy/types';
import type { SeenMessage, StandInThread } from './stand-in-thread.ts';

type Json = Record<string, unknown>;

/** What an update is, for the mix. */
export type UpdateKind = 'ballot' | 'wizard' | 'menu';

/** An update without its ids: a text, or a press on a message. */
export type UpdateShape = { readonly text: string } | { readonly message: SeenMessage; readonly data: string };

/** One resident's chat and where it stands. */
export interface BenchChat {
  readonly id: number;
  /** `vote`: the campaign in voting (ballot presses, menu commands); `idea`: in submission (wizard steps). */
  readonly campaign: 'vote' | 'idea';
  /** Updates of each kind built so far (drives the scripts). */
  readonly count: Record<UpdateKind, number>;
  /** Shapes sent, per kind (the last few), for the bare bot. */
  readonly shapes: Record<UpdateKind, UpdateShape[]>;
  /** The wizard message last answered or pressed (a wizard that did not move on is started again). */
  wizardSeen: number | null;
  /**
   * Messages up to this id belong to an earlier stage of the bench (the same chat ids are used
   * for each store, on one stand-in): never pressed, never read as a prompt.
   */
  readonly after: number;
}

export function benchChat(id: number, campaign: 'vote' | 'idea', after = 0): BenchChat {
  return { id, campaign, count: { ballot: 0, wizard: 0, menu: 0 }, shapes: { ballot: [], wizard: [], menu: [] }, wizardSeen: null, after };
}

const SHAPES_KEPT = 8;
/** User message ids apart from the stand-in's own counter (bot messages). */
let nextUserMessageId = 2_000_000_000;
let nextUpdateId = 1;

/** What happened to the scripts (printed at the end, to see they did what they say). */
export const scriptCounts: Record<string, number> = {};
const counted = (what: string): void => {
  scriptCounts[what] = (scriptCounts[what] ?? 0) + 1;
};

/** The update Telegram would deliver for `shape` in `chat`, with fresh ids registered with the stand-in. */
export async function updateOf(api: StandInThread, chat: BenchChat, shape: UpdateShape): Promise<Update> {
  const from = { id: chat.id, is_bot: false, first_name: `R${chat.id}`, language_code: 'fr' };
  const tgChat = { id: chat.id, type: 'private' as const, first_name: `R${chat.id}` };
  const update_id = nextUpdateId++;
  if ('text' in shape) {
    const message_id = nextUserMessageId++;
    const date = Math.floor(Date.now() / 1000);
    api.userMessage(chat.id, { message_id, text: shape.text, date });
    const cmd = /^\/[A-Za-z0-9_]+/u.exec(shape.text);
    return { update_id, message: { message_id, date, chat: tgChat, from, text: shape.text, ...(cmd === null ? {} : { entities: [{ type: 'bot_command', offset: 0, length: cmd[0].length }] }) } } as Update;
  }
  const id = await api.callbackId();
  const m = shape.message;
  const message = { message_id: m.message_id, date: m.date, chat: tgChat, from: { id: 7_000_000_001, is_bot: true, first_name: 'Pnyx', username: 'pnyx_test_bot' }, ...(m.text === undefined ? {} : { text: m.text }), ...(m.reply_markup === undefined ? {} : { reply_markup: m.reply_markup }) };
  return { update_id, callback_query: { id, from, message, chat_instance: `ci${chat.id}`, data: shape.data } } as Update;
}

const buttonsOf = (m: SeenMessage): string[] => ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).flat().map((b) => (typeof b.callback_data === 'string' ? b.callback_data : '')).filter((d) => d !== '');

/** Builder ops by script step: three toggles, review, cast, change — then again. */
const BALLOT_SCRIPT = ['tg', 'tg', 'tg', 'rv', 'cs', 'ch'] as const;

/** A press on the resident's current builder message (`vote|<slot>|<gen>|<op>|<arg>|<check>`). */
async function ballotShape(api: StandInThread, chat: BenchChat): Promise<UpdateShape> {
  const m = await api.latest(chat.id, 'vote|', chat.after);
  if (m === null) {
    counted('ballot:/vote (no builder)');
    return { text: '/vote' };
  }
  const n = chat.count.ballot;
  const all = buttonsOf(m).filter((d) => d.startsWith('vote|'));
  const want = BALLOT_SCRIPT[n % BALLOT_SCRIPT.length]!;
  const toggles = all.filter((d) => d.split('|')[3] === 'tg');
  const exact = all.find((d) => d.split('|')[3] === want);
  const data = want === 'tg' || exact === undefined ? (toggles[(n * 7 + chat.id) % Math.max(1, toggles.length)] ?? all[0]!) : exact;
  counted(`ballot:${data.split('|')[3]}`);
  return { message: m, data };
}

/** Prompts of the wizard in French (the residents' language), by what they ask for. */
const PROMPT = { title: 'Le titre de votre idée', description: 'Décrivez votre idée', cost: 'Combien coûterait-elle' } as const;

/**
 * The next step of the idea wizard, from the bot's newest message with wizard buttons (every
 * prompt has at least Cancel; the bare bot's replies have none). A prompt already answered
 * (the wizard ended, its buttons cleared or not) starts a new wizard.
 */
async function wizardShape(api: StandInThread, chat: BenchChat): Promise<UpdateShape> {
  const latest = await api.latest(chat.id, 'iw|', chat.after);
  const m = latest !== null && latest.message_id !== chat.wizardSeen ? latest : null;
  chat.wizardSeen = m?.message_id ?? null;
  const text = m?.text ?? '';
  const n = chat.count.wizard;
  if (m !== null && text.includes(PROMPT.title)) {
    counted('wizard:title');
    return { text: `Des bancs au parc numéro ${chat.id}-${n}` };
  }
  if (m !== null && text.includes(PROMPT.description)) {
    counted('wizard:description');
    return { text: `Installer quatre bancs à l'ombre près de l'aire de jeux, essai ${n}, pour les parents et les aînés.` };
  }
  if (m !== null && text.includes(PROMPT.cost)) {
    counted('wizard:cost');
    return { text: '5000' };
  }
  const wizard = m === null ? [] : buttonsOf(m).filter((d) => d.startsWith('iw|'));
  const by = (action: string): string | undefined => wizard.find((d) => d.split('|')[3] === action);
  const data = by('confirm') ?? by('pick') ?? by('skip');
  if (m !== null && data !== undefined) {
    counted(`wizard:${data.split('|')[3]}`);
    return { message: m, data };
  }
  counted('wizard:/idea');
  return { text: '/idea' };
}

/** Menu commands: the menu and the help text. */
function menuShape(chat: BenchChat): UpdateShape {
  const text = chat.count.menu % 2 === 0 ? '/menu' : '/help';
  counted(`menu:${text}`);
  return { text };
}

/** The next update of `kind` in `chat` against the residents' bot (its shape is kept for the bare bot). */
export async function nextUpdate(api: StandInThread, chat: BenchChat, kind: UpdateKind): Promise<Update> {
  const shape = kind === 'ballot' ? await ballotShape(api, chat) : kind === 'wizard' ? await wizardShape(api, chat) : menuShape(chat);
  chat.count[kind]++;
  const kept = chat.shapes[kind];
  kept.push(shape);
  if (kept.length > SHAPES_KEPT) kept.shift();
  return updateOf(api, chat, shape);
}

/** The stand-in lookup `nextUpdate` makes for each kind before building its update (menu commands need none). */
const LOOKUP: Readonly<Record<UpdateKind, string | null>> = { ballot: 'vote|', wizard: 'iw|', menu: null };

/**
 * The same kind of update for the bare bot: one of the chat's earlier shapes of that kind, fresh
 * ids. It makes the same stand-in lookup as `nextUpdate` (its answer unused), so that building an
 * update costs the bench's thread — the bots' thread — the same for both bots: only the handling
 * differs.
 */
export async function replayUpdate(api: StandInThread, chat: BenchChat, kind: UpdateKind, i: number): Promise<Update> {
  const prefix = LOOKUP[kind];
  if (prefix !== null) await api.latest(chat.id, prefix, chat.after);
  const kept = chat.shapes[kind];
  const shape = kept.length === 0 ? { text: '/menu' } : kept[i % kept.length]!;
  return updateOf(api, chat, shape);
}
