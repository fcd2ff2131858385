import { describe, expect, it } from 'vitest';
import { DUMP_SECTIONS, checkDump, differingSections, dumpSummary, isEmptyDump } from '../../adapters/transfer/index.ts';
import { GENESIS_HASH, linkEntries } from '../../core/audit/audit-chain.ts';
import type { CampaignDump, ChatStateEntry } from '../../core/ports/store-transfer.ts';
import type { StoredBallot } from '../../core/ballots/ballot.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { Question, QuestionMessage } from '../../core/questions/question.ts';
import type { Broadcast } from '../../core/broadcasts/broadcast.ts';
import { newBroadcast } from '../../core/broadcasts/broadcast.ts';

const empty: CampaignDump = {
  format: 'pnyx-dump/2',
  phaseState: null,
  results: null,
  secretCheck: null,
  residents: [],
  codes: [],
  phoneClaims: [],
  ideas: [],
  nextIdeaNumber: 1,
  supports: [],
  questions: [],
  questionMessages: [],
  nextQuestionNumber: 1,
  ballots: [],
  ballotVersions: [],
  outbox: [],
  messageRefs: [],
  audit: [],
  processed: [],
  chatState: [],
  broadcasts: [],
};

const ballot = (voterKey: string, version: number, requestId: string): StoredBallot => ({
  voterKey,
  slot: 'town',
  envelopeId: 'town',
  choices: [{ ideaId: 'idea_1', points: 1 }],
  version,
  receipt: `R${voterKey}${version}`,
  castAt: 1000 + version,
  assisted: false,
  requestId,
});

const broadcast: Broadcast = {
  ...newBroadcast({ id: 'bc_1', by: 'staff:U1', content: { kind: 'texts', texts: { fr: 'Bonjour' } }, audience: { kind: 'all' }, startedAt: 5 }),
  status: 'sending',
  cursor: 'tg:9',
  queued: 4,
  total: 4,
  fannedOutAt: 8,
  version: 3,
};

const some: CampaignDump = {
  ...empty,
  secretCheck: 'check',
  // Only the fields the checks read: the summary treats records as opaque JSON.
  ideas: [{ id: 'idea_1', number: 3, state: 'finalist' } as unknown as Idea],
  codes: [
    { code: 'AAAA2222', residentId: null, issuedBy: 'staff:U1', issuedAt: 5, usedAt: null },
    { code: 'BBBB3333', residentId: 'tg:1', issuedBy: 'staff:U1', issuedAt: 5, usedAt: 9 },
  ],
  phoneClaims: [
    { phoneKey: 'ph_key_1', holder: 'p_holder1', claimedAt: 7 },
    { phoneKey: 'ph_key_2', holder: 'p_holder2', claimedAt: 8 },
  ],
  supports: [
    { ideaId: 'idea_1', supporterKey: 'k1', at: 10 },
    { ideaId: 'idea_1', supporterKey: 'k2', at: 11 },
  ],
  ballots: [ballot('v1', 2, 'r2')],
  ballotVersions: [ballot('v1', 1, 'r1'), ballot('v1', 2, 'r2')],
  audit: linkEntries({ seq: 0, hash: GENESIS_HASH }, [
    { at: 1, actor: 'system:cli', action: 'a', subject: 's', data: { b: 1, a: 2 }, assisted: false },
    { at: 2, actor: 'system:cli', action: 'b', subject: 's', data: {}, assisted: true },
  ]),
  processed: [{ key: 'tg:1', state: 'done', expiresAt: 99 }],
  messageRefs: [
    { key: 'card:idea_1', platform: 'slack', chat: 'C1', messageId: '1.2', owner: null, at: 3 },
    { key: 'builder:tg:1:town', platform: 'telegram', chat: '1', messageId: '2', owner: 'tg:1', at: 4 },
  ],
  chatState: [
    { key: 'session:1', owner: 'tg:1', expiresAt: 500, value: { step: 'area', picks: [1, 2] } },
    { key: 'conv:1', owner: 'tg:1', expiresAt: 600, value: null },
  ],
  nextIdeaNumber: 4,
  questions: [{ id: 'q_1', number: 2, ownerId: 'tg:1', state: 'answered' } as unknown as Question],
  questionMessages: [
    { questionId: 'q_1', seq: 1, from: 'resident', by: null, text: 'When?', photo: null, at: 20 },
    { questionId: 'q_1', seq: 2, from: 'staff', by: 'staff:U1', text: 'Soon.', photo: null, at: 21 },
  ] satisfies QuestionMessage[],
  nextQuestionNumber: 3,
  broadcasts: [broadcast, newBroadcast({ id: 'bc_2', by: 'system:scheduler', content: { kind: 'template', template: 'announce.phase.voting', params: {} }, audience: { kind: 'area', area: 'north' }, startedAt: 6 })],
};

