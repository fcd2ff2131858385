/**
 * Question use cases (SPEC §2.5): a resident asks the committee, follows up, and reads the
 * answers; staff answer (relayed to the resident through the outbox) and close. Each change
 * is saved with its audit entry and messages in one atomic store step.
 *
 * Records that outlive the resident (audit entries, committee messages) never hold the
 * resident id or name: the audit names them by `residentRef`, the committee sees the keyed
 * pseudonym. Audit entries never hold a message's text.
 */
import type { NoticeTemplate } from '../domain/codes.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { PostOutcome, QuestionLimits } from '../ports/question-store.ts';
import type { AuditDraft, OutboxDraft, SideRecords } from '../ports/side-records.ts';
import type { Question, QuestionMessage, QuestionMessageDraft, QuestionState } from '../questions/question.ts';
import { MESSAGES_PER_HOUR, QUESTIONS_PER_DAY, UNCLOSED } from '../questions/question.ts';
import type { QuestionInput } from '../questions/question-rules.ts';
import * as rules from '../questions/question-rules.ts';
import type { Resident } from '../residents/resident.ts';
import { nextStep } from '../residents/registration.ts';
import { residentRef } from './actor-refs.ts';
import type { EngineDeps } from './engine-deps.ts';
import { CONFLICT_RETRIES } from './engine-deps.ts';
import { currentStatus } from './phase-usecases.ts';
import { requireStaff, staffRef } from './staff.ts';

/** Who closes a question: a staff member (Slack user id) or the resident who asked. */
export type QuestionCloser = { readonly kind: 'staff'; readonly slackUserId: string } | { readonly kind: 'resident'; readonly residentId: string };

/** A question with its whole thread, for the resident who asked. */
export interface QuestionThread {
  readonly question: Question;
  readonly messages: readonly QuestionMessage[];
}

/** A question as staff see it: the resident only by pseudonym, never by id. */
export interface StaffQuestionView {
  readonly question: Omit<Question, 'ownerId'>;
  /** The asker's keyed pseudonym (`p_…`), the same on every question of theirs. */
  readonly resident: string;
  /** The asker's language now (the one to answer in); null when their record is gone. */
  readonly locale: string | null;
  readonly messages: readonly QuestionMessage[];
}

/** One page of the committee's queue. */
export interface QuestionPage {
  readonly items: readonly StaffQuestionView[];
  /** Pass as `after` for the next page; null on the last page. */
  readonly next: number | null;
  /** Questions per state, for the queue's header and the digest. */
  readonly counts: Readonly<Record<QuestionState, number>>;
}

/** Questions per page of the queue, by default and at most. */
export const QUESTION_PAGE_DEFAULT = 20;
export const QUESTION_PAGE_MAX = 50;

/** Outbox key of the committee card of a question: the thread its follow-ups and notices go in. */
export function questionAskedKey(questionId: string): string {
  return `question:${questionId}:asked`;
}

function audit(at: number, actor: string, action: string, q: Question, data: Record<string, unknown> = {}): AuditDraft {
  return { at, actor, action, subject: `question:${q.id}`, data: { number: q.number, ...data }, assisted: false };
}

/**
 * A message to the committee about a question. It carries no resident text: the Slack sender
 * reads the thread from the question store when it sends (the resident's messages up to the
 * question `version` named), so after "forget me" erased the question nothing in the outbox
 * still holds what the resident wrote, and the sender finds nothing to relay.
 */
function toCommittee(deps: EngineDeps, q: Question, key: string, template: NoticeTemplate, params: Record<string, string | number | boolean | null>, now: number, after: string | null): OutboxDraft {
  const draft: OutboxDraft = {
    key,
    recipient: { kind: 'committee' },
    template,
    params: { questionId: q.id, question: q.number, resident: deps.keys.residentPseudonym(q.ownerId), ...params },
    notBefore: now,
  };
  return after === null ? draft : { ...draft, after };
}

function toOwner(q: Question, key: string, template: NoticeTemplate, params: Record<string, string | number | null>, now: number): OutboxDraft {
  return { key, recipient: { kind: 'resident', residentId: q.ownerId }, template, params: { questionId: q.id, question: q.number, ...params }, notBefore: now };
}

/** Asking needs a completed registration under the current privacy notice, not area eligibility. */
async function requireRegistered(deps: EngineDeps, residentId: string): Promise<Outcome<Resident>> {
  const r = await deps.stores.residents.get(residentId);
  if (r === null) return refuse('registration.incomplete', {});
  const step = () => ({ step: nextStep(deps.campaign, r, r.step !== 'language') });
  if (r.step === 'verification') return refuse('registration.not_verified', step());
  if (r.step !== 'done' || r.registeredAt === null) return refuse('registration.incomplete', step());
  if (r.consent === null || r.consent.version !== deps.campaign.privacy.version) return refuse('registration.consent_outdated', step());
  if (deps.campaign.eligibility.verification !== 'none' && r.verified === null) return refuse('registration.not_verified', step());
  return done(r);
}

