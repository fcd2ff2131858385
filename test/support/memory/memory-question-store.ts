import type { SaveOutcome } from '../../../core/ports/campaign-store.ts';
import type { PostOutcome, QuestionLimits, QuestionStore } from '../../../core/ports/question-store.ts';
import type { SideRecords } from '../../../core/ports/side-records.ts';
import type { Question, QuestionMessage, QuestionMessageDraft, QuestionState } from '../../../core/questions/question.ts';
import { limitRetryAt } from '../../../core/questions/question-rules.ts';
import { applySide, frozenCopy, roundTrip } from './memory-state.ts';
import type { MemoryHandle, MemoryState } from './memory-state.ts';

/**
 * In-memory `QuestionStore`. The store owns `version` and message `seq`. Caps are judged
 * with `limitRetryAt` (the reference of the rule) over the owner's stored instants.
 */
export class MemoryQuestionStore implements QuestionStore {
  constructor(private readonly handle: MemoryHandle) {}

  async get(id: string): Promise<Question | null> {
    await roundTrip();
    return this.handle.open().questions.get(id) ?? null;
  }

  async messages(questionId: string): Promise<readonly QuestionMessage[]> {
    await roundTrip();
    return Object.freeze([...(this.handle.open().questionMessages.get(questionId) ?? [])]);
  }

  async listByOwner(ownerId: string): Promise<readonly Question[]> {
    await roundTrip();
    return Object.freeze(byNumber([...this.handle.open().questions.values()].filter((q) => q.ownerId === ownerId)));
  }

  async list(states: readonly QuestionState[], afterNumber: number, limit: number): Promise<readonly Question[]> {
    await roundTrip();
    const all = byNumber([...this.handle.open().questions.values()].filter((q) => states.includes(q.state) && q.number > afterNumber));
    return Object.freeze(all.slice(0, Math.max(0, limit)));
  }

  async countByState(): Promise<Readonly<Partial<Record<QuestionState, number>>>> {
    await roundTrip();
    const counts: Partial<Record<QuestionState, number>> = {};
    for (const q of this.handle.open().questions.values()) counts[q.state] = (counts[q.state] ?? 0) + 1;
    return Object.freeze(counts);
  }

  async nextNumber(): Promise<number> {
    await roundTrip();
    const s = this.handle.open();
    s.lastQuestionNumber += 1;
    return s.lastQuestionNumber;
  }

  async post(question: Question, expectedVersion: number | null, message: QuestionMessageDraft, limits: QuestionLimits | null, side: SideRecords): Promise<PostOutcome> {
    await roundTrip();
    const s = this.handle.open();
    if ((s.questions.get(question.id)?.version ?? null) !== expectedVersion) return { status: 'conflict' };
    if (limits !== null && message.from === 'resident') {
      const refused = judge(s, question.ownerId, limits, expectedVersion === null);
      if (refused !== null) return refused;
    }
    s.questions.set(question.id, frozenCopy({ ...question, version: (expectedVersion ?? 0) + 1 }));
    const thread = s.questionMessages.get(question.id) ?? [];
    const seq = thread.length + 1;
    thread.push(frozenCopy({ ...message, questionId: question.id, seq }));
    s.questionMessages.set(question.id, thread);
    applySide(s, side);
    return { status: 'saved', seq };
  }

  async save(question: Question, expectedVersion: number, side: SideRecords): Promise<SaveOutcome> {
    await roundTrip();
    const s = this.handle.open();
    if ((s.questions.get(question.id)?.version ?? null) !== expectedVersion) return 'conflict';
    s.questions.set(question.id, frozenCopy({ ...question, version: expectedVersion + 1 }));
    applySide(s, side);
    return 'saved';
  }

  async eraseOwner(ownerId: string): Promise<number> {
    await roundTrip();
    const s = this.handle.open();
    let n = 0;
    for (const q of [...s.questions.values()]) {
      if (q.ownerId !== ownerId) continue;
      s.questions.delete(q.id);
      s.questionMessages.delete(q.id);
      n++;
    }
    return n;
  }
}

function byNumber(questions: Question[]): Question[] {
  return questions.sort((a, b) => a.number - b.number);
}

function judge(s: MemoryState, ownerId: string, limits: QuestionLimits, isNew: boolean): PostOutcome | null {
  const owned = [...s.questions.values()].filter((q) => q.ownerId === ownerId);
  if (isNew && limits.questions !== undefined) {
    const retryAt = limitRetryAt(owned.map((q) => q.createdAt), limits.questions, limits.now);
    if (retryAt !== null) return { status: 'rate_limited', limit: 'questions', retryAt };
  }
  if (limits.messages !== undefined) {
    const instants = owned.flatMap((q) => (s.questionMessages.get(q.id) ?? []).filter((m) => m.from === 'resident').map((m) => m.at));
    const retryAt = limitRetryAt(instants, limits.messages, limits.now);
    if (retryAt !== null) return { status: 'rate_limited', limit: 'messages', retryAt };
  }
  return null;
}
