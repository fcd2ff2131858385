/**
 * The committee's notices about one idea beyond its card (Block Kit): the author's answer to
 * a proposed rewrite, posted in the card's thread. Pure; the idea's title is resident text
 * and arrives escaped and clipped.
 */
import type { SlackServices } from '../context.ts';
import { clip, residentText } from '../mrkdwn.ts';
import type { SlackContent } from './card.ts';
import { LIMITS } from './limits.ts';

/** "The author accepted (or declined) the rewrite of #n". */
export function renderRewriteAnswered(services: Pick<SlackServices, 't'>, idea: { readonly number: number; readonly title: string }, accepted: boolean): SlackContent {
  const { t } = services;
  const text = t(accepted ? 'notice-rewrite-accepted' : 'notice-rewrite-declined', { idea: idea.number, title: residentText(idea.title, 200) });
  return { text: clip(text, LIMITS.messageText), blocks: [{ type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } }] };
}
