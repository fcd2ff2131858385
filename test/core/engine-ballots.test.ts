import { describe, expect, it } from 'vitest';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { T, DAY, testCampaign } from '../support/test-campaign.ts';
import { validateBallot } from '../../core/ballots/ballot-rules.ts';
import type { BallotRule, Envelope } from '../../core/campaign/campaign.ts';
import { ambassadorRef } from '../../core/engine/actor-refs.ts';

const env: Envelope = { id: 'town', name: { fr: 'C', en: 'T' }, area: null, amount: 1000 };
const cands = [
  { id: 'a', cost: 600 },
  { id: 'b', cost: 300 },
  { id: 'c', cost: 200 },
  // With a: exactly the envelope (10.00), and one minor unit (0.01) over it.
  { id: 'd', cost: 400 },
  { id: 'e', cost: 401 },
];

describe('ballot rules', () => {
  const cases: Array<[string, BallotRule, Array<{ ideaId: string; points?: number }>, string | null]> = [
    ['single: one choice', { kind: 'single', allowChange: true }, [{ ideaId: 'a' }], null],
    ['single: two choices', { kind: 'single', allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'b' }], 'ballot.single_one'],
    ['any: empty', { kind: 'single', allowChange: true }, [], 'ballot.empty'],
    ['any: unknown idea', { kind: 'single', allowChange: true }, [{ ideaId: 'z' }], 'ballot.unknown_idea'],
    ['any: duplicate', { kind: 'approval', minChoices: 1, maxChoices: 3, allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'a' }], 'ballot.duplicate_choice'],
    ['approval: within bounds', { kind: 'approval', minChoices: 1, maxChoices: 2, allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'c' }], null],
    ['approval: too many', { kind: 'approval', minChoices: 1, maxChoices: 2, allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'b' }, { ideaId: 'c' }], 'ballot.too_many'],
    ['approval: too few', { kind: 'approval', minChoices: 2, maxChoices: 3, allowChange: true }, [{ ideaId: 'a' }], 'ballot.too_few'],
    ['knapsack: under the envelope', { kind: 'knapsack', allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'c' }], null],
    ['knapsack: total = envelope fits', { kind: 'knapsack', allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'd' }], null],
    ['knapsack: envelope + 0.01 is over', { kind: 'knapsack', allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'e' }], 'ballot.over_budget'],
    ['knapsack: over budget', { kind: 'knapsack', allowChange: true }, [{ ideaId: 'a' }, { ideaId: 'b' }, { ideaId: 'c' }], 'ballot.over_budget'],
    ['cumulative: spread', { kind: 'cumulative', points: 5, maxPerIdea: 3, allowChange: true }, [{ ideaId: 'a', points: 3 }, { ideaId: 'b', points: 2 }], null],
    ['cumulative: too many points', { kind: 'cumulative', points: 5, maxPerIdea: 3, allowChange: true }, [{ ideaId: 'a', points: 3 }, { ideaId: 'b', points: 3 }], 'ballot.too_many_points'],
    ['cumulative: per idea cap', { kind: 'cumulative', points: 5, maxPerIdea: 3, allowChange: true }, [{ ideaId: 'a', points: 4 }], 'ballot.points_per_idea'],
    ['cumulative: zero points', { kind: 'cumulative', points: 5, maxPerIdea: 3, allowChange: true }, [{ ideaId: 'a', points: 0 }], 'ballot.points_invalid'],
  ];
  it.each(cases)('%s', (_name, rule, choices, code) => {
    const r = validateBallot(rule, env, cands, choices);
    if (code === null) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, code });
  });
  it('knapsack over budget says by how much, in minor units', () => {
    expect(validateBallot({ kind: 'knapsack', allowChange: true }, env, cands, [{ ideaId: 'e' }, { ideaId: 'a' }])).toEqual({ ok: false, code: 'ballot.over_budget', params: { total: 1001, budget: 1000, over: 1 } });
  });
  it('normalises: sorted by idea id, points 1 unless cumulative', () => {
    const r = validateBallot({ kind: 'approval', minChoices: 1, maxChoices: 3, allowChange: true }, env, cands, [{ ideaId: 'c', points: 9 }, { ideaId: 'a' }]);
    expect(r).toEqual({ ok: true, value: [{ ideaId: 'a', points: 1 }, { ideaId: 'c', points: 1 }] });
  });
});

