/**
 * Submitting an idea (SPEC §2.2): a guided wizard — title, description, category, area, cost
 * (or "don't know"), photo (or skip), location (or skip) — then a summary with Confirm, an
 * edit button per field, and Cancel. The same wizard, entered with an idea number, edits an
 * idea the committee sent back ("changes requested") and resubmits it: it opens at the
 * summary, pre-filled, with the committee's comment.
 *
 * Built on @grammyjs/conversations 2.x: the wizard's progress is the conversation's replay
 * log, kept in the chat-state port (SQLite or Redis) by the plugin installed in
 * resident-bot.ts, so a restarted process or another instance continues at the same step.
 * Every engine call and every read of the outside context goes through
 * `conversation.external` (run once, its result stored), texts through `services.translate`
 * (the conversation's own context has no i18n).
 *
 * Each answer is checked with the engine's own rules (core/ideas/idea-rules.ts) and a bad
 * one is explained (the refusal's text) before the same step is asked again; the engine
 * judges everything once more at Confirm. Buttons carry the wizard's token and the number of
 * the prompt they belong to: a press on a button of an earlier step, of an older summary or
 * of a wizard that has ended is passed on (`skip({ next: true })`) to the bot's fallback,
 * which answers it as expired. Updates the wizard does not own (other commands, other
 * features' buttons) are passed on the same way, and the wizard keeps waiting.
 */
import { Composer, InlineKeyboard } from 'grammy';
import type { Context } from 'grammy';
import { createConversation } from '@grammyjs/conversations';
import type { Conversation } from '@grammyjs/conversations';
import { z } from 'zod';
import type { Outcome } from '../../../core/domain/domain-error.ts';
import { TITLE_MAX, TITLE_MIN, DESCRIPTION_MAX, DESCRIPTION_MIN } from '../../../core/ideas/idea.ts';
import type { IdeaInput } from '../../../core/ideas/idea-rules.ts';
import { validateCost, validateDescription, validateTitle } from '../../../core/ideas/idea-rules.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { BaseContext, BotServices, PnyxContext } from '../context.ts';
import { DRAFT_FIELDS, commentText, draftFieldText, draftSummaryText } from '../render/idea-draft.ts';
import type { DraftField, IdeaDraft } from '../render/idea-draft.ts';
import { localized } from '../render/localized.ts';
import { refusalText } from '../render/refusal-text.ts';
import type { RefusalLike } from '../render/refusal-text.ts';
import { formatFor } from '../render/text-format.ts';
import { parseAmount } from './ideas-amount.ts';
import { menuCallback } from './main-menu.ts';

/** The conversation's identifier (`ctx.conversation.enter(IDEA_WIZARD_ID, start)`). */
export const IDEA_WIZARD_ID = 'idea-wizard';

const ACTIONS = ['pick', 'town', 'dontknow', 'skip', 'keep', 'back', 'cancel', 'confirm', 'edit'] as const;
type Action = (typeof ACTIONS)[number];

/** Wizard buttons: `iw|<wizard token>|<prompt number>|<action>|<value>` (value may be empty). */
export const wizardCallback = defineCallback('iw', z.tuple([z.string().regex(/^[a-z0-9]{6}$/), intPart, z.enum(ACTIONS), z.string().regex(/^[A-Za-z0-9_.:-]{0,40}$/)]));

/**
 * How the wizard starts: a new idea, an idea sent back by the committee (its public number),
 * or a new idea an ambassador submits on behalf of `author` (a resident id, found by their
 * one-time code in ambassador.ts): the engine records the ambassador as `assistedBy`.
 */
export type WizardStart = { readonly mode: 'new' } | { readonly mode: 'resubmit'; readonly idea: number } | { readonly mode: 'assisted'; readonly author: string };

type WizardConversation = Conversation<BaseContext, Context>;

/** What a prompt got: an answer (the field's new value), "keep" (the value it had), back, or cancel. */
type Reply = { readonly kind: 'answer'; readonly value: unknown } | { readonly kind: 'keep' } | { readonly kind: 'back' } | { readonly kind: 'cancel' };

/** The idea being resubmitted, as the wizard needs it (JSON: it is stored in the replay log). */
interface ResubmitTarget {
  readonly id: string;
  readonly number: number;
  readonly comment: string | null;
  readonly draft: IdeaDraft;
}

