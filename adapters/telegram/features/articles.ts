/**
 * The campaign's explanatory articles (SPEC §2, "explanatory articles"): the menu's
 * `articles` action and `/news`. The current phase's articles come first, then those for
 * every phase, then the others (the campaign file's order within each group). Articles are
 * packed into pages that fit one Telegram message (PAGE_CHARS of text after parsing); an
 * article longer than a page is cut into parts at line or word ends. Previous / Next edit
 * the message in place; the pages are recomputed at every press (phase and language now).
 */
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Article, Campaign, Phase } from '../../../core/campaign/campaign.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { escapeAttribute, escapeHtml } from '../render/html.ts';
import { editInPlace } from '../render/idea-list.ts';
import { localized } from '../render/localized.ts';
import { menuCallback } from './main-menu.ts';

/** Article pages: `art|<page>` (1-based). */
export const articlesCallback = defineCallback('art', z.tuple([intPart]));

/** Text characters (after parsing) of one page: room under 4,096 for the page line. */
export const PAGE_CHARS = 3500;

/** Articles in reading order for `phase`: that phase's, then every phase's, then the rest. */
export function articlesInOrder(articles: readonly Article[], phase: Phase | null): readonly Article[] {
  const rank = (a: Article): number => (a.phase !== null && a.phase === phase ? 0 : a.phase === null ? 1 : 2);
  // Array.prototype.sort is stable: the campaign file's order holds within a group.
  return [...articles].sort((a, b) => rank(a) - rank(b));
}

/** Cuts plain text into parts of at most `max` code units, at a line end or a space when there is one. */
function parts(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = window.lastIndexOf('\n');
    if (at < max / 2) at = window.lastIndexOf(' ');
    if (at < max / 2) at = max;
    // Never between the halves of a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(at - 1))) at -= 1;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/** One block of a page: its HTML and its length as Telegram counts it (parsed text). */
interface Block {
  readonly html: string;
  readonly chars: number;
}

function blocksOf(campaign: Campaign, t: BotServices['translate'], locale: string, a: Article): Block[] {
  const title = localized(campaign, a.title, locale);
  const body = localized(campaign, a.body, locale);
  const linkLabel = t(locale, 'articles-read-more');
  // Title, link and separators; the body gets the rest of a page.
  const overhead = title.length + linkLabel.length + 16;
  const bodies = parts(body, PAGE_CHARS - overhead);
  return bodies.map((piece, i) => {
    const head = bodies.length > 1 ? `${title} (${i + 1}/${bodies.length})` : title;
    const link = a.url !== null && i === bodies.length - 1 ? `\n<a href="${escapeAttribute(a.url)}">${escapeHtml(linkLabel)}</a>` : '';
    return { html: `<b>${escapeHtml(head)}</b>\n${escapeHtml(piece)}${link}`, chars: head.length + 1 + piece.length + (link === '' ? 0 : 1 + linkLabel.length) };
  });
}

/** The pages (HTML) of the articles in `locale` for `phase`; empty when there are none. */
export function articlePages(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, phase: Phase | null): string[] {
  const { campaign, translate: t } = services;
  const pages: string[] = [];
  let page: Block[] = [];
  let size = 0;
  for (const block of articlesInOrder(campaign.articles, phase).flatMap((a) => blocksOf(campaign, t, locale, a))) {
    if (page.length > 0 && size + 2 + block.chars > PAGE_CHARS) {
      pages.push(page.map((b) => b.html).join('\n\n'));
      page = [];
      size = 0;
    }
    page.push(block);
    size += (page.length > 1 ? 2 : 0) + block.chars;
  }
  if (page.length > 0) pages.push(page.map((b) => b.html).join('\n\n'));
  return pages;
}

/** The message of page `n` (clamped), with its keyboard. */
export async function articlesView(services: BotServices, locale: string, n: number): Promise<{ text: string; keyboard: InlineKeyboard }> {
  const t = services.translate;
  const { status } = await services.engine.status();
  const pages = articlePages(services, locale, status.kind === 'between' ? null : status.phase);
  const keyboard = new InlineKeyboard();
  if (pages.length === 0) return { text: t(locale, 'articles-none'), keyboard };
  const page = Math.min(Math.max(1, n), pages.length);
  if (pages.length === 1) return { text: `📰 ${pages[0]}`, keyboard };
  if (page > 1) keyboard.text(t(locale, 'common-previous'), articlesCallback.encode(page - 1));
  if (page < pages.length) keyboard.text(t(locale, 'common-next'), articlesCallback.encode(page + 1));
  return { text: `📰 ${pages[page - 1]}\n\n${t(locale, 'common-page', { page, pages: pages.length })}`, keyboard };
}

/** Sends the first page of the articles. */
export async function showArticles(ctx: PnyxContext, services: BotServices): Promise<void> {
  const view = await articlesView(services, ctx.resident?.locale ?? services.campaign.defaultLocale, 1);
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard, link_preview_options: { is_disabled: true } });
}

/** `/news`, the menu's `articles`, and the pages' buttons. */
export function articlesFeature(services: BotServices): Composer<PnyxContext> {
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');
  privateChat.command('news', (ctx) => showArticles(ctx, services));
  privateChat.callbackQuery(menuCallback.filter, async (ctx, next) => {
    if (menuCallback.decode(ctx.callbackQuery.data)?.[0] !== 'articles') return next();
    await ctx.answerCallbackQuery();
    return showArticles(ctx, services);
  });
  privateChat.callbackQuery(articlesCallback.filter, async (ctx) => {
    const parsed = articlesCallback.decode(ctx.callbackQuery.data);
    if (parsed === null) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    await ctx.answerCallbackQuery();
    const view = await articlesView(services, ctx.resident?.locale ?? services.campaign.defaultLocale, parsed[0]);
    return editInPlace(ctx, view.text, view.keyboard);
  });
  return composer;
}
