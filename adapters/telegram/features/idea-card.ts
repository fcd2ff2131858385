/**
 * An idea's card, opened by number (a deep link `idea_<n>`, a list entry). Minimal version:
 * the browse feature extends it with supports and sharing.
 */
import type { BotServices, PnyxContext } from '../context.ts';
import { refusalText } from '../render/refusal-text.ts';
import { ideaCardText } from '../render/idea-card.ts';

/** Sends the card of idea number `n` to the resident (a refusal when there is none to show). */
export async function openIdeaCard(ctx: PnyxContext, services: BotServices, n: number): Promise<void> {
  const locale = ctx.resident?.locale ?? services.campaign.defaultLocale;
  const out = await services.engine.ideaByNumber(n, ctx.resident?.id ?? null);
  if (!out.ok) {
    await ctx.reply(refusalText(services.translate, locale, services.campaign, out), { parse_mode: 'HTML' });
    return;
  }
  await ctx.reply(ideaCardText(services, locale, out.value.idea, out.value.supports), { parse_mode: 'HTML' });
}
