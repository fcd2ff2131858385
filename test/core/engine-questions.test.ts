import { describe, expect, it } from 'vitest';
import { questionAskedKey } from '../../core/engine/question-usecases.ts';
import { initialPhaseState } from '../../core/phases/phase-machine.ts';
import type { OutboxMessage } from '../../core/ports/outbox.ts';
import { MESSAGES_PER_HOUR, QUESTIONS_PER_DAY, QUESTION_TEXT_MAX } from '../../core/questions/question.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { DAY, HOUR, T, testCampaign } from '../support/test-campaign.ts';

const must = <T>(o: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
};

async function outbox(h: Harness): Promise<readonly OutboxMessage[]> {
  return h.stores.outbox.list(0, 100_000);
}

async function templates(h: Harness): Promise<string[]> {
  return (await outbox(h)).map((m) => m.template).filter((t) => t.includes('question'));
}

describe('questions: the lifecycle', () => {
  it('ask → answer (relayed) → follow-up reopens → answer → the resident closes; committee and resident told, audited', async () => {
    const h = harness();
    const ada = await h.register(987_654_321);
    const asked = must(await h.engine.askQuestion(ada, { text: '  Quand la rue de la Gare sera-t-elle refaite ?  ', photo: 'AgACAgQAAxkB-_9' }));
    expect(asked).toMatchObject({ number: 1, ownerId: ada, state: 'open', waitingSince: h.clock.now(), version: 1 });
    const pseudonym = h.deps.keys.residentPseudonym(ada);
    const card = (await outbox(h)).find((m) => m.template === 'committee.question_asked');
    expect(card).toMatchObject({
      key: questionAskedKey(asked.id),
      recipient: { kind: 'committee' },
      params: { questionId: asked.id, question: 1, photo: true, resident: pseudonym, locale: 'fr' },
    });

    h.clock.advance(HOUR);
    const answered = must(await h.engine.answerQuestion('U-MOD1', asked.id, ' En juin, normalement. '));
    expect(answered).toMatchObject({ state: 'answered', waitingSince: null, answeredAt: h.clock.now(), version: 2 });
    const relayed = (await outbox(h)).find((m) => m.template === 'notify.question_answered');
    expect(relayed).toMatchObject({ recipient: { kind: 'resident', residentId: ada }, params: { questionId: asked.id, question: 1, text: 'En juin, normalement.', by: 'Marc Moderator' } });

    h.clock.advance(HOUR);
    const followed = must(await h.engine.followUpQuestion(ada, asked.id, { text: 'Quelle semaine ?' }));
    expect(followed).toMatchObject({ state: 'open', waitingSince: h.clock.now(), version: 3 });
    const followUp = (await outbox(h)).find((m) => m.template === 'committee.question_followup');
    // The follow-up goes in the question's Slack thread, so it waits for the question's card.
    expect(followUp).toMatchObject({ after: questionAskedKey(asked.id), params: { questionId: asked.id, question: 1, version: 3, photo: false, reopened: true, resident: pseudonym } });
    // No resident text in the outbox: the sender reads the thread from the question store.
    expect(JSON.stringify(await outbox(h))).not.toContain('Quelle semaine');

    // A second follow-up before any answer keeps the question waiting since the first one.
    const waitingSince = h.clock.now();
    h.clock.advance(60_000);
    expect(must(await h.engine.followUpQuestion(ada, asked.id, { text: 'Ou plutôt : quel mois ?' }))).toMatchObject({ state: 'open', waitingSince, version: 4 });
    must(await h.engine.answerQuestion('U-MOD2', asked.id, 'La semaine du 8 juin.'));
    const closed = must(await h.engine.closeQuestion({ kind: 'resident', residentId: ada }, asked.id));
    expect(closed).toMatchObject({ state: 'closed', closedBy: 'resident', closedAt: h.clock.now(), waitingSince: null, version: 6 });

    const [thread] = await h.engine.myQuestions(ada);
    expect(thread?.question).toEqual(closed);
    expect(thread?.messages.map((m) => [m.seq, m.from, m.by, m.text])).toEqual([
      [1, 'resident', null, 'Quand la rue de la Gare sera-t-elle refaite ?'],
      [2, 'staff', 'staff:U-MOD1', 'En juin, normalement.'],
      [3, 'resident', null, 'Quelle semaine ?'],
      [4, 'resident', null, 'Ou plutôt : quel mois ?'],
      [5, 'staff', 'staff:U-MOD2', 'La semaine du 8 juin.'],
    ]);
    expect(await templates(h)).toEqual([
      'committee.question_asked',
      'notify.question_answered',
      'committee.question_followup',
      'committee.question_followup',
      'notify.question_answered',
      'committee.question_closed',
    ]);
    // The resident closed it themself: they are not told, the committee is (in the thread).
    expect((await outbox(h)).find((m) => m.template === 'committee.question_closed')).toMatchObject({ after: questionAskedKey(asked.id), params: { by: 'resident' } });

    const entries = (await h.stores.audit.list(0, 1000)).filter((e) => e.subject === `question:${asked.id}`);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['question.asked', `resident:${pseudonym}`],
      ['question.answered', 'staff:U-MOD1'],
      ['question.followed_up', `resident:${pseudonym}`],
      ['question.followed_up', `resident:${pseudonym}`],
      ['question.answered', 'staff:U-MOD2'],
      ['question.closed', `resident:${pseudonym}`],
    ]);
    expect(entries.every((e) => e.data['number'] === 1)).toBe(true);
  });

  it('staff close a question: the resident is told; a closed question takes no follow-up, answer or second close', async () => {
    const h = harness();
    const ada = await h.register(1);
    const q = must(await h.engine.askQuestion(ada, { text: 'Can I propose two ideas?' }));
    expect(must(await h.engine.closeQuestion({ kind: 'staff', slackUserId: 'U-ADMIN' }, q.id))).toMatchObject({ state: 'closed', closedBy: 'staff:U-ADMIN' });
    const sent = await outbox(h);
    expect(sent.find((m) => m.template === 'notify.question_closed')).toMatchObject({ recipient: { kind: 'resident', residentId: ada }, params: { questionId: q.id, question: 1, by: 'Anne Admin' } });
    expect(sent.find((m) => m.template === 'committee.question_closed')).toMatchObject({ params: { by: 'Anne Admin' } });
    const before = (await outbox(h)).length;
    expect(await h.engine.followUpQuestion(ada, q.id, { text: 'One more thing' })).toMatchObject({ ok: false, code: 'question.closed', params: { question: 1, by: 'staff' } });
    expect(await h.engine.answerQuestion('U-MOD1', q.id, 'Yes.')).toMatchObject({ ok: false, code: 'question.closed' });
    expect(await h.engine.closeQuestion({ kind: 'resident', residentId: ada }, q.id)).toMatchObject({ ok: false, code: 'question.already_closed' });
    expect((await outbox(h)).length).toBe(before);
    expect((await h.stores.questions.messages(q.id)).length).toBe(1);
    expect((await h.stores.questions.get(q.id))?.version).toBe(2);
    // The resident asks a new one instead.
    expect(must(await h.engine.askQuestion(ada, { text: 'One more thing' })).number).toBe(2);
  });
});

