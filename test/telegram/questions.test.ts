/**
 * Questions to the team end to end: grammY polling the strict Bot API stand-in, the engine
 * behind it. A resident asks (text, photo with and without caption), follows up by button and
 * by Telegram reply, lists their questions; the committee's answer (through the engine) is an
 * outbox message addressed to them; the engine's cap is shown as its refusal. The writing step
 * survives a restart. Random button data under `q|` never crashes and never changes the store.
 */
import fc from 'fast-check';
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

const textOf = (m: ChatMessage): string => m.plain ?? m.text ?? '';
const seen = (b: BotHarness, u: { id: number }): number => b.api.botMessages(u.id).length;

async function nextBotMessage(b: BotHarness, user: { id: number }, after: number, text: string): Promise<ChatMessage> {
  return b.api.waitFor(() => b.api.botMessages(user.id).slice(after).find((m) => textOf(m).includes(text)), `a bot message containing ${JSON.stringify(text)}`);
}


/** Sends `text` as a Telegram reply to the bot's message `to` (what the app sends on "Reply"). */
function replyTo(b: BotHarness, user: TelegramUser, to: ChatMessage, text: string): number {
  const mine = b.api.recordUserMessage(user.id, { text });
  const chat = { id: user.id, type: 'private', first_name: user.firstName };
  const replied = { message_id: to.message_id, date: to.date, chat, from: b.api.bot, text: textOf(to), ...(to.reply_markup === undefined ? {} : { reply_markup: to.reply_markup }) };
  return b.api.pushUpdate({ message: { message_id: mine.message_id, date: mine.date, chat, from: user.asUser(), text, reply_to_message: replied } });
}