describe('dumpSummary', () => {
  it('counts every section and gives one checksum per section and overall', () => {
    const s = dumpSummary(some);
    expect(Object.keys(s.counts)).toEqual([...DUMP_SECTIONS]);
    expect(s.counts).toMatchObject({ secretCheck: 1, phaseState: 0, codes: 2, phoneClaims: 2, supports: 2, questions: 1, questionMessages: 2, ballots: 1, ballotVersions: 2, audit: 2, processed: 1, messageRefs: 2, chatState: 2, broadcasts: 2 });
    expect(s.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(s.sections).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('depends on content, not on the order a backend lists items or object keys in', () => {
    const reordered: CampaignDump = {
      ...some,
      codes: [...some.codes].reverse().map((c) => ({ usedAt: c.usedAt, code: c.code, issuedAt: c.issuedAt, residentId: c.residentId, issuedBy: c.issuedBy })),
      supports: [...some.supports].reverse(),
      chatState: [...some.chatState].reverse().map((c) => ({ value: c.value, expiresAt: c.expiresAt, owner: c.owner, key: c.key })),
    };
    expect(dumpSummary(reordered)).toEqual(dumpSummary(some));
  });

  it('covers every field of a message reference and of an outbox message\'s after and group', () => {
    const refMoved = { ...some, messageRefs: some.messageRefs.map((r, i) => (i === 1 ? { ...r, owner: null } : r)) };
    expect(differingSections(dumpSummary(some), dumpSummary(refMoved))).toEqual(['messageRefs']);
    const message = { seq: 1, key: 'k', recipient: { kind: 'committee' }, template: 't', params: {}, notBefore: 1, status: 'pending', attempts: 0, lastError: null } as const;
    const plain = dumpSummary({ ...some, outbox: [message] });
    expect(dumpSummary({ ...some, outbox: [{ ...message, after: 'p' }] }).sections.outbox).not.toBe(plain.sections.outbox);
    expect(dumpSummary({ ...some, outbox: [{ ...message, group: 'g' }] }).sections.outbox).not.toBe(plain.sections.outbox);
  });

  it('covers broadcast progress', () => {
    const moved = { ...some, broadcasts: [{ ...broadcast, cursor: 'tg:8' }, some.broadcasts[1]!] };
    expect(differingSections(dumpSummary(some), dumpSummary(moved))).toEqual(['broadcasts']);
  });

  it('covers every field of a phone claim, in any order', () => {
    const [first, second] = some.phoneClaims;
    for (const changed of [{ ...first!, holder: 'p_other' }, { ...first!, claimedAt: 70 }, { ...first!, phoneKey: 'ph_key_9' }]) {
      expect(differingSections(dumpSummary(some), dumpSummary({ ...some, phoneClaims: [changed, second!] }))).toEqual(['phoneClaims']);
    }
    expect(dumpSummary({ ...some, phoneClaims: [second!, first!] })).toEqual(dumpSummary(some));
  });

  it('covers support times', () => {
    const moved = { ...some, supports: some.supports.map((s) => ({ ...s, at: s.at + 1 })) };
    expect(dumpSummary(moved).checksum).not.toBe(dumpSummary(some).checksum);
  });

  it('covers the question counter and every message field', () => {
    expect(differingSections(dumpSummary(some), dumpSummary({ ...some, nextQuestionNumber: 4 }))).toEqual(['questions']);
    const edited = { ...some, questionMessages: [some.questionMessages[0]!, { ...some.questionMessages[1]!, text: 'Later.' }] };
    expect(differingSections(dumpSummary(some), dumpSummary(edited))).toEqual(['questionMessages']);
  });

  it('covers chat state values, owners and expiry instants', () => {
    const [first, second] = some.chatState as [ChatStateEntry, ChatStateEntry];
    for (const changed of [{ ...first, value: { step: 'area', picks: [2, 1] } }, { ...first, owner: 'tg:2' }, { ...first, expiresAt: 501 }]) {
      expect(differingSections(dumpSummary(some), dumpSummary({ ...some, chatState: [changed, second] }))).toEqual(['chatState']);
    }
  });

  it('covers the state of an inbound update, not only its expiry', () => {
    const leased = { ...some, processed: [{ key: 'tg:1', state: 'in_progress' as const, expiresAt: 99 }] };
    expect(differingSections(dumpSummary(some), dumpSummary(leased))).toEqual(['processed']);
  });

  it('names the sections that differ', () => {
    const moved = { ...some, processed: [{ key: 'tg:1', state: 'done' as const, expiresAt: 100 }], nextIdeaNumber: 5 };
    const a = dumpSummary(some);
    const b = dumpSummary(moved);
    expect(b.checksum).not.toBe(a.checksum);
    expect(differingSections(a, b)).toEqual(['ideas', 'processed']);
    expect(differingSections(a, a)).toEqual([]);
    // A changed audit field is caught even with the same count.
    const tampered = { ...some, audit: [some.audit[0]!, { ...some.audit[1]!, actor: 'someone' }] };
    expect(differingSections(a, dumpSummary(tampered))).toEqual(['audit']);
  });
});

describe('checkDump and isEmptyDump', () => {
  it('accepts a consistent dump and knows an empty one', () => {
    expect(() => checkDump(some)).not.toThrow();
    expect(isEmptyDump(empty)).toBe(true);
    expect(isEmptyDump(some)).toBe(false);
    expect(isEmptyDump({ ...empty, nextQuestionNumber: 2 })).toBe(false);
    expect(isEmptyDump({ ...empty, questionMessages: some.questionMessages })).toBe(false);
    expect(isEmptyDump({ ...empty, broadcasts: [broadcast] })).toBe(false);
    expect(isEmptyDump({ ...empty, phoneClaims: some.phoneClaims })).toBe(false);
  });

  it.each([
    ['another format', { format: 'pnyx-dump/1' }, /format/],
    ['an audit gap', { audit: [some.audit[1]!] }, /audit entry 1 has seq 2/],
    ['outbox seqs out of order', { outbox: [{ seq: 2 }, { seq: 1 }] }, /outbox seq 1 after 2/],
    ['a current ballot without its version', { ballotVersions: [some.ballotVersions[0]!] }, /current ballot 1/],
    ['an idea number counter behind the ideas', { ideas: [{ id: 'idea_1', number: 4 }], nextIdeaNumber: 4 }, /nextIdeaNumber 4/],
    ['a support of an unknown idea', { supports: [{ ideaId: 'nope', supporterKey: 'k', at: 1 }] }, /support 1/],
    ['a question number counter behind the questions', { nextQuestionNumber: 2 }, /nextQuestionNumber 2/],
    ['a message of an unknown question', { questionMessages: [{ ...some.questionMessages[0]!, questionId: 'nope' }] }, /question message 1 is for a question/],
    ['a gap in a thread', { questionMessages: [some.questionMessages[1]!] }, /question message 1 has seq 2 after 0/],
    ['a thread out of order', { questionMessages: [some.questionMessages[1]!, some.questionMessages[0]!] }, /question message 1 has seq 2/],
    ['two references to one platform message', { messageRefs: [some.messageRefs[0]!, { ...some.messageRefs[0]!, key: 'card:other' }] }, /message reference 2/],
    ['two references under one key', { messageRefs: [some.messageRefs[0]!, { ...some.messageRefs[0]!, messageId: '9.9' }] }, /message reference 2/],
    ['a chat state entry without an owner', { chatState: [{ key: 'k', owner: '', expiresAt: 1, value: 1 }] }, /chat state entry 1 has no key or no owner/],
    ['a chat state key twice', { chatState: [{ key: 'k', owner: 'tg:1', expiresAt: 1, value: 1 }, { key: 'k', owner: 'tg:1', expiresAt: 2, value: 2 }] }, /chat state entry 2 repeats a key/],
    ['a chat state entry without expiry', { chatState: [{ key: 'k', owner: 'tg:1', expiresAt: null, value: 1 }] }, /chat state entry 1 has no expiry/],
    ['a chat state value over the limit', { chatState: [{ key: 'k', owner: 'tg:1', expiresAt: 1, value: 'x'.repeat(70_000) }] }, /chat state entry 1 is empty or over 65536 bytes/],
    ['no broadcasts list', { broadcasts: undefined }, /broadcasts is not a list/],
    ['no phone claims list', { phoneClaims: undefined }, /phoneClaims is not a list/],
    ['a phone key claimed twice', { phoneClaims: [{ phoneKey: 'k', holder: 'p_1', claimedAt: 1 }, { phoneKey: 'k', holder: 'p_2', claimedAt: 2 }] }, /phone claim 2 repeats a phone key/],
    ['a phone claim without a holder', { phoneClaims: [{ phoneKey: 'k', holder: '', claimedAt: 1 }] }, /phone claim 1 has no phone key or no holder/],
    ['a phone claim without a whole instant', { phoneClaims: [{ phoneKey: 'k', holder: 'p_1', claimedAt: 'then' }] }, /phone claim 1 has no whole claim instant/],
    ['a repeated broadcast id', { broadcasts: [broadcast, broadcast] }, /broadcast 2 repeats an id/],
    ['a fanned-out broadcast whose total is not its queued count', { broadcasts: [{ ...broadcast, total: 5 }] }, /broadcast 1 is past fan-out/],
    ['an inbound update without a state', { processed: [{ key: 'tg:1', expiresAt: 99 }] }, /processed update 1 is neither/],
    ['an inbound update without a whole expiry', { processed: [{ key: 'tg:1', state: 'done', expiresAt: 'soon' }] }, /processed update 1 has no whole expiry/],
  ])('refuses %s', (_name, change, message) => {
    const bad = { ...some, ...change } as unknown as CampaignDump;
    expect(() => checkDump(bad)).toThrow(message);
    expect(() => checkDump(bad)).toThrow(expect.objectContaining({ refusal: 'bad_dump' }));
  });
});