describe('questions: refusals change nothing', () => {
  it('refuses empty, too long, control characters and a malformed photo; counts code points', async () => {
    const h = harness();
    const ada = await h.register(1);
    expect(await h.engine.askQuestion(ada, { text: '   \n\t ' })).toMatchObject({ ok: false, code: 'question.empty' });
    expect(await h.engine.askQuestion(ada, { text: 'x'.repeat(QUESTION_TEXT_MAX + 1) })).toMatchObject({ ok: false, code: 'question.too_long', params: { max: QUESTION_TEXT_MAX, length: QUESTION_TEXT_MAX + 1 } });
    expect(await h.engine.askQuestion(ada, { text: 'Bell\u0007' })).toMatchObject({ ok: false, code: 'question.bad_characters' });
    for (const photo of ['', 'a b', 'x'.repeat(257)]) expect(await h.engine.askQuestion(ada, { text: 'A photo', photo })).toMatchObject({ ok: false, code: 'question.photo_invalid' });
    expect(await h.stores.questions.listByOwner(ada)).toEqual([]);
    expect(await templates(h)).toEqual([]);
    // 2,000 bicycles are 4,000 UTF-16 units but 2,000 code points: allowed.
    expect(await h.engine.askQuestion(ada, { text: '🚲'.repeat(QUESTION_TEXT_MAX) })).toMatchObject({ ok: true });
    const q = (await h.stores.questions.listByOwner(ada))[0]!;
    expect(await h.engine.followUpQuestion(ada, q.id, { text: ' ' })).toMatchObject({ ok: false, code: 'question.empty' });
    expect(await h.engine.answerQuestion('U-MOD1', q.id, '')).toMatchObject({ ok: false, code: 'question.empty' });
    expect(await h.engine.answerQuestion('U-MOD1', q.id, 'y'.repeat(3001))).toMatchObject({ ok: false, code: 'question.too_long', params: { max: 3000 } });
    expect((await h.stores.questions.messages(q.id)).length).toBe(1);
  });

  it('only registered residents ask; only the owner follows up or closes; unknown questions are named', async () => {
    const h = harness();
    const ada = await h.register(1);
    const bob = await h.register(2);
    const newcomer = await h.engine.openResident(3, 'Newcomer', 'fr');
    expect(await h.engine.askQuestion(newcomer.id, { text: 'Hello?' })).toMatchObject({ ok: false, code: 'registration.incomplete', params: { step: 'language' } });
    expect(await h.engine.askQuestion('tg:404', { text: 'Hello?' })).toMatchObject({ ok: false, code: 'registration.incomplete' });
    const q = must(await h.engine.askQuestion(ada, { text: 'Mine' }));
    expect(await h.engine.followUpQuestion(bob, q.id, { text: 'Not mine' })).toMatchObject({ ok: false, code: 'question.not_owner' });
    expect(await h.engine.closeQuestion({ kind: 'resident', residentId: bob }, q.id)).toMatchObject({ ok: false, code: 'question.not_owner' });
    expect(await h.engine.followUpQuestion(newcomer.id, q.id, { text: 'Not mine' })).toMatchObject({ ok: false, code: 'registration.incomplete' });
    expect(await h.engine.followUpQuestion(ada, 'q_404', { text: 'Where?' })).toMatchObject({ ok: false, code: 'question.unknown' });
    expect(await h.engine.answerQuestion('U-MOD1', 'q_404', 'Here')).toMatchObject({ ok: false, code: 'question.unknown' });
    expect((await h.stores.questions.get(q.id))?.version).toBe(1);
    expect(await templates(h)).toEqual(['committee.question_asked']);
  });

  it('a resident whose consent is outdated must consent again before asking', async () => {
    const h = harness();
    const ada = await h.register(1);
    const stale = harness(testCampaign({ privacy: { version: '2026-09', url: { fr: 'https://x.example/p', en: 'https://x.example/p' } } }), h.stores);
    expect(await stale.engine.askQuestion(ada, { text: 'Still there?' })).toMatchObject({ ok: false, code: 'registration.consent_outdated' });
  });

  it('only staff answer, close for the committee or read the queue', async () => {
    const h = harness();
    const ada = await h.register(1);
    const q = must(await h.engine.askQuestion(ada, { text: 'Who reads this?' }));
    expect(await h.engine.answerQuestion('U-STRANGER', q.id, 'Me')).toMatchObject({ ok: false, code: 'staff.not_staff' });
    expect(await h.engine.answerQuestion(ada, q.id, 'Me')).toMatchObject({ ok: false, code: 'staff.not_staff' });
    expect(await h.engine.closeQuestion({ kind: 'staff', slackUserId: 'U-STRANGER' }, q.id)).toMatchObject({ ok: false, code: 'staff.not_staff' });
    expect(await h.engine.openQuestions('U-STRANGER')).toMatchObject({ ok: false, code: 'staff.not_staff' });
    expect(await h.stores.questions.get(q.id)).toMatchObject({ state: 'open', version: 1 });
  });

  it('residents write in every phase but the archive (before submission and between phases too); staff still answer', async () => {
    const c = testCampaign();
    const archivable = testCampaign({ phases: { ...c.phases, announced: { start: T.announced, end: T.announced + 30 * DAY } } });
    const h = harness(archivable, undefined, T.submission - DAY);
    const ada = await h.register(1);
    const q = must(await h.engine.askQuestion(ada, { text: 'Before it starts?' }));
    h.clock.set(T.reviewEnd + HOUR); // between review and voting
    must(await h.engine.followUpQuestion(ada, q.id, { text: 'Between phases?' }));
    // Recorded as announced (its guards passed), then the window ends: archived.
    expect(await h.stores.campaign.savePhaseState({ ...initialPhaseState(archivable), phase: 'announced' }, null, {})).toBe('saved');
    h.clock.set(T.announced + 31 * DAY);
    expect(await h.engine.askQuestion(ada, { text: 'Archived?' })).toMatchObject({ ok: false, code: 'question.campaign_archived' });
    expect(await h.engine.followUpQuestion(ada, q.id, { text: 'Archived?' })).toMatchObject({ ok: false, code: 'question.campaign_archived' });
    expect(must(await h.engine.answerQuestion('U-MOD1', q.id, 'Late, sorry.'))).toMatchObject({ state: 'answered' });
  });
});