async function toVoting(h: Harness, authors = 3): Promise<string[]> {
  const author = await h.register(1000);
  const ids: string[] = [];
  for (let i = 0; i < authors; i++) {
    const idea = await h.submit(author, `Idea number ${i + 1} for the town`, 500_000 + i * 100_000);
    await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null });
    ids.push(idea.id);
  }
  h.clock.set(T.review + 1);
  for (const id of ids) await h.engine.selectFinalist('U-ADMIN', id, true);
  h.clock.set(T.voting + 1);
  await h.engine.tick();
  return ids;
}

describe('casting ballots through the engine', () => {
  it('casts, replaces until close (versions 1, 2), receipt changes, one ballot counted', async () => {
    const h = harness();
    const voter = await h.register(1);
    const [a, b] = await toVoting(h);
    const r1 = await h.engine.castBallot(voter, 'town', [{ ideaId: a! }], 'req-1');
    expect(r1).toMatchObject({ ok: true, value: { replaced: false, duplicate: false, ballot: { version: 1 } } });
    const r2 = await h.engine.castBallot(voter, 'town', [{ ideaId: b! }], 'req-2');
    expect(r2).toMatchObject({ ok: true, value: { replaced: true, ballot: { version: 2 } } });
    expect(r1.ok && r2.ok && r1.value.ballot.receipt !== r2.value.ballot.receipt).toBe(true);
    const again = await h.engine.castBallot(voter, 'town', [{ ideaId: a! }], 'req-1');
    expect(again).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(await h.stores.ballots.countByEnvelope()).toEqual({ town: 1 });
    expect((await h.engine.myBallots(voter))[0]?.choices).toEqual([{ ideaId: b, points: 1 }]);
  });

  it('a vote one millisecond after close is refused even if no job closed voting', async () => {
    const h = harness();
    const voter = await h.register(1);
    const [a] = await toVoting(h);
    h.clock.set(T.votingEnd - 1);
    expect((await h.engine.castBallot(voter, 'town', [{ ideaId: a! }], 'r1')).ok).toBe(true);
    h.clock.set(T.votingEnd + 1);
    expect(await h.engine.castBallot(voter, 'town', [{ ideaId: a! }], 'r2')).toMatchObject({ ok: false, code: 'voting.closed' });
  });

  it('before voting the refusal names the opening date; invalid choices change nothing', async () => {
    const h = harness();
    const voter = await h.register(1);
    expect(await h.engine.castBallot(voter, 'town', [{ ideaId: 'x' }], 'r')).toMatchObject({ ok: false, code: 'voting.not_yet', params: { opensAt: T.voting } });
    await toVoting(h);
    expect(await h.engine.castBallot(voter, 'town', [{ ideaId: 'nope' }], 'r')).toMatchObject({ ok: false, code: 'ballot.unknown_idea' });
    expect(await h.stores.ballots.countVoters()).toBe(0);
  });

  it('without allowChange a second ballot is refused', async () => {
    const h = harness(testCampaign({ ballot: { kind: 'single', allowChange: false } }));
    const voter = await h.register(1);
    const [a, b] = await toVoting(h);
    await h.engine.castBallot(voter, 'town', [{ ideaId: a! }], 'r1');
    expect(await h.engine.castBallot(voter, 'town', [{ ideaId: b! }], 'r2')).toMatchObject({ ok: false, code: 'ballot.already_cast' });
  });

  it('forget me after voting: the ballot stays counted once; re-registering finds and replaces it, never a second', async () => {
    const h = harness();
    const voter = await h.register(7);
    const [a, b] = await toVoting(h);
    await h.engine.castBallot(voter, 'town', [{ ideaId: a! }], 'r1');
    expect(await h.engine.forgetMe(voter)).toMatchObject({ ok: true });
    expect(await h.stores.residents.get(voter)).toBeNull();
    expect(await h.stores.ballots.countByEnvelope()).toEqual({ town: 1 });
    const again = await h.register(7);
    expect(again).toBe(voter);
    expect((await h.engine.myBallots(again)).map((x) => x.version)).toEqual([1]);
    const r = await h.engine.castBallot(again, 'town', [{ ideaId: b! }], 'r2');
    expect(r).toMatchObject({ ok: true, value: { replaced: true, ballot: { version: 2 } } });
    expect(await h.stores.ballots.countVoters()).toBe(1);
  });

  // "forget me keeps ideas anonymised": test/core/engine-erasure.test.ts checks every field and revision.

  it('area envelopes: a resident votes in their area and the town-wide ballot', async () => {
    const c = testCampaign({
      envelopes: [
        { id: 'town', name: { fr: 'C', en: 'T' }, area: null, amount: 2_000_000 },
        { id: 'north', name: { fr: 'N', en: 'N' }, area: 'north', amount: 1_000_000 },
      ],
    });
    const h = harness(c);
    const voter = await h.register(1, 'north');
    const author = await h.register(2, 'centre');
    const ideas = [];
    for (const [title, area] of [['North square benches', 'north'], ['North path lights', 'north'], ['Town hall garden', null], ['Town bike lanes', null]] as const) {
      const i = await h.submit(author, title, 500_000, area);
      await h.engine.moderateIdea('U-MOD1', i.id, 1, { outcome: 'eligible', comment: null });
      ideas.push(i);
    }
    h.clock.set(T.review + 1);
    for (const i of ideas) await h.engine.selectFinalist('U-ADMIN', i.id, true);
    h.clock.set(T.voting + 1);
    const opts = await h.engine.ballotOptions(voter);
    expect(opts.ok && opts.value.map((o) => [o.slot, o.envelope.id, o.finalists.length])).toEqual([
      ['area', 'north', 2],
      ['town', 'town', 2],
    ]);
    expect(await h.engine.castBallot(voter, 'area', [{ ideaId: ideas[2]!.id }], 'x')).toMatchObject({ ok: false, code: 'ballot.unknown_idea' });
    expect((await h.engine.castBallot(voter, 'area', [{ ideaId: ideas[0]!.id }], 'y')).ok).toBe(true);
    expect((await h.engine.castBallot(voter, 'town', [{ ideaId: ideas[3]!.id }], 'z')).ok).toBe(true);
    expect(await h.engine.castBallot(author, 'area', [{ ideaId: ideas[0]!.id }], 'w')).toMatchObject({ ok: false, code: 'ballot.no_such_ballot' });
    expect(await h.stores.ballots.countByEnvelope()).toEqual({ north: 1, town: 1 });
    expect(await h.stores.ballots.countVoters()).toBe(1);
  });

  it('ballot slots: the options without the ballots cast; a record passed as known is the one judged, someone else\'s is ignored', async () => {
    const c = testCampaign({
      envelopes: [
        { id: 'town', name: { fr: 'C', en: 'T' }, area: null, amount: 2_000_000 },
        { id: 'north', name: { fr: 'N', en: 'N' }, area: 'north', amount: 1_000_000 },
      ],
    });
    const h = harness(c);
    const voter = await h.register(1, 'north');
    const other = await h.register(2, 'centre');
    const ideas = [];
    for (const [title, area] of [['North square benches', 'north'], ['Town hall garden', null], ['Town bike lanes', null]] as const) {
      const i = await h.submit(other, title, 500_000, area);
      await h.engine.moderateIdea('U-MOD1', i.id, 1, { outcome: 'eligible', comment: null });
      ideas.push(i);
    }
    h.clock.set(T.review + 1);
    for (const i of ideas) await h.engine.selectFinalist('U-ADMIN', i.id, true);
    h.clock.set(T.voting + 1);
    expect((await h.engine.castBallot(voter, 'town', [{ ideaId: ideas[1]!.id }], 'a')).ok).toBe(true);
    const opts = await h.engine.ballotOptions(voter);
    const slots = await h.engine.ballotSlots(voter);
    expect(opts.ok && opts.value.map((o) => o.current !== null)).toEqual([false, true]);
    expect(slots.ok && slots.value).toEqual(opts.ok && opts.value.map(({ current: _c, ...o }) => o));
    // The record given is judged as it is: one no longer eligible (an older privacy notice) is refused.
    const record = (await h.stores.residents.get(voter))!;
    const stale = { ...record, consent: { version: '2020-01', at: record.consent!.at } };
    expect(await h.engine.ballotSlots(voter, stale)).toMatchObject({ ok: false });
    expect(await h.engine.ballotOptions(voter, stale)).toMatchObject({ ok: false });
    // Someone else's record is not taken for the voter's.
    expect((await h.engine.ballotSlots(voter, (await h.stores.residents.get(other))!)).ok).toBe(true);
  });

  it('racing casts for one resident: versions without gaps, exactly one ballot', async () => {
    const h = harness();
    const voter = await h.register(1);
    const ids = await toVoting(h);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => h.engine.castBallot(voter, 'town', [{ ideaId: ids[i % 3]! }], `race-${i}`)));
    const versions = results.map((r) => (r.ok ? r.value.ballot.version : -1)).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await h.stores.ballots.countByEnvelope()).toEqual({ town: 1 });
  });

  it('assisted ballot: counts only with the resident\'s code, once, flagged in the audit log', async () => {
    const h = harness();
    const amb = await h.register(50);
    expect((await h.engine.setRole('U-ADMIN', amb, 'ambassador')).ok).toBe(true);
    const codes = await h.engine.issueCodes('cli', 2);
    if (!codes.ok) throw new Error(codes.code);
    const [code] = codes.value;
    const reg = await h.engine.registerAssisted(amb, { code: code!, locale: 'fr', ageBand: '65+', area: 'north', displayName: null });
    // The helper is recorded by pseudonym: the record keeps nothing of them once they erase theirs.
    expect(reg).toMatchObject({ ok: true, value: { assistedBy: ambassadorRef(h.deps, amb), step: 'done' } });
    expect(JSON.stringify(reg)).not.toContain(amb);
    expect(await h.engine.registerAssisted(amb, { code: code!, locale: 'fr', ageBand: '65+', area: 'north', displayName: null })).toMatchObject({ ok: false, code: 'code.used' });
    const [a, b] = await toVoting(h);
    expect(await h.engine.castAssistedBallot(amb, 'ZZZZ-ZZZZ', 'town', [{ ideaId: a! }], 'r0')).toMatchObject({ ok: false, code: 'code.unknown' });
    expect(await h.engine.castAssistedBallot(amb, codes.value[1]!, 'town', [{ ideaId: a! }], 'r0')).toMatchObject({ ok: false, code: 'code.not_registered' });
    expect(await h.engine.castAssistedBallot('tg:1000', code!, 'town', [{ ideaId: a! }], 'r0')).toMatchObject({ ok: false, code: 'ambassador.not_ambassador' });
    expect(await h.engine.castAssistedBallot(amb, code!.toLowerCase(), 'town', [{ ideaId: a! }], 'r1')).toMatchObject({ ok: true, value: { ballot: { version: 1, assisted: true } } });
    expect(await h.engine.castAssistedBallot(amb, code!, 'town', [{ ideaId: b! }], 'r2')).toMatchObject({ ok: true, value: { ballot: { version: 2 } } });
    expect(await h.stores.ballots.countByEnvelope()).toEqual({ town: 1 });
    const audit = await h.stores.audit.list(0, 100);
    const assisted = audit.filter((e) => e.action === 'ballot.assisted' && e.assisted);
    expect(assisted).toHaveLength(2);
    // The figures count the assisted ballot once (two versions, one ballot), and a re-send not at all.
    const figures = async () => (await h.engine.digestFigures()).assistedBallots;
    expect(await figures()).toBe(1);
    expect(await h.engine.castAssistedBallot(amb, code!, 'town', [{ ideaId: b! }], 'r2')).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(await figures()).toBe(1);
    // Another resident's own ballot is not assisted.
    const other = await h.register(51);
    expect(await h.engine.castBallot(other, 'town', [{ ideaId: a! }], 'o1')).toMatchObject({ ok: true });
    expect(await figures()).toBe(1);
    // The resident replaces the ambassador's ballot with their own: no assisted ballot is left.
    const resident = reg.ok ? reg.value.id : '';
    expect(await h.engine.castBallot(resident, 'town', [{ ideaId: a! }], 'own-1')).toMatchObject({ ok: true, value: { replaced: true, ballot: { version: 3, assisted: false } } });
    expect(await figures()).toBe(0);
    expect(await h.engine.castAssistedBallot(amb, code!, 'town', [{ ideaId: b! }], 'r3')).toMatchObject({ ok: true, value: { ballot: { version: 4, assisted: true } } });
    expect(await figures()).toBe(1);
    // The audit says an assisted ballot happened, never what it chose.
    expect(JSON.stringify(assisted)).not.toContain(a!);
    expect(JSON.stringify(assisted)).not.toContain(b!);
  });

  it('count: greedy results stored, finalists become winners or not funded, results reproducible', async () => {
    const h = harness();
    const voters = [];
    for (let i = 0; i < 5; i++) voters.push(await h.register(100 + i));
    const [a, b, c] = await toVoting(h);
    const picks = [a, a, a, b, c];
    for (let i = 0; i < 5; i++) await h.engine.castBallot(voters[i]!, 'town', [{ ideaId: picks[i]! }], `r${i}`);
    expect(await h.engine.runTally('cli')).toMatchObject({ ok: false, code: 'tally.not_yet' });
    expect(await h.engine.explainMyBallots(voters[0]!)).toMatchObject({ ok: false, code: 'results.not_yet' });
    h.clock.set(T.votingEnd + DAY);
    const r = await h.engine.runTally('cli');
    if (!r.ok) throw new Error(r.code);
    const env = r.value.envelopes[0]!;
    expect(env.rows.map((x) => [x.ideaId, x.score, x.decision])).toEqual([
      [a, 3, 'funded'],
      [b, 1, 'funded'],
      [c, 1, 'funded'],
    ]);
    expect(env.spent).toBe(500_000 + 600_000 + 700_000);
    expect(env.left).toBe(2_000_000 - env.spent);
    expect((await h.stores.ideas.get(a!))?.state).toBe('winner');
    expect(env.rows[0]?.reason).toMatchObject({ code: 'tally.funded' });
    const fate = await h.engine.explainMyBallots(voters[3]!);
    expect(fate).toMatchObject({ ok: true, value: [{ slot: 'town', items: [{ ideaId: b, funded: true, reason: { code: 'tally.funded' } }] }] });
    const again = await h.engine.computeResults();
    expect(again.ok && again.value.envelopes).toEqual(r.value.envelopes);
    h.clock.set(T.announced + 1);
    const t = await h.engine.tick();
    expect(t.state.phase).toBe('announced');
    const notices = (await h.stores.outbox.list(0, 500)).filter((m) => m.template === 'notify.idea_winner');
    expect(notices).toHaveLength(3);
  });
});