/** Residents may write in every phase but the archive. */
async function requireNotArchived(deps: EngineDeps, now: number): Promise<Outcome<null>> {
  const { status } = await currentStatus(deps, now);
  return status.kind !== 'between' && status.phase === 'archived' ? refuse('question.campaign_archived', {}) : done(null);
}

function limitRefusal(o: Extract<PostOutcome, { status: 'rate_limited' }>): Outcome<never> {
  const cap = o.limit === 'questions' ? QUESTIONS_PER_DAY : MESSAGES_PER_HOUR;
  return refuse('question.rate_limited', { limit: o.limit, max: cap.max, windowMs: cap.windowMs, retryAt: o.retryAt });
}

/**
 * The caps judged on what is stored before a number is taken, so a refused ask does not use
 * one up; the store judges them again atomically with the write, which is what holds under
 * concurrency and across instances.
 */
async function precheck(deps: EngineDeps, residentId: string, now: number): Promise<Outcome<null>> {
  const owned = await deps.stores.questions.listByOwner(residentId);
  const asked = rules.limitRetryAt(owned.map((q) => q.createdAt), QUESTIONS_PER_DAY, now);
  if (asked !== null) return limitRefusal({ status: 'rate_limited', limit: 'questions', retryAt: asked });
  const recent = owned.filter((q) => q.updatedAt > now - MESSAGES_PER_HOUR.windowMs);
  const threads = await Promise.all(recent.map((q) => deps.stores.questions.messages(q.id)));
  const said = threads.flat().filter((m) => m.from === 'resident').map((m) => m.at);
  const wrote = rules.limitRetryAt(said, MESSAGES_PER_HOUR, now);
  return wrote === null ? done(null) : limitRefusal({ status: 'rate_limited', limit: 'messages', retryAt: wrote });
}

/** A registered resident asks the committee a question (text, optionally a photo). */
export async function askQuestion(deps: EngineDeps, residentId: string, input: QuestionInput): Promise<Outcome<Question>> {
  const now = deps.clock.now();
  const open = await requireNotArchived(deps, now);
  if (!open.ok) return open;
  const who = await requireRegistered(deps, residentId);
  if (!who.ok) return who;
  const content = rules.validateQuestionInput(input);
  if (!content.ok) return content;
  const capped = await precheck(deps, residentId, now);
  if (!capped.ok) return capped;
  const number = await deps.stores.questions.nextNumber();
  const { question, message } = rules.newQuestion({ id: deps.ids.newId('q'), number, ownerId: residentId, content: content.value, now });
  const side: SideRecords = {
    audit: [audit(now, residentRef(deps, residentId), 'question.asked', question, { photo: message.photo !== null })],
    outbox: [toCommittee(deps, question, questionAskedKey(question.id), 'committee.question_asked', { locale: who.value.locale, photo: message.photo !== null }, now, null)],
  };
  const limits: QuestionLimits = { now, questions: QUESTIONS_PER_DAY, messages: MESSAGES_PER_HOUR };
  const saved = await deps.stores.questions.post(question, null, message, limits, side);
  if (saved.status === 'rate_limited') return limitRefusal(saved);
  if (saved.status === 'conflict') return refuse('question.busy', {});
  return done({ ...question, version: 1 });
}

/** What a change to one question posts: the next record, the message (if any) and side records. */
interface Change {
  readonly question: Question;
  readonly message: QuestionMessageDraft | null;
  readonly limits: QuestionLimits | null;
  readonly side: SideRecords;
}

/** Read-modify-write of one question with retries: a conflict (someone posted first) is judged again on fresh state. */
async function change(deps: EngineDeps, questionId: string, fn: (q: Question) => Outcome<Change> | Promise<Outcome<Change>>): Promise<Outcome<Question>> {
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const q = await deps.stores.questions.get(questionId);
    if (q === null) return refuse('question.unknown', {});
    const c = await fn(q);
    if (!c.ok) return c;
    const { question, message, limits, side } = c.value;
    if (message === null) {
      if ((await deps.stores.questions.save(question, q.version, side)) === 'saved') return done({ ...question, version: q.version + 1 });
      continue;
    }
    const posted = await deps.stores.questions.post(question, q.version, message, limits, side);
    if (posted.status === 'saved') return done({ ...question, version: q.version + 1 });
    if (posted.status === 'rate_limited') return limitRefusal(posted);
  }
  return refuse('question.busy', {});
}

/** The resident writes again on their question while it is not closed; an answered question opens again. */
export async function followUpQuestion(deps: EngineDeps, residentId: string, questionId: string, input: QuestionInput): Promise<Outcome<Question>> {
  const now = deps.clock.now();
  const open = await requireNotArchived(deps, now);
  if (!open.ok) return open;
  const who = await requireRegistered(deps, residentId);
  if (!who.ok) return who;
  const content = rules.validateQuestionInput(input);
  if (!content.ok) return content;
  return change(deps, questionId, (q) => {
    if (q.ownerId !== residentId) return refuse('question.not_owner', {});
    const next = rules.addFollowUp(q, content.value, now);
    if (!next.ok) return next;
    const reopened = q.state === 'answered';
    const v = q.version + 1;
    return done({
      question: next.value.question,
      message: next.value.message,
      limits: { now, messages: MESSAGES_PER_HOUR },
      side: {
        audit: [audit(now, residentRef(deps, residentId), 'question.followed_up', q, { reopened, photo: content.value.photo !== null })],
        outbox: [
          toCommittee(deps, q, `question:${q.id}:v${v}:followup`, 'committee.question_followup', { version: v, photo: content.value.photo !== null, reopened }, now, questionAskedKey(q.id)),
        ],
      },
    });
  });
}