describe('questions: rate limits per resident, judged on stored instants', () => {
  it(`at most ${QUESTIONS_PER_DAY.max} new questions per rolling 24 h; the cap lifts when the oldest leaves the window`, async () => {
    const h = harness();
    const ada = await h.register(1);
    const bob = await h.register(2);
    const first = h.clock.now();
    for (let i = 0; i < QUESTIONS_PER_DAY.max; i++) {
      must(await h.engine.askQuestion(ada, { text: `Question ${i}` }));
      h.clock.advance(HOUR);
    }
    const refused = await h.engine.askQuestion(ada, { text: 'One too many' });
    expect(refused).toEqual({ ok: false, code: 'question.rate_limited', params: { limit: 'questions', max: QUESTIONS_PER_DAY.max, windowMs: QUESTIONS_PER_DAY.windowMs, retryAt: first + QUESTIONS_PER_DAY.windowMs } });
    // Another resident is not held back, and the refused ask did not use up a number.
    expect(must(await h.engine.askQuestion(bob, { text: 'Mine' })).number).toBe(QUESTIONS_PER_DAY.max + 1);
    h.clock.set(first + QUESTIONS_PER_DAY.windowMs - 1);
    expect(await h.engine.askQuestion(ada, { text: 'Still too soon' })).toMatchObject({ ok: false, code: 'question.rate_limited' });
    h.clock.set(first + QUESTIONS_PER_DAY.windowMs);
    expect(await h.engine.askQuestion(ada, { text: 'Now it is fine' })).toMatchObject({ ok: true, value: { number: QUESTIONS_PER_DAY.max + 2 } });
    expect(await h.engine.askQuestion(ada, { text: 'But only one' })).toMatchObject({ ok: false, code: 'question.rate_limited', params: { retryAt: first + HOUR + QUESTIONS_PER_DAY.windowMs } });
  });

  it(`at most ${MESSAGES_PER_HOUR.max} messages per rolling hour, questions and follow-ups together; staff answers do not count`, async () => {
    const h = harness();
    const ada = await h.register(1);
    const first = h.clock.now();
    const q = must(await h.engine.askQuestion(ada, { text: 'Question' }));
    for (let i = 1; i < MESSAGES_PER_HOUR.max; i++) {
      h.clock.advance(60_000);
      must(await h.engine.followUpQuestion(ada, q.id, { text: `Follow-up ${i}` }));
      must(await h.engine.answerQuestion('U-MOD1', q.id, `Answer ${i}`));
    }
    h.clock.advance(60_000);
    const expected = { ok: false, code: 'question.rate_limited', params: { limit: 'messages', max: MESSAGES_PER_HOUR.max, windowMs: MESSAGES_PER_HOUR.windowMs, retryAt: first + MESSAGES_PER_HOUR.windowMs } };
    expect(await h.engine.followUpQuestion(ada, q.id, { text: 'Too many' })).toEqual(expected);
    expect(await h.engine.askQuestion(ada, { text: 'A new one is a message too' })).toEqual(expected);
    const stored = await h.stores.questions.messages(q.id);
    expect(stored.length).toBe(2 * MESSAGES_PER_HOUR.max - 1);
    h.clock.set(first + MESSAGES_PER_HOUR.windowMs);
    expect(await h.engine.followUpQuestion(ada, q.id, { text: 'Allowed again' })).toMatchObject({ ok: true, value: { state: 'open' } });
  });
});

