/**
 * Registration (SPEC §2.4): language, privacy notice, age band, area (buttons or a typed
 * postcode), then the campaign's verification (own phone number shared through Telegram, or
 * a one-time code). The step lives in the resident record, not in a conversation: every
 * prompt is a fresh message with buttons, so a restart, another instance or a press on an
 * old message is judged against the resident as stored. A button of another step than the
 * current one is expired. `/start` with a deep link made before registration is complete is
 * kept in the session and opened once registration is done.
 */
import { Composer, InlineKeyboard, Keyboard } from 'grammy';
import { z } from 'zod';
import type { Resident } from '../../../core/residents/resident.ts';
import { defineCallback, idPart } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { ageKeyboard, areaKeyboard, languageKeyboard } from '../render/choice-keyboards.ts';
import { replyRefusal } from './replies.ts';
import { escapeHtml } from '../render/html.ts';
import { localized } from '../render/localized.ts';
import { START_PAYLOAD } from '../session.ts';

/** Registration buttons: `reg|<step>|<answer>`. */
export const regCallback = defineCallback('reg', z.tuple([z.enum(['lang', 'consent', 'age', 'area']), idPart]));

const STEP_OF = { lang: 'language', consent: 'consent', age: 'age', area: 'area' } as const;

/** Commands an unregistered resident may still use. */
const OPEN_COMMANDS = new Set(['start', 'help', 'language', 'mydata', 'forget', 'stop', 'resume']);

/** What registration hands over once it is done. */
export interface RegistrationHooks {
  /** Opens an idea's card (`/start idea_<n>`). */
  readonly openIdea: (ctx: PnyxContext, ideaNumber: number) => Promise<void>;
  /** Shows the main menu. */
  readonly showMenu: (ctx: PnyxContext) => Promise<void>;
}

