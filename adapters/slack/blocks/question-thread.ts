/**
 * A resident's question as a Slack thread (Block Kit), rendered from the question as staff
 * see it (`StaffQuestionView`: the resident by pseudonym, never by id). Pure: testable
 * without a network.
 *
 * - the **root**: number, pseudonym, language, the question's text, whether a photo came with
 *   it, and a *Close* button while the question is not closed (the button's value is the
 *   question id); once closed, who closed it and when replace the button;
 * - a **follow-up** reply: the resident's new message in the thread;
 * - a **closed** reply: who closed the question.
 *
 * Every resident-written string goes through `residentText` (escaped for Slack, clipped to
 * the field's limit): the top-level `text` too, as Slack parses it for notifications.
 */
import { z } from 'zod';
import type { StaffQuestionView } from '../../../core/engine/question-usecases.ts';
import type { QuestionMessage } from '../../../core/questions/question.ts';
import type { SlackServices } from '../context.ts';
import { escapeSlack, residentText } from '../mrkdwn.ts';
import type { SlackContent } from './card.ts';
import { LIMITS } from './limits.ts';

/** The action id of a thread root's *Close* button. */
export const QUESTION_CLOSE_ACTION = 'question.close';

/** How much of a resident's text goes into a notification (the top-level `text`). */
const PREVIEW_CHARS = 200;

const questionIdValue = z.string().regex(/^[A-Za-z0-9_-]{1,120}$/);

/** Parses a *Close* button's value (a question id); null when it is not one. */
export function parseQuestionValue(value: unknown): string | null {
  const parsed = questionIdValue.safeParse(value);
  return parsed.success ? parsed.data : null;
}

type Services = Pick<SlackServices, 't' | 'format' | 'campaign'>;

/** The name of a language code in the committee's language (`nl` → "néerlandais"), else the code. */
function languageName(services: Services, locale: string | null): string {
  if (locale === null) return services.t('questions-language-unknown');
  try {
    return escapeSlack(new Intl.DisplayNames([services.campaign.defaultLocale], { type: 'language' }).of(locale) ?? locale);
  } catch {
    return escapeSlack(locale);
  }
}

function photoLine(services: Services, photo: boolean): readonly string[] {
  return photo ? [services.t('questions-photo-attached')] : [];
}

/** Who closed the question, for the root's footer and the closed reply. */
function closedLine(services: Services, by: string | null, at: number | null): string {
  const when = at === null ? '' : services.format.dateTime(at);
  return by === null || by === 'resident' ? services.t('questions-closed-by-resident', { at: when }) : services.t('questions-closed-by-staff', { by: escapeSlack(by), at: when });
}

/** The name of the staff member who closed a question, from its `closedBy`; null for the resident. */
function closerName(services: Services, view: StaffQuestionView): string | null {
  const by = view.question.closedBy;
  if (by === null || by === 'resident') return null;
  const id = by.slice('staff:'.length);
  return services.campaign.staff.find((s) => s.slackUserId === id)?.name ?? id;
}

/** A section's text: our own (mrkdwn) header line, then the resident's text escaped, within the section's limit. */
function headed(header: string, text: string): string {
  return `${header}\n${residentText(text, LIMITS.sectionText - header.length - 1)}`;
}

/** What the root shows beyond the question itself. */
export interface RootExtras {
  /** The resident's language when the view has none (the `locale` the question was asked in). */
  readonly locale?: string | null;
  /** A follow-up shown under the question when the root is posted afresh for it (no root was recorded). */
  readonly followUp?: QuestionMessage | null;
}

/** The thread root of a question, as of its current state. */
export function renderQuestionRoot(services: Services, view: StaffQuestionView, extras: RootExtras): SlackContent {
  const { t, format } = services;
  const q = view.question;
  const first = view.messages.find((m) => m.from === 'resident');
  const text = first?.text ?? '';
  const blocks: Record<string, unknown>[] = [
    { type: 'header', text: { type: 'plain_text', text: t('questions-root-header', { question: q.number }), emoji: false } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${t('questions-resident')}*\n${escapeSlack(view.resident)}` },
        { type: 'mrkdwn', text: `*${t('questions-language')}*\n${languageName(services, view.locale ?? extras.locale ?? null)}` },
      ],
    },
    { type: 'section', text: { type: 'mrkdwn', text: residentText(text, LIMITS.sectionText) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: [t('questions-asked-at', { at: format.dateTime(q.createdAt) }), ...photoLine(services, first?.photo != null)].join(' · ') }] },
  ];
  const followUp = extras.followUp ?? null;
  if (followUp !== null && followUp.seq !== first?.seq) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: headed(t('questions-followup-in-root', { at: format.dateTime(followUp.at) }), followUp.text) } });
    if (followUp.photo !== null) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t('questions-photo-attached') }] });
  }
  if (q.state === 'closed') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: closedLine(services, closerName(services, view), q.closedAt) }] });
  } else {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: t('questions-reply-hint') }] });
    blocks.push({
      type: 'actions',
      block_id: 'question',
      elements: [{ type: 'button', action_id: QUESTION_CLOSE_ACTION, value: q.id, text: { type: 'plain_text', text: t('questions-button-close') } }],
    });
  }
  return { text: t('questions-root-text', { question: q.number, resident: escapeSlack(view.resident), text: residentText(text, PREVIEW_CHARS) }), blocks };
}

/** A follow-up of the resident, as a reply in the question's thread. */
export function renderFollowUp(services: Services, view: StaffQuestionView, message: QuestionMessage, reopened: boolean): SlackContent {
  const { t } = services;
  const q = view.question;
  const notes = [...photoLine(services, message.photo !== null), ...(reopened ? [t('questions-followup-reopened')] : [])];
  const blocks: Record<string, unknown>[] = [
    { type: 'section', text: { type: 'mrkdwn', text: headed(t('questions-followup-header', { resident: escapeSlack(view.resident) }), message.text) } },
  ];
  if (notes.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: notes.join(' · ') }] });
  return { text: t('questions-followup-text', { question: q.number, resident: escapeSlack(view.resident), text: residentText(message.text, PREVIEW_CHARS) }), blocks };
}

/**
 * The reply saying who closed the question: `by` is the staff member's name, or `resident`
 * (the outbox message's params, so it needs no read of the question — it may be erased).
 */
export function renderClosedReply(services: Services, by: string | null, at: number): SlackContent {
  const text = closedLine(services, by, at);
  return { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text }] }] };
}
