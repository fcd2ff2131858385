/**
 * An idea's card (SPEC §2.2), opened by number (a deep link `idea_<n>`, a list entry): the
 * card text, its share link, the photo on demand, and Support / Remove my support while the
 * engine takes supports. Every press is judged against the engine as it is now (phase, the
 * idea's state, whether this resident supports it), never against what the card showed: a
 * press after submission closed answers with the refusal and redraws the card without the
 * button.
 */
import { Composer, InlineKeyboard } from 'grammy';
import { z } from 'zod';
import type { Idea } from '../../../core/ideas/idea.ts';
import { SUPPORTABLE } from '../../../core/ideas/idea.ts';
import type { Resident } from '../../../core/residents/resident.ts';
import { defineCallback, intPart } from '../callback-data.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { replyRefusal } from './replies.ts';
import { escapeHtml } from '../render/html.ts';
import { ideaCardText } from '../render/idea-card.ts';
import { refusalText } from '../render/refusal-text.ts';
import { callbackAnswer, editInPlace } from '../render/idea-list.ts';

/**
 * Card buttons: `card|<action>|<idea number>` — `o` open the card, `s` support, `u` remove my
 * support, `p` show the photo.
 */
export const cardCallback = defineCallback('card', z.tuple([z.enum(['o', 's', 'u', 'p']), intPart]));

/** What the card offers about supporting: nothing (closed, own idea, not registered), support, or remove it. */
export type SupportButton = 'none' | 'support' | 'remove';

/** The deep link that opens idea `n` in this bot. */
export function ideaLink(botUsername: string, n: number): string {
  return `https://t.me/${botUsername}?start=idea_${n}`;
}

/** The card's text and keyboard (pure: testable without a network). */
export function ideaCardView(
  services: Pick<BotServices, 'campaign' | 'translate'>,
  locale: string,
  card: { readonly idea: Idea; readonly supports: number; readonly button: SupportButton; readonly botUsername: string },
): { text: string; keyboard: InlineKeyboard } {
  const t = services.translate;
  const { idea } = card;
  const link = ideaLink(card.botUsername, idea.number);
  // Title 80 and description 1,000 characters at most: the card stays far below 4,096.
  const text = `${ideaCardText(services, locale, idea, card.supports)}\n\n${t(locale, 'card-share', { link: escapeHtml(link) })}`;
  const keyboard = new InlineKeyboard();
  if (card.button === 'support') keyboard.text(t(locale, 'card-support'), cardCallback.encode('s', idea.number)).row();
  if (card.button === 'remove') keyboard.text(t(locale, 'card-unsupport'), cardCallback.encode('u', idea.number)).row();
  if (idea.photo !== null) keyboard.text(t(locale, 'card-show-photo'), cardCallback.encode('p', idea.number));
  keyboard.url(t(locale, 'card-share-button'), `https://t.me/share/url?url=${encodeURIComponent(link)}`);
  return { text, keyboard };
}

/** Which support button the engine would honour now for this resident and idea. */
export async function supportButtonFor(services: BotServices, resident: Resident | null, idea: Idea): Promise<SupportButton> {
  if (resident === null || resident.step !== 'done' || idea.authorId === resident.id) return 'none';
  if (!SUPPORTABLE.includes(idea.state)) return 'none';
  const { status } = await services.engine.status();
  if (status.kind !== 'open' || status.phase !== 'submission') return 'none';
  return (await services.engine.hasSupported(resident.id, idea.id)) ? 'remove' : 'support';
}

function localeOf(ctx: PnyxContext, services: BotServices): string {
  return ctx.resident?.locale ?? services.campaign.defaultLocale;
}

/** Sends the card of idea number `n` to the resident (a refusal when there is none to show). */
export async function openIdeaCard(ctx: PnyxContext, services: BotServices, n: number): Promise<void> {
  const locale = localeOf(ctx, services);
  const out = await services.engine.ideaByNumber(n, ctx.resident?.id ?? null);
  if (!out.ok) {
    await replyRefusal(ctx, services, out);
    return;
  }
  const { idea, supports } = out.value;
  const view = ideaCardView(services, locale, { idea, supports, button: await supportButtonFor(services, ctx.resident, idea), botUsername: ctx.me.username });
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: view.keyboard, link_preview_options: { is_disabled: true } });
}

/** The card buttons: open, support, remove support, show photo. */
export function ideaCardFeature(services: BotServices): Composer<PnyxContext> {
  const { engine, campaign } = services;
  const composer = new Composer<PnyxContext>();
  const privateChat = composer.chatType('private');

  privateChat.callbackQuery(cardCallback.filter, async (ctx) => {
    const parsed = cardCallback.decode(ctx.callbackQuery.data);
    const locale = localeOf(ctx, services);
    if (parsed === null) {
      await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
      return;
    }
    const [action, n] = parsed;
    if (action === 'o') {
      await ctx.answerCallbackQuery();
      return openIdeaCard(ctx, services, n);
    }
    const found = await engine.ideaByNumber(n, ctx.resident?.id ?? null);
    if (!found.ok) {
      await ctx.answerCallbackQuery({ text: callbackAnswer(refusalText(services.translate, locale, campaign, found)) });
      return;
    }
    let { idea, supports } = found.value;
    if (action === 'p') {
      if (idea.photo === null) {
        await ctx.answerCallbackQuery({ text: ctx.t('common-expired-button') });
        return;
      }
      await ctx.answerCallbackQuery();
      // The stored Telegram file_id, never a file URL (a URL would carry the bot token).
      await ctx.replyWithPhoto(idea.photo, { caption: `<b>#${idea.number} ${escapeHtml(idea.title)}</b>`, parse_mode: 'HTML' });
      return;
    }
    const resident = ctx.resident;
    let answer: string;
    if (resident === null) {
      answer = ctx.t('common-expired-button');
    } else {
      const out = await engine.supportIdea(resident.id, idea.id, action === 's');
      if (out.ok) {
        supports = out.value.count;
        answer = ctx.t(out.value.supported ? 'card-supported' : 'card-unsupported');
        const fresh = await engine.ideaByNumber(n, resident.id);
        if (fresh.ok) idea = fresh.value.idea;
      } else {
        answer = refusalText(services.translate, locale, campaign, out);
      }
    }
    await ctx.answerCallbackQuery({ text: callbackAnswer(answer) });
    // Redrawn from the engine's state now: the count, and the button the phase still allows.
    const view = ideaCardView(services, locale, { idea, supports, button: await supportButtonFor(services, resident, idea), botUsername: ctx.me.username });
    await editInPlace(ctx, view.text, view.keyboard);
  });

  return composer;
}
