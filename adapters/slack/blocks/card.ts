/**
 * The moderation card of an idea (Block Kit), rendered from the idea as the committee sees it
 * (`CommitteeIdea`: the author by pseudonym, never by resident id). Pure: testable without a
 * network. While the idea awaits a decision the card carries the moderation buttons, each
 * valued `<ideaId>:<version>`; once decided, the outcome, who and when replace them.
 *
 * What a card shows: number and title, description, category, area, cost (or "to estimate"),
 * state, what changed since the previous revision for a resubmitted idea, the photo (an
 * uploaded Slack file, or a line saying why it is not shown), the author's pseudonym and
 * whether an ambassador helped, a rewrite waiting for the author, and the decision.
 *
 * Every resident-written string goes through `residentText` (escaped, then clipped to its
 * field's limit), so no card can ping the channel, forge a link, or exceed Block Kit's limits.
 * Staff names and comments are escaped too: they are typed into Slack modals, but a card is no
 * place for a mention either.
 *
 * The cards work owns this file; the moderation feature calls `renderCard` to update a card in
 * place right after a decision (with `cardExtras` from notices/card-notices.ts, so the photo
 * stays).
 */
import type { Campaign, LocalizedText } from '../../../core/campaign/campaign.ts';
import type { CommitteeIdea } from '../../../core/engine/committee-usecases.ts';
import type { IdeaContent, IdeaRevision } from '../../../core/ideas/idea.ts';
import { AWAITING_REVIEW } from '../../../core/ideas/idea.ts';
import { CARD_ACTIONS, cardValueOf } from '../actions.ts';
import type { SlackServices } from '../context.ts';
import { clip, escapeSlack, residentText } from '../mrkdwn.ts';
import { LIMITS } from './limits.ts';

/** A message's content: the notification text and its blocks. */
export interface SlackContent {
  readonly text: string;
  readonly blocks: readonly Record<string, unknown>[];
}

/**
 * Where the idea's photo stands for this card:
 * - `shown`: an uploaded Slack file (a completed `files.uploadV2`), shown with `slack_file`;
 * - `pending`: being uploaded into the card's thread right now;
 * - `thread`: uploaded into the card's thread, but Slack would not show it in the card yet
 *   (an upload is processed asynchronously);
 * - `unavailable`: it exists but cannot be had (no photo source, the fetch failed).
 */
export type CardPhoto = { readonly kind: 'shown'; readonly fileId: string } | { readonly kind: 'pending' } | { readonly kind: 'thread' } | { readonly kind: 'unavailable' };

/** What the card shows beyond the idea itself. */
export interface CardExtras {
  /** The photo's state; absent: `shown` when `photoFileId` is given, else `unavailable`. */
  readonly photo?: CardPhoto;
  /** Shorthand for `photo: { kind: 'shown', fileId }`. */
  readonly photoFileId?: string | null;
  /** The idea a merged idea was merged into (number and title), when known. */
  readonly mergedInto?: { readonly number: number; readonly title: string } | null;
}

type Services = Pick<SlackServices, 't' | 'format' | 'campaign'>;
type Block = Record<string, unknown>;

/** A campaign label in the committee's language (the campaign's default), else any. */
export function label(campaign: Pick<Campaign, 'defaultLocale'>, text: LocalizedText | undefined, fallback: string): string {
  if (text === undefined) return fallback;
  return text[campaign.defaultLocale] ?? Object.values(text)[0] ?? fallback;
}

/** A staff actor ref (`staff:U1`) as the staff member's name, escaped; other refs as they are. */
export function actorName(campaign: Pick<Campaign, 'staff'>, ref: string): string {
  const id = ref.startsWith('staff:') ? ref.slice('staff:'.length) : ref;
  const member = campaign.staff.find((s) => s.slackUserId === id);
  return escapeSlack(member?.name ?? ref);
}

/** A pseudonymous ref without its kind: `resident:p_ab12` → `p_ab12`. */
function pseudonym(ref: string): string {
  const colon = ref.indexOf(':');
  return escapeSlack(colon === -1 ? ref : ref.slice(colon + 1));
}

function stateKey(state: string): string {
  return `card-state-${state.replace(/_/g, '-')}`;
}

function categoryName(campaign: Campaign, id: string): string {
  return escapeSlack(label(campaign, campaign.categories.find((c) => c.id === id)?.name, id));
}

