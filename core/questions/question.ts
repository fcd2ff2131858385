/**
 * A resident's question to the committee (SPEC §2.5): a thread of messages — the question,
 * the resident's follow-ups and the staff's answers — whose staff replies are relayed back.
 *
 *   open ──answer──▶ answered ──follow-up──▶ open        (staff or the owner close it)
 *   open | answered ──close──▶ closed                    (closed takes no more messages)
 *
 * A question belongs to its resident (`ownerId`): "forget me" deletes it with its messages.
 */

/** Question states. */
export const QUESTION_STATES = ['open', 'answered', 'closed'] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

/** States staff still work on (the committee's queue). */
export const UNCLOSED: readonly QuestionState[] = ['open', 'answered'];

/** Most code points in a resident's message (question or follow-up), after trimming. */
export const QUESTION_TEXT_MAX = 2000;
/**
 * Most code points in a staff answer, after trimming: relayed as one Telegram message
 * (4,096 UTF-16 units at most) with a short header.
 */
export const ANSWER_TEXT_MAX = 3000;
/** Most characters of a Telegram file id (a photo attached to a resident's message). */
export const PHOTO_ID_MAX = 256;

/**
 * A rolling-window cap: at most `max` items in any window of `windowMs` — an item at `t`
 * counts at `now` while `t > now - windowMs`, so it stops counting exactly `windowMs` later.
 */
export interface RateLimit {
  /** At least 1. */
  readonly max: number;
  /** Window length in ms. */
  readonly windowMs: number;
}

/** Default cap on new questions per resident: 5 per rolling 24 hours. */
export const QUESTIONS_PER_DAY: RateLimit = Object.freeze({ max: 5, windowMs: 24 * 3600_000 });
/** Default cap on a resident's messages (new questions and follow-ups together): 20 per rolling hour. */
export const MESSAGES_PER_HOUR: RateLimit = Object.freeze({ max: 20, windowMs: 3600_000 });

/** Who closed a question. */
export type ClosedBy = 'resident' | `staff:${string}`;

export interface Question {
  readonly id: string;
  /** Short public reference, 1, 2, … per campaign ("question 12"), for staff and the resident. */
  readonly number: number;
  /** The resident who asked (resident id); the question is erased with them. */
  readonly ownerId: string;
  readonly state: QuestionState;
  /** Epoch ms of the first message. */
  readonly createdAt: number;
  /** Epoch ms of the last change. */
  readonly updatedAt: number;
  /** Since when a resident message waits for staff (epoch ms); null while answered or closed. */
  readonly waitingSince: number | null;
  /** Epoch ms of the last staff answer; null before the first. */
  readonly answeredAt: number | null;
  readonly closedAt: number | null;
  readonly closedBy: ClosedBy | null;
  /** Optimistic-concurrency version, bumped by every save (starts at 1). */
  readonly version: number;
}

/** One message of a thread, as stored. */
export interface QuestionMessage {
  readonly questionId: string;
  /** 1, 2, 3… within the question, in the order stored; 1 is the question itself. */
  readonly seq: number;
  readonly from: 'resident' | 'staff';
  /** Staff actor ref (`staff:U123`) for an answer; null for the resident (the question's owner). */
  readonly by: string | null;
  readonly text: string;
  /** Telegram file id of an attached photo (resident messages only). */
  readonly photo: string | null;
  /** Epoch ms. */
  readonly at: number;
}

/** A message before the store numbers it. */
export type QuestionMessageDraft = Omit<QuestionMessage, 'questionId' | 'seq'>;
