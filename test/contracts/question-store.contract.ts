/**
 * Contract of `QuestionStore` (core/ports/question-store.ts), run unchanged by every backend.
 *
 * Readings chosen here:
 * - The store owns `version` (`expectedVersion + 1`, or 1) and message `seq` (1, 2, 3… per
 *   question, in the order posted), whatever the caller put in the fields.
 * - Caps are judged for resident messages only, for the owner named by the posted question;
 *   the questions cap only when a new question is posted (expected version null). A refused
 *   post (conflict, rate limited) writes nothing: no record, message or side record.
 * - `countByState` may omit absent states or give them 0; the suite reads `?? 0`.
 */
import { describe, expect, it } from 'vitest';
import type { Question, QuestionMessageDraft } from '../../core/questions/question.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, expectSide, fixtures, range, side } from './contract-helpers.ts';

export function question(id: string, number: number, over: Partial<Question> = {}): Question {
  return {
    id,
    number,
    ownerId: 'tg:1',
    state: 'open',
    createdAt: T0,
    updatedAt: T0,
    waitingSince: T0,
    answeredAt: null,
    closedAt: null,
    closedBy: null,
    version: 1,
    ...over,
  };
}

function said(text: string, at = T0, over: Partial<QuestionMessageDraft> = {}): QuestionMessageDraft {
  return { from: 'resident', by: null, text, photo: null, at, ...over };
}

function answer(text: string, by: string, at = T0): QuestionMessageDraft {
  return { from: 'staff', by, text, photo: null, at };
}

/** Posts a new question with its first message and asserts it was saved. */
async function ask(stores: Stores, id: string, number: number, over: Partial<Question> = {}, at = T0): Promise<Question> {
  const q = question(id, number, { createdAt: at, updatedAt: at, waitingSince: at, ...over });
  expect(await stores.questions.post(q, null, said(`Question ${number}?`, at), null, {})).toEqual({ status: 'saved', seq: 1 });
  return q;
}

const HOUR = 3600_000;