describe('questions: concurrency, the queue, privacy and erasure', () => {
  it('two staff answering at once: both answers are kept and relayed', async () => {
    const h = harness();
    const ada = await h.register(1);
    const q = must(await h.engine.askQuestion(ada, { text: 'Anyone?' }));
    const [a, b] = await Promise.all([h.engine.answerQuestion('U-MOD1', q.id, 'Anne here'), h.engine.answerQuestion('U-MOD2', q.id, 'Marc here')]);
    expect(a.ok && b.ok).toBe(true);
    expect(await h.stores.questions.get(q.id)).toMatchObject({ state: 'answered', version: 3 });
    const thread = await h.stores.questions.messages(q.id);
    expect(thread.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(new Set(thread.slice(1).map((m) => m.text))).toEqual(new Set(['Anne here', 'Marc here']));
    const relayed = (await outbox(h)).filter((m) => m.template === 'notify.question_answered');
    expect(new Set(relayed.map((m) => m.params['text']))).toEqual(new Set(['Anne here', 'Marc here']));
    expect(new Set(relayed.map((m) => m.key)).size).toBe(2);
  });

  it('the queue: open and answered questions, oldest first, page by page, residents by pseudonym only', async () => {
    const h = harness();
    const ada = await h.register(1);
    const bob = await h.register(2);
    const ids: string[] = [];
    for (const [who, text] of [[ada, 'A1'], [bob, 'B1'], [ada, 'A2'], [bob, 'B2'], [ada, 'A3']] as const) ids.push(must(await h.engine.askQuestion(who, { text })).id);
    must(await h.engine.answerQuestion('U-MOD1', ids[1]!, 'Answered'));
    must(await h.engine.closeQuestion({ kind: 'staff', slackUserId: 'U-MOD1' }, ids[2]!));
    const first = must(await h.engine.openQuestions('U-MOD2', { limit: 2 }));
    expect(first.items.map((i) => i.messages[0]?.text)).toEqual(['A1', 'B1']);
    expect(first.counts).toEqual({ open: 3, answered: 1, closed: 1 });
    expect(first.next).toBe(2);
    expect(first.items[0]).not.toHaveProperty('question.ownerId');
    expect(first.items.map((i) => i.resident)).toEqual([h.deps.keys.residentPseudonym(ada), h.deps.keys.residentPseudonym(bob)]);
    const second = must(await h.engine.openQuestions('U-MOD2', { limit: 2, after: first.next! }));
    expect(second.items.map((i) => i.messages[0]?.text)).toEqual(['B2', 'A3']);
    expect(second.next).toBeNull();
    expect(must(await h.engine.openQuestions('U-MOD2', { states: ['closed'] })).items.map((i) => i.question.id)).toEqual([ids[2]]);
    expect((await h.engine.myQuestions(ada)).map((t) => t.messages[0]?.text)).toEqual(['A3', 'A2', 'A1']);
  });

  it('audit entries and committee messages never hold the resident id or name, nor audit entries the text', async () => {
    const h = harness();
    const ada = await h.register(987_654_321);
    const secretText = 'My neighbour Jean Dupont parks on the pavement';
    const q = must(await h.engine.askQuestion(ada, { text: secretText }));
    must(await h.engine.answerQuestion('U-MOD1', q.id, 'We will look'));
    must(await h.engine.followUpQuestion(ada, q.id, { text: `${secretText} again` }));
    must(await h.engine.closeQuestion({ kind: 'resident', residentId: ada }, q.id));
    const entries = (await h.stores.audit.list(0, 1000)).filter((e) => e.subject.startsWith('question:'));
    expect(entries.length).toBe(4);
    const auditText = JSON.stringify(entries);
    for (const needle of ['987654321', 'Resident 987654321', 'Jean Dupont']) expect(auditText).not.toContain(needle);
    const committee = (await outbox(h)).filter((m) => m.recipient.kind === 'committee' && m.template.includes('question'));
    expect(committee.length).toBe(3);
    const committeeText = JSON.stringify(committee);
    for (const needle of ['987654321', 'Resident 987654321']) expect(committeeText).not.toContain(needle);
    expect(committeeText).toContain(h.deps.keys.residentPseudonym(ada));
  });

  it('"forget me" erases the resident\'s questions and threads, and leaves other residents\' questions', async () => {
    const h = harness();
    const ada = await h.register(1);
    const bob = await h.register(2);
    const mine = must(await h.engine.askQuestion(ada, { text: 'Mine' }));
    must(await h.engine.answerQuestion('U-MOD1', mine.id, 'Answer'));
    must(await h.engine.askQuestion(ada, { text: 'Second' }));
    const theirs = must(await h.engine.askQuestion(bob, { text: 'Theirs' }));
    must(await h.engine.forgetMe(ada));
    expect(await h.engine.myQuestions(ada)).toEqual([]);
    expect(await h.stores.questions.get(mine.id)).toBeNull();
    expect(await h.stores.questions.messages(mine.id)).toEqual([]);
    const queue = must(await h.engine.openQuestions('U-MOD1'));
    expect(queue.items.map((i) => i.question.id)).toEqual([theirs.id]);
    expect(queue.counts).toEqual({ open: 1, answered: 0, closed: 0 });
    expect((await h.engine.myQuestions(bob)).length).toBe(1);
  });
});
