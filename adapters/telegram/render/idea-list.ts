/**
 * The browse list (one message, edited in place): a page of at most BROWSE_PAGE_SIZE ideas
 * with their state and supports, the filter line, and the keyboard — an entry per idea that
 * opens its card, Previous / Next, and the filter choosers. Also the small helpers the
 * browsing features share to answer a press: Telegram's plain form of a text, a callback
 * answer that fits 200 characters, and an edit that is skipped when it would change nothing.
 *
 * Size: a page holds at most 5 entries of a title (80 characters), a description excerpt
 * (EXCERPT_CHARS) and two short lines, well under Telegram's 4,096 characters after parsing
 * whatever the ideas hold, so the list is bounded by construction and never split.
 */
import { InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { BrowsePage } from '../../../core/engine/browse-usecases.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { BotServices } from '../context.ts';
import { escapeHtml } from './html.ts';
import { localized } from './localized.ts';
import { formatFor } from './text-format.ts';

/** Ideas on one page of the list. */
export const BROWSE_PAGE_SIZE = 5;
/** Description characters shown under each entry. */
export const EXCERPT_CHARS = 140;
/** Characters of a title on an entry's button. */
const LABEL_TITLE_CHARS = 40;
/** Telegram's limit on a callback answer's text. */
export const CALLBACK_ANSWER_MAX = 200;

/** A filter part of the list's buttons: `-` (every one) or the index in the campaign's list. */
const filterPart = z.union([z.literal('-'), intPart]);

/**
 * List buttons: `br|<view>|<page>|<category>|<area>`. `l` the list, `c` the category
 * chooser, `a` the area chooser. Filters are indices into the campaign's categories and
 * areas, not ids: ids have no length bound and the data must fit 64 bytes.
 */
export const browseCallback = defineCallback('br', z.tuple([z.enum(['l', 'c', 'a']), intPart, filterPart, filterPart]));

/** The list's filters as indices (null: every one). */
export interface BrowseFilters {
  readonly category: number | null;
  readonly area: number | null;
}

const part = (i: number | null): number | '-' => (i === null ? '-' : i);

/** Encodes a list button. */
export function browseData(view: 'l' | 'c' | 'a', page: number, f: BrowseFilters): string {
  return browseCallback.encode(view, page, part(f.category), part(f.area));
}

/** Cuts `s` to `max` code points, with an ellipsis when cut. */
export function cut(s: string, max: number): string {
  const points = [...s];
  return points.length <= max ? s : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The list's text (HTML) for a page of ideas and the filters. */
export function ideaListText(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, page: BrowsePage, f: BrowseFilters): string {
  const { campaign, translate: t } = services;
  const money = formatFor(locale, campaign).money;
  const category = f.category === null ? null : campaign.categories[f.category];
  const area = f.area === null ? null : campaign.areas[f.area];
  const filters = t(locale, 'browse-filters', {
    category: category == null ? t(locale, 'browse-all-categories') : escapeHtml(localized(campaign, category.name, locale)),
    area: area == null ? t(locale, 'browse-all-areas') : escapeHtml(localized(campaign, area.name, locale)),
  });
  const head = `<b>${t(locale, 'browse-title')}</b>\n${filters}`;
  if (page.total === 0) return `${head}\n\n${t(locale, f.category === null && f.area === null ? 'browse-empty' : 'browse-empty-filtered')}`;
  const entries = page.items.map(({ idea, supports }) => {
    const cost = idea.cost === null ? t(locale, 'card-cost-unknown') : money(idea.cost);
    return [
      `<b>#${idea.number} ${escapeHtml(idea.title)}</b>`,
      `${t(locale, `card-state-${idea.state.replace(/_/g, '-')}`)} · ${t(locale, 'card-supports', { count: supports })} · ${cost}`,
      `<i>${escapeHtml(cut(idea.description.replace(/\s+/g, ' '), EXCERPT_CHARS))}</i>`,
    ].join('\n');
  });
  return `${head}\n${t(locale, 'browse-count', { count: page.total })}\n\n${entries.join('\n\n')}\n\n${t(locale, 'common-page', { page: page.page, pages: page.pages })}`;
}

/** The list's keyboard: one button per entry (`open` builds its data), paging, filters. */
export function ideaListKeyboard(services: Pick<BotServices, 'translate'>, locale: string, page: BrowsePage, f: BrowseFilters, open: (n: number) => string): InlineKeyboard {
  const t = services.translate;
  const kb = new InlineKeyboard();
  for (const { idea } of page.items) kb.text(`#${idea.number} ${cut(idea.title, LABEL_TITLE_CHARS)}`, open(idea.number)).row();
  if (page.page > 1) kb.text(t(locale, 'common-previous'), browseData('l', page.page - 1, f));
  if (page.page < page.pages) kb.text(t(locale, 'common-next'), browseData('l', page.page + 1, f));
  if (page.pages > 1) kb.row();
  kb.text(t(locale, 'browse-by-category'), browseData('c', page.page, f)).text(t(locale, 'browse-by-area'), browseData('a', page.page, f));
  return kb;
}

/** The chooser of a filter (categories or areas): "all" and each one, back to page 1 of the list. */
export function filterChooser(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, which: 'c' | 'a', page: number, f: BrowseFilters): { text: string; keyboard: InlineKeyboard } {
  const { campaign, translate: t } = services;
  const kb = new InlineKeyboard();
  const all = which === 'c' ? { ...f, category: null } : { ...f, area: null };
  kb.text(t(locale, which === 'c' ? 'browse-all-categories' : 'browse-all-areas'), browseData('l', 1, all)).row();
  const names = which === 'c' ? campaign.categories.map((c) => c.name) : campaign.areas.map((a) => a.name);
  names.forEach((name, i) => {
    kb.text(cut(localized(campaign, name, locale), LABEL_TITLE_CHARS), browseData('l', 1, which === 'c' ? { ...f, category: i } : { ...f, area: i }));
    if (i % 2 === 1) kb.row();
  });
  kb.row().text(t(locale, 'common-back'), browseData('l', page, f));
  return { text: t(locale, which === 'c' ? 'browse-choose-category' : 'browse-choose-area'), keyboard: kb };
}

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };

/** The text Telegram shows for an HTML text of this bot (tags dropped, entities read). */
export function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(lt|gt|amp|quot);/g, (m) => ENTITIES[m] ?? m);
}