function areaName(services: Services, id: string | null): string {
  if (id === null) return services.t('card-whole-town');
  return escapeSlack(label(services.campaign, services.campaign.areas.find((a) => a.id === id)?.name, id));
}

function costText(services: Services, cost: number | null): string {
  return cost === null ? services.t('card-cost-unknown') : services.format.money(cost);
}

function mrkdwn(text: string): Block {
  return { type: 'mrkdwn', text };
}

function context(text: string): Block {
  return { type: 'context', elements: [mrkdwn(clip(text, LIMITS.sectionText))] };
}

/**
 * The previous content and the resubmitted one, for an idea resubmitted at least once: the
 * last `resubmitted` revision and the revision before it (what the committee saw last).
 */
export function lastResubmission(revisions: readonly IdeaRevision[]): { readonly before: IdeaContent; readonly after: IdeaContent; readonly at: number } | null {
  for (let i = revisions.length - 1; i >= 1; i--) {
    const r = revisions[i]!;
    if (r.reason === 'resubmitted') return { before: revisions[i - 1]!.content, after: r.content, at: r.at };
  }
  return null;
}

/** Longest quote of a previous description in the diff (the whole section stays under 3,000). */
const DIFF_DESCRIPTION_MAX = 600;
const DIFF_TITLE_MAX = 300;

/** What changed between two revisions, one line per field; null when nothing did. */
function revisionDiff(services: Services, before: IdeaContent, after: IdeaContent): string | null {
  const { t, campaign } = services;
  const lines: string[] = [];
  if (before.title !== after.title) lines.push(t('card-diff-title', { before: residentText(before.title, DIFF_TITLE_MAX), after: residentText(after.title, DIFF_TITLE_MAX) }));
  if (before.description !== after.description) lines.push(t('card-diff-description', { before: residentText(before.description, DIFF_DESCRIPTION_MAX) }));
  if (before.category !== after.category) lines.push(t('card-diff-category', { before: categoryName(campaign, before.category), after: categoryName(campaign, after.category) }));
  if (before.area !== after.area) lines.push(t('card-diff-area', { before: areaName(services, before.area), after: areaName(services, after.area) }));
  if (before.cost !== after.cost) lines.push(t('card-diff-cost', { before: costText(services, before.cost), after: costText(services, after.cost) }));
  if (before.photo !== after.photo) lines.push(t(after.photo === null ? 'card-diff-photo-removed' : 'card-diff-photo-changed'));
  return lines.length === 0 ? null : lines.join('\n');
}

function photoBlock(services: Services, number: number, photo: CardPhoto): Block {
  const { t } = services;
  switch (photo.kind) {
    case 'shown':
      return { type: 'image', slack_file: { id: photo.fileId }, alt_text: t('card-photo-alt', { idea: number }) };
    case 'pending':
      return context(t('card-photo-pending'));
    case 'thread':
      return context(t('card-photo-thread'));
    case 'unavailable':
      return context(t('card-photo-unavailable'));
  }
}

function decisionBlock(services: Services, view: CommitteeIdea, extras: CardExtras): Block | null {
  const { t, format, campaign } = services;
  const idea = view.idea;
  if (idea.state === 'withdrawn') return context(t('card-withdrawn', { at: format.dateTime(idea.updatedAt) }));
  const d = idea.decision;
  if (d === null) return null;
  const lines = [t('card-decided', { outcome: t(stateKey(d.outcome)), by: actorName(campaign, d.by), at: format.dateTime(d.at) })];
  if (d.outcome === 'rejected' && d.criterion !== null) {
    lines.push(t('card-decided-criterion', { criterion: escapeSlack(label(campaign, campaign.reviewCriteria.find((c) => c.id === d.criterion)?.label, d.criterion)) }));
  }
  if (d.outcome === 'merged' && extras.mergedInto != null) {
    lines.push(t('card-decided-merged', { idea: extras.mergedInto.number, title: residentText(extras.mergedInto.title, DIFF_TITLE_MAX) }));
  }
  if (d.comment !== null && d.comment.trim() !== '') lines.push(t('card-decided-comment', { comment: residentText(d.comment, 2000) }));
  return { type: 'section', text: mrkdwn(clip(lines.join('\n'), LIMITS.sectionText)) };
}

