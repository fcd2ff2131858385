import type { Question, QuestionMessage, QuestionMessageDraft, QuestionState, RateLimit } from '../questions/question.ts';
import type { SaveOutcome } from './campaign-store.ts';
import type { SideRecords } from './side-records.ts';

/**
 * Rolling-window caps judged inside the store's atomic step, so that several instances (or
 * two messages of one resident at once) cannot together pass a cap. An item at instant `t`
 * counts while `t > now - windowMs`; instants are those stored (question `createdAt`, message
 * `at`), never process memory.
 */
export interface QuestionLimits {
  /** The instant the caps are judged at (epoch ms, the engine's clock). */
  readonly now: number;
  /** Cap on the owner's questions by `createdAt`; checked only when a new question is posted. */
  readonly questions?: RateLimit;
  /** Cap on the owner's resident messages (questions and follow-ups) by `at`. */
  readonly messages?: RateLimit;
}

/** Result of posting a message. */
export type PostOutcome =
  /** Stored: the message got `seq`, the question its new version. */
  | { readonly status: 'saved'; readonly seq: number }
  /** The question's stored version is not the expected one: nothing written. */
  | { readonly status: 'conflict' }
  /**
   * A cap is full: nothing written. `retryAt` (epoch ms) is when enough counted items leave
   * the window for one more to pass, if nothing else is posted meanwhile.
   */
  | { readonly status: 'rate_limited'; readonly limit: 'questions' | 'messages'; readonly retryAt: number };

/**
 * Residents' questions and their threads. A question record holds the state (version-checked);
 * its messages are stored beside it, numbered 1, 2, 3… by the store. Both belong to the
 * question's owner and are erased with them. A question's `ownerId` and `createdAt` are fixed
 * by its first post: later saves must carry the same (the stores index them once).
 */
export interface QuestionStore {
  get(id: string): Promise<Question | null>;
  /** The thread of a question ordered by `seq` (empty for an unknown question). */
  messages(questionId: string): Promise<readonly QuestionMessage[]>;
  /** The owner's questions, ordered by number. */
  listByOwner(ownerId: string): Promise<readonly Question[]>;
  /**
   * Questions in `states` with a number above `afterNumber` (0: from the start), ordered by
   * number — oldest first, a stable order for paging — at most `limit`.
   */
  list(states: readonly QuestionState[], afterNumber: number, limit: number): Promise<readonly Question[]>;
  /** Questions per state (absent states may be omitted or 0). */
  countByState(): Promise<Readonly<Partial<Record<QuestionState, number>>>>;
  /** The next question number (1, 2, …); never returns the same number twice. */
  nextNumber(): Promise<number>;
  /**
   * Saves `question` if its stored version is `expectedVersion` (null: it must not exist; the
   * saved version is `expectedVersion + 1`, or 1), appends `message` to its thread as the next
   * seq and — for a resident message — checks `limits` for the question's owner, all in one
   * atomic step with `side`. Two staff answering at once: both read version v, the first post
   * is saved, the second gets `conflict` and nothing of it is written (the caller re-reads and
   * posts again, so both answers end up in the thread).
   */
  post(question: Question, expectedVersion: number | null, message: QuestionMessageDraft, limits: QuestionLimits | null, side: SideRecords): Promise<PostOutcome>;
  /** Saves a state change without a message (closing) if the stored version is `expectedVersion`. Atomic with `side`. */
  save(question: Question, expectedVersion: number, side: SideRecords): Promise<SaveOutcome>;
  /**
   * Deletes every question of `ownerId` with its messages, in one atomic step ("forget me").
   * Idempotent; returns how many questions were deleted.
   */
  eraseOwner(ownerId: string): Promise<number>;
}
