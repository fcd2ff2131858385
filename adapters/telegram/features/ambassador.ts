/**
 * Ambassadors (SPEC §2.4): residents given the role by staff, who help residents without
 * Telegram. From the menu's `ambassador` action (shown to them only) or `/ambassador`:
 * - register a resident: language, privacy notice (read out and agreed on the resident's
 *   behalf), age band, area, then the one-time code — the town's paper code typed in, or a
 *   new one — shown to be written on paper for the resident (`registerAssisted`);
 * - an idea for a resident, found by their code: the residents' own idea wizard, submitted in
 *   the resident's name with the ambassador as `assistedBy`;
 * - an assisted ballot, found by their code: the residents' own ballot builder, which counts
 *   only once the resident types their code at the confirmation (ambassador-ballot.ts).
 * The engine flags each of these in the audit log and counts them in the figures.
 *
 * Every press and every typed code is judged against the ambassador's role now (as stored),
 * and the flow's step in the session: anyone else gets "only ambassadors", a button of
 * another step is expired, and nothing changes. A message carrying a resident's code is
 * deleted from the chat as soon as it is read, so the code does not stay on the
 * ambassador's phone; codes are never kept in the session nor logged.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Outcome } from '../../../core/domain/domain-error.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import type { MessageReferences } from '../../../core/ports/message-references.ts';
import { defineCallback, idPart } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { ageKeyboard, areaKeyboard, languageKeyboard } from '../render/choice-keyboards.ts';
import { localized } from '../render/localized.ts';
import { refusalText } from '../render/refusal-text.ts';
import type { RefusalLike } from '../render/refusal-text.ts';
import { assistedBallot, assistedVoteCallback, waitsForBallotCode } from './ambassador-ballot.ts';
import { paperCode, readAmbFlow, spelledCode, writeAmbFlow, writeAssist } from './ambassador-session.ts';
import type { AmbFlow } from './ambassador-session.ts';
import { enterIdeaWizard } from './idea-wizard.ts';
import { helpsResidents, menuCallback } from './main-menu.ts';
import { plainAnswer } from './vote-judge.ts';

const OPS = ['home', 'reg', 'idea', 'vote', 'lang', 'consent', 'age', 'area', 'newcode', 'cancel'] as const;
type Op = (typeof OPS)[number];

/** Ambassador buttons: `amb|<op>|<value or ->`. */
export const ambCallback = defineCallback('amb', z.tuple([z.enum(OPS), idPart]));

/** Who issues the codes the bot creates for an assisted registration (AccessCode.issuedBy). */
export const AMBASSADOR_ISSUER = 'telegram:ambassador';

/** The step each answer button belongs to. */
const STEP_OF_OP: Partial<Record<Op, AmbFlow['step']>> = { lang: 'reg-language', consent: 'reg-consent', age: 'reg-age', area: 'reg-area', newcode: 'reg-code' };

/** What the ambassador feature needs besides the services. */
export interface AmbassadorFeatureOptions {
  /** Where the assisted builders' messages are recorded. */
  readonly messageRefs: MessageReferences;
}

/**
 * `/ambassador`, the menu's `ambassador` action, the ambassador's buttons and typed codes,
 * and the assisted builders' buttons. Install after the idea wizard (which it enters).
 */
