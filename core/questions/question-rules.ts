/**
 * Question rules (SPEC §2.5): message validation and the thread's lifecycle as pure
 * functions. Each transition returns the next question (version unchanged: the store bumps
 * it) and the message to append, or a refusal.
 */
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { ClosedBy, Question, QuestionMessageDraft, RateLimit } from './question.ts';
import { ANSWER_TEXT_MAX, PHOTO_ID_MAX, QUESTION_TEXT_MAX } from './question.ts';

/** A message as typed by a resident, before validation. */
export interface QuestionInput {
  readonly text: string;
  /** Telegram file id of an attached photo. */
  readonly photo?: string | null;
}

/** A validated resident message. */
export interface QuestionContent {
  readonly text: string;
  readonly photo: string | null;
}

// Control characters other than newline and tab break Slack cards and Telegram messages.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
// Telegram file ids are base64url-like; anything else is not one.
const FILE_ID = /^[A-Za-z0-9_-]+$/u;

function validateText(raw: string, max: number): Outcome<string> {
  const text = raw.trim();
  if (text.length === 0) return refuse('question.empty', {});
  if (CONTROL.test(text)) return refuse('question.bad_characters', {});
  const n = [...text].length;
  if (n > max) return refuse('question.too_long', { max, length: n });
  return done(text);
}

/** Validates a resident's message: trimmed, non-empty, at most QUESTION_TEXT_MAX code points, optional photo. */
export function validateQuestionInput(input: QuestionInput): Outcome<QuestionContent> {
  const text = validateText(input.text, QUESTION_TEXT_MAX);
  if (!text.ok) return text;
  const photo = input.photo ?? null;
  if (photo !== null && (photo.length === 0 || photo.length > PHOTO_ID_MAX || !FILE_ID.test(photo))) return refuse('question.photo_invalid', {});
  return done({ text: text.value, photo });
}

/** Validates a staff answer: trimmed, non-empty, at most ANSWER_TEXT_MAX code points. */
export function validateAnswer(raw: string): Outcome<string> {
  return validateText(raw, ANSWER_TEXT_MAX);
}

/** A new open question and its first message (version 0: the store saves it as 1). */
export function newQuestion(args: { id: string; number: number; ownerId: string; content: QuestionContent; now: number }): { question: Question; message: QuestionMessageDraft } {
  const { now } = args;
  return {
    question: {
      id: args.id,
      number: args.number,
      ownerId: args.ownerId,
      state: 'open',
      createdAt: now,
      updatedAt: now,
      waitingSince: now,
      answeredAt: null,
      closedAt: null,
      closedBy: null,
      version: 0,
    },
    message: { from: 'resident', by: null, text: args.content.text, photo: args.content.photo, at: now },
  };
}

function closedRefusal(q: Question): Outcome<never> {
  return refuse('question.closed', { question: q.number, by: q.closedBy === null ? null : q.closedBy === 'resident' ? 'resident' : 'staff', at: q.closedAt });
}

/**
 * The owner writes again: an answered question opens again (waiting since now); an open one
 * stays open, still waiting since its first unanswered message. A closed one takes nothing —
 * the resident asks a new question.
 */
export function addFollowUp(q: Question, content: QuestionContent, now: number): Outcome<{ question: Question; message: QuestionMessageDraft }> {
  if (q.state === 'closed') return closedRefusal(q);
  return done({
    question: { ...q, state: 'open', waitingSince: q.waitingSince ?? now, updatedAt: now },
    message: { from: 'resident', by: null, text: content.text, photo: content.photo, at: now },
  });
}

/** Staff answer: the question is answered (a second answer keeps it so); nothing waits any more. */
export function addAnswer(q: Question, text: string, by: string, now: number): Outcome<{ question: Question; message: QuestionMessageDraft }> {
  if (q.state === 'closed') return closedRefusal(q);
  return done({
    question: { ...q, state: 'answered', waitingSince: null, answeredAt: now, updatedAt: now },
    message: { from: 'staff', by, text, photo: null, at: now },
  });
}

/** Closes the question (by its owner or staff); a closed question cannot be closed again. */
export function closeThread(q: Question, by: ClosedBy, now: number): Outcome<Question> {
  if (q.state === 'closed') return refuse('question.already_closed', { question: q.number, by: q.closedBy === 'resident' ? 'resident' : 'staff', at: q.closedAt });
  return done({ ...q, state: 'closed', waitingSince: null, closedAt: now, closedBy: by, updatedAt: now });
}

/**
 * Judges a rolling-window cap over stored instants: null when one more item may pass at
 * `now`, else the instant it may (when enough counted items have left the window). An item
 * at `t` counts while `t > now - windowMs`. The stores judge the same rule in their atomic
 * step (SQL, Lua); this is its reference.
 */
export function limitRetryAt(instants: readonly number[], limit: RateLimit, now: number): number | null {
  const counted = instants.filter((t) => t > now - limit.windowMs).sort((a, b) => a - b);
  if (counted.length < limit.max) return null;
  // Dropping the oldest (counted - max + 1) items leaves max - 1: room for one more.
  return (counted[counted.length - limit.max] as number) + limit.windowMs;
}
