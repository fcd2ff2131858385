import type { SaveOutcome } from '../../core/ports/campaign-store.ts';
import type { PostOutcome, QuestionLimits, QuestionStore } from '../../core/ports/question-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import type { Question, QuestionMessage, QuestionMessageDraft, QuestionState } from '../../core/questions/question.ts';
import { QUESTION_STATES } from '../../core/questions/question.ts';
import type { RedisKeys } from './keys.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

/** Stored JSON of a question: every field but the version (kept in the hash's `v`). */
export function questionJson(q: Question): string {
  const { version: _version, ...rest } = q;
  return JSON.stringify(rest);
}

export function questionFrom(v: string | null | undefined, d: string | null | undefined): Question | null {
  if (v == null || d == null) return null;
  return { ...(JSON.parse(d) as Omit<Question, 'version'>), version: Number(v) };
}

/** Stored JSON of a message: every field but its place (the list index gives the seq). */
export function messageJson(m: QuestionMessageDraft): string {
  return JSON.stringify({ from: m.from, by: m.by, text: m.text, photo: m.photo, at: m.at });
}

/** The thread of `questionId` from its list entries. */
export function threadFrom(questionId: string, entries: readonly string[]): QuestionMessage[] {
  return entries.map((e, i) => ({ questionId, seq: i + 1, ...(JSON.parse(e) as QuestionMessageDraft) }));
}

/** Keys of question-save.lua for `q`, in its header's order. */
export function questionSaveKeys(k: RedisKeys, q: Pick<Question, 'id' | 'ownerId'>): string[] {
  return [k.question(q.id), k.questionThread(q.id), k.questionNumbers, ...QUESTION_STATES.map((s) => k.questionsIn(s)), k.questionOwner(q.ownerId), k.questionSaid(q.ownerId)];
}

/** How often eraseOwner reads the owner's ids again when a question lands meanwhile. */
const ERASE_ATTEMPTS = 10;

/**
 * Questions in Redis: a hash per question, its thread as a list, zsets by number (all, and
 * per state) and per owner (their questions by creation, their own messages by instant, for
 * the rolling-window caps). Every change is question-save.lua or question-erase.lua.
 */
export class RedisQuestionStore implements QuestionStore {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async get(id: string): Promise<Question | null> {
    const [v, d] = await this.#ctx.guard('questions.get', () => this.#ctx.redis.hmget(this.#ctx.keys.question(id), 'v', 'd'));
    return questionFrom(v, d);
  }

  async messages(questionId: string): Promise<readonly QuestionMessage[]> {
    const entries = await this.#ctx.guard('questions.messages', () => this.#ctx.redis.lrange(this.#ctx.keys.questionThread(questionId), 0, -1));
    return threadFrom(questionId, entries);
  }

  async listByOwner(ownerId: string): Promise<readonly Question[]> {
    const ids = await this.#ctx.guard('questions.listByOwner', () => this.#ctx.redis.zrange(this.#ctx.keys.questionOwner(ownerId), '0', '-1'));
    const questions = await this.#read('questions.listByOwner', ids);
    return questions.sort((a, b) => a.number - b.number);
  }

