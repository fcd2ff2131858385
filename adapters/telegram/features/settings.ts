/**
 * The resident's own settings (SPEC §2.4): `/help`, `/language`, `/stop`, `/resume`, and the
 * menu's ⚙️ action, which gathers language, updates on/off, "my data" and "forget me" in one
 * message. Every press is judged against the resident as stored now (a language the campaign
 * no longer offers is refused by the engine), never against what the message showed.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import { defineCallback, idPart } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { languageKeyboard } from '../render/choice-keyboards.ts';
import { replyRefusal } from './replies.ts';
import { escapeHtml } from '../render/html.ts';
import { languageName, localized } from '../render/localized.ts';
import { menuCallback, phaseText } from './main-menu.ts';
import { askForget, sendMyData } from './my-data.ts';

/** Language buttons: `lang|<locale>`. */
export const languageCallback = defineCallback('lang', z.tuple([idPart]));

/** Settings buttons: `set|<action>`. */
export const settingsCallback = defineCallback('set', z.tuple([z.enum(['language', 'updates-on', 'updates-off', 'mydata', 'forget'])]));

/** The commands `/help` lists, in that order (each has a `cmd-<name>` description). */
export const HELP_COMMANDS = ['menu', 'idea', 'ideas', 'myideas', 'vote', 'results', 'ask', 'myquestions', 'news', 'language', 'mydata', 'forget', 'stop', 'resume'] as const;

/** Where the campaign stands, in one line (the main menu's wording). */
export async function phaseLine(services: BotServices, locale: string): Promise<string> {
  return phaseText(services, locale, (await services.engine.status()).status);
}

/** The `/help` text: what the bot does, where the campaign stands, the commands, how to reach the team. */
export async function helpText(services: BotServices, locale: string): Promise<string> {
  const { campaign, translate: t } = services;
  const commands = HELP_COMMANDS.map((c) => `/${c} — ${escapeHtml(t(locale, `cmd-${c}`))}`).join('\n');
  return [
    t(locale, 'help-intro', { campaign: escapeHtml(localized(campaign, campaign.name, locale)) }),
    `<b>${escapeHtml(t(locale, 'help-now'))}</b> ${escapeHtml(await phaseLine(services, locale))}`,
    `<b>${escapeHtml(t(locale, 'help-commands'))}</b>\n${commands}`,
    t(locale, 'help-team'),
  ].join('\n\n');
}

/** The settings message: the resident's choices now, and a button for each. */
function settingsView(services: BotServices, ctx: PnyxContext): { text: string; keyboard: InlineKeyboard } {
  const r = ctx.resident!;
  const updates = ctx.t(r.subscribed ? 'settings-updates-on' : 'settings-updates-off');
  const text = [`<b>${escapeHtml(ctx.t('settings-title'))}</b>`, ctx.t('settings-language-now', { language: escapeHtml(languageName(r.locale)) }), escapeHtml(updates)].join('\n');
  const keyboard = new InlineKeyboard();
  if (services.campaign.locales.length > 1) keyboard.text(ctx.t('settings-button-language'), settingsCallback.encode('language')).row();
  keyboard.text(ctx.t(r.subscribed ? 'settings-button-stop' : 'settings-button-resume'), settingsCallback.encode(r.subscribed ? 'updates-off' : 'updates-on')).row();
  keyboard.text(ctx.t('settings-button-mydata'), settingsCallback.encode('mydata')).text(ctx.t('settings-button-forget'), settingsCallback.encode('forget'));
  return { text, keyboard };
}

/** The settings feature. */
export function settingsFeature(services: BotServices): Composer<PnyxContext> {
  const { engine, campaign } = services;
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');

  const localeOf = (ctx: PnyxContext): string => ctx.resident?.locale ?? campaign.defaultLocale;
  const askLanguage = async (ctx: PnyxContext): Promise<void> => {
    const kb = languageKeyboard(campaign, (l) => languageCallback.encode(l));
    await ctx.reply(ctx.t('settings-language-choose'), { reply_markup: kb });
  };

  const setUpdates = async (ctx: PnyxContext, subscribed: boolean): Promise<void> => {
    const r = ctx.resident;
    if (r === null) return;
    const out = await engine.setSubscribed(r.id, subscribed);
    if (!out.ok) {
      await replyRefusal(ctx, services, out);
      return;
    }
    ctx.resident = out.value;
    await ctx.reply(ctx.t(subscribed ? 'settings-resumed' : 'settings-stopped'), { parse_mode: 'HTML' });
  };

  const showSettings = async (ctx: PnyxContext): Promise<void> => {
    if (ctx.resident === null) return;
    const view = settingsView(services, ctx);
    await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
  };

  privateChat.command('help', async (ctx) => {
    await ctx.reply(await helpText(services, localeOf(ctx)), { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
  });
  privateChat.command('language', askLanguage);
  privateChat.command('stop', (ctx) => setUpdates(ctx, false));
  privateChat.command('resume', (ctx) => setUpdates(ctx, true));
  privateChat.command('settings', showSettings);

  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'settings') return next();
    await ctx.answerCallbackQuery();
    return showSettings(ctx);
  });

  privateChat.callbackQuery(languageCallback.filter, async (ctx) => {
    const r = ctx.resident;
    const parsed = languageCallback.decode(ctx.callbackQuery.data);
    if (r === null || parsed === null || !campaign.locales.includes(parsed[0])) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    await ctx.answerCallbackQuery();
    const out = await engine.setLanguage(r.id, parsed[0]);
    if (!out.ok) {
      await replyRefusal(ctx, services, out);
      return;
    }
    ctx.resident = out.value;
    // From this reply on, everything is in the new language.
    await ctx.i18n.renegotiateLocale();
    await ctx.reply(ctx.t('settings-language-done', { language: escapeHtml(languageName(out.value.locale)) }), { parse_mode: 'HTML' });
    if (out.value.step !== 'done') await ctx.reply(ctx.t('settings-continue-registration'));
  });

  privateChat.callbackQuery(settingsCallback.filter, async (ctx) => {
    const parsed = settingsCallback.decode(ctx.callbackQuery.data);
    if (ctx.resident === null || parsed === null) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    await ctx.answerCallbackQuery();
    switch (parsed[0]) {
      case 'language':
        return askLanguage(ctx);
      case 'updates-on':
        return setUpdates(ctx, true);
      case 'updates-off':
        return setUpdates(ctx, false);
      case 'mydata':
        return sendMyData(ctx, services);
      case 'forget':
        return askForget(ctx);
    }
  });

  return composer;
}