describe('questions to the team in Telegram', () => {
  it('asks with text and with a photo, follows up by button and by reply, lists them, and gets the answer through the outbox (fr)', async () => {
    run = await startBot();
    const b = run;
    const id = await b.h.register(701);
    const raw = b.api.user({ id: 701, firstName: 'Hugo', languageCode: 'fr' });
    const hugo = raw;

    await hugo.say('/ask');
    await nextBotMessage(b, hugo, 0, "Poser une question à l'équipe");
    let n = seen(b, hugo);
    await hugo.say('Quand commencent les travaux <rue> & place ?');
    const confirm1 = await nextBotMessage(b, hugo, n, 'Votre question n° 1 a été envoyée');
    expect(textOf(confirm1)).toContain('répondez à ce message');
    let threads = await b.h.engine.myQuestions(id);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.messages[0]).toMatchObject({ from: 'resident', text: 'Quand commencent les travaux <rue> & place ?', photo: null });
    const outbox = await b.h.stores.outbox.list(0, 100);
    expect(outbox.some((m) => m.template === 'committee.question_asked' && m.params.question === 1)).toBe(true);

    // A photo with a caption, then one without: both questions, the photo kept by file_id.
    n = seen(b, hugo);
    await hugo.say('/ask');
    await nextBotMessage(b, hugo, n, "Poser une question à l'équipe");
    n = seen(b, hugo);
    const withCaption = await hugo.sendPhoto('Voici le trou dans la route');
    await nextBotMessage(b, hugo, n, 'Votre question n° 2');
    n = seen(b, hugo);
    await hugo.say('/ask');
    await nextBotMessage(b, hugo, n, "Poser une question à l'équipe");
    n = seen(b, hugo);
    const bare = await hugo.sendPhoto();
    await nextBotMessage(b, hugo, n, 'Votre question n° 3');
    threads = await b.h.engine.myQuestions(id);
    const byNumber = (k: number) => threads.find((x) => x.question.number === k)!;
    expect(byNumber(2).messages[0]).toMatchObject({ text: 'Voici le trou dans la route', photo: withCaption.fileId });
    expect(byNumber(3).messages[0]).toMatchObject({ text: '(photo sans texte)', photo: bare.fileId });

    // Follow-up with the button under the first confirmation.
    n = seen(b, hugo);
    await hugo.press(confirm1.message_id, 'q|add|1');
    await nextBotMessage(b, hugo, n, 'ajouter à votre question n° 1');
    n = seen(b, hugo);
    await hugo.say('Et aussi : la rue sera-t-elle fermée ?');
    await nextBotMessage(b, hugo, n, 'Ajouté à votre question n° 1');
    // Follow-up by replying (Telegram's reply) to the same confirmation.
    n = seen(b, hugo);
    replyTo(b, raw, confirm1, 'Merci de me tenir au courant.');
    await nextBotMessage(b, hugo, n, 'Ajouté à votre question n° 1');
    threads = await b.h.engine.myQuestions(id);
    expect(byNumber(1).messages.map((m) => m.text)).toEqual(['Quand commencent les travaux <rue> & place ?', 'Et aussi : la rue sera-t-elle fermée ?', 'Merci de me tenir au courant.']);
    expect((await b.h.stores.outbox.list(0, 100)).filter((m) => m.template === 'committee.question_followup')).toHaveLength(2);

    // The committee answers through the engine: an outbox message addressed to the resident.
    const q1 = byNumber(1).question;
    const answered = await b.h.engine.answerQuestion('U-MOD1', q1.id, 'Les travaux commencent le 3 juin.');
    expect(answered.ok).toBe(true);
    const toHugo = (await b.h.stores.outbox.list(0, 100)).filter((m) => m.recipient.kind === 'resident' && m.recipient.residentId === id);
    expect(toHugo).toHaveLength(1);
    expect(toHugo[0]).toMatchObject({ template: 'notify.question_answered', params: { questionId: q1.id, question: 1, text: 'Les travaux commencent le 3 juin.', by: 'Marc Moderator' } });

    // My questions: every thread, its state and the last answer, escaped.
    n = seen(b, hugo);
    await hugo.say('/myquestions');
    const mine = await nextBotMessage(b, hugo, n, 'Mes questions');
    expect(textOf(mine)).toContain('#1');
    expect(textOf(mine)).toContain('#3');
    expect(textOf(mine)).toContain('Dernière réponse : Les travaux commencent le 3 juin.');
    expect(textOf(mine)).toContain('Quand commencent les travaux <rue> & place ?');
    expect(mine.text).toContain('&lt;rue&gt; &amp; place');
  });

  it('shows the engine refusal when the daily cap is reached, and stores nothing more (en)', async () => {
    run = await startBot();
    const b = run;
    const id = await b.h.register(702);
    await b.h.engine.setLanguage(id, 'en');
    for (let i = 1; i <= 5; i++) expect((await b.h.engine.askQuestion(id, { text: `Question ${i} about the park` })).ok).toBe(true);
    const ida = b.api.user({ id: 702, firstName: 'Ida', languageCode: 'en' });
    await ida.say('/ask');
    await nextBotMessage(b, ida, 0, 'Ask the team a question');
    const n = seen(b, ida);
    await ida.say('A sixth one today');
    const refusal = await nextBotMessage(b, ida, n, 'You have asked many questions today');
    expect(textOf(refusal)).toContain('Please wait until');
    expect(await b.h.engine.myQuestions(id)).toHaveLength(5);
  });

  it('cancels without sending, and continues the writing step after a restart (en)', async () => {
    run = await startBot();
    const b = run;
    const id = await b.h.register(703);
    await b.h.engine.setLanguage(id, 'en');
    const jo = b.api.user({ id: 703, firstName: 'Jo', languageCode: 'en' });
    await jo.say('/ask');
    await nextBotMessage(b, jo, 0, 'Ask the team a question');
    let n = seen(b, jo);
    await jo.pressLabel('Cancel');
    await nextBotMessage(b, jo, n, 'nothing was sent');
    expect(await b.h.engine.myQuestions(id)).toHaveLength(0);
    n = seen(b, jo);
    await jo.say('/ask');
    await nextBotMessage(b, jo, n, 'Ask the team a question');
    await b.restart();
    n = seen(b, jo);
    await jo.say('Is the library open in August?');
    await nextBotMessage(b, jo, n, 'Your question #1 has been sent');
    const threads = await b.h.engine.myQuestions(id);
    expect(threads.map((x) => x.messages[0]?.text)).toEqual(['Is the library open in August?']);
  });

  it('never crashes and never changes the questions on random button data under q|', async () => {
    run = await startBot();
    const b = run;
    const people = await Promise.all(
      [711, 712, 713, 714].map(async (tid) => {
        const residentId = await b.h.register(tid);
        const user = b.api.user({ id: tid, firstName: `Q${tid}`, languageCode: 'fr' });
        expect((await b.h.engine.askQuestion(residentId, { text: `Une question de ${tid}` })).ok).toBe(true);
        await user.say('/myquestions');
        const list = await nextBotMessage(b, user, 0, 'Mes questions');
        return { residentId, user, list };
      }),
    );
    const snapshot = async () => Promise.all(people.map(async (p) => (await b.h.engine.myQuestions(p.residentId)).map((t) => [t.question.state, t.question.version, t.messages.length])));
    const before = await snapshot();
    const part = fc.oneof(fc.constantFrom('new', 'add', 'mine', 'cancel', '0', '1', '2', '999999999', '', '-1', 'x'), fc.string({ maxLength: 10 }), fc.nat().map(String));
    const data = fc
      .array(part, { maxLength: 4 })
      .map((parts) => ['q', ...parts].join('|'))
      .filter((d) => Buffer.byteLength(d) <= 64);
    let turn = 0;
    const answers = (): number => b.api.calls.filter((x) => x.method === 'answerCallbackQuery').length;
    await fc.assert(
      fc.asyncProperty(data, async (d) => {
        const who = people[turn++ % people.length]!;
        const a = answers();
        await who.user.forgeCallback(who.list.message_id, d);
        await b.api.waitFor(() => answers() > a, 'a callback answer');
      }),
      { numRuns: 40 },
    );
    expect(await snapshot()).toEqual(before);
    for (const p of people) expect(b.api.botMessages(p.user.id).some((m) => textOf(m).startsWith('Désolé'))).toBe(false);
  });
});
