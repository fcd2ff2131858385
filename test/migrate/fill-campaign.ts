/**
 * A campaign store filled through the real engine with every kind of record a dump carries —
 * so a migration test can check each section survives — and the checks of "the target behaves
 * like the source" run through the engine again on the target.
 */
import { expect } from 'vitest';
import { verifyChain } from '../../core/audit/audit-chain.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { MESSAGES_PER_HOUR, QUESTIONS_PER_DAY } from '../../core/questions/question.ts';
import { harness, TEST_SECRET } from '../support/engine-harness.ts';
import { SequentialIds } from '../support/sequential-ids.ts';
import { DAY, T, testCampaign } from '../support/test-campaign.ts';

const both = (fr: string, en: string) => ({ fr, en });

/** Chat state the filled store holds for voters[0] (a wizard's session and a grammY conversation). */
export const CHAT_WIZARD = { step: 'idea.cost', draft: { title: 'Bänke am Fluss 🌳', cost: null, photo: false }, history: [1, 2.5, 'x'] };
export const CHAT_CONVERSATION = { version: [0, 0], state: { submit: [{ args: '[]', interrupts: [], replay: { send: [{ payload: '{"a":1}' }], receive: [] } }] } };

/** The test campaign with a town envelope and a `north` area envelope (both ballot slots). */
export function migrationCampaign(id = 'testville'): Campaign {
  return testCampaign({
    id,
    envelopes: [
      { id: 'town', name: both('Commune', 'Town'), area: null, amount: 2_000_000 },
      { id: 'north', name: both('Nord', 'North'), area: 'north', amount: 1_000_000 },
    ],
  });
}

/** What the filled store holds that the behaviour checks need. */
export interface FilledCampaign {
  /** Instant the engine stood at when filling ended (voting open). */
  readonly now: number;
  /** voters[0] cast three versions in `town`; voters[1] cast with request id `v-1`. */
  readonly voters: readonly string[];
  readonly finalists: { readonly town: readonly string[]; readonly north: readonly string[] };
  /** A one-time code already used by voters[3]. */
  readonly usedCode: string;
  /** Phone keys claimed by voters[5] (`live`) and by voters[6] before their erasure (`erased`). */
  readonly phones: { readonly live: string; readonly erased: string };
  /** An inbound update finished at `now` (done for 7 days). */
  readonly doneUpdate: string;
  /** An inbound update begun at `now` under a one-hour lease, never finished. */
  readonly leasedUpdate: string;
  /**
   * Questions: `reopened` (voters[0], answered then followed up, so open with 3 messages);
   * voters[2] at the cap of new questions and voters[4] at the cap of messages (on `chatty`), both at `now`.
   */
  readonly questions: { readonly reopened: string; readonly chatty: string };
  /** A staff broadcast to `north` stopped after its first page, and the voting announcement, fanned out whole. */
  readonly broadcasts: { readonly partial: string; readonly fannedOut: string };
}

const must = <T>(o: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
};

/**
 * Fills `stores` through the engine: residents (one erased, one verified by code), ideas in
 * several states with supports, finalists in two envelopes, ballots in both slots with
 * replacements, outbox messages in every status (with predecessors and a group), message
 * references, audit entries, codes, processed updates, chat state (live, expired, and an erased
 * resident's), a results record, the PNYX_SECRET check value, and broadcasts at every stage of
 * fan-out (with their grouped outbox messages).
 */
