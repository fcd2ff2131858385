import { describe, expect, it } from 'vitest';
import { DUMP_SECTIONS, checkDump, differingSections, dumpSummary, isEmptyDump } from '../../adapters/transfer/index.ts';
import { GENESIS_HASH, linkEntries } from '../../core/audit/audit-chain.ts';
import type { CampaignDump } from '../../core/ports/store-transfer.ts';
import type { StoredBallot } from '../../core/ballots/ballot.ts';
import type { Idea } from '../../core/ideas/idea.ts';

const empty: CampaignDump = {
  format: 'pnyx-dump/1',
  phaseState: null,
  results: null,
  secretCheck: null,
  residents: [],
  codes: [],
  ideas: [],
  nextIdeaNumber: 1,
  supports: [],
  ballots: [],
  ballotVersions: [],
  outbox: [],
  audit: [],
  processed: [],
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

const some: CampaignDump = {
  ...empty,
  secretCheck: 'check',
  // Only the fields the checks read: the summary treats records as opaque JSON.
  ideas: [{ id: 'idea_1', number: 3, state: 'finalist' } as unknown as Idea],
  codes: [
    { code: 'AAAA2222', residentId: null, issuedBy: 'staff:U1', issuedAt: 5, usedAt: null },
    { code: 'BBBB3333', residentId: 'tg:1', issuedBy: 'staff:U1', issuedAt: 5, usedAt: 9 },
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
  nextIdeaNumber: 4,
};

describe('dumpSummary', () => {
  it('counts every section and gives one checksum per section and overall', () => {
    const s = dumpSummary(some);
    expect(Object.keys(s.counts)).toEqual([...DUMP_SECTIONS]);
    expect(s.counts).toMatchObject({ secretCheck: 1, phaseState: 0, codes: 2, supports: 2, ballots: 1, ballotVersions: 2, audit: 2, processed: 1 });
    expect(s.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.values(s.sections).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('depends on content, not on the order a backend lists items or object keys in', () => {
    const reordered: CampaignDump = {
      ...some,
      codes: [...some.codes].reverse().map((c) => ({ usedAt: c.usedAt, code: c.code, issuedAt: c.issuedAt, residentId: c.residentId, issuedBy: c.issuedBy })),
      supports: [...some.supports].reverse(),
    };
    expect(dumpSummary(reordered)).toEqual(dumpSummary(some));
  });

  it('covers support times', () => {
    const moved = { ...some, supports: some.supports.map((s) => ({ ...s, at: s.at + 1 })) };
    expect(dumpSummary(moved).checksum).not.toBe(dumpSummary(some).checksum);
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
  });

  it.each([
    ['another format', { format: 'pnyx-dump/2' }, /format/],
    ['an audit gap', { audit: [some.audit[1]!] }, /audit entry 1 has seq 2/],
    ['outbox seqs out of order', { outbox: [{ seq: 2 }, { seq: 1 }] }, /outbox seq 1 after 2/],
    ['a current ballot without its version', { ballotVersions: [some.ballotVersions[0]!] }, /current ballot 1/],
    ['an idea number counter behind the ideas', { ideas: [{ id: 'idea_1', number: 4 }], nextIdeaNumber: 4 }, /nextIdeaNumber 4/],
    ['a support of an unknown idea', { supports: [{ ideaId: 'nope', supporterKey: 'k', at: 1 }] }, /support 1/],
    ['an inbound update without a state', { processed: [{ key: 'tg:1', expiresAt: 99 }] }, /processed update 1 is neither/],
    ['an inbound update without a whole expiry', { processed: [{ key: 'tg:1', state: 'done', expiresAt: 'soon' }] }, /processed update 1 has no whole expiry/],
  ])('refuses %s', (_name, change, message) => {
    const bad = { ...some, ...change } as unknown as CampaignDump;
    expect(() => checkDump(bad)).toThrow(message);
    expect(() => checkDump(bad)).toThrow(expect.objectContaining({ refusal: 'bad_dump' }));
  });
});