/** An HTML text as a callback answer: plain, at most 200 characters. */
export function callbackAnswer(html: string): string {
  return cut(plainText(html), CALLBACK_ANSWER_MAX);
}

/** What {@link editInPlace} needs of a context. */
export interface EditableContext {
  readonly callbackQuery?: { readonly message?: { readonly text?: string; readonly reply_markup?: unknown } } | undefined;
  editMessageText(text: string, other: { parse_mode: 'HTML'; reply_markup: InlineKeyboard; link_preview_options: { is_disabled: boolean } }): Promise<unknown>;
}

/**
 * Edits the pressed message into `html` with `keyboard`, unless it already shows exactly
 * that: Telegram refuses an edit that changes nothing ("message is not modified"), which a
 * second press on an unchanged card would otherwise cause.
 */
export async function editInPlace(ctx: EditableContext, html: string, keyboard: InlineKeyboard): Promise<void> {
  const shown = ctx.callbackQuery?.message;
  if (shown !== undefined && shown.text === plainText(html) && JSON.stringify(shown.reply_markup ?? { inline_keyboard: [] }) === JSON.stringify({ inline_keyboard: keyboard.inline_keyboard })) return;
  try {
    await ctx.editMessageText(html, { parse_mode: 'HTML', reply_markup: keyboard, link_preview_options: { is_disabled: true } });
  } catch (e) {
    // The message as Telegram echoes it may differ in form only (key order): same content.
    if (!/message is not modified/.test((e as { description?: string }).description ?? '')) throw e;
  }
}