/** The registration feature. */
export function registrationFeature(services: BotServices, hooks: RegistrationHooks): Composer<PnyxContext> {
  const { engine, campaign } = services;
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');

  /** After a stored answer: the next prompt, or the welcome and what was waiting. */
  const advance = async (ctx: PnyxContext, r: Resident): Promise<void> => {
    const languageChanged = ctx.resident?.locale !== r.locale;
    ctx.resident = r;
    if (languageChanged) await ctx.i18n.renegotiateLocale();
    const pendingInvite = ctx.session.pendingStart?.startsWith('invite_') === true ? ctx.session.pendingStart.slice('invite_'.length) : null;
    if (r.step === 'verification' && campaign.eligibility.verification === 'code' && pendingInvite !== null) {
      // The invite link opened earlier is spent now, once; a refused code is dropped (the
      // resident types one instead).
      ctx.session.pendingStart = null;
      const out = await engine.verifyByCode(r.id, pendingInvite);
      if (out.ok) return advance(ctx, out.value);
      await replyRefusal(ctx, services, out);
      return prompt(ctx, r);
    }
    if (r.step !== 'done') return prompt(ctx, r);
    await ctx.reply(ctx.t('reg-welcome', { campaign: escapeHtml(localized(campaign, campaign.name, r.locale)) }), { parse_mode: 'HTML', reply_markup: { remove_keyboard: true } });
    const pending = ctx.session.pendingStart ?? null;
    ctx.session.pendingStart = null;
    if (pending !== null && pending.startsWith('idea_')) return hooks.openIdea(ctx, Number(pending.slice(5)));
    return hooks.showMenu(ctx);
  };

  /** Sends the prompt of the resident's current step. */
  const prompt = async (ctx: PnyxContext, r: Resident): Promise<void> => {
    switch (r.step) {
      case 'language': {
        const kb = languageKeyboard(campaign, (l) => regCallback.encode('lang', l));
        await ctx.reply(ctx.t('reg-language', { campaign: escapeHtml(localized(campaign, campaign.name, r.locale)) }), { parse_mode: 'HTML', reply_markup: kb });
        return;
      }
      case 'consent': {
        const url = localized(campaign, campaign.privacy.url, r.locale);
        const kb = new InlineKeyboard().url(ctx.t('reg-consent-read'), url).row().text(ctx.t('reg-consent-accept'), regCallback.encode('consent', 'yes')).text(ctx.t('reg-consent-decline'), regCallback.encode('consent', 'no'));
        await ctx.reply(ctx.t('reg-consent', { version: escapeHtml(campaign.privacy.version) }), { parse_mode: 'HTML', reply_markup: kb });
        return;
      }
      case 'age': {
        const kb = ageKeyboard(campaign, (id) => regCallback.encode('age', id));
        await ctx.reply(ctx.t('reg-age', { minimumAge: campaign.eligibility.minimumAge }), { parse_mode: 'HTML', reply_markup: kb });
        return;
      }
      case 'area': {
        const kb = areaKeyboard(campaign, r.locale, (id) => regCallback.encode('area', id));
        const postcodes = campaign.areas.some((a) => a.postcodes.length > 0);
        await ctx.reply(ctx.t(postcodes ? 'reg-area-or-postcode' : 'reg-area'), { parse_mode: 'HTML', reply_markup: kb });
        return;
      }
      case 'verification':
        if (campaign.eligibility.verification === 'phone') {
          const kb = new Keyboard().requestContact(ctx.t('reg-phone-button')).resized().oneTime();
          await ctx.reply(ctx.t('reg-phone'), { parse_mode: 'HTML', reply_markup: kb });
        } else {
          await ctx.reply(ctx.t('reg-code'), { parse_mode: 'HTML' });
        }
        return;
      case 'done':
        return hooks.showMenu(ctx);
    }
  };

  privateChat.command('start', async (ctx) => {
    const r = ctx.resident;
    if (r === null) return;
    const raw = ctx.match.trim();
    const payload = raw === '' ? null : START_PAYLOAD.safeParse(raw).success ? raw : undefined;
    if (payload === undefined) await ctx.reply(ctx.t('reg-link-unknown'));
    if (payload?.startsWith('invite_') === true) {
      const code = payload.slice('invite_'.length);
      if (r.step === 'verification' && campaign.eligibility.verification === 'code') return applyCode(ctx, code);
      if (r.step === 'done' || campaign.eligibility.verification !== 'code') {
        await ctx.reply(ctx.t(r.verified !== null || campaign.eligibility.verification !== 'code' ? 'reg-code-not-needed' : 'reg-code-later'));
      } else {
        ctx.session.pendingStart = payload;
        await ctx.reply(ctx.t('reg-code-later'));
      }
    }
    if (r.step !== 'done') {
      if (payload?.startsWith('idea_') === true) ctx.session.pendingStart = payload;
      return prompt(ctx, r);
    }
    if (payload?.startsWith('idea_') === true) return hooks.openIdea(ctx, Number(payload.slice(5)));
    return hooks.showMenu(ctx);
  });

  privateChat.callbackQuery(regCallback.filter, async (ctx) => {
    const r = ctx.resident;
    const parsed = regCallback.decode(ctx.callbackQuery.data);
    if (r === null || parsed === null || STEP_OF[parsed[0]] !== r.step) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      if (r !== null && r.step !== 'done') await prompt(ctx, r);
      return;
    }
    const [kind, value] = parsed;
    await ctx.answerCallbackQuery();
    // The buttons of this prompt are spent: remove them so the chat shows one live prompt.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const answer =
      kind === 'lang'
        ? ({ step: 'language', locale: value } as const)
        : kind === 'consent'
          ? ({ step: 'consent', accepted: value === 'yes' } as const)
          : kind === 'age'
            ? ({ step: 'age', band: value } as const)
            : ({ step: 'area', area: value } as const);
    const out = await engine.answerRegistration(r.id, answer);
    if (!out.ok) {
      await replyRefusal(ctx, services, out);
      return prompt(ctx, r);
    }
    return advance(ctx, out.value);
  });

  const applyCode = async (ctx: PnyxContext, raw: string): Promise<void> => {
    const r = ctx.resident;
    if (r === null) return;
    const out = await engine.verifyByCode(r.id, raw);
    if (!out.ok) return replyRefusal(ctx, services, out);
    return advance(ctx, out.value);
  };

  privateChat.on('message:contact', async (ctx, next) => {
    const r = ctx.resident;
    if (r === null || r.step !== 'verification' || campaign.eligibility.verification !== 'phone') return next();
    // Only the sender's own number: a forwarded or picked contact carries another user_id (or none).
    if (ctx.message.contact.user_id !== ctx.from.id) {
      await ctx.reply(ctx.t('reg-phone-not-own'), { parse_mode: 'HTML' });
      return prompt(ctx, r);
    }
    const out = await engine.verifyByPhone(r.id, ctx.message.contact.phone_number);
    if (!out.ok) return replyRefusal(ctx, services, out);
    return advance(ctx, out.value);
  });

  privateChat.on('message:text', async (ctx, next) => {
    const r = ctx.resident;
    if (r === null || r.step === 'done') return next();
    const text = ctx.message.text;
    const command = /^\/([a-z_]+)/.exec(text)?.[1];
    if (command !== undefined && OPEN_COMMANDS.has(command)) return next();
    if (r.step === 'area' && command === undefined && campaign.areas.some((a) => a.postcodes.length > 0)) {
      const area = await engine.areaForPostcode(text);
      if (!area.ok) {
        await replyRefusal(ctx, services, area);
        return prompt(ctx, r);
      }
      const out = await engine.answerRegistration(r.id, { step: 'area', area: area.value });
      if (!out.ok) {
        await replyRefusal(ctx, services, out);
        return prompt(ctx, r);
      }
      return advance(ctx, out.value);
    }
    if (r.step === 'verification' && campaign.eligibility.verification === 'code' && command === undefined) return applyCode(ctx, text);
    await ctx.reply(ctx.t('reg-finish-first'));
    return prompt(ctx, r);
  });

  // Anything else from someone still registering (photos, stickers, other buttons): the current step.
  privateChat.use(async (ctx, next) => {
    const r = ctx.resident;
    if (r === null || r.step === 'done') return next();
    const command = /^\/([a-z_]+)/.exec(ctx.message?.text ?? '')?.[1];
    if (command !== undefined && OPEN_COMMANDS.has(command)) return next();
    if (ctx.callbackQuery !== undefined) await ctx.answerCallbackQuery({ text: ctx.t('reg-finish-first') });
    else if (ctx.message !== undefined) await ctx.reply(ctx.t('reg-finish-first'));
    else return next();
    return prompt(ctx, r);
  });

  return composer;
}
