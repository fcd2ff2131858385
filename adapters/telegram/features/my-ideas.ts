/**
 * My ideas (SPEC §2.4, issue 10): the resident's own ideas in every state, as a paged list;
 * each opens its card with the committee's comment, what to do next, and the actions its
 * state allows — edit and resubmit after "changes requested" (the idea wizard, pre-filled),
 * accept or decline a rewrite proposed by the committee (shown next to the current text),
 * withdraw (after a confirmation) while the engine allows it.
 *
 * Buttons name the idea by its public number; every press reads the idea afresh and is
 * judged against its state at that moment, not the one the message showed. A rewrite answer
 * also carries the idea's version: a proposal that changed since it was shown is shown again
 * rather than accepted unseen.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Idea } from '../../../core/ideas/idea.ts';
import { WITHDRAWABLE } from '../../../core/ideas/idea-rules.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { replyRefusal } from './replies.ts';
import { escapeHtml } from '../render/html.ts';
import { ideaCardText } from '../render/idea-card.ts';
import { commentText, rewriteComparisonText } from '../render/idea-draft.ts';
import { enterIdeaWizard } from './idea-wizard.ts';
import { menuCallback } from './main-menu.ts';

/** Ideas per page of the list. */
export const MINE_PAGE_SIZE = 5;

/**
 * My-ideas buttons: `mi|<action>|<n>|<version>` — `list` (n = page), `open`, `resub`, `wd`
 * (asks), `wdy` (withdraws), `acc` / `dec` (answer the rewrite of idea n at `version`).
 */
export const mineCallback = defineCallback('mi', z.tuple([z.enum(['list', 'open', 'resub', 'wd', 'wdy', 'acc', 'dec']), intPart, intPart]));

/** Title cut for a button label (Telegram shows about 40 characters on a phone). */
function shortTitle(title: string, max = 40): string {
  const chars = [...title];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : title;
}