export async function fillCampaign(stores: Stores, campaign = migrationCampaign()): Promise<FilledCampaign> {
  const h = harness(campaign, stores);
  expect(await h.engine.start()).toMatchObject({ ok: true, value: 'initialized' });
  const author = await h.register(1);
  const voters: string[] = [];
  for (let i = 0; i < 8; i++) voters.push(await h.register(100 + i, i % 2 ? 'north' : 'centre'));
  const codes = must(await h.engine.issueCodes('staff:U-ADMIN', 3));
  // The test campaign needs no verification, so the engine would refuse verifyByCode: claim in the store.
  expect(await stores.residents.claimCode(codes[0]!, voters[3]!, h.clock.now(), {})).toMatchObject({ status: 'claimed' });

  const town = [];
  for (const [title, cost] of [['Bike racks at the station', 800_000], ['Benches in the park', 300_000], ['Trees along the river', 1_000_000]] as const) {
    town.push(await h.submit(author, title, cost));
  }
  const north = [await h.submit(voters[1]!, 'A playground in the north', 400_000, 'north'), await h.submit(voters[3]!, 'A north bus shelter', 200_000, 'north')];
  const rejected = await h.submit(voters[5]!, 'A casino on the square', 900_000);
  for (const v of voters.slice(0, 5)) must(await h.engine.supportIdea(v, town[0]!.id, true));
  must(await h.engine.supportIdea(voters[3]!, north[0]!.id, true));
  must(await h.engine.supportIdea(voters[2]!, town[1]!.id, true));
  must(await h.engine.supportIdea(voters[2]!, town[1]!.id, false));
  for (const idea of [...town, ...north]) must(await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null }));
  must(await h.engine.moderateIdea('U-MOD2', rejected.id, 1, { outcome: 'rejected', criterion: 'competence', comment: 'Not a municipal matter.' }));

  h.clock.set(T.review + 1);
  for (const idea of [...town, ...north]) must(await h.engine.selectFinalist('U-ADMIN', idea.id, true));
  h.clock.set(T.voting + 1);
  await h.engine.tick();
  for (let i = 0; i < 3; i++) must(await h.engine.castBallot(voters[0]!, 'town', [{ ideaId: town[i]!.id }], `replace-${i}`));
  for (let i = 1; i < voters.length; i++) must(await h.engine.castBallot(voters[i]!, 'town', [{ ideaId: town[i % 3]!.id }], `v-${i}`));
  for (const i of [1, 3, 5]) must(await h.engine.castBallot(voters[i]!, 'area', [{ ideaId: north[i % 2]!.id }], `a-${i}`));
  must(await h.engine.castBallot(voters[5]!, 'area', [{ ideaId: north[0]!.id }], 'a-5-again'));
  // Assisted ballots (cast in the store: an ambassador's path needs more setup): voters[3]'s
  // area ballot stays assisted, voters[4]'s town ballot was assisted and then replaced by
  // their own — one assisted ballot to count.
  const assisted = (voter: string, slot: 'town' | 'area', envelopeId: string, ideaId: string, requestId: string, isAssisted: boolean) =>
    stores.ballots.cast(
      { voterKey: h.deps.keys.ballotKey(voter), slot, envelopeId, choices: [{ ideaId, points: 1 }], requestId, receipt: `R-${requestId}`, at: h.clock.now(), closesAt: T.votingEnd, allowReplace: true, assisted: isAssisted },
      {},
    );
  expect((await assisted(voters[3]!, 'area', 'north', north[1]!.id, 'assisted-3', true)).status).toBe('recorded');
  expect((await assisted(voters[4]!, 'town', 'town', town[2]!.id, 'assisted-4', true)).status).toBe('recorded');
  expect((await assisted(voters[4]!, 'town', 'town', town[0]!.id, 'own-4', false)).status).toBe('recorded');
  expect(await stores.ballots.countAssisted()).toBe(1);

  // Questions in every state, one with a photo, one of the resident erased below, and two
  // residents at their caps (the derived indexes a copy must rebuild to keep refusing them).
  const reopened = must(await h.engine.askQuestion(voters[0]!, { text: 'Where will the results be published?', photo: 'AgACAgQAAxkBAAIC' }));
  must(await h.engine.answerQuestion('U-MOD1', reopened.id, 'On the town website.'));
  must(await h.engine.followUpQuestion(voters[0]!, reopened.id, { text: 'From which day?' }));
  const answered = must(await h.engine.askQuestion(voters[1]!, { text: 'Can I change my vote?' }));
  must(await h.engine.answerQuestion('U-MOD2', answered.id, 'Yes, until voting closes.'));
  const closed = must(await h.engine.askQuestion(voters[3]!, { text: 'Is this the right place to ask?' }));
  must(await h.engine.closeQuestion({ kind: 'staff', slackUserId: 'U-ADMIN' }, closed.id));
  must(await h.engine.askQuestion(voters[6]!, { text: 'Erased with me' }));
  for (let i = 0; i < QUESTIONS_PER_DAY.max; i++) must(await h.engine.askQuestion(voters[2]!, { text: `Question ${i}` }));
  const chatty = must(await h.engine.askQuestion(voters[4]!, { text: 'First' }));
  for (let i = 1; i < MESSAGES_PER_HOUR.max; i++) must(await h.engine.followUpQuestion(voters[4]!, chatty.id, { text: `More ${i}` }));
  // Chat state: the erased resident's goes with them; a live wizard, a live conversation, one expired.
  const at = h.clock.now();
  await stores.chat.write('session:106', { step: 'ballot.choose', picks: [town[0]!.id] }, { owner: voters[6]!, ttlMs: DAY, now: at });
  await stores.chat.write('session:100', CHAT_WIZARD, { owner: voters[0]!, ttlMs: DAY, now: at });
  await stores.chat.write('conv:100', CHAT_CONVERSATION, { owner: voters[0]!, ttlMs: DAY, now: at });
  await stores.chat.write('session:101', { step: 'done' }, { owner: voters[1]!, ttlMs: DAY, now: at - 2 * DAY });
  // Phone claims (the test campaign verifies nobody, so claimed in the store): voters[5]'s,
  // and the erased voters[6]'s, which outlives the erasure.
  const phones = { live: h.deps.keys.phoneKey('32470000105'), erased: h.deps.keys.phoneKey('32470000106') };
  for (const [voter, phoneKey] of [[voters[5]!, phones.live], [voters[6]!, phones.erased]] as const) {
    const r = (await stores.residents.get(voter))!;
    expect(await stores.residents.claimPhoneAndSave(phoneKey, h.deps.keys.residentPseudonym(voter), r, r.version, h.clock.now(), {})).toEqual({ status: 'claimed' });
  }
  must(await h.engine.forgetMe(voters[6]!));

  const now = h.clock.now();
  await stores.outbox.enqueue([
    { key: 'test:a', recipient: { kind: 'committee' }, template: 'card.notice', params: { text: 'a' }, notBefore: now },
    { key: 'test:b', recipient: { kind: 'telegramChat', chatId: -1001 }, template: 'card.notice', params: { text: 'b' }, notBefore: now + DAY, group: 'bc:1' },
    { key: 'test:c', recipient: { kind: 'telegramChat', chatId: 4242 }, template: 'notify.update', params: { n: 3 }, notBefore: now, group: 'bc:1' },
  ]);
  const claimed = await stores.outbox.claim(now, 3, 60_000);
  expect(claimed.length).toBe(3);
  expect(await stores.outbox.ack(claimed[0]!.seq, claimed[0]!.token)).toBe('ok');
  expect(await stores.outbox.retry(claimed[1]!.seq, claimed[1]!.token, now + 3_600_000, 'HTTP 429 from the messenger')).toBe('ok');
  expect(await stores.outbox.fail(claimed[2]!.seq, claimed[2]!.token, 'blocked by the user')).toBe('ok');
  // The rest stay claimed (leases are not carried over); test:a is sent with its card's reference, test:c fails.
  const rest = await stores.outbox.claim(now, 1000, 60_000);
  const [a, c] = ['test:a', 'test:c'].map((key) => rest.find((m) => m.key === key)!);
  const cardRef = { key: 'card:test-a', platform: 'slack', chat: 'C-MOD', messageId: '1781000000.000100', owner: null, at: now } as const;
  expect(await stores.outbox.ack(a!.seq, a!.token, { ref: cardRef })).toBe('ok');
  expect(await stores.outbox.fail(c!.seq, c!.token, 'channel_not_found')).toBe('ok');
  // A successor of the sent card (free), one of the retried message (held by it), one to a resident in a group.
  await stores.outbox.enqueue([
    { key: 'test:a2', recipient: { kind: 'committee' }, template: 'card.updated', params: {}, notBefore: now, after: 'test:a' },
    { key: 'test:b2', recipient: { kind: 'telegramChat', chatId: -1001 }, template: 'card.notice', params: {}, notBefore: now, after: 'test:b', group: 'bc:1' },
    { key: 'test:r', recipient: { kind: 'resident', residentId: voters[0]! }, template: 'notify.update', params: {}, notBefore: now, group: 'bc:1' },
  ]);
  await stores.messageRefs.put({ key: `builder:${voters[0]!}:town`, platform: 'telegram', chat: '100', messageId: '77', owner: voters[0]!, at: now });
  await stores.audit.append([{ at: now, actor: 'system:cli', action: 'test.note', subject: 'campaign:testville', data: { nested: { b: 2, a: [1, 'x'] } }, assisted: false }]);
  expect(await stores.processed.begin('tg:900001', now, 60_000)).toMatchObject({ status: 'new' });
  await stores.processed.finish('tg:900001', now, 7 * DAY);
  expect(await stores.processed.begin('tg:900002', now, 3_600_000)).toMatchObject({ status: 'new' });
  // Done long ago: its memory has run out by the engine's clock, yet it is still stored.
  await stores.processed.finish('slack:Ev42', now - 8 * DAY, 7 * DAY);
  await stores.campaign.saveResults({ computedAt: now, method: 'greedy', tieBreak: 'lexico', envelopes: [] }, {});
  // The tick into voting created the phase broadcasts; fan the voting one out whole, and
  // stop a staff announcement after its first page.
  const [votingAnnouncement] = await h.engine.listBroadcasts(null, 1);
  expect(votingAnnouncement).toMatchObject({ content: { template: 'announce.phase.voting' } });
  while (!must(await h.engine.fanOutBroadcast(votingAnnouncement!.id, 3)).done);
  const partial = must(await h.engine.announce('U-ADMIN', { fr: 'Réunion au nord', en: 'Meeting in the north' }, { kind: 'area', area: 'north' }));
  expect(must(await h.engine.fanOutBroadcast(partial.id, 2))).toEqual({ done: false, queued: 2 });
  return {
    now,
    voters,
    finalists: { town: town.map((i) => i.id), north: north.map((i) => i.id) },
    usedCode: codes[0]!,
    phones,
    doneUpdate: 'tg:900001',
    leasedUpdate: 'tg:900002',
    questions: { reopened: reopened.id, chatty: chatty.id },
    broadcasts: { partial: partial.id, fannedOut: votingAnnouncement!.id },
  };
}

