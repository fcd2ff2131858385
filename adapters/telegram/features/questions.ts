/**
 * Questions to the team (SPEC §2.5). The menu's `ask` and `/ask` open a short wizard
 * (@grammyjs/conversations, state in the chat-state port): the resident writes their
 * question — text, or a photo with or without a caption — and it goes to the committee
 * (`engine.askQuestion`). The confirmation carries an "Add to my question" button; pressing
 * it, or replying (Telegram's reply) to the confirmation or to the team's answer, adds a
 * follow-up to the same question (`engine.followUpQuestion`). `/myquestions` (and a button)
 * list the resident's threads. The caps (questions per day, messages per hour) are the
 * engine's: its refusal is shown as it is.
 *
 * The team's answers arrive as outbox messages (`notify.question_answered`) sent by the
 * dispatcher; it should attach {@link followUpKeyboard} so that a reply to the answer, or the
 * button, continues the thread — a reply is recognised by that button on the replied message.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Middleware } from 'grammy';
import type { Message } from 'grammy/types';
import { createConversation } from '@grammyjs/conversations';
import type { Conversation } from '@grammyjs/conversations';
import { z } from 'zod';
import type { Outcome } from '../../../core/domain/domain-error.ts';
import { refuse } from '../../../core/domain/domain-error.ts';
import type { QuestionThread } from '../../../core/engine/question-usecases.ts';
import type { Question } from '../../../core/questions/question.ts';
import type { QuestionInput } from '../../../core/questions/question-rules.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { BotServices, PnyxContext, WizardContext } from '../context.ts';
import { replyRefusal } from './replies.ts';
import type { TextVariables } from '../i18n.ts';
import { escapeHtml } from '../render/html.ts';
import { cut, editInPlace } from '../render/idea-list.ts';
import { refusalText } from '../render/refusal-text.ts';
import { formatFor } from '../render/text-format.ts';
import { menuCallback } from './main-menu.ts';

/**
 * Question buttons: `q|<action>|<n>` — `new` write a question, `add` a follow-up on question
 * number n, `mine` my questions (page n; 0: a new list message), `cancel` leave the writing step.
 */
export const questionCallback = defineCallback('q', z.tuple([z.enum(['new', 'add', 'mine', 'cancel']), intPart]));

/** The conversation's id (its state is kept under it in the chat-state port). */
export const ASK_CONVERSATION = 'ask';

/** Questions on one page of "my questions". */
export const MY_QUESTIONS_PAGE = 5;
/** Characters of a message shown in the list. */
const EXCERPT = 200;

/** Refusals after which the resident may simply write again in the same step. */
const TRY_AGAIN = new Set(['question.empty', 'question.too_long', 'question.bad_characters', 'question.photo_invalid']);

/** The button under a confirmation or an answer: "Add to my question #n". */
export function followUpKeyboard(t: BotServices['translate'], locale: string, questionNumber: number): InlineKeyboard {
  return new InlineKeyboard().text(t(locale, 'q-add-button', { question: String(questionNumber) }), questionCallback.encode('add', questionNumber));
}

/** The question a bot message is about: the number on its "Add to my question" button, if any. */
export function questionOfMessage(message: Pick<Message, 'reply_markup'> | undefined): number | null {
  for (const b of message?.reply_markup?.inline_keyboard.flat() ?? []) {
    const data = 'callback_data' in b ? b.callback_data : undefined;
    const parsed = data === undefined ? null : questionCallback.decode(data);
    if (parsed !== null && parsed[0] === 'add') return parsed[1];
  }
  return null;
}

/** What a resident's message holds for a question: its text (or the photo's stand-in text) and photo. */
function inputOf(t: (key: string) => string, message: Pick<Message, 'text' | 'caption' | 'photo'>): QuestionInput | null {
  const photo = message.photo?.at(-1)?.file_id ?? null;
  const text = message.text ?? message.caption ?? (photo === null ? null : t('q-photo-only'));
  return text === null ? null : { text, photo };
}

/** Follow-up on the resident's question by its public number. */
async function followUpByNumber(services: BotServices, residentId: string, n: number, input: QuestionInput): Promise<Outcome<Question>> {
  const thread = (await services.engine.myQuestions(residentId)).find((x) => x.question.number === n);
  if (thread === undefined) return refuse('question.unknown', {});
  return services.engine.followUpQuestion(residentId, thread.question.id, input);
}