  async list(states: readonly QuestionState[], afterNumber: number, limit: number): Promise<readonly Question[]> {
    if (states.length === 0 || limit <= 0) return [];
    const k = this.#ctx.keys;
    const wanted = new Set(states);
    const found = await this.#ctx.guard('questions.list', async () => {
      const pipe = this.#ctx.redis.pipeline();
      for (const s of wanted) pipe.zrangebyscore(k.questionsIn(s), `(${afterNumber}`, '+inf', 'WITHSCORES', 'LIMIT', 0, limit);
      const byId = new Map<string, number>();
      for (const [err, reply] of (await pipe.exec()) ?? []) {
        if (err) throw err;
        const flat = reply as string[];
        for (let i = 0; i + 1 < flat.length; i += 2) byId.set(flat[i]!, Number(flat[i + 1]));
      }
      return [...byId].sort((a, b) => a[1] - b[1]).slice(0, limit).map(([id]) => id);
    });
    // A question that changed state between the reads is judged by its record.
    return (await this.#read('questions.list', found)).filter((q) => wanted.has(q.state)).sort((a, b) => a.number - b.number);
  }

  async countByState(): Promise<Readonly<Partial<Record<QuestionState, number>>>> {
    const k = this.#ctx.keys;
    const counts = await this.#ctx.guard('questions.countByState', async () => {
      const pipe = this.#ctx.redis.pipeline();
      for (const s of QUESTION_STATES) pipe.zcard(k.questionsIn(s));
      return ((await pipe.exec()) ?? []).map(([err, n]) => {
        if (err) throw err;
        return Number(n);
      });
    });
    const out: Partial<Record<QuestionState, number>> = {};
    QUESTION_STATES.forEach((s, i) => {
      if ((counts[i] ?? 0) > 0) out[s] = counts[i]!;
    });
    return out;
  }

  async nextNumber(): Promise<number> {
    // A re-sent INCR (lost reply) skips a number; it never hands one out twice.
    return this.#ctx.guard('questions.nextNumber', () => this.#ctx.redis.incr(this.#ctx.keys.questionNumber));
  }

  async post(question: Question, expectedVersion: number | null, message: QuestionMessageDraft, limits: QuestionLimits | null, side: SideRecords): Promise<PostOutcome> {
    const caps = limits === null ? ['', '', '', '', ''] : [String(limits.now), ...capArgs(limits.questions), ...capArgs(limits.messages)];
    const reply = (await this.#ctx.write('questions.post', 'question-save', side, questionSaveKeys(this.#ctx.keys, question), [
      ...this.#recordArgs(question, expectedVersion),
      messageJson(message),
      message.from,
      String(message.at),
      ...caps,
    ])) as unknown[];
    const outcome = outcomeOf('question-save', reply[0], ['ok', 'conflict', 'rate_limited']);
    if (outcome === 'ok') return { status: 'saved', seq: Number(reply[1]) };
    if (outcome === 'conflict') return { status: 'conflict' };
    return { status: 'rate_limited', limit: reply[1] === 'questions' ? 'questions' : 'messages', retryAt: Number(reply[2]) };
  }

  async save(question: Question, expectedVersion: number, side: SideRecords): Promise<SaveOutcome> {
    const reply = (await this.#ctx.write('questions.save', 'question-save', side, questionSaveKeys(this.#ctx.keys, question), [
      ...this.#recordArgs(question, expectedVersion),
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ])) as unknown[];
    return outcomeOf('question-save', reply[0], ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async eraseOwner(ownerId: string): Promise<number> {
    const k = this.#ctx.keys;
    for (let attempt = 0; attempt < ERASE_ATTEMPTS; attempt++) {
      const ids = await this.#ctx.guard('questions.eraseOwner', () => this.#ctx.redis.zrange(k.questionOwner(ownerId), '0', '-1'));
      const keys = [k.questionOwner(ownerId), k.questionSaid(ownerId), k.questionNumbers, ...QUESTION_STATES.map((s) => k.questionsIn(s)), ...ids.flatMap((id) => [k.question(id), k.questionThread(id)])];
      const reply = (await this.#ctx.write('questions.eraseOwner', 'question-erase', {}, keys, [String(ids.length), ...ids])) as unknown[];
      if (outcomeOf('question-erase', reply[0], ['ok', 'stale']) === 'ok') return Number(reply[1]);
    }
    throw new Error('redis store: questions.eraseOwner kept racing new questions of the owner');
  }

  #recordArgs(q: Question, expected: number | null): string[] {
    return [expected === null ? '' : String(expected), questionJson(q), q.state, String(q.number), q.id, q.ownerId, String(q.createdAt)];
  }

  async #read(op: string, ids: readonly string[]): Promise<Question[]> {
    if (ids.length === 0) return [];
    return this.#ctx.guard(op, async () => {
      const pipe = this.#ctx.redis.pipeline();
      for (const id of ids) pipe.hmget(this.#ctx.keys.question(id), 'v', 'd');
      const out: Question[] = [];
      for (const [err, row] of (await pipe.exec()) ?? []) {
        if (err) throw err;
        const [v, d] = row as (string | null)[];
        // An id erased between the two reads is skipped.
        const q = questionFrom(v, d);
        if (q !== null) out.push(q);
      }
      return out;
    });
  }
}

function capArgs(cap: { max: number; windowMs: number } | undefined): [string, string] {
  return cap === undefined ? ['', ''] : [String(cap.max), String(cap.windowMs)];
}