/**
 * A staff member answers; the answer is relayed to the resident. Two staff answering at once
 * both succeed: the second is posted on top of the first, and the resident gets both.
 */
export async function answerQuestion(deps: EngineDeps, slackUserId: string, questionId: string, text: string): Promise<Outcome<Question>> {
  const now = deps.clock.now();
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const valid = rules.validateAnswer(text);
  if (!valid.ok) return valid;
  const by = staffRef(staff.value);
  return change(deps, questionId, (q) => {
    const next = rules.addAnswer(q, valid.value, by, now);
    if (!next.ok) return next;
    const v = q.version + 1;
    return done({
      question: next.value.question,
      message: next.value.message,
      limits: null,
      side: {
        audit: [audit(now, by, 'question.answered', q, { from: q.state })],
        outbox: [toOwner(q, `question:${q.id}:v${v}:answered`, 'notify.question_answered', { text: valid.value, by: staff.value.name }, now)],
      },
    });
  });
}

/** Staff or the resident who asked close a question; a closed question takes no more messages. */
export async function closeQuestion(deps: EngineDeps, actor: QuestionCloser, questionId: string): Promise<Outcome<Question>> {
  const now = deps.clock.now();
  let staffName: string | null = null;
  let by: string;
  if (actor.kind === 'staff') {
    const staff = requireStaff(deps.campaign, actor.slackUserId);
    if (!staff.ok) return staff;
    staffName = staff.value.name;
    by = staffRef(staff.value);
  } else {
    by = residentRef(deps, actor.residentId);
  }
  return change(deps, questionId, (q) => {
    if (actor.kind === 'resident' && q.ownerId !== actor.residentId) return refuse('question.not_owner', {});
    const next = rules.closeThread(q, actor.kind === 'staff' ? `staff:${actor.slackUserId}` : 'resident', now);
    if (!next.ok) return next;
    const key = `question:${q.id}:v${q.version + 1}:closed`;
    const outbox = [toCommittee(deps, q, `${key}:committee`, 'committee.question_closed', { by: actor.kind === 'staff' ? staffName : 'resident' }, now, questionAskedKey(q.id))];
    // The resident who closed it sees that in the chat; a staff closing is told to them.
    if (actor.kind === 'staff') outbox.push(toOwner(q, `${key}:resident`, 'notify.question_closed', { by: staffName }, now));
    return done({ question: next.value, message: null, limits: null, side: { audit: [audit(now, by, 'question.closed', q, { from: q.state, by: actor.kind })], outbox } });
  });
}

/** The resident's questions with their threads, newest first. */
export async function myQuestions(deps: EngineDeps, residentId: string): Promise<readonly QuestionThread[]> {
  const owned = await deps.stores.questions.listByOwner(residentId);
  const threads = await Promise.all(owned.map(async (question) => ({ question, messages: await deps.stores.questions.messages(question.id) })));
  return threads.reverse();
}

/**
 * The committee's queue: questions not closed (or those in `states`), oldest first, one
 * page at a time (`after`: the `next` of the previous page).
 */
export async function openQuestions(
  deps: EngineDeps,
  slackUserId: string,
  page: { readonly after?: number; readonly limit?: number; readonly states?: readonly QuestionState[] } = {},
): Promise<Outcome<QuestionPage>> {
  const staff = requireStaff(deps.campaign, slackUserId);
  if (!staff.ok) return staff;
  const limit = Math.min(QUESTION_PAGE_MAX, Math.max(1, Math.trunc(page.limit ?? QUESTION_PAGE_DEFAULT)));
  const [found, counts] = await Promise.all([deps.stores.questions.list(page.states ?? UNCLOSED, page.after ?? 0, limit + 1), deps.stores.questions.countByState()]);
  const shown = found.slice(0, limit);
  const items = await Promise.all(
    shown.map(async (q): Promise<StaffQuestionView> => {
      const { ownerId, ...question } = q;
      const [owner, messages] = await Promise.all([deps.stores.residents.get(ownerId), deps.stores.questions.messages(q.id)]);
      return { question, resident: deps.keys.residentPseudonym(ownerId), locale: owner?.locale ?? null, messages };
    }),
  );
  return done({
    items,
    next: found.length > limit ? (shown.at(-1)?.number ?? null) : null,
    counts: { open: counts.open ?? 0, answered: counts.answered ?? 0, closed: counts.closed ?? 0 },
  });
}