/** The confirmation after a question or a follow-up is stored. */
function confirmation(t: (key: string, v?: TextVariables) => string, q: Question, followUp: boolean): string {
  return t(followUp ? 'q-added' : 'q-asked', { question: String(q.number) });
}

/** The text of one page of the resident's questions. */
export function myQuestionsText(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, threads: readonly QuestionThread[], page: number): { text: string; shown: readonly QuestionThread[]; pages: number } {
  const t = services.translate;
  if (threads.length === 0) return { text: t(locale, 'q-mine-none'), shown: [], pages: 1 };
  const pages = Math.ceil(threads.length / MY_QUESTIONS_PAGE);
  const p = Math.min(Math.max(1, page), pages);
  const shown = threads.slice((p - 1) * MY_QUESTIONS_PAGE, p * MY_QUESTIONS_PAGE);
  const date = formatFor(locale, services.campaign).date;
  // Five entries of two excerpts of 200 characters: far under 4,096 whatever was written.
  const entries = shown.map(({ question, messages }) => {
    const first = messages.find((m) => m.from === 'resident');
    const answer = [...messages].reverse().find((m) => m.from === 'staff');
    const lines = [
      `<b>#${question.number}</b> · ${t(locale, `q-state-${question.state}`)} · ${escapeHtml(date(question.createdAt))}`,
      ...(first === undefined ? [] : [`${first.photo === null ? '' : '📷 '}<i>${escapeHtml(cut(first.text, EXCERPT))}</i>`]),
      ...(answer === undefined ? [] : [t(locale, 'q-mine-answer', { text: escapeHtml(cut(answer.text, EXCERPT)) })]),
      t(locale, 'q-mine-messages', { count: messages.length }),
    ];
    return lines.join('\n');
  });
  const footer = pages > 1 ? `\n\n${t(locale, 'common-page', { page: p, pages })}` : '';
  return { text: `<b>${t(locale, 'q-mine-title')}</b>\n\n${entries.join('\n\n')}${footer}`, shown, pages };
}

