/**
 * Browsing ideas (SPEC §2.2): the menu's `browse` action and `/ideas` send one list message
 * (`engine.browseIdeas`, BROWSE_PAGE_SIZE per page); Next / Previous and the filters (by
 * category, by area, or all) edit that same message in place; each entry opens the idea's
 * card. A press is judged against the engine now: a page past the end shows the last page,
 * a filter the campaign no longer has is an expired button.
 */
import { Composer } from 'grammy';
import type { BotServices, PnyxContext } from '../context.ts';
import { replyRefusal } from './replies.ts';
import { refusalText } from '../render/refusal-text.ts';
import { BROWSE_PAGE_SIZE, browseCallback, callbackAnswer, editInPlace, filterChooser, ideaListKeyboard, ideaListText } from '../render/idea-list.ts';
import type { BrowseFilters } from '../render/idea-list.ts';
import { cardCallback } from './idea-card.ts';
import { menuCallback } from './main-menu.ts';

/** The list's text and keyboard for a page and filters, or the engine's refusal. */
async function listView(services: BotServices, locale: string, page: number, f: BrowseFilters) {
  const { campaign } = services;
  const category = f.category === null ? null : (campaign.categories[f.category]?.id ?? null);
  const area = f.area === null ? null : (campaign.areas[f.area]?.id ?? null);
  const out = await services.engine.browseIdeas({ category, area, page, pageSize: BROWSE_PAGE_SIZE });
  if (!out.ok) return out;
  return {
    ok: true as const,
    text: ideaListText(services, locale, out.value, f),
    keyboard: ideaListKeyboard(services, locale, out.value, f, (n) => cardCallback.encode('o', n)),
  };
}

/** Whether the filter indices name a category and an area the campaign has. */
function known(services: BotServices, f: BrowseFilters): boolean {
  return (f.category === null || f.category < services.campaign.categories.length) && (f.area === null || f.area < services.campaign.areas.length);
}

/** Sends the first page of the list, unfiltered. */
export async function showIdeaList(ctx: PnyxContext, services: BotServices): Promise<void> {
  const locale = ctx.resident?.locale ?? services.campaign.defaultLocale;
  const view = await listView(services, locale, 1, { category: null, area: null });
  if (!view.ok) {
    await replyRefusal(ctx, services, view);
    return;
  }
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard, link_preview_options: { is_disabled: true } });
}

/** `/ideas`, the menu's `browse`, and the list's buttons. */
export function browseFeature(services: BotServices): Composer<PnyxContext> {
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');

  privateChat.command('ideas', (ctx) => showIdeaList(ctx, services));
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'browse') return next();
    await ctx.answerCallbackQuery();
    return showIdeaList(ctx, services);
  });

  privateChat.callbackQuery(browseCallback.filter, async (ctx) => {
    const parsed = browseCallback.decode(ctx.callbackQuery.data);
    const f: BrowseFilters | null = parsed === null ? null : { category: parsed[2] === '-' ? null : parsed[2], area: parsed[3] === '-' ? null : parsed[3] };
    if (parsed === null || f === null || !known(services, f)) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    const locale = ctx.resident?.locale ?? services.campaign.defaultLocale;
    const [view, page] = parsed;
    if (view !== 'l') {
      await ctx.answerCallbackQuery();
      const chooser = filterChooser(services, locale, view, page, f);
      return editInPlace(ctx, chooser.text, chooser.keyboard);
    }
    const list = await listView(services, locale, page, f);
    if (!list.ok) {
      await ctx.answerCallbackQuery({ text: callbackAnswer(refusalText(services.translate, locale, services.campaign, list)) });
      return;
    }
    await ctx.answerCallbackQuery();
    return editInPlace(ctx, list.text, list.keyboard);
  });

  return composer;
}