/** Result of the final engine call, reduced to JSON. */
type SendResult = { readonly ok: true; readonly number: number } | { readonly ok: false; readonly code: string; readonly params: NonNullable<RefusalLike["params"]> };

function sendResult(out: Outcome<{ readonly number: number }>): SendResult {
  return out.ok ? { ok: true, number: out.value.number } : { ok: false, code: out.code, params: out.params };
}

/** The largest size of a photo message (Telegram lists sizes smallest first). */
function photoFileId(photo: readonly { readonly file_id: string }[] | undefined): string | null {
  return photo === undefined || photo.length === 0 ? null : (photo[photo.length - 1]?.file_id ?? null);
}

/** `f`, called at most once (a prompt sent again shows the same text and buttons). */
function once<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

/** The wizard: the conversation builder over the bot's services. */
export function ideaWizard(services: BotServices) {
  const { campaign, engine, translate: t } = services;

  return async function ideaWizardConversation(conversation: WizardConversation, ctx: Context, start: WizardStart): Promise<void> {
    const me = await conversation.external((o) => (o.resident === null || o.resident.step !== 'done' ? null : { id: o.resident.id, locale: o.resident.locale }));
    if (me === null) return;
    // Re-read at each prompt: a /language change during the wizard applies to the next prompt.
    const localeNow = (): Promise<string> => conversation.external((o) => o.resident?.locale ?? me.locale);
    const token = Math.floor((await conversation.random()) * 36 ** 6)
      .toString(36)
      .padStart(6, '0');
    let seq = 0;

    // Bot API calls go through `external` too, returning only what the wizard needs (a
    // message id): the replay log then keeps no copy of each message sent, which would
    // otherwise fill the chat state's 64 KiB after a few dozen prompts.
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    // Each update replays the conversation from its start: a message is rendered inside
    // `external` (`view` is called only when the message is really sent), so a replay does
    // not rebuild the texts and keyboards of every earlier prompt.
    const send = (view: () => { readonly text: string; readonly markup?: InlineKeyboard }): Promise<number> =>
      conversation.external(async (o) => {
        const { text, markup } = view();
        return (await o.api.sendMessage(chatId, text, { parse_mode: 'HTML', ...(markup === undefined ? {} : { reply_markup: markup }) })).message_id;
      });
    const answerPress = (): Promise<void> =>
      conversation.external(async (o) => {
        await o.answerCallbackQuery();
      });
    const say = async (locale: string, key: string, vars?: Readonly<Record<string, string | number>>): Promise<void> => {
      await send(() => ({ text: t(locale, key, vars) }));
    };
    const sayRefusal = async (locale: string, refusal: RefusalLike): Promise<void> => {
      await send(() => ({ text: refusalText(t, locale, campaign, refusal) }));
    };
    const clearButtons = (messageIds: readonly number[]): Promise<void> =>
      conversation.external(async (o) => {
        // A message the resident deleted, or already without buttons: nothing to clear.
        for (const id of messageIds) await o.api.editMessageReplyMarkup(chatId, id).catch(() => undefined);
      });

    /** Waits for the next update this prompt owns; passes on the others. `resend` re-sends the prompt. */
    const waitOwn = async (mySeq: number, resend: () => Promise<void>): Promise<{ readonly press: { readonly action: Action; readonly value: string } | null; readonly c: Context }> => {
      for (;;) {
        const c = await conversation.wait();
        const data = c.callbackQuery?.data;
        if (c.callbackQuery !== undefined) {
          const parsed = data === undefined ? null : wizardCallback.decode(data);
          if (parsed === null) {
            // The menu's "submit an idea" while an idea is in progress: where we are.
            if (data !== undefined && menuCallback.decode(data)?.[0] === 'submit') {
              await answerPress();
              await resend();
              continue;
            }
            await conversation.skip({ next: true });
          } else {
            const [tok, s, action, value] = parsed;
            if (tok !== token || s !== mySeq) await conversation.skip({ next: true });
            return { press: { action, value }, c };
          }
        }
        const msg = c.message;
        if (msg === undefined) await conversation.skip({ next: true });
        const command = /^\/([A-Za-z0-9_]+)/u.exec(msg?.text ?? '')?.[1]?.toLowerCase();
        if (command === 'idea') {
          await resend();
          continue;
        }
        if (command !== undefined && command !== 'cancel') await conversation.skip({ next: true });
        return { press: null, c };
      }
    };

    /** Asks one field until a valid answer, back, keep or cancel. */
    const ask = async (draft: IdeaDraft, field: DraftField, canBack: boolean): Promise<Reply> => {
      const locale = await localeNow();
      const mySeq = ++seq;
      const answered = field in draft;
      const view = once(() => {
        const cb = (action: Action, value = ''): string => wizardCallback.encode(token, mySeq, action, value);
        const kb = new InlineKeyboard();
        if (field === 'category') {
          campaign.categories.forEach((c, i) => {
            kb.text(localized(campaign, c.name, locale), cb('pick', c.id));
            if (i % 2 === 1) kb.row();
          });
          kb.row();
        } else if (field === 'area') {
          campaign.areas.forEach((a, i) => {
            kb.text(localized(campaign, a.name, locale), cb('pick', a.id));
            if (i % 2 === 1) kb.row();
          });
          kb.row().text(t(locale, 'common-town-wide'), cb('town')).row();
        } else if (field === 'cost') {
          kb.text(t(locale, 'common-dont-know'), cb('dontknow')).row();
        } else if (field === 'photo' || field === 'location') {
          kb.text(t(locale, 'common-skip'), cb('skip')).row();
        }
        if (answered) kb.text(t(locale, 'idea-keep'), cb('keep')).row();
        if (canBack) kb.text(t(locale, 'common-back'), cb('back'));
        kb.text(t(locale, 'common-cancel'), cb('cancel'));
        const f = formatFor(locale, campaign);
        const vars = { min: field === 'title' ? TITLE_MIN : DESCRIPTION_MIN, max: field === 'title' ? TITLE_MAX : DESCRIPTION_MAX, minCost: f.money(campaign.ideaCost.min), maxCost: f.money(campaign.ideaCost.max), currency: campaign.currency };
        const step = t(locale, 'idea-step', { step: DRAFT_FIELDS.indexOf(field) + 1, steps: DRAFT_FIELDS.length });
        const current = answered ? `\n\n${t(locale, 'idea-current', { value: draftFieldText(services, locale, draft, field) })}` : '';
        return { text: `${step}\n${t(locale, `idea-ask-${field}`, vars)}${current}`, markup: kb };
      });
      const prompts: number[] = [];
      const prompt = async (): Promise<void> => {
        prompts.push(await send(view));
      };
      await prompt();
      const retry = async (key: string | null, refusal?: RefusalLike): Promise<void> => {
        if (refusal !== undefined) await sayRefusal(locale, refusal);
        else if (key !== null) await say(locale, key);
        await prompt();
      };
      for (;;) {
        const { press, c } = await waitOwn(mySeq, prompt);
        if (press !== null) {
          const reply = pressReply(field, answered, canBack, press.action, press.value);
          // A button this prompt never showed (forged): the fallback answers it as expired.
          if (reply === null) await conversation.skip({ next: true });
          await answerPress();
          await clearButtons(prompts);
          return reply as Reply;
        }
        const msg = c.message;
        const text = msg?.text;
        if (text !== undefined && /^\/cancel\b/iu.test(text)) {
          await clearButtons(prompts);
          return { kind: 'cancel' };
        }
        const value = await typedAnswer(field, msg, retry);
        if (value !== undefined) {
          await clearButtons(prompts);
          return { kind: 'answer', value };
        }
      }
    };

    /** A press's meaning at this prompt, or null when the prompt has no such button. */
    const pressReply = (field: DraftField, answered: boolean, canBack: boolean, action: Action, value: string): Reply | null => {
      switch (action) {
        case 'cancel':
          return { kind: 'cancel' };
        case 'back':
          return canBack ? { kind: 'back' } : null;
        case 'keep':
          return answered ? { kind: 'keep' } : null;
        case 'pick':
          if (field === 'category' && campaign.categories.some((c) => c.id === value)) return { kind: 'answer', value };
          if (field === 'area' && campaign.areas.some((a) => a.id === value)) return { kind: 'answer', value };
          return null;
        case 'town':
          return field === 'area' ? { kind: 'answer', value: null } : null;
        case 'dontknow':
          return field === 'cost' ? { kind: 'answer', value: null } : null;
        case 'skip':
          return field === 'photo' || field === 'location' ? { kind: 'answer', value: null } : null;
        default:
          return null;
      }
    };

    /**
     * A typed (or sent) answer checked with the engine's rules: the value, or undefined after
     * explaining what is wrong and asking again.
     */
    const typedAnswer = async (
      field: DraftField,
      msg: Context['message'],
      retry: (key: string | null, refusal?: RefusalLike) => Promise<void>,
    ): Promise<unknown> => {
      const text = msg?.text;
      switch (field) {
        case 'title':
        case 'description': {
          if (text === undefined) return retry(`idea-type-${field}`);
          const v = field === 'title' ? validateTitle(text) : validateDescription(text);
          if (!v.ok) return retry(null, v);
          return v.value;
        }
        case 'category':
        case 'area':
          return retry('idea-use-buttons');
        case 'cost': {
          if (text === undefined) return retry('idea-type-cost');
          const minor = parseAmount(text, campaign.currencyMinorUnits);
          if (minor === null) return retry(null, { code: 'idea.cost_invalid', params: {} });
          const v = validateCost(campaign, minor);
          if (!v.ok) return retry(null, v);
          return v.value;
        }
        case 'photo': {
          const id = photoFileId(msg?.photo);
          return id === null ? retry('idea-send-photo') : id;
        }
        case 'location': {
          const loc = msg?.location ?? msg?.venue?.location;
          return loc === undefined ? retry('idea-send-location') : { lat: loc.latitude, lon: loc.longitude };
        }
      }
    };

    /** The summary; resolves to confirm, edit <field>, or cancel. */
    const summary = async (draft: IdeaDraft, heading: string | undefined): Promise<{ readonly kind: 'confirm' | 'cancel' } | { readonly kind: 'edit'; readonly field: DraftField }> => {
      const locale = await localeNow();
      const mySeq = ++seq;
      const view = once(() => {
        const cb = (action: Action, value = ''): string => wizardCallback.encode(token, mySeq, action, value);
        const kb = new InlineKeyboard().text(t(locale, 'common-confirm'), cb('confirm')).row();
        DRAFT_FIELDS.forEach((f, i) => {
          kb.text(`✏️ ${t(locale, `idea-field-${f}`)}`, cb('edit', f));
          if (i % 2 === 1) kb.row();
        });
        kb.row().text(t(locale, 'common-cancel'), cb('cancel'));
        return { text: draftSummaryText(services, locale, draft, heading), markup: kb };
      });
      const prompts: number[] = [];
      const prompt = async (): Promise<void> => {
        prompts.push(await send(view));
      };
      await prompt();
      for (;;) {
        const { press, c } = await waitOwn(mySeq, prompt);
        if (press === null) {
          if (/^\/cancel\b/iu.test(c.message?.text ?? '')) {
            await clearButtons(prompts);
            return { kind: 'cancel' };
          }
          await say(locale, 'idea-use-buttons');
          await prompt();
          continue;
        }
        const field = DRAFT_FIELDS.find((f) => f === press.value);
        const result = press.action === 'confirm' ? { kind: 'confirm' as const } : press.action === 'cancel' ? { kind: 'cancel' as const } : press.action === 'edit' && field !== undefined ? { kind: 'edit' as const, field } : null;
        if (result === null) await conversation.skip({ next: true });
        await answerPress();
        await clearButtons(prompts);
        return result as { readonly kind: 'confirm' | 'cancel' } | { readonly kind: 'edit'; readonly field: DraftField };
      }
    };

    // ---- the wizard ------------------------------------------------------------------------
    let draft: IdeaDraft = {};
    let target: ResubmitTarget | null = null;
    if (start.mode === 'resubmit') {
      const found = await conversation.external(async (): Promise<ResubmitTarget | { readonly refused: { readonly code: string; readonly params: NonNullable<RefusalLike["params"]> } }> => {
        const out = await engine.ideaByNumber(start.idea, me.id);
        if (!out.ok) return { refused: { code: out.code, params: out.params } };
        const idea = out.value.idea;
        if (idea.authorId !== me.id) return { refused: { code: 'idea.not_author', params: {} } };
        if (idea.state !== 'changes_requested') return { refused: { code: 'idea.wrong_state', params: { state: idea.state, idea: idea.number } } };
        return {
          id: idea.id,
          number: idea.number,
          comment: idea.decision?.comment ?? null,
          draft: { title: idea.title, description: idea.description, category: idea.category, area: idea.area, cost: idea.cost, photo: idea.photo, location: idea.location },
        };
      });
      if ('refused' in found) return sayRefusal(await localeNow(), found.refused);
      target = found;
      draft = { ...found.draft };
    }
    const headingFor = async (): Promise<string | undefined> => {
      if (start.mode === 'assisted') return t(await localeNow(), 'amb-idea-heading');
      if (target === null) return undefined;
      const locale = await localeNow();
      return t(locale, 'idea-resubmit-heading', { number: target.number, comment: target.comment === null ? '—' : commentText(target.comment) });
    };

    let step = target === null ? 0 : DRAFT_FIELDS.length;
    for (;;) {
      if (step < DRAFT_FIELDS.length) {
        const field = DRAFT_FIELDS[step] as DraftField;
        const r = await ask(draft, field, step > 0);
        if (r.kind === 'cancel') return say(await localeNow(), 'idea-cancelled');
        if (r.kind === 'back') {
          step -= 1;
          continue;
        }
        if (r.kind === 'answer') draft = { ...draft, [field]: r.value };
        step += 1;
        continue;
      }
      const s = await summary(draft, await headingFor());
      if (s.kind === 'cancel') return say(await localeNow(), 'idea-cancelled');
      if (s.kind === 'edit') {
        const r = await ask(draft, s.field, true);
        if (r.kind === 'cancel') return say(await localeNow(), 'idea-cancelled');
        if (r.kind === 'answer') draft = { ...draft, [s.field]: r.value };
        continue;
      }
      const input: IdeaInput = {
        title: draft.title ?? '',
        description: draft.description ?? '',
        category: draft.category ?? '',
        area: draft.area ?? null,
        cost: draft.cost ?? null,
        photo: draft.photo ?? null,
        location: draft.location ?? null,
      };
      const resubmitting = target;
      const out = await conversation.external(
        async (): Promise<SendResult> =>
          sendResult(
            resubmitting !== null ? await engine.resubmitIdea(me.id, resubmitting.id, input) : start.mode === 'assisted' ? await engine.submitIdea(start.author, input, me.id) : await engine.submitIdea(me.id, input),
          ),
      );
      const locale = await localeNow();
      if (out.ok) return say(locale, resubmitting !== null ? 'idea-resubmitted' : start.mode === 'assisted' ? 'amb-idea-sent' : 'idea-sent', { number: out.number });
      await sayRefusal(locale, out);
      // A content refusal can be fixed from the summary; any other (the phase closed, the idea
      // changed state) cannot: the wizard ends and nothing was stored.
      if (!out.code.startsWith('idea.') || out.code === 'idea.wrong_state' || out.code === 'idea.not_author' || out.code === 'idea.unknown') return say(locale, 'idea-not-sent');
    }
  };
}