function moderationButtons(services: Services, ideaId: string, version: number): Block {
  const { t } = services;
  const value = cardValueOf(ideaId, version);
  const button = (action: string, key: string, style?: 'primary' | 'danger'): Block => ({
    type: 'button',
    action_id: action,
    value,
    text: { type: 'plain_text', text: clip(t(key), LIMITS.buttonText) },
    ...(style === undefined ? {} : { style }),
  });
  return {
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
  };
}

function headerText(number: number, title: string): string {
  const prefix = `#${number} `;
  return `${prefix}${residentText(title, LIMITS.headerText - prefix.length)}`;
}

/** The card of `view` as of `now`. */
export function renderCard(services: Services, view: CommitteeIdea, now: number, extras: CardExtras = {}): SlackContent {
  const { t, format, campaign } = services;
  const idea = view.idea;
  const awaiting = AWAITING_REVIEW.includes(idea.state);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: headerText(idea.number, idea.title), emoji: false } },
    { type: 'section', text: mrkdwn(residentText(idea.description, LIMITS.sectionText)) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*${t('card-category')}*\n${categoryName(campaign, idea.category)}`),
        mrkdwn(`*${t('card-area')}*\n${areaName(services, idea.area)}`),
        mrkdwn(`*${t('card-cost')}*\n${costText(services, idea.cost)}${idea.cost !== null && idea.costEstimatedByStaff ? `\n${t('card-cost-by-staff')}` : ''}`),
        mrkdwn(`*${t('card-state')}*\n${t(stateKey(idea.state))}`),
      ],
    },
  ];
  const resubmission = lastResubmission(idea.revisions);
  if (resubmission !== null) {
    const diff = revisionDiff(services, resubmission.before, resubmission.after);
    const heading = t('card-diff-heading', { at: format.dateTime(resubmission.at) });
    blocks.push({ type: 'section', text: mrkdwn(clip(`${heading}\n${diff ?? t('card-diff-none')}`, LIMITS.sectionText)) });
  }
  if (idea.photo !== null) {
    const photo: CardPhoto = extras.photo ?? (extras.photoFileId != null ? { kind: 'shown', fileId: extras.photoFileId } : { kind: 'unavailable' });
    blocks.push(photoBlock(services, idea.number, photo));
  }
  const about = [t('card-author', { author: view.author === null ? t('card-author-erased') : pseudonym(view.author), supports: view.supports })];
  if (idea.assistedBy !== null) about.push(t('card-assisted', { ambassador: pseudonym(idea.assistedBy) }));
  if (awaiting) about.push(t('card-waiting', { age: format.age(idea.submittedAt ?? idea.createdAt, now) }));
  blocks.push(context(about.join(' · ')));
  if (idea.rewrite !== null) blocks.push(context(t('card-rewrite-pending', { by: actorName(campaign, idea.rewrite.proposedBy), at: format.dateTime(idea.rewrite.at) })));
  if (awaiting) blocks.push(moderationButtons(services, idea.id, idea.version));
  else {
    const decided = decisionBlock(services, view, extras);
    if (decided !== null) blocks.push(decided);
  }
  return { text: clip(t('card-text', { idea: idea.number, title: residentText(idea.title, LIMITS.headerText), state: t(stateKey(idea.state)) }), LIMITS.messageText), blocks };
}

/**
 * What an older card of a resubmitted idea becomes once the new card is posted: its number and
 * title, and a line sending the reader to the new card (linked when its permalink is known),
 * without buttons — so nobody decides on a revision the author has replaced.
 */
export function renderSupersededCard(services: Services, view: CommitteeIdea, resubmittedAt: number, newCardLink: string | null): SlackContent {
  const { t, format } = services;
  const idea = view.idea;
  // Only a Slack permalink is linked, and only one that cannot break out of the link syntax.
  const link = newCardLink !== null && /^https:\/\/[^\s<>|]+$/u.test(newCardLink) ? newCardLink : null;
  const line = t('card-superseded', { at: format.dateTime(resubmittedAt) });
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: headerText(idea.number, idea.title), emoji: false } },
    context(link === null ? line : `${line} <${link}|${t('card-superseded-link')}>`),
  ];
  return { text: clip(t('card-superseded-text', { idea: idea.number, title: residentText(idea.title, LIMITS.headerText) }), LIMITS.messageText), blocks };
}
