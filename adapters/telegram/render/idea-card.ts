/** The text of an idea's card (HTML): number, title, state, cost, area, category, description, supports. */
import type { Idea } from '../../../core/ideas/idea.ts';
import type { BotServices } from '../context.ts';
import { escapeHtml } from './html.ts';
import { localized } from './localized.ts';
import { formatFor } from './text-format.ts';

/** Description characters shown on a card (the whole idea is at most 1,000). */
export const CARD_DESCRIPTION_CHARS = 1000;

/** The card of `idea` in `locale`. Fits one message: the parts are bounded (title 80, description 1,000). */
export function ideaCardText(services: Pick<BotServices, 'campaign' | 'translate'>, locale: string, idea: Idea, supports: number): string {
  const { campaign, translate: t } = services;
  const f = formatFor(locale, campaign);
  const category = campaign.categories.find((c) => c.id === idea.category);
  const area = idea.area === null ? null : campaign.areas.find((a) => a.id === idea.area);
  const lines = [
    `<b>#${idea.number} ${escapeHtml(idea.title)}</b>`,
    t(locale, `card-state-${idea.state.replace(/_/g, '-')}`),
    `${t(locale, 'card-cost')}: ${idea.cost === null ? t(locale, 'card-cost-unknown') : f.money(idea.cost)}`,
    `${t(locale, 'card-area')}: ${area == null ? t(locale, 'card-town-wide') : escapeHtml(localized(campaign, area.name, locale))}`,
    ...(category === undefined ? [] : [`${t(locale, 'card-category')}: ${escapeHtml(localized(campaign, category.name, locale))}`]),
    '',
    escapeHtml(idea.description.slice(0, CARD_DESCRIPTION_CHARS)),
    '',
    t(locale, 'card-supports', { count: supports }),
  ];
  return lines.join('\n');
}
