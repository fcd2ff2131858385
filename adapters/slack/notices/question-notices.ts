/**
 * Residents' questions as threads in the committee channel, as outbox handlers for the
 * committee sender.
 *
 * - `committee.question_asked` — posts the question as a thread root (blocks/question-thread.ts)
 *   and returns its reference `thread:<questionId>` (platform `slack`, owner null: the
 *   committee's message), the key a staff reply in the thread is resolved by
 *   (features/questions.ts).
 * - `committee.question_followup` — the resident's follow-up as a reply in that thread. It is
 *   enqueued `after` the root, so the root is normally there; when it is not (the root was
 *   given up, or deleted in Slack), a fresh root showing the question and this follow-up is
 *   posted instead, and becomes the thread.
 * - `committee.question_closed` — updates the root (the *Close* button gives way to who closed
 *   it), then says so in the thread.
 *
 * The messages carry no resident text (core/engine/question-usecases.ts): the text is read
 * from the question store when the message is sent, through the engine's committee queue
 * (`openQuestions`, read as the campaign's first admin), with the asker's language. A question
 * erased meanwhile ("forget me") has nothing left to relay: the message is acknowledged and
 * nothing is posted.
 *
 * Order of the Web API calls: the post that must not be repeated comes last, so a throw (which
 * has the sender retry) never follows a post that went out.
 */
import { ErrorCode } from '@slack/web-api';
import { z } from 'zod';
import type { StaffQuestionView } from '../../../core/engine/question-usecases.ts';
import type { MessageRef } from '../../../core/ports/message-references.ts';
import type { ClaimedMessage, DeliveryResult } from '../../../core/ports/outbox.ts';
import { QUESTION_STATES } from '../../../core/questions/question.ts';
import type { QuestionMessage } from '../../../core/questions/question.ts';
import { renderClosedReply, renderFollowUp, renderQuestionRoot } from '../blocks/question-thread.ts';
import type { SlackContent } from '../blocks/card.ts';
import type { SlackServices } from '../context.ts';
import type { NoticeHandler, NoticeHandlers } from './notice-handler.ts';
import { UndeliverableNotice, readerOf } from './notice-handler.ts';

/** The message reference key of a question's thread root. */
export function threadRefKey(questionId: string): string {
  return `thread:${questionId}`;
}

/** The question id of a `thread:` reference key; null for any other key (a card, a photo…). */
export function questionIdOfRef(key: string): string | null {
  return key.startsWith('thread:') && key.length > 'thread:'.length ? key.slice('thread:'.length) : null;
}

/**
 * The channel question threads go to. The committee channel today; a questions channel, once
 * the campaign configuration has one, is chosen here and nowhere else.
 */
export function questionsChannel(services: Pick<SlackServices, 'campaign'>): string {
  return services.campaign.slack.committee;
}

const common = { questionId: z.string().min(1).max(120), question: z.number().int().positive(), resident: z.string().min(1) };
const askedParams = z.object({ ...common, locale: z.string().min(2).max(16), photo: z.boolean() });
const followUpParams = z.object({ ...common, version: z.number().int().positive(), photo: z.boolean(), reopened: z.boolean() });
const closedParams = z.object({ ...common, by: z.string().min(1).nullable() });

/**
 * The params of a message, validated: a message that is not what its template says can
 * never be delivered, so it is refused loudly (a bug in whoever enqueued it), not guessed at.
 */
function paramsOf<T>(schema: z.ZodType<T>, message: ClaimedMessage): T {
  const parsed = schema.safeParse(message.params);
  if (!parsed.success) throw new UndeliverableNotice(`${message.template}: params are not as the template says (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')})`);
  return parsed.data;
}

/**
 * The question as staff see it, with its thread; null once erased. The queue is ordered by
 * number, so the page of one that starts right before this number holds it (if it exists).
 */
