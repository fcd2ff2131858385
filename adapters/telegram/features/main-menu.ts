/**
 * The main menu: one message saying where the campaign stands (the phase and its dates, or
 * the next date between phases) with the actions this phase allows. A press is judged
 * against the phase at the time of the press, not the one the menu was drawn in: an action
 * the phase no longer allows gets a short explanation and a fresh menu. The action itself is
 * handled by its feature (each listens to `menuCallback` for its own action).
 */
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { PhaseStatus } from '../../../core/phases/phase-machine.ts';
import type { ResidentRole } from '../../../core/residents/resident.ts';
import { defineCallback } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { escapeHtml } from '../render/html.ts';
import { localized } from '../render/localized.ts';
import { formatFor } from '../render/text-format.ts';

/** Every action the menu can offer. */
export const MENU_ACTIONS = ['submit', 'browse', 'mine', 'ask', 'articles', 'vote', 'results', 'settings', 'ambassador'] as const;
export type MenuAction = (typeof MENU_ACTIONS)[number];

/** Menu buttons: `menu|<action>`. */
export const menuCallback = defineCallback('menu', z.tuple([z.enum(MENU_ACTIONS)]));

/** The actions of a phase, in menu order (before those a feature is not installed for are dropped). */
export function actionsFor(status: PhaseStatus): readonly MenuAction[] {
  // Ambassadors help in every phase (their own menu says what the phase allows).
  return [...phaseActions(status), 'ambassador'];
}

/** Who sees the `ambassador` action: the roles the engine lets act on a resident's behalf. */
export function helpsResidents(role: ResidentRole | null | undefined): boolean {
  return role === 'ambassador' || role === 'staff';
}

function phaseActions(status: PhaseStatus): readonly MenuAction[] {
  if (status.kind === 'between') return status.after === 'draft' ? ['ask', 'articles', 'settings'] : ['browse', 'mine', 'ask', 'articles', 'settings'];
  switch (status.phase) {
    case 'draft':
      return ['ask', 'articles', 'settings'];
    case 'submission':
      return ['submit', 'browse', 'mine', 'ask', 'articles', 'settings'];
    case 'voting':
      return ['vote', 'browse', 'mine', 'ask', 'articles', 'settings'];
    case 'announced':
    case 'archived':
      return ['results', 'browse', 'mine', 'ask', 'articles', 'settings'];
    case 'review':
    case 'tallying':
      return ['browse', 'mine', 'ask', 'articles', 'settings'];
  }
}

/** Options of the menu: which actions have a feature installed. */
export interface MainMenuOptions {
  readonly installed: ReadonlySet<MenuAction>;
}

/** Where the campaign stands, in one line: the phase and its end, or the next phase and its date. */
export function phaseText(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, status: PhaseStatus): string {
  const t = services.translate;
  const f = formatFor(locale, services.campaign);
  if (status.kind === 'open') return status.closesAt === null ? t(locale, `menu-phase-${status.phase}`) : t(locale, `menu-phase-${status.phase}-until`, { date: f.date(status.closesAt) });
  if (status.kind === 'held') return t(locale, `menu-phase-${status.phase}`);
  return t(locale, 'menu-between', { phase: t(locale, `menu-phase-name-${status.next}`), date: f.date(status.opensAt) });
}

/** The menu's text and keyboard for a resident in `locale` (with `role`) at the current phase. */
export async function menuView(services: BotServices, options: MainMenuOptions, locale: string, role: ResidentRole | null = null): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const { engine, campaign, translate: t } = services;
  const { status } = await engine.status();
  const name = escapeHtml(localized(campaign, campaign.name, locale));
  const where = phaseText(services, locale, status);
  const keyboard = new InlineKeyboard();
  const actions = actionsFor(status).filter((a) => options.installed.has(a) && (a !== 'ambassador' || helpsResidents(role)));
  actions.forEach((a, i) => {
    keyboard.text(t(locale, a === 'ambassador' ? 'amb-menu-button' : `menu-${a}`), menuCallback.encode(a));
    if (i % 2 === 1) keyboard.row();
  });
  return { text: `<b>${name}</b>\n${where}\n\n${t(locale, 'menu-choose')}`, keyboard };
}

/** Sends the main menu. */
export async function showMenu(ctx: PnyxContext, services: BotServices, options: MainMenuOptions): Promise<void> {
  const locale = ctx.resident?.locale ?? services.campaign.defaultLocale;
  const view = await menuView(services, options, locale, ctx.resident?.role ?? null);
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard });
}

/** `/menu` and the menu buttons' phase check. */
export function mainMenuFeature(services: BotServices, options: MainMenuOptions): Composer<PnyxContext> {
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');
  privateChat.command('menu', (ctx) => showMenu(ctx, services, options));
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    const parsed = menuCallback.decode(ctx.callbackQuery.data);
    if (parsed === null || !options.installed.has(parsed[0])) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return showMenu(ctx, services, options);
    }
    const { status } = await services.engine.status();
    if (!actionsFor(status).includes(parsed[0])) {
      await ctx.answerCallbackQuery({ text: ctx.t('menu-not-now') });
      return showMenu(ctx, services, options);
    }
    return next();
  });
  return composer;
}