/** Enters the wizard, unless a conversation is already going on in this chat. */
export async function enterIdeaWizard(ctx: PnyxContext, start: WizardStart): Promise<boolean> {
  if (Object.keys(ctx.conversation.active()).length > 0) return false;
  await ctx.conversation.enter(IDEA_WIZARD_ID, start);
  return true;
}

/**
 * The wizard's conversation and its entries: the menu's `submit` and `/idea`. Install it
 * after the conversations plugin and before any feature that enters the wizard.
 */
export function ideaWizardFeature(services: BotServices): Composer<PnyxContext> {
  const composer = new Composer<PnyxContext>();
  composer.use(createConversation<BaseContext, Context>(ideaWizard(services), { id: IDEA_WIZARD_ID }));
  const privateChat = composer.chatType('private');

  const enter = async (ctx: PnyxContext): Promise<void> => {
    // Registration holds everyone else before this; checked again since the wizard needs the resident.
    if (ctx.resident === null || ctx.resident.step !== 'done') return;
    const { status } = await services.engine.status();
    if (status.kind === 'between' || status.phase !== 'submission') {
      await ctx.reply(ctx.t('menu-not-now'), { parse_mode: 'HTML' });
      return;
    }
    if (!(await enterIdeaWizard(ctx, { mode: 'new' }))) await ctx.reply(ctx.t('idea-busy'), { parse_mode: 'HTML' });
  };

  privateChat.command('idea', enter);
  // /cancel with no wizard going on (a running one takes /cancel itself, before this).
  privateChat.command('cancel', (ctx) => ctx.reply(ctx.t('idea-nothing-to-cancel'), { parse_mode: 'HTML' }));
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'submit') return next();
    await ctx.answerCallbackQuery();
    return enter(ctx);
  });
  return composer;
}
