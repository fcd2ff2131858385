/**
 * A residents' bot in its voting phase for the vote tests: finalists made through the engine
 * (submitted, found eligible, selected, then the clock moved into voting and `tick()`),
 * residents registered in English, and small helpers to press a builder's buttons and wait for
 * the builder message to show something. Waits are generous (the machine is shared); no test
 * asserts on timing.
 */
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';
import type { TelegramUser } from '../support/telegram/telegram-user.ts';

/** Waits of the vote tests (ms). */
export const WAIT_MS = 30_000;

/** A finalist to create: its title, cost (minor units) and area (null: town-wide). */
export interface FinalistSpec {
  readonly title: string;
  readonly cost: number;
  readonly area?: string | null;
  /** With a photo (a file the stand-in holds, as if the author had sent it). */
  readonly photo?: boolean;
}

/** A bot in voting with its finalists (in the order given) and registered voters. */
export interface VotingBot {
  readonly run: BotHarness;
  readonly finalists: readonly Idea[];
  /** Registers a resident (English, area `area`) and returns the user and their resident id. */
  voter(telegramId: number, area?: string): Promise<{ user: TelegramUser; residentId: string }>;
}

const must = <T>(o: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!o.ok) throw new Error(`vote fixture: refused ${o.code}`);
  return o.value;
};

/** Starts the bot in submission, makes the finalists, registers `voters` and opens voting. */
export async function votingBot(campaign: Campaign, specs: readonly FinalistSpec[], voters: ReadonlyArray<{ id: number; area?: string }> = []): Promise<VotingBot & { voters: Array<{ user: TelegramUser; residentId: string }> }> {
  const run = await startBot({ campaign, start: campaign.phases.submission.start + 1000 });
  const { h } = run;
  const author = await h.register(90_000);
  const ideas: Idea[] = [];
  for (const s of specs) {
    if (s.photo !== true) ideas.push(await h.submit(author, s.title, s.cost, s.area ?? null));
    else {
      const photo = run.api.addFile(Buffer.from('\x89PNG finalist photo'), 'jpg').file_id;
      ideas.push(must(await h.engine.submitIdea(author, { title: s.title, description: `A description long enough for ${s.title}, with details.`, category: 'mobility', area: s.area ?? null, cost: s.cost, photo })));
    }
  }
  for (const i of ideas) must(await h.engine.moderateIdea('U-ADMIN', i.id, i.version, { outcome: 'eligible', comment: null }));
  const registered: Array<{ user: TelegramUser; residentId: string }> = [];
  const voter = async (telegramId: number, area = 'centre') => {
    const residentId = await h.register(telegramId, area);
    must(await h.engine.setLanguage(residentId, 'en'));
    return { user: run.api.user({ id: telegramId, firstName: `Voter${telegramId}`, languageCode: 'en' }), residentId };
  };
  for (const v of voters) registered.push(await voter(v.id, v.area));
  h.clock.set(campaign.phases.review.start + 1000);
  for (const i of ideas) must(await h.engine.selectFinalist('U-ADMIN', i.id, true));
  h.clock.set(campaign.phases.voting.start + 1000);
  await h.engine.tick();
  const finalists: Idea[] = [];
  for (const i of ideas) finalists.push((await h.stores.ideas.get(i.id))!);
  return { run, finalists, voter, voters: registered };
}

/** The text of a bot message as the person reads it. */
export const plain = (m: ChatMessage | undefined): string => m?.plain ?? m?.text ?? '';

/** Waits for a bot message of `user`'s chat whose text satisfies `test` (newest first). */
export function waitMessage(run: BotHarness, user: TelegramUser, test: (text: string, m: ChatMessage) => boolean, what: string): Promise<ChatMessage> {
  return run.api.waitFor(() => [...run.api.botMessages(user.id)].reverse().find((m) => test(plain(m), m)), what, WAIT_MS);
}

/** Waits until message `messageId` of `user`'s chat satisfies `test`. */
export function waitEdit(run: BotHarness, user: TelegramUser, messageId: number, test: (text: string, m: ChatMessage) => boolean, what: string): Promise<ChatMessage> {
  return run.api.waitFor(
    () => {
      const m = run.api.message(user.id, messageId);
      return m !== undefined && test(plain(m), m) ? m : undefined;
    },
    what,
    WAIT_MS,
  );
}

/** The answers the bot gave to callback queries (their texts, oldest first). */
export function callbackAnswers(run: BotHarness): string[] {
  return run.api.calls.filter((c) => c.method === 'answerCallbackQuery' && c.status === 200).map((c) => String(c.params.text ?? ''));
}

/** Waits until the bot has answered `count` callback queries in all. */
export function waitAnswers(run: BotHarness, count: number): Promise<string[]> {
  return run.api.waitFor(() => (callbackAnswers(run).length >= count ? callbackAnswers(run) : undefined), `${count} callback answers`, WAIT_MS);
}

/** The buttons (label and data) of a message. */
export function buttons(m: ChatMessage): Array<{ text: string; data: string }> {
  const rows = (m.reply_markup?.inline_keyboard as Array<Array<{ text: string; callback_data?: string }>> | undefined) ?? [];
  return rows.flat().map((b) => ({ text: b.text, data: b.callback_data ?? '' }));
}

/** The data of the button of `m` whose label contains `label`. */
export function buttonData(m: ChatMessage, label: string): string {
  const b = buttons(m).find((x) => x.text.includes(label));
  if (b === undefined) throw new Error(`no button ${JSON.stringify(label)} on message ${m.message_id}: ${buttons(m).map((x) => x.text).join(' | ')}`);
  return b.data;
}

/** Presses the button labelled `label` on message `m` (as it is now). */
export function pressOn(user: TelegramUser, run: BotHarness, messageId: number, label: string): number {
  const m = run.api.message(user.id, messageId);
  if (m === undefined) throw new Error(`no message ${messageId}`);
  return user.press(messageId, buttonData(m, label));
}

/** The label prefix of an idea's toggle button: `#<number> <title start>`. */
export const ideaLabel = (idea: Idea): string => `#${idea.number} ${idea.title.slice(0, 12)}`;

/** The data of the button labelled `label` in the row of the idea labelled `row` (➕ / ➖). */
export function rowButtonData(m: ChatMessage, row: string, label: string): string {
  const rows = (m.reply_markup?.inline_keyboard as Array<Array<{ text: string; callback_data?: string }>> | undefined) ?? [];
  const r = rows.find((x) => x.some((b) => b.text.includes(row)));
  const b = r?.find((x) => x.text.includes(label));
  if (b?.callback_data === undefined) throw new Error(`no ${label} in the row of ${row} on message ${m.message_id}`);
  return b.callback_data;
}