/** The questions feature: the wizard, the buttons, replies, and "my questions". */
export function questionsFeature(services: BotServices): Composer<PnyxContext> {
  const { engine, campaign } = services;
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');
  const localeOf = (ctx: PnyxContext): string => ctx.resident?.locale ?? campaign.defaultLocale;

  /**
   * The writing step: waits for the resident's message and stores it as a new question
   * (`target` null) or as a follow-up on question number `target`. Every engine call is in
   * `conversation.external`, so a replay after a restart does not ask twice.
   */
  async function ask(conversation: Conversation<PnyxContext, WizardContext>, ctx: WizardContext, target: number | null): Promise<void> {
    const who = await conversation.external((o) => ({ id: o.resident?.id ?? null, locale: o.resident?.locale ?? campaign.defaultLocale }));
    if (who.id === null) return;
    const residentId = who.id;
    const t = (key: string, v?: TextVariables): string => services.translate(who.locale, key, v);
    const kb = new InlineKeyboard();
    if (target === null) kb.text(t('q-mine-button'), questionCallback.encode('mine', 0));
    kb.text(t('common-cancel'), questionCallback.encode('cancel', 0));
    const prompt = await ctx.reply(target === null ? t('q-prompt') : t('q-prompt-followup', { question: String(target) }), { parse_mode: 'HTML', reply_markup: kb });
    for (;;) {
      const next = await conversation.wait();
      if (next.callbackQuery !== undefined) {
        const pressed = questionCallback.decode(next.callbackQuery.data ?? '');
        if (pressed?.[0] !== 'cancel') await conversation.halt({ next: true });
        await next.answerCallbackQuery();
        await next.api.editMessageReplyMarkup(prompt.chat.id, prompt.message_id).catch(() => undefined);
        await next.reply(t('q-cancelled'));
        return;
      }
      const message = next.message;
      // Edits, reactions and the like are not answers: let the rest of the bot see them.
      if (message === undefined) await conversation.skip({ next: true });
      const m = message as Message;
      // A command means the resident moved on: leave the step and let the command run.
      if (m.text?.startsWith('/') === true) await conversation.halt({ next: true });
      const input = inputOf(t, m);
      if (input === null) {
        await next.reply(t('q-text-or-photo'));
        continue;
      }
      const out = await conversation.external(() => (target === null ? engine.askQuestion(residentId, input) : followUpByNumber(services, residentId, target, input)));
      if (!out.ok) {
        await next.reply(refusalText(services.translate, who.locale, campaign, out), { parse_mode: 'HTML' });
        if (TRY_AGAIN.has(out.code)) continue;
        return;
      }
      await next.api.editMessageReplyMarkup(prompt.chat.id, prompt.message_id).catch(() => undefined);
      await next.reply(confirmation(t, out.value, target !== null), { parse_mode: 'HTML', reply_markup: followUpKeyboard(services.translate, who.locale, out.value.number) });
      return;
    }
  }

  privateChat.use(createConversation<PnyxContext, WizardContext>(ask, ASK_CONVERSATION) as unknown as Middleware<PnyxContext>);

  /** Opens the writing step, unless another wizard is in the middle of something. */
  const startAsk = async (ctx: PnyxContext, target: number | null): Promise<void> => {
    const active = ctx.conversation.active();
    if (Object.keys(active).some((id) => id !== ASK_CONVERSATION)) {
      await ctx.reply(ctx.t('q-busy'));
      return;
    }
    await ctx.conversation.exit(ASK_CONVERSATION);
    await ctx.conversation.enter(ASK_CONVERSATION, target);
  };

  const showMine = async (ctx: PnyxContext, page: number, edit: boolean): Promise<void> => {
    const r = ctx.resident;
    if (r === null) return;
    const locale = localeOf(ctx);
    const view = myQuestionsText(services, locale, await engine.myQuestions(r.id), page);
    const kb = new InlineKeyboard();
    for (const { question } of view.shown) if (question.state !== 'closed') kb.text(ctx.t('q-add-button', { question: String(question.number) }), questionCallback.encode('add', question.number)).row();
    const p = Math.min(Math.max(1, page), view.pages);
    if (p > 1) kb.text(ctx.t('common-previous'), questionCallback.encode('mine', p - 1));
    if (p < view.pages) kb.text(ctx.t('common-next'), questionCallback.encode('mine', p + 1));
    kb.row().text(ctx.t('q-new-button'), questionCallback.encode('new', 0));
    if (edit) return editInPlace(ctx, view.text, kb);
    await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: kb });
  };

  privateChat.command('ask', (ctx) => startAsk(ctx, null));
  privateChat.command('myquestions', (ctx) => showMine(ctx, 1, false));
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'ask') return next();
    await ctx.answerCallbackQuery();
    return startAsk(ctx, null);
  });

  privateChat.callbackQuery(questionCallback.filter, async (ctx, next) => {
    const parsed = questionCallback.decode(ctx.callbackQuery.data);
    // `cancel` outside the writing step: that step is over, the button has expired.
    if (parsed === null || parsed[0] === 'cancel' || ctx.resident === null) return next();
    const [action, n] = parsed;
    if (action === 'mine') {
      await ctx.answerCallbackQuery();
      // Page 0 comes from the writing prompt (a fresh list); pages from the list itself page in place.
      return showMine(ctx, Math.max(1, n), n > 0);
    }
    if (action === 'new') {
      await ctx.answerCallbackQuery();
      return startAsk(ctx, null);
    }
    // `add`: judged against the question now (it may have been closed since).
    const thread = (await engine.myQuestions(ctx.resident.id)).find((x) => x.question.number === n);
    if (thread === undefined || thread.question.state === 'closed') {
      const refusal = thread === undefined ? refuse('question.unknown', {}) : refuse('question.closed', { question: n, by: null, at: thread.question.closedAt });
      await ctx.answerCallbackQuery();
      await replyRefusal(ctx, services, refusal);
      return;
    }
    await ctx.answerCallbackQuery();
    return startAsk(ctx, n);
  });

  // A reply to the bot's confirmation or to the team's answer: a follow-up on that question.
  privateChat.on(['message:text', 'message:photo'], async (ctx, next) => {
    const replied = ctx.message.reply_to_message;
    const r = ctx.resident;
    if (r === null || replied === undefined || replied.from?.id !== ctx.me.id || ctx.message.text?.startsWith('/') === true) return next();
    const n = questionOfMessage(replied);
    if (n === null) return next();
    const locale = localeOf(ctx);
    const input = inputOf((key) => ctx.t(key), ctx.message);
    if (input === null) return next();
    const out = await followUpByNumber(services, r.id, n, input);
    if (!out.ok) {
      await replyRefusal(ctx, services, out);
      return;
    }
    await ctx.reply(confirmation((key, v) => ctx.t(key, v), out.value, true), { parse_mode: 'HTML', reply_markup: followUpKeyboard(services.translate, locale, out.value.number) });
  });

  return composer;
}