/** The list's text and keyboard for `page` (1-based, clamped). */
export function mineListView(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, ideas: readonly { readonly idea: Idea }[], page: number): { text: string; keyboard: InlineKeyboard } {
  const t = services.translate;
  const pages = Math.max(1, Math.ceil(ideas.length / MINE_PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const shown = ideas.slice((p - 1) * MINE_PAGE_SIZE, p * MINE_PAGE_SIZE);
  const keyboard = new InlineKeyboard();
  if (ideas.length === 0) return { text: t(locale, 'mine-empty'), keyboard };
  const lines = shown.map(({ idea }) => `<b>#${idea.number}</b> ${escapeHtml(idea.title)}\n${t(locale, `card-state-${idea.state.replace(/_/g, '-')}`)}`);
  for (const { idea } of shown) keyboard.text(`#${idea.number} ${shortTitle(idea.title)}`, mineCallback.encode('open', idea.number, 0)).row();
  if (pages > 1) {
    if (p > 1) keyboard.text(t(locale, 'common-previous'), mineCallback.encode('list', p - 1, 0));
    if (p < pages) keyboard.text(t(locale, 'common-next'), mineCallback.encode('list', p + 1, 0));
    keyboard.row();
  }
  const head = t(locale, 'mine-title', { count: ideas.length });
  const pageLine = pages > 1 ? `\n${t(locale, 'common-page', { page: p, pages })}` : '';
  return { text: `${head}\n\n${lines.join('\n\n')}${pageLine}\n\n${t(locale, 'mine-open-hint')}`, keyboard };
}

/** What the resident can do next with an idea in this state (a key of ideas.ftl). */
function nextStepKey(idea: Idea): string {
  if (idea.rewrite !== null) return 'mine-next-rewrite';
  switch (idea.state) {
    case 'changes_requested':
      return 'mine-next-changes-requested';
    case 'submitted':
    case 'resubmitted':
      return 'mine-next-wait';
    case 'eligible':
      return 'mine-next-eligible';
    case 'finalist':
      return 'mine-next-finalist';
    default:
      return 'mine-next-none';
  }
}

/** The card of one of my ideas, with its actions. */
export function mineCardView(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, idea: Idea, supports: number): { text: string; keyboard: InlineKeyboard } {
  const t = services.translate;
  const parts = [ideaCardText(services, locale, idea, supports)];
  const comment = idea.decision?.comment ?? null;
  if (comment !== null && comment.trim() !== '') parts.push(`<b>${t(locale, 'mine-comment')}</b>\n${commentText(comment)}`);
  parts.push(t(locale, nextStepKey(idea)));
  const keyboard = new InlineKeyboard();
  if (idea.state === 'changes_requested') keyboard.text(t(locale, 'mine-resubmit'), mineCallback.encode('resub', idea.number, 0)).row();
  if (WITHDRAWABLE.includes(idea.state)) keyboard.text(t(locale, 'mine-withdraw'), mineCallback.encode('wd', idea.number, 0)).row();
  keyboard.text(t(locale, 'mine-back'), mineCallback.encode('list', 1, 0));
  return { text: parts.join('\n\n'), keyboard };
}

/** The rewrite proposal next to the current text, with Accept / Decline (null when none is pending). */
export function mineRewriteView(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, idea: Idea): { text: string; keyboard: InlineKeyboard } | null {
  if (idea.rewrite === null) return null;
  const t = services.translate;
  const keyboard = new InlineKeyboard().text(t(locale, 'mine-rewrite-accept'), mineCallback.encode('acc', idea.number, idea.version)).text(t(locale, 'mine-rewrite-decline'), mineCallback.encode('dec', idea.number, idea.version));
  return { text: rewriteComparisonText(services, locale, idea), keyboard };
}

/** The my-ideas feature: `/myideas`, the menu's `mine`, and the `mi|…` buttons. */
export function myIdeasFeature(services: BotServices): Composer<PnyxContext> {
  const { engine, campaign } = services;
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');
  const localeOf = (ctx: PnyxContext): string => ctx.resident?.locale ?? campaign.defaultLocale;
  const registered = (ctx: PnyxContext): string | null => (ctx.resident !== null && ctx.resident.step === 'done' ? ctx.resident.id : null);
  const html = { parse_mode: 'HTML' } as const;

  const showList = async (ctx: PnyxContext, page: number, edit: boolean): Promise<void> => {
    const me = registered(ctx);
    if (me === null) return;
    const view = mineListView(services, localeOf(ctx), await engine.myIdeas(me), page);
    if (edit) {
      const edited = await ctx.editMessageText(view.text, { ...html, reply_markup: view.keyboard }).then(
        () => true,
        () => false,
      );
      if (edited) return;
    }
    await ctx.reply(view.text, { ...html, reply_markup: view.keyboard });
  };

  /** My idea number `n` as it is now, or null after telling why there is none. */
  const mine = async (ctx: PnyxContext, n: number): Promise<{ idea: Idea; supports: number } | null> => {
    const me = registered(ctx);
    if (me === null) return null;
    const out = await engine.ideaByNumber(n, me);
    if (!out.ok) {
      await replyRefusal(ctx, services, out);
      return null;
    }
    if (out.value.idea.authorId !== me) {
      await replyRefusal(ctx, services, { code: 'idea.not_author', params: {} });
      return null;
    }
    return out.value;
  };

  const showCard = async (ctx: PnyxContext, found: { idea: Idea; supports: number }): Promise<void> => {
    const locale = localeOf(ctx);
    const card = mineCardView(services, locale, found.idea, found.supports);
    await ctx.reply(card.text, { ...html, reply_markup: card.keyboard });
    const rewrite = mineRewriteView(services, locale, found.idea);
    if (rewrite !== null) await ctx.reply(rewrite.text, { ...html, reply_markup: rewrite.keyboard });
  };

  privateChat.command('myideas', (ctx) => showList(ctx, 1, false));
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'mine') return next();
    await ctx.answerCallbackQuery();
    return showList(ctx, 1, false);
  });

  privateChat.callbackQuery(mineCallback.filter, async (ctx) => {
    const parsed = mineCallback.decode(ctx.callbackQuery.data);
    const me = registered(ctx);
    if (parsed === null || me === null) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    const [action, n, version] = parsed;
    if (action === 'list') {
      await ctx.answerCallbackQuery();
      return showList(ctx, n, true);
    }
    await ctx.answerCallbackQuery();
    const found = await mine(ctx, n);
    if (found === null) return;
    const { idea } = found;
    switch (action) {
      case 'open':
        return showCard(ctx, found);
      case 'resub': {
        if (idea.state !== 'changes_requested') {
          await replyRefusal(ctx, services, { code: 'idea.wrong_state', params: { state: idea.state, idea: idea.number } });
          return showCard(ctx, found);
        }
        if (!(await enterIdeaWizard(ctx, { mode: 'resubmit', idea: idea.number }))) await ctx.reply(ctx.t('idea-busy'), html);
        return;
      }
      case 'wd': {
        if (!WITHDRAWABLE.includes(idea.state)) {
          await replyRefusal(ctx, services, { code: 'idea.wrong_state', params: { state: idea.state, idea: idea.number } });
          return showCard(ctx, found);
        }
        const kb = new InlineKeyboard().text(ctx.t('mine-withdraw-yes'), mineCallback.encode('wdy', idea.number, 0)).text(ctx.t('mine-withdraw-no'), mineCallback.encode('open', idea.number, 0));
        await ctx.reply(ctx.t('mine-withdraw-confirm', { number: idea.number, title: escapeHtml(idea.title) }), { ...html, reply_markup: kb });
        return;
      }
      case 'wdy': {
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        const out = await engine.withdrawIdea(me, idea.id);
        if (!out.ok) return replyRefusal(ctx, services, out);
        await ctx.reply(ctx.t('mine-withdrawn', { number: idea.number }), html);
        return;
      }
      case 'acc':
      case 'dec': {
        if (idea.rewrite === null || idea.version !== version) {
          await ctx.reply(ctx.t(idea.rewrite === null ? 'mine-rewrite-gone' : 'mine-changed'), html);
          return showCard(ctx, found);
        }
        await ctx.editMessageReplyMarkup().catch(() => undefined);
        const out = await engine.answerRewrite(me, idea.id, action === 'acc');
        if (!out.ok) return replyRefusal(ctx, services, out);
        await ctx.reply(ctx.t(action === 'acc' ? 'mine-rewrite-accepted' : 'mine-rewrite-declined', { number: idea.number }), html);
        return;
      }
    }
  });
  return composer;
}
