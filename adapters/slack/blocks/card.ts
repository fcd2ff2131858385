/**
 * The moderation card of an idea (Block Kit), rendered from the idea as the committee sees it
 * (`CommitteeIdea`: the author by pseudonym, never by resident id). Pure: testable without a
 * network. While the idea awaits a decision the card carries the moderation buttons, each
 * valued `<ideaId>:<version>`; once decided, the outcome, who and when replace them.
 *
 * The cards work owns this file (photo, revision diff, every state); the moderation feature
 * calls `renderCard` to update a card in place right after a decision.
 */
import type { CommitteeIdea } from '../../../core/engine/committee-usecases.ts';
import { AWAITING_REVIEW } from '../../../core/ideas/idea.ts';
import { CARD_ACTIONS, cardValueOf } from '../actions.ts';
import type { SlackServices } from '../context.ts';
import { residentText } from '../mrkdwn.ts';
import { LIMITS } from './limits.ts';

/** A message's content: the notification text and its blocks. */
export interface SlackContent {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/** Where the card shows an uploaded photo (a completed `files.uploadV2` file id), if any. */
export interface CardExtras {
  readonly photoFileId?: string | null;
}

/** The card of `view` as of `now`. */
export function renderCard(services: Pick<SlackServices, 't' | 'format' | 'campaign'>, view: CommitteeIdea, now: number, extras: CardExtras = {}): SlackContent {
  const { t, format, campaign } = services;
  const idea = view.idea;
  const locale = campaign.defaultLocale;
  const category = campaign.categories.find((c) => c.id === idea.category);
  const area = idea.area === null ? null : campaign.areas.find((a) => a.id === idea.area);
  const title = residentText(idea.title, LIMITS.headerText - 8);
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: `#${idea.number} ${title}`, emoji: false } },
    { type: 'section', text: { type: 'mrkdwn', text: residentText(idea.description, LIMITS.sectionText) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${t('card-category')}*\n${category === undefined ? idea.category : (category.name[locale] ?? Object.values(category.name)[0] ?? idea.category)}` },
        { type: 'mrkdwn', text: `*${t('card-area')}*\n${area == null ? t('card-whole-town') : (area.name[locale] ?? Object.values(area.name)[0] ?? area.id)}` },
        { type: 'mrkdwn', text: `*${t('card-cost')}*\n${idea.cost === null ? t('card-cost-unknown') : format.money(idea.cost)}` },
        { type: 'mrkdwn', text: `*${t('card-state')}*\n${t(`card-state-${idea.state.replace(/_/g, '-')}`)}` },
      ],
    },
  ];
  if (extras.photoFileId != null) blocks.push({ type: 'image', slack_file: { id: extras.photoFileId }, alt_text: t('card-photo-alt', { idea: idea.number }) });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t('card-author', { author: view.author ?? t('card-author-erased'), supports: view.supports, age: format.age(idea.submittedAt ?? idea.createdAt, now) }) }] });
  if (AWAITING_REVIEW.includes(idea.state)) {
    const value = cardValueOf(idea.id, idea.version);
    const button = (action: string, key: string, style?: 'primary' | 'danger'): Record<string, unknown> => ({ type: 'button', action_id: action, value, text: { type: 'plain_text', text: t(key) }, ...(style === undefined ? {} : { style }) });
    blocks.push({
      type: 'actions',
      block_id: 'moderation',
      elements: [
        button(CARD_ACTIONS.eligible, 'card-button-eligible', 'primary'),
        button(CARD_ACTIONS.changes, 'card-button-changes'),
        button(CARD_ACTIONS.reject, 'card-button-reject', 'danger'),
        button(CARD_ACTIONS.merge, 'card-button-merge'),
        button(CARD_ACTIONS.rewrite, 'card-button-rewrite'),
        button(CARD_ACTIONS.estimate, 'card-button-estimate'),
      ],
    });
  } else if (idea.decision !== null) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t('card-decided', { outcome: t(`card-state-${idea.decision.outcome.replace(/_/g, '-')}`), by: idea.decision.by, at: format.dateTime(idea.decision.at) }) }] });
  }
  return { text: t('card-text', { idea: idea.number, title }), blocks };
}
