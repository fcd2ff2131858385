/**
 * What the dispatcher sends a resident for an outbox message: its text (render/notice-message.ts)
 * and, for a committee answer to their question, the "Add to my question" button, so that
 * replying to the answer continues the same question (features/questions.ts).
 */
import type { Resident } from '../../core/residents/resident.ts';
import type { OutboxMessage } from '../../core/ports/outbox.ts';
import { followUpKeyboard } from './features/questions.ts';
import { noticeMessage } from './render/notice-message.ts';
import type { NoticeFacts, NoticeMessageSources } from './render/notice-message.ts';
import type { RenderedNotice } from './resident-dispatcher.ts';

/** The template of a committee answer (core/engine/question-usecases.ts). */
const QUESTION_ANSWERED = 'notify.question_answered';

/**
 * The message for `resident`, with its buttons; null when it has nothing to show. `facts`
 * (the sending module's, read at send time) give the weekly update its days-left line.
 */
export async function residentNotice(sources: NoticeMessageSources, resident: Pick<Resident, 'locale'>, message: Pick<OutboxMessage, 'template' | 'params'>, facts?: NoticeFacts): Promise<RenderedNotice | null> {
  const notice = await noticeMessage(sources, resident, message, facts);
  if (notice === null) return null;
  const { html, nonVotersOnly } = notice;
  const question = message.params['question'];
  if (message.template === QUESTION_ANSWERED && typeof question === 'number') return { html, replyMarkup: followUpKeyboard(sources.t, resident.locale, question) };
  return nonVotersOnly ? { html, nonVotersOnly } : { html };
}