export function describeQuestionStoreContract(label: string, make: MakeStores): void {
  describe(`QuestionStore contract [${label}]`, () => {
    const open = fixtures(make);

    it('returns null and an empty thread for an unknown question', async () => {
      const { stores } = await open();
      expect(await stores.questions.get('q_404')).toBeNull();
      expect(await stores.questions.messages('q_404')).toEqual([]);
      expect(await stores.questions.listByOwner('tg:404')).toEqual([]);
    });

    it('posts a new question as version 1 with its first message as seq 1, atomically with side records', async () => {
      const { stores } = await open();
      const q = question('q_a', 1, { version: 40 });
      const first = said('Quand la rue de la Gare sera-t-elle refaite ? 🚧\nMerci', T0, { photo: 'AgACAgQAAxkBAAIB' });
      expect(await stores.questions.post(q, null, first, null, side('ask'))).toEqual({ status: 'saved', seq: 1 });
      expect(await stores.questions.get('q_a')).toEqual({ ...q, version: 1 });
      expect(await stores.questions.messages('q_a')).toEqual([{ ...first, questionId: 'q_a', seq: 1 }]);
      await expectSide(stores, 'ask', true);
    });

    it('appends messages as seq 2, 3 … while saving the question over its expected version', async () => {
      const { stores } = await open();
      await ask(stores, 'q_a', 1);
      const answered = question('q_a', 1, { state: 'answered', waitingSince: null, answeredAt: T0 + 5, updatedAt: T0 + 5, version: 2 });
      expect(await stores.questions.post(answered, 1, answer('In June.', 'staff:U1', T0 + 5), null, side('answer'))).toEqual({ status: 'saved', seq: 2 });
      const reopened = { ...answered, state: 'open' as const, waitingSince: T0 + 9, updatedAt: T0 + 9, version: 3 };
      expect(await stores.questions.post(reopened, 2, said('Which week?', T0 + 9), null, {})).toEqual({ status: 'saved', seq: 3 });
      expect(await stores.questions.get('q_a')).toEqual(reopened);
      const thread = await stores.questions.messages('q_a');
      expect(thread.map((m) => [m.seq, m.from, m.by, m.text])).toEqual([
        [1, 'resident', null, 'Question 1?'],
        [2, 'staff', 'staff:U1', 'In June.'],
        [3, 'resident', null, 'Which week?'],
      ]);
      await expectSide(stores, 'answer', true);
    });

    it('refuses null-over-existing, stale, future and expected-over-missing posts and saves, writing nothing', async () => {
      const { stores } = await open();
      await ask(stores, 'q_a', 1);
      const changed = question('q_a', 1, { state: 'answered' });
      expect(await stores.questions.post(changed, null, answer('x', 'staff:U1'), null, side('null'))).toEqual({ status: 'conflict' });
      expect(await stores.questions.post(changed, 2, answer('x', 'staff:U1'), null, side('future'))).toEqual({ status: 'conflict' });
      expect(await stores.questions.post(changed, 0, answer('x', 'staff:U1'), null, side('zero'))).toEqual({ status: 'conflict' });
      expect(await stores.questions.post(question('q_b', 2), 1, said('x'), null, side('missing'))).toEqual({ status: 'conflict' });
      expect(await stores.questions.save(changed, 2, side('save-future'))).toBe('conflict');
      expect(await stores.questions.save(question('q_b', 2), 1, side('save-missing'))).toBe('conflict');
      expect(await stores.questions.get('q_a')).toEqual(question('q_a', 1));
      expect(await stores.questions.get('q_b')).toBeNull();
      expect((await stores.questions.messages('q_a')).length).toBe(1);
      expect(await stores.questions.messages('q_b')).toEqual([]);
      for (const tag of ['null', 'future', 'zero', 'missing', 'save-future', 'save-missing']) await expectSide(stores, tag, false);
    });

    it('saves a state change without a message, over the expected version', async () => {
      const { stores } = await open();
      await ask(stores, 'q_a', 1);
      const closed = question('q_a', 1, { state: 'closed', waitingSince: null, closedAt: T0 + 1, closedBy: 'staff:U1', updatedAt: T0 + 1, version: 9 });
      expect(await stores.questions.save(closed, 1, side('close'))).toBe('saved');
      expect(await stores.questions.get('q_a')).toEqual({ ...closed, version: 2 });
      expect((await stores.questions.messages('q_a')).length).toBe(1);
      expect(await stores.questions.save(closed, 1, side('again'))).toBe('conflict');
      await expectSide(stores, 'close', true);
      await expectSide(stores, 'again', false);
    });

    it("lists an owner's questions by number, and questions by state page by page, oldest first", async () => {
      const { stores } = await open();
      await ask(stores, 'q_c', 3, { ownerId: 'tg:2' });
      await ask(stores, 'q_a', 1);
      await ask(stores, 'q_e', 10, { state: 'answered', waitingSince: null });
      await ask(stores, 'q_b', 2, { ownerId: 'tg:2', state: 'closed', waitingSince: null });
      await ask(stores, 'q_d', 4, { ownerId: 'tg:10', state: 'answered', waitingSince: null });
      const ids = (qs: readonly Question[]) => qs.map((q) => q.id);
      expect(ids(await stores.questions.listByOwner('tg:1'))).toEqual(['q_a', 'q_e']);
      expect(ids(await stores.questions.listByOwner('tg:2'))).toEqual(['q_b', 'q_c']);
      expect(ids(await stores.questions.list(['open', 'answered'], 0, 100))).toEqual(['q_a', 'q_c', 'q_d', 'q_e']);
      expect(ids(await stores.questions.list(['open', 'answered'], 0, 2))).toEqual(['q_a', 'q_c']);
      expect(ids(await stores.questions.list(['open', 'answered'], 3, 2))).toEqual(['q_d', 'q_e']);
      expect(ids(await stores.questions.list(['open', 'answered'], 10, 2))).toEqual([]);
      expect(ids(await stores.questions.list(['closed'], 0, 100))).toEqual(['q_b']);
      expect(ids(await stores.questions.list(['answered'], 0, 100))).toEqual(['q_d', 'q_e']);
      expect(ids(await stores.questions.list([], 0, 100))).toEqual([]);
      expect(ids(await stores.questions.list(['open'], 0, 0))).toEqual([]);
      expect((await stores.questions.list(['open'], 0, 1))[0]).toEqual(question('q_a', 1));
    });

    it('counts questions per state as they change', async () => {
      const { stores } = await open();
      expect((await stores.questions.countByState()).open ?? 0).toBe(0);
      await ask(stores, 'q_a', 1);
      await ask(stores, 'q_b', 2);
      await ask(stores, 'q_c', 3);
      await stores.questions.post(question('q_a', 1, { state: 'answered' }), 1, answer('Yes', 'staff:U1'), null, {});
      await stores.questions.save(question('q_b', 2, { state: 'closed' }), 1, {});
      await stores.questions.save(question('q_a', 1, { state: 'closed' }), 2, {});
      const c = await stores.questions.countByState();
      expect([c.open ?? 0, c.answered ?? 0, c.closed ?? 0]).toEqual([1, 0, 2]);
    });

    it('hands out question numbers 1, 2, 3 … across handles, never twice under concurrency', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      expect(await stores.questions.nextNumber()).toBe(1);
      expect(await other.questions.nextNumber()).toBe(2);
      const numbers = await Promise.all(range(1, 30).map((i) => (i % 2 ? stores : other).questions.nextNumber()));
      expect([...numbers].sort((a, b) => a - b)).toEqual(range(3, 32));
    });

    it("caps an owner's new questions in a rolling window, judged on stored instants; a refusal writes nothing", async () => {
      const { stores } = await open();
      const cap = { questions: { max: 2, windowMs: 24 * HOUR } };
      await ask(stores, 'q_a', 1, {}, T0);
      await ask(stores, 'q_b', 2, {}, T0 + HOUR);
      await ask(stores, 'q_x', 3, { ownerId: 'tg:2' }, T0 + HOUR);
      const third = (at: number) => question('q_c', 4, { createdAt: at, updatedAt: at, waitingSince: at, version: 0 });
      const now = T0 + 2 * HOUR;
      expect(await stores.questions.post(third(now), null, said('Third?', now), { now, ...cap }, side('capped'))).toEqual({ status: 'rate_limited', limit: 'questions', retryAt: T0 + 24 * HOUR });
      expect(await stores.questions.get('q_c')).toBeNull();
      expect(await stores.questions.messages('q_c')).toEqual([]);
      await expectSide(stores, 'capped', false);
      // Another owner is not held by tg:1's questions; a follow-up is not a new question.
      expect(await stores.questions.post(question('q_y', 5, { ownerId: 'tg:2', version: 0 }), null, said('Mine?', now), { now, ...cap }, {})).toMatchObject({ status: 'saved' });
      expect(await stores.questions.post(question('q_a', 1), 1, said('And?', now), { now, ...cap }, {})).toEqual({ status: 'saved', seq: 2 });
      // At exactly createdAt + window the oldest no longer counts.
      const later = T0 + 24 * HOUR;
      expect(await stores.questions.post(third(later), null, said('Third?', later), { now: later, ...cap }, side('passes'))).toEqual({ status: 'saved', seq: 1 });
      await expectSide(stores, 'passes', true);
    });

    it("caps an owner's resident messages across their questions; staff answers and other owners do not count", async () => {
      const { stores } = await open();
      const cap = (now: number) => ({ now, messages: { max: 3, windowMs: HOUR } });
      await ask(stores, 'q_a', 1, {}, T0);
      await ask(stores, 'q_b', 2, {}, T0 + 10);
      await ask(stores, 'q_x', 3, { ownerId: 'tg:2' }, T0 + 10);
      for (const [v, at] of [[1, T0 + 20], [2, T0 + 21], [3, T0 + 22]] as const) {
        expect(await stores.questions.post(question('q_b', 2, { state: 'answered' }), v, answer(`A${v}`, 'staff:U1', at), cap(at), {})).toMatchObject({ status: 'saved' });
      }
      expect(await stores.questions.post(question('q_b', 2), 4, said('More', T0 + 30), cap(T0 + 30), {})).toEqual({ status: 'saved', seq: 5 });
      // Three resident messages of tg:1 in the hour (T0, T0+10, T0+30): a fourth waits until the first leaves.
      const now = T0 + 40;
      expect(await stores.questions.post(question('q_b', 2), 5, said('Even more', now), cap(now), side('capped'))).toEqual({ status: 'rate_limited', limit: 'messages', retryAt: T0 + HOUR });
      expect(await stores.questions.post(question('q_c', 4, { version: 0 }), null, said('New', now), cap(now), {})).toEqual({ status: 'rate_limited', limit: 'messages', retryAt: T0 + HOUR });
      expect((await stores.questions.messages('q_b')).length).toBe(5);
      expect((await stores.questions.get('q_b'))?.version).toBe(5);
      await expectSide(stores, 'capped', false);
      expect(await stores.questions.post(question('q_x', 3, { ownerId: 'tg:2' }), 1, said('Fine', now), cap(now), {})).toEqual({ status: 'saved', seq: 2 });
      expect(await stores.questions.post(question('q_b', 2, { state: 'answered' }), 5, answer('Staff are never capped', 'staff:U2', now), cap(now), {})).toEqual({ status: 'saved', seq: 6 });
      expect(await stores.questions.post(question('q_b', 2), 6, said('Now', T0 + HOUR), cap(T0 + HOUR), {})).toEqual({ status: 'saved', seq: 7 });
      // Full again (T0+10, T0+30, T0+1h): the next one waits for T0+10 to leave.
      expect(await stores.questions.post(question('q_b', 2), 7, said('Again', T0 + HOUR + 1), cap(T0 + HOUR + 1), {})).toEqual({ status: 'rate_limited', limit: 'messages', retryAt: T0 + 10 + HOUR });
      // Without limits nothing is judged.
      expect(await stores.questions.post(question('q_b', 2), 7, said('Unchecked', T0 + HOUR + 1), null, {})).toEqual({ status: 'saved', seq: 8 });
    });

    it('race: concurrent new questions of one owner through two handles never pass the cap', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const limits = { now: T0, questions: { max: 3, windowMs: 24 * HOUR }, messages: { max: 100, windowMs: HOUR } };
      const outcomes = await Promise.all(
        range(1, 12).map((i) => (i % 2 ? stores : other).questions.post(question(`q_${i}`, i, { version: 0 }), null, said(`Q${i}`), limits, side(`q${i}`))),
      );
      expect(outcomes.filter((o) => o.status === 'saved').length).toBe(3);
      expect(outcomes.filter((o) => o.status === 'rate_limited').length).toBe(9);
      expect((await stores.questions.listByOwner('tg:1')).length).toBe(3);
      for (const i of range(1, 12)) await expectSide(stores, `q${i}`, outcomes[i - 1]?.status === 'saved');
    });

    it('race: two staff answering at once — one saved, one conflict; posted again, both answers are kept in order', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await ask(stores, 'q_a', 1);
      const answered = question('q_a', 1, { state: 'answered', waitingSince: null });
      const [a, b] = await Promise.all([
        stores.questions.post(answered, 1, answer('From Anne', 'staff:U1'), null, side('a1')),
        other.questions.post(answered, 1, answer('From Marc', 'staff:U2'), null, side('a2')),
      ]);
      expect([a.status, b.status].sort()).toEqual(['conflict', 'saved']);
      const loser = a.status === 'conflict' ? { stores, text: 'From Anne', by: 'staff:U1' } : { stores: other, text: 'From Marc', by: 'staff:U2' };
      expect(await loser.stores.questions.post(answered, 2, answer(loser.text, loser.by), null, {})).toEqual({ status: 'saved', seq: 3 });
      const thread = await stores.questions.messages('q_a');
      expect(thread.map((m) => m.seq)).toEqual([1, 2, 3]);
      expect(new Set(thread.slice(1).map((m) => m.text))).toEqual(new Set(['From Anne', 'From Marc']));
      expect(thread[2]?.text).toBe(loser.text);
      await expectSide(stores, 'a1', a.status === 'saved');
      await expectSide(stores, 'a2', b.status === 'saved');
    });

    it("erases an owner's questions with their messages, leaving others'; idempotent; their caps start afresh", async () => {
      const { stores } = await open();
      await ask(stores, 'q_a', 1);
      await ask(stores, 'q_b', 2, { state: 'answered' });
      await ask(stores, 'q_x', 3, { ownerId: 'tg:2' });
      await stores.questions.post(question('q_b', 2, { state: 'answered' }), 1, answer('Yes', 'staff:U1'), null, {});
      expect(await stores.questions.eraseOwner('tg:1')).toBe(2);
      expect(await stores.questions.get('q_a')).toBeNull();
      expect(await stores.questions.get('q_b')).toBeNull();
      expect(await stores.questions.messages('q_a')).toEqual([]);
      expect(await stores.questions.messages('q_b')).toEqual([]);
      expect(await stores.questions.listByOwner('tg:1')).toEqual([]);
      expect((await stores.questions.list(['open', 'answered', 'closed'], 0, 100)).map((q) => q.id)).toEqual(['q_x']);
      const c = await stores.questions.countByState();
      expect([c.open ?? 0, c.answered ?? 0, c.closed ?? 0]).toEqual([1, 0, 0]);
      expect((await stores.questions.messages('q_x')).length).toBe(1);
      expect(await stores.questions.eraseOwner('tg:1')).toBe(0);
      expect(await stores.questions.eraseOwner('tg:404')).toBe(0);
      const limits = { now: T0, questions: { max: 1, windowMs: HOUR }, messages: { max: 1, windowMs: HOUR } };
      expect(await stores.questions.post(question('q_c', 4, { version: 0 }), null, said('Again'), limits, {})).toEqual({ status: 'saved', seq: 1 });
    });
  });
}
