/** What every feature says the same way: the resident's language, a refusal as a reply. */
import type { Campaign } from '../../../core/campaign/campaign.ts';
import type { BotServices, PnyxContext } from '../context.ts';
import { refusalText } from '../render/refusal-text.ts';
import type { RefusalLike } from '../render/refusal-text.ts';

/** The language to answer in: the resident's, else the campaign's default. */
export function residentLocale(ctx: PnyxContext, campaign: Pick<Campaign, 'defaultLocale'>): string {
  return ctx.resident?.locale ?? campaign.defaultLocale;
}

/** Replies with the refusal's text (why, and what to do) in the resident's language. */
export async function replyRefusal(ctx: PnyxContext, services: Pick<BotServices, 'translate' | 'campaign'>, refusal: RefusalLike): Promise<void> {
  await ctx.reply(refusalText(services.translate, residentLocale(ctx, services.campaign), services.campaign, refusal), { parse_mode: 'HTML' });
}
