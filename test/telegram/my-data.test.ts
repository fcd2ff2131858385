/**
 * "My data" and "forget me" end to end: the JSON file /mydata sends, parsed and checked against
 * what the resident did (and nobody else); /forget on a SQLite file, then a byte scan of the
 * database, its WAL and -shm for the resident's id and name (as test/erasure does), the chat
 * state gone, a second press doing nothing, and /start beginning again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStores } from '../../adapters/sqlite/index.ts';
import type { SqliteStores } from '../../adapters/sqlite/index.ts';
import { MY_DATA_FILE_NAME } from '../../adapters/telegram/features/my-data.ts';
import { scanSqliteFiles } from '../erasure/scan-stores.ts';
import { startBot } from '../support/telegram/bot-harness.ts';
import type { BotHarness } from '../support/telegram/bot-harness.ts';
import type { ChatMessage } from '../support/telegram/bot-api-stand-in.ts';
import type { TelegramUser } from '../support/telegram/telegram-user.ts';

let run: BotHarness | null = null;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await run?.stop();
  run = null;
  for (const c of cleanups.splice(0).reverse()) await c();
});

const seen = (b: BotHarness, u: TelegramUser): number => b.api.botMessages(u.id).length;

function nextBotMessage(b: BotHarness, user: TelegramUser, after: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => b.api.botMessages(user.id).slice(after).find((m) => (m.plain ?? m.text ?? '').includes(text)), `a bot message containing ${JSON.stringify(text)}`);
}

/** Registers `user` through the bot's buttons, in French or English. */
async function registerInBot(b: BotHarness, user: TelegramUser, locale: 'fr' | 'en'): Promise<void> {
  const L = locale === 'fr' ? { lang: 'Français', agree: "J'accepte", done: 'Vous êtes inscrit' } : { lang: 'English', agree: 'I agree', done: 'You are registered' };
  user.say('/start');
  await b.api.waitFor(() => seen(b, user) >= 1, 'the language prompt');
  user.pressLabel(L.lang);
  await b.api.waitFor(() => seen(b, user) >= 2, 'the consent prompt');
  user.pressLabel(L.agree);
  await b.api.waitFor(() => seen(b, user) >= 3, 'the age prompt');
  user.pressLabel('35–64');
  await b.api.waitFor(() => seen(b, user) >= 4, 'the area prompt');
  user.pressLabel(locale === 'fr' ? 'Nord' : 'North');
  await nextBotMessage(b, user, 0, L.done);
}

/** What the file of /mydata holds. */
interface MyData {
  format: string;
  resident: { id: string; displayName: string; locale: string; ageBand: string; area: string; consent: { version: string } };
  ideas: { title: string; authorId: string }[];
  supportedIdeas: number[];
  ballots: unknown[];
  questions: { question: { ownerId: string } }[];
}

async function myDataFile(b: BotHarness, user: TelegramUser): Promise<{ message: ChatMessage; data: MyData }> {
  const message = await b.api.waitFor(() => b.api.botMessages(user.id).find((m) => m.document !== undefined), 'the data file');
  expect(message.document?.file_name).toBe(MY_DATA_FILE_NAME);
  return { message, data: JSON.parse(message.document!.bytes.toString('utf8')) as MyData };
}

describe('/mydata', () => {
  for (const locale of ['fr', 'en'] as const) {
    it(`sends a ${locale} resident a JSON file of their answers, ideas, supports and questions, and nothing of anyone else`, async () => {
      run = await startBot();
      const b = run;
      const me = b.api.user({ id: 701, firstName: 'Maëlle', lastName: 'Dufour', languageCode: locale });
      await registerInBot(b, me, locale);
      const mine = await b.h.submit('tg:701', 'Des bancs au parc');
      const otherId = await b.h.register(702, 'centre', '65+');
      const theirs = await b.h.submit(otherId, 'Un abri de bus secret');
      expect((await b.h.engine.supportIdea('tg:701', theirs.id, true)).ok).toBe(true);
      expect((await b.h.engine.askQuestion('tg:701', { text: 'When does the vote open?' })).ok).toBe(true);
      expect((await b.h.engine.askQuestion(otherId, { text: 'Other person question' })).ok).toBe(true);

      me.say('/mydata');
      const { message, data } = await myDataFile(b, me);
      expect(message.plain).toContain(locale === 'fr' ? 'Voici tout ce que Pnyx conserve' : 'Here is everything Pnyx holds about you');
      expect(data.format).toBe('pnyx-my-data');
      expect(data.resident).toMatchObject({ id: 'tg:701', displayName: 'Maëlle Dufour', locale, ageBand: '35-64', area: 'north', consent: { version: '2026-03' } });
      expect(data.ideas.map((i) => i.title)).toEqual([mine.title]);
      expect(data.supportedIdeas).toEqual([theirs.number]);
      expect(data.questions).toHaveLength(1);
      expect(data.questions[0]?.question.ownerId).toBe('tg:701');
      const raw = message.document!.bytes.toString('utf8');
      for (const foreign of [otherId, theirs.title, theirs.id, 'Other person question', 'Resident 702']) expect(raw).not.toContain(foreign);
    });
  }
});

