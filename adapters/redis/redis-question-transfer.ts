/**
 * The questions part of the Redis transfer (redis-transfer.ts): read into a dump, and the
 * writes of a restore — the layout of redis-question-store.ts and question-save.lua, with the
 * derived zsets (per state, per owner, the owner's own messages) rebuilt from the records.
 */
import type { Question, QuestionMessage } from '../../core/questions/question.ts';
import type { CampaignDump } from '../../core/ports/store-transfer.ts';
import type { RedisKeys } from './keys.ts';
import { messageJson, questionFrom, questionJson, threadFrom } from './redis-question-store.ts';

type Command = [string, ...(string | number)[]];

/** Runs one command per item in chunks and returns the replies in item order (redis-transfer's `readEach`). */
export type ReadEach = <T>(items: readonly T[], command: (item: T) => Command) => Promise<unknown[]>;

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The questions, their messages and the next question number, as the dump orders them. */
export async function readQuestions(
  k: RedisKeys,
  ids: readonly string[],
  counter: string | null,
  readEach: ReadEach,
): Promise<Pick<CampaignDump, 'questions' | 'questionMessages' | 'nextQuestionNumber'>> {
  const questions: Question[] = [];
  for (const row of await readEach(ids, (id) => ['hmget', k.question(id), 'v', 'd'])) {
    const [v, d] = row as (string | null)[];
    const q = questionFrom(v, d);
    if (q !== null) questions.push(q);
  }
  const threads = await readEach(questions, (q) => ['lrange', k.questionThread(q.id), 0, -1]);
  const questionMessages: QuestionMessage[] = questions.flatMap((q, n) => threadFrom(q.id, threads[n] as string[]));
  return {
    questions: questions.sort((a, b) => a.number - b.number || byText(a.id, b.id)),
    questionMessages: questionMessages.sort((a, b) => byText(a.questionId, b.questionId) || a.seq - b.seq),
    nextQuestionNumber: Number(counter ?? 0) + 1,
  };
}

/** The writes restoring the questions of `dump`. */
export function* questionCommands(k: RedisKeys, dump: CampaignDump): Generator<Command> {
  const owners = new Map<string, string>();
  for (const q of dump.questions) {
    owners.set(q.id, q.ownerId);
    yield ['hset', k.question(q.id), 'v', q.version, 's', q.state, 'o', q.ownerId, 'n', q.number, 'c', q.createdAt, 'd', questionJson(q)];
    yield ['zadd', k.questionNumbers, q.number, q.id];
    yield ['zadd', k.questionsIn(q.state), q.number, q.id];
    yield ['zadd', k.questionOwner(q.ownerId), q.createdAt, q.id];
  }
  // checkDump has made sure seqs run 1, 2, 3… per question, so appending in order rebuilds each list.
  for (const m of dump.questionMessages) {
    yield ['rpush', k.questionThread(m.questionId), messageJson(m)];
    const owner = owners.get(m.questionId);
    if (m.from === 'resident' && owner !== undefined) yield ['zadd', k.questionSaid(owner), m.at, `${m.questionId}:${m.seq}`];
  }
  if (dump.nextQuestionNumber > 1) yield ['set', k.questionNumber, dump.nextQuestionNumber - 1];
}