export function ambassadorFeature(services: BotServices, options: AmbassadorFeatureOptions): Composer<PnyxContext> {
  const { engine, campaign, translate: t } = services;
  const ballot = assistedBallot(services, options);
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');
  const localeOf = (ctx: PnyxContext): string => ctx.resident?.locale ?? campaign.defaultLocale;
  const html = { parse_mode: 'HTML' } as const;
  const cb = (op: Op, value = '-'): string => ambCallback.encode(op, value);
  const cancelRow = (ctx: PnyxContext, kb = new InlineKeyboard()): InlineKeyboard => kb.row().text(ctx.t('common-cancel'), cb('cancel'));
  const refusal = (ctx: PnyxContext, r: RefusalLike): string => refusalText(t, localeOf(ctx), campaign, r);
  const notAmbassador: RefusalLike = { code: 'ambassador.not_ambassador', params: {} };

  /** The ambassador's home: what they can do in this phase. */
  const home = async (ctx: PnyxContext): Promise<void> => {
    writeAmbFlow(ctx.session, null);
    const { status } = await engine.status();
    const phase = status.kind === 'open' ? status.phase : null;
    const kb = new InlineKeyboard().text(ctx.t('amb-button-register'), cb('reg')).row();
    if (phase === 'submission') kb.text(ctx.t('amb-button-idea'), cb('idea')).row();
    if (phase === 'voting') kb.text(ctx.t('amb-button-vote'), cb('vote')).row();
    await ctx.reply(ctx.t('amb-home'), { ...html, reply_markup: kb });
  };

  /** Sends the prompt of a registration step (and keeps the flow there). */
  const prompt = async (ctx: PnyxContext, flow: AmbFlow): Promise<void> => {
    writeAmbFlow(ctx.session, flow);
    const kb = new InlineKeyboard();
    switch (flow.step) {
      case 'reg-language':
        languageKeyboard(campaign, (l) => cb('lang', l), kb);
        await ctx.reply(ctx.t('amb-reg-language'), { ...html, reply_markup: cancelRow(ctx, kb) });
        return;
      case 'reg-consent':
        kb.url(ctx.t('amb-reg-consent-read'), localized(campaign, campaign.privacy.url, flow.locale ?? campaign.defaultLocale)).row().text(ctx.t('amb-reg-consent-accept'), cb('consent', 'yes'));
        await ctx.reply(ctx.t('amb-reg-consent', { version: campaign.privacy.version }), { ...html, reply_markup: cancelRow(ctx, kb) });
        return;
      case 'reg-age':
        ageKeyboard(campaign, (id) => cb('age', id), kb);
        await ctx.reply(ctx.t('amb-reg-age', { minimumAge: campaign.eligibility.minimumAge }), { ...html, reply_markup: cancelRow(ctx, kb) });
        return;
      case 'reg-area':
        areaKeyboard(campaign, localeOf(ctx), (id) => cb('area', id), kb);
        await ctx.reply(ctx.t('amb-reg-area'), { ...html, reply_markup: cancelRow(ctx, kb) });
        return;
      case 'reg-code':
        kb.text(ctx.t('amb-button-new-code'), cb('newcode'));
        await ctx.reply(ctx.t('amb-reg-code'), { ...html, reply_markup: cancelRow(ctx, kb) });
        return;
      case 'idea-code':
      case 'vote-code':
        await ctx.reply(ctx.t(flow.step === 'idea-code' ? 'amb-idea-code' : 'amb-vote-code'), { ...html, reply_markup: cancelRow(ctx) });
        return;
      case 'vote-confirm':
        return;
    }
  };

  /** Registers the resident with `code` (typed from the town's paper, or just issued). */
  const register = async (ctx: PnyxContext, flow: AmbFlow, code: string): Promise<void> => {
    const me = ctx.resident;
    if (me === null || flow.locale === undefined || flow.ageBand === undefined || flow.area === undefined) return home(ctx);
    const out = await engine.registerAssisted(me.id, { code, locale: flow.locale, ageBand: flow.ageBand, area: flow.area, displayName: null });
    if (!out.ok) {
      await ctx.reply(refusal(ctx, out), html);
      // A code refusal: another code can be typed, or a new one made; anything else ends here.
      if (out.code.startsWith('code.')) return prompt(ctx, flow);
      writeAmbFlow(ctx.session, null);
      return;
    }
    writeAmbFlow(ctx.session, null);
    const normal = code.toUpperCase().replace(/[\s-]/gu, '');
    await ctx.reply(ctx.t('amb-reg-done', { code: paperCode(normal), spelled: spelledCode(normal) }), { ...html, reply_markup: new InlineKeyboard().text(ctx.t('amb-button-home'), cb('home')) });
  };

  /** Removes the message that carried a resident's code (best effort: it may be gone already). */
  const forgetCodeMessage = async (ctx: PnyxContext): Promise<void> => {
    await ctx.deleteMessage().catch(() => undefined);
  };

  /** The resident a typed code names, registered; null after saying why not. */
  const residentOfCode = async (ctx: PnyxContext, code: string): Promise<Resident | null> => {
    const who: Outcome<Resident> = await engine.residentByCode(code);
    if (!who.ok) {
      await ctx.reply(refusal(ctx, who), html);
      return null;
    }
    if (who.value.step !== 'done') {
      await ctx.reply(refusal(ctx, { code: 'registration.incomplete', params: {} }), html);
      return null;
    }
    return who.value;
  };

  const open = async (ctx: PnyxContext): Promise<void> => {
    if (!helpsResidents(ctx.resident?.role)) {
      await ctx.reply(refusal(ctx, notAmbassador), html);
      return;
    }
    return home(ctx);
  };

  privateChat.command('ambassador', open);
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'ambassador') return next();
    if (!helpsResidents(ctx.resident?.role)) {
      await ctx.answerCallbackQuery({ text: plainAnswer(refusal(ctx, notAmbassador)), show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    return home(ctx);
  });

  privateChat.callbackQuery(ambCallback.filter, async (ctx) => {
    const parsed = ambCallback.decode(ctx.callbackQuery.data);
    if (parsed === null) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    // The role as stored now: a resident who is not (or no longer) an ambassador changes nothing.
    if (!helpsResidents(ctx.resident?.role)) {
      writeAmbFlow(ctx.session, null);
      await ctx.answerCallbackQuery({ text: plainAnswer(refusal(ctx, notAmbassador)), show_alert: true });
      return;
    }
    const [op, value] = parsed;
    const flow = readAmbFlow(ctx.session);
    const expected = STEP_OF_OP[op];
    if (expected !== undefined && flow?.step !== expected) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    const refuse = async (r: RefusalLike): Promise<void> => {
      await ctx.answerCallbackQuery({ text: plainAnswer(refusal(ctx, r)), show_alert: true });
    };
    switch (op) {
      case 'home':
        await ctx.answerCallbackQuery();
        return home(ctx);
      case 'cancel':
        writeAmbFlow(ctx.session, null);
        await ctx.answerCallbackQuery();
        await ctx.reply(ctx.t('amb-cancelled'), html);
        return;
      case 'reg':
        await ctx.answerCallbackQuery();
        return prompt(ctx, { step: 'reg-language' });
      case 'idea':
      case 'vote': {
        const { status } = await engine.status();
        const phase = op === 'idea' ? 'submission' : 'voting';
        if (status.kind !== 'open' || status.phase !== phase) {
          await ctx.answerCallbackQuery({ text: ctx.t('menu-not-now'), show_alert: true });
          return;
        }
        await ctx.answerCallbackQuery();
        return prompt(ctx, { step: op === 'idea' ? 'idea-code' : 'vote-code' });
      }
      case 'lang':
        if (!campaign.locales.includes(value)) return refuse({ code: 'registration.unknown_language', params: { locale: value } });
        await ctx.answerCallbackQuery();
        return prompt(ctx, { step: 'reg-consent', locale: value });
      case 'consent':
        await ctx.answerCallbackQuery();
        return prompt(ctx, { ...flow, step: 'reg-age' });
      case 'age': {
        const band = campaign.ageBands.find((b) => b.id === value);
        if (band === undefined) return refuse({ code: 'registration.unknown_age_band', params: { band: value } });
        if (band.max !== null && band.max < campaign.eligibility.minimumAge) return refuse({ code: 'registration.too_young', params: { minimumAge: campaign.eligibility.minimumAge } });
        await ctx.answerCallbackQuery();
        return prompt(ctx, { ...flow, step: 'reg-area', ageBand: band.id });
      }
      case 'area':
        if (!campaign.areas.some((a) => a.id === value)) return refuse({ code: 'registration.unknown_area', params: {} });
        await ctx.answerCallbackQuery();
        return prompt(ctx, { ...flow, step: 'reg-code', area: value });
      case 'newcode': {
        await ctx.answerCallbackQuery();
        const issued = await engine.issueCodes(AMBASSADOR_ISSUER, 1);
        if (!issued.ok || issued.value[0] === undefined) {
          await ctx.reply(refusal(ctx, issued.ok ? { code: 'resident.busy', params: {} } : issued), html);
          return;
        }
        return register(ctx, flow ?? { step: 'reg-code' }, issued.value[0]);
      }
    }
  });

  privateChat.callbackQuery(assistedVoteCallback.filter, (ctx) => ballot.builder.press(ctx));

  // A typed answer: a code, when the flow waits for one. Commands pass on untouched.
  privateChat.on('message:text', async (ctx, next) => {
    const flow = readAmbFlow(ctx.session);
    const text = ctx.message.text;
    if (flow === null || text.startsWith('/')) return next();
    if (!helpsResidents(ctx.resident?.role)) {
      writeAmbFlow(ctx.session, null);
      return next();
    }
    switch (flow.step) {
      case 'reg-code':
        // The town's paper code: it stays the resident's, so it is shown back to be checked.
        return register(ctx, flow, text.trim());
      case 'idea-code': {
        await forgetCodeMessage(ctx);
        const resident = await residentOfCode(ctx, text);
        if (resident === null) return;
        writeAmbFlow(ctx.session, null);
        await ctx.reply(ctx.t('amb-idea-start'), html);
        if (!(await enterIdeaWizard(ctx, { mode: 'assisted', author: resident.id }))) await ctx.reply(ctx.t('idea-busy'), html);
        return;
      }
      case 'vote-code': {
        await forgetCodeMessage(ctx);
        const resident = await residentOfCode(ctx, text);
        if (resident === null) return;
        writeAmbFlow(ctx.session, null);
        await ctx.reply(ctx.t('amb-vote-start'), html);
        return ballot.open(ctx, resident.id);
      }
      case 'vote-confirm':
        if (!waitsForBallotCode(ctx)) return next();
        await forgetCodeMessage(ctx);
        if (!(await ballot.confirmWithCode(ctx, text))) {
          writeAmbFlow(ctx.session, null);
          writeAssist(ctx.session, null);
          await ctx.reply(ctx.t('amb-vote-nothing-waiting'), html);
        }
        return;
      default:
        await ctx.reply(ctx.t('amb-use-buttons'), html);
    }
  });
  return composer;
}