/**
 * Runs the engine on a migrated store and checks it answers as the source did: the secret
 * still matches (and another one does not), the audit chain verifies and continues, a re-sent
 * cast is still a duplicate, a new cast gets the next version, numbers and seqs continue,
 * de-duplication indexes (outbox keys, inbound update states, used codes) survived.
 */
export async function expectBehavesLikeSource(stores: Stores, filled: FilledCampaign, campaign = migrationCampaign()): Promise<void> {
  const h = harness(campaign, stores);
  h.clock.set(filled.now + 1000);
  expect(await h.engine.start()).toMatchObject({ ok: true, value: 'match' });
  const other = createEngine({ campaign, stores, clock: h.clock, ids: new SequentialIds(1), keys: new VoterKeys(`${TEST_SECRET}-other`) });
  expect(await other.start()).toMatchObject({ ok: false, code: 'secret.mismatch' });

  const audit = await stores.audit.list(0, 100_000);
  expect(audit.length).toBeGreaterThan(10);
  expect(verifyChain(audit)).toBeNull();

  const [v0, v1, v5] = [filled.voters[0]!, filled.voters[1]!, filled.voters[5]!];
  expect(await h.engine.castBallot(v1, 'town', [{ ideaId: filled.finalists.town[2]! }], 'v-1')).toMatchObject({
    ok: true,
    value: { duplicate: true, ballot: { version: 1, choices: [{ ideaId: filled.finalists.town[1]! }] } },
  });
  expect(await h.engine.castBallot(v0, 'town', [{ ideaId: filled.finalists.town[0]! }], 'replace-1')).toMatchObject({
    ok: true,
    value: { duplicate: true, ballot: { version: 2 } },
  });
  expect(await h.engine.castBallot(v0, 'town', [{ ideaId: filled.finalists.town[1]! }], 'after-migration')).toMatchObject({
    ok: true,
    value: { duplicate: false, replaced: true, ballot: { version: 4 } },
  });
  expect(await h.engine.castBallot(v5, 'area', [{ ideaId: filled.finalists.north[1]! }], 'a-5-after')).toMatchObject({ ok: true, value: { ballot: { version: 3 } } });
  expect(await stores.ballots.countByEnvelope()).toEqual({ town: 8, north: 3 });
  expect(await stores.ballots.countVoters()).toBe(8);
  // The assisted count is carried (rebuilt from the ballots) and keeps moving with casts.
  expect(await stores.ballots.countAssisted()).toBe(1);
  expect(await h.engine.castBallot(filled.voters[3]!, 'area', [{ ideaId: filled.finalists.north[0]! }], 'own-3')).toMatchObject({ ok: true, value: { ballot: { assisted: false } } });
  expect(await stores.ballots.countAssisted()).toBe(0);
  // Forget me keeps the ballot (counted once, under the pseudonymous key only).
  expect((await h.engine.myBallots(filled.voters[6]!)).length).toBe(1);

  const ideas = await stores.ideas.list();
  expect(await stores.ideas.nextNumber()).toBe(ideas.length + 1);
  expect(await stores.ideas.countByState()).toEqual({ finalist: 5, rejected: 1 });
  expect(await stores.ideas.supportCount(filled.finalists.town[0]!)).toBe(5);

  const [appended] = await stores.audit.append([{ at: filled.now, actor: 'system:test', action: 'test.after', subject: 'campaign:testville', data: {}, assisted: false }]);
  expect(appended).toMatchObject({ seq: audit.length + 1, prevHash: audit.at(-1)!.hash });
  expect(verifyChain(await stores.audit.list(0, 100_000))).toBeNull();

  const before = await stores.outbox.list(0, 100_000);
  await stores.outbox.enqueue([
    { key: 'test:a', recipient: { kind: 'committee' }, template: 'card.notice', params: {}, notBefore: filled.now },
    { key: 'test:new', recipient: { kind: 'committee' }, template: 'card.notice', params: {}, notBefore: filled.now },
  ]);
  const after = await stores.outbox.list(0, 100_000);
  expect(after.length).toBe(before.length + 1);
  // Seqs only grow (SQLite's AUTOINCREMENT may skip one for an ignored duplicate key).
  expect(after.at(-1)?.key).toBe('test:new');
  expect(after.at(-1)!.seq).toBeGreaterThan(before.at(-1)!.seq);
  expect(await stores.outbox.counts()).toMatchObject({ sent: 2, failed: 2 });
  expect(await stores.outbox.groupCounts('bc:1')).toEqual({ pending: 3, sent: 0, failed: 1, skipped: 0 });
  expect(await stores.messageRefs.findByMessage('slack', 'C-MOD', '1781000000.000100')).toMatchObject({ key: 'card:test-a' });
  expect(await stores.messageRefs.get(`builder:${filled.voters[0]!}:town`)).toMatchObject({ platform: 'telegram', chat: '100', messageId: '77' });
  // The hold of test:b2 by the retried test:b survived; test:a2 (after a sent card) is free.
  const due = (await stores.outbox.claim(filled.now + 2 * DAY, 1000, 60_000)).map((m) => m.key);
  expect(due).toEqual(expect.arrayContaining(['test:b', 'test:a2', 'test:r']));
  expect(due).not.toContain('test:b2');

  expect(await stores.processed.begin(filled.doneUpdate, filled.now + 1000, 60_000)).toMatchObject({ status: 'done', until: filled.now + 7 * DAY });
  expect(await stores.processed.begin(filled.leasedUpdate, filled.now + 1000, 60_000)).toMatchObject({ status: 'in_progress', until: filled.now + 3_600_000 });
  expect(await stores.processed.begin(filled.leasedUpdate, filled.now + 3_600_001, 60_000)).toMatchObject({ status: 'new' });
  expect(await stores.processed.begin('slack:Ev42', filled.now + 1000, 60_000)).toMatchObject({ status: 'new' });
  // Chat state: values and expiry carried over; the owner index too (erasure still finds them).
  expect(await stores.chat.read('session:100', filled.now + 1000)).toEqual(CHAT_WIZARD);
  expect(await stores.chat.read('conv:100', filled.now + 1000)).toEqual(CHAT_CONVERSATION);
  expect(await stores.chat.read('session:101', filled.now)).toBeUndefined();
  expect(await stores.chat.read('session:106', filled.now)).toBeUndefined();
  expect(await stores.chat.eraseOwner(filled.voters[6]!)).toBe(0);
  expect(await stores.chat.eraseOwner(v0)).toBe(2);
  expect(await stores.chat.read('conv:100', filled.now + 1000)).toBeUndefined();
  // Broadcasts: the finished fan-out stays finished; the stopped one resumes after its cursor
  // (the subscription index was carried over) without repeating its first page (before any erasure on the target).
  const subscribed = (await stores.residents.list(null, 1000)).filter((r) => r.subscribed && r.step === 'done');
  expect(await stores.broadcasts.get(filled.broadcasts.fannedOut)).toMatchObject({ status: 'sending', total: subscribed.length });
  expect(await stores.outbox.groupCounts(filled.broadcasts.fannedOut)).toEqual({ pending: subscribed.length, sent: 0, failed: 0, skipped: 0 });
  expect(await h.engine.broadcastsToFanOut()).toContain(filled.broadcasts.partial);
  while (!must(await h.engine.fanOutBroadcast(filled.broadcasts.partial, 2)).done);
  const north = subscribed.filter((r) => r.area === 'north').map((r) => `${filled.broadcasts.partial}:${r.id}`);
  const keys = (await stores.outbox.list(0, 100_000)).filter((m) => m.group === filled.broadcasts.partial).map((m) => m.key);
  expect(keys.sort()).toEqual(north.sort());
  expect(await stores.broadcasts.get(filled.broadcasts.partial)).toMatchObject({ status: 'sending', total: north.length });

  expect(await stores.residents.claimCode(filled.usedCode, filled.voters[0]!, filled.now, {})).toMatchObject({ status: 'used', residentId: filled.voters[3] });
  // Erasing on the target still finds the codes that name the resident (Redis rebuilds its per-resident code sets).
  must(await h.engine.forgetMe(filled.voters[3]!));
  expect(await stores.residents.getCode(filled.usedCode)).toMatchObject({ residentId: null, usedAt: expect.any(Number) });
  expect(await stores.residents.get(filled.voters[6]!)).toBeNull();
  // Phone claims survived, the erased resident's too: another account cannot take either.
  const voterKeys = new VoterKeys(TEST_SECRET);
  expect(await stores.residents.getPhoneClaim(filled.phones.erased)).toMatchObject({ holder: voterKeys.residentPseudonym(filled.voters[6]!) });
  for (const phoneKey of [filled.phones.live, filled.phones.erased]) {
    const r = (await stores.residents.get(v1))!;
    expect(await stores.residents.claimPhoneAndSave(phoneKey, voterKeys.residentPseudonym(v1), r, r.version, filled.now, {})).toEqual({ status: 'taken' });
  }
  expect((await stores.campaign.loadResults())?.method).toBe('greedy');

  // Questions: counts, numbering, threads, caps and erasure carry on.
  expect(await stores.questions.countByState()).toMatchObject({ open: 2 + QUESTIONS_PER_DAY.max, answered: 1 });
  // voters[3]'s closed question went with their erasure just above.
  expect((await stores.questions.countByState()).closed ?? 0).toBe(0);
  expect(await h.engine.askQuestion(filled.voters[2]!, { text: 'One more' })).toMatchObject({ ok: false, code: 'question.rate_limited', params: { limit: 'questions' } });
  expect(await h.engine.followUpQuestion(filled.voters[4]!, filled.questions.chatty, { text: 'One more' })).toMatchObject({ ok: false, code: 'question.rate_limited', params: { limit: 'messages' } });
  expect(await h.engine.answerQuestion('U-MOD2', filled.questions.reopened, 'From the 2nd of July.')).toMatchObject({ ok: true, value: { state: 'answered' } });
  expect((await stores.questions.messages(filled.questions.reopened)).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  // Nine questions asked before, plus the erased resident's: numbering continues after 10.
  // (Ids from another seed: the harness's sequence would hand out the source's ids again.)
  const fresh = createEngine({ campaign, stores, clock: h.clock, ids: new SequentialIds(2), keys: new VoterKeys(TEST_SECRET) });
  expect(await fresh.askQuestion(filled.voters[1]!, { text: 'And the winners?' })).toMatchObject({ ok: true, value: { number: 11 } });
  expect((await h.engine.forgetMe(filled.voters[0]!)).ok).toBe(true);
  expect(await stores.questions.get(filled.questions.reopened)).toBeNull();
  expect(await stores.questions.messages(filled.questions.reopened)).toEqual([]);
}