describe('/forget', () => {
  it('in French, on SQLite: explains, erases on confirmation, leaves no trace, ignores a second press; /start begins again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-forget-'));
    const file = path.join(dir, 'campaign.sqlite');
    const stores: SqliteStores = openSqliteStores({ file });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => stores.close());
    run = await startBot({ stores });
    const b = run;
    const zoe = b.api.user({ id: 734519826, firstName: 'Zoé', lastName: 'Quintard', languageCode: 'fr' });
    await registerInBot(b, zoe, 'fr');
    const idea = await b.h.submit('tg:734519826', 'Une fontaine place du marché');
    expect((await b.h.engine.askQuestion('tg:734519826', { text: 'Ma question' })).ok).toBe(true);
    const needles = ['tg:734519826', 'Zoé Quintard'];
    expect(scanSqliteFiles(file, needles).map((f) => f.needle)).toContain('tg:734519826');
    // The bot keeps no empty session: give this chat one, as an unfinished flow would.
    await stores.chat.write('session:734519826', { pendingStart: 'idea_1' }, { owner: 'tg:734519826', ttlMs: 3_600_000, now: b.h.clock.now() });
    expect(await stores.chat.read('session:734519826', b.h.clock.now())).toBeDefined();

    zoe.say('/forget');
    const ask = await nextBotMessage(b, zoe, 0, 'Voulez-vous effacer vos données');
    expect(ask.plain).toContain('vos idées restent dans la campagne, sans votre nom');
    expect(ask.plain).toContain('votre bulletin reste compté');
    const confirm = (ask.reply_markup?.['inline_keyboard'] as { text: string; callback_data: string }[][]).flat().find((k) => k.text.includes('Oui, effacer'))!.callback_data;
    let n = seen(b, zoe);
    zoe.press(ask.message_id, confirm);
    const done = await nextBotMessage(b, zoe, n, 'Vos données ont été effacées');
    expect(done.plain).toContain('/start');
    // The update is over once its session is settled: wait for the last call of the press.
    await new Promise((r) => setTimeout(r, 200));

    expect(await stores.residents.get('tg:734519826')).toBeNull();
    expect(await stores.chat.read('session:734519826', b.h.clock.now())).toBeUndefined();
    expect(await stores.chat.read('conv:734519826', b.h.clock.now())).toBeUndefined();
    const kept = await stores.ideas.get(idea.id);
    expect(kept?.title).toBe(idea.title);
    expect(kept?.authorId).toBeNull();
    expect(scanSqliteFiles(file, needles)).toEqual([]);

    // A second press on the same button (a double tap, before its removal reached the app):
    // answered, nothing recreated, no new message.
    n = seen(b, zoe);
    const answered = b.api.calls.filter((c) => c.method === 'answerCallbackQuery').length;
    zoe.forgeCallback(ask.message_id, confirm);
    await b.api.waitFor(() => b.api.calls.filter((c) => c.method === 'answerCallbackQuery').length > answered, 'the second press answered');
    const last = b.api.calls.filter((c) => c.method === 'answerCallbackQuery').at(-1);
    expect(last?.params['text']).toBe('Vos données ont déjà été effacées.');
    expect(seen(b, zoe)).toBe(n);
    expect(await stores.residents.get('tg:734519826')).toBeNull();
    expect(scanSqliteFiles(file, needles)).toEqual([]);

    zoe.say('/start');
    await nextBotMessage(b, zoe, n, 'Dans quelle langue');
    expect((await stores.residents.get('tg:734519826'))?.step).toBe('language');
  });

  it('in English: "keep my data" erases nothing; confirming erases', async () => {
    run = await startBot();
    const b = run;
    const rid = await b.h.register(741);
    expect((await b.h.engine.setLanguage(rid, 'en')).ok).toBe(true);
    const u = b.api.user({ id: 741, firstName: 'Kim', languageCode: 'en' });
    u.say('/forget');
    const ask = await nextBotMessage(b, u, 0, 'Do you want to erase your data?');
    expect(ask.plain).toContain('your ballot stays counted');
    u.pressLabel('No, keep my data');
    await b.api.waitFor(() => b.api.calls.some((c) => c.method === 'answerCallbackQuery' && c.params['text'] === 'Nothing was erased.'), 'the "kept" answer');
    expect(await b.h.stores.residents.get(rid)).not.toBeNull();
    u.say('/forget');
    await b.api.waitFor(() => b.api.botMessages(u.id).filter((m) => (m.plain ?? '').includes('Do you want to erase')).length === 2, 'a second explanation');
    u.pressLabel('Yes, erase my data');
    const done = await nextBotMessage(b, u, 0, 'Your data has been erased');
    expect(done.plain).toContain('send /start');
    expect(await b.h.stores.residents.get(rid)).toBeNull();
  });
});