async function readQuestion(services: SlackServices, questionId: string, number: number): Promise<StaffQuestionView | null> {
  const page = await services.engine.openQuestions(readerOf(services), { after: number - 1, limit: 1, states: QUESTION_STATES });
  if (!page.ok) throw new Error(`reading question ${number} was refused (${page.code})`);
  const view = page.value.items[0];
  return view !== undefined && view.question.id === questionId ? view : null;
}

/** Slack's answer when the root a thread hangs on is gone (deleted by someone in Slack). */
function rootGone(e: unknown): boolean {
  const error = e as { code?: string; data?: { error?: string } };
  return error.code === ErrorCode.PlatformError && (error.data?.error === 'thread_not_found' || error.data?.error === 'message_not_found');
}

async function postRoot(services: SlackServices, questionId: string, content: SlackContent): Promise<DeliveryResult> {
  const channel = questionsChannel(services);
  const posted = await services.client.chat.postMessage({ channel, text: content.text, blocks: content.blocks as never, unfurl_links: false, unfurl_media: false });
  if (typeof posted.ts !== 'string') throw new Error('chat.postMessage answered without a ts');
  const ref: MessageRef = { key: threadRefKey(questionId), platform: 'slack', chat: typeof posted.channel === 'string' ? posted.channel : channel, messageId: posted.ts, owner: null, at: services.clock.now() };
  return { ref };
}

async function postReply(services: SlackServices, root: MessageRef, content: SlackContent): Promise<void> {
  await services.client.chat.postMessage({ channel: root.chat, thread_ts: root.messageId, text: content.text, blocks: content.blocks as never, unfurl_links: false, unfurl_media: false });
}

const asked: NoticeHandler = async (services, message) => {
  const p = paramsOf(askedParams, message);
  const view = await readQuestion(services, p.questionId, p.question);
  if (view === null) {
    services.logger.info({ question: p.question }, 'question erased before its thread was posted; nothing to relay');
    return {};
  }
  return postRoot(services, p.questionId, renderQuestionRoot(services, view, { locale: p.locale }));
};

/** The resident's message a follow-up names: their last one up to the question's version (each post bumps both). */
function followUpMessage(view: StaffQuestionView, version: number): QuestionMessage | null {
  return view.messages.filter((m) => m.from === 'resident' && m.seq <= version).at(-1) ?? null;
}

const followUp: NoticeHandler = async (services, message) => {
  const p = paramsOf(followUpParams, message);
  const view = await readQuestion(services, p.questionId, p.question);
  const said = view === null ? null : followUpMessage(view, p.version);
  if (view === null || said === null) {
    services.logger.info({ question: p.question }, 'question erased before its follow-up was relayed; nothing to relay');
    return {};
  }
  const root = await services.stores.messageRefs.get(threadRefKey(p.questionId));
  if (root !== null) {
    try {
      await postReply(services, root, renderFollowUp(services, view, said, p.reopened));
      return {};
    } catch (e) {
      if (!rootGone(e)) throw e;
    }
  }
  return postRoot(services, p.questionId, renderQuestionRoot(services, view, { followUp: said }));
};

const closed: NoticeHandler = async (services, message) => {
  const p = paramsOf(closedParams, message);
  const view = await readQuestion(services, p.questionId, p.question);
  const root = await services.stores.messageRefs.get(threadRefKey(p.questionId));
  const at = view?.question.closedAt ?? message.notBefore;
  if (root === null) {
    // No thread to close: a fresh root shows the question closed (and by whom) in one message.
    return view === null ? {} : postRoot(services, p.questionId, renderQuestionRoot(services, view, {}));
  }
  if (view !== null) {
    const content = renderQuestionRoot(services, view, {});
    try {
      await services.client.chat.update({ channel: root.chat, ts: root.messageId, text: content.text, blocks: content.blocks as never });
    } catch (e) {
      if (!rootGone(e)) throw e;
      return postRoot(services, p.questionId, content);
    }
  }
  await postReply(services, root, renderClosedReply(services, p.by, at));
  return {};
};

export const QUESTION_NOTICES: NoticeHandlers = {
  'committee.question_asked': asked,
  'committee.question_followup': followUp,
  'committee.question_closed': closed,
};
