/** Explanations as data: per decision a code with its parameters, per ballot how it fared. */
import { describe, expect, it } from 'vitest';
import { explainBallot, tally } from '../../core/tally/index.ts';
import type { TallyInstance, TallyOutcome } from '../../core/tally/index.ts';

const inst: TallyInstance = {
  budget: 30000,
  voteType: 'approval',
  projects: [
    { id: 'a', cost: 20000 },
    { id: 'b', cost: 22000 },
    { id: 'c', cost: 5000 },
  ],
  ballots: [{ projects: ['a', 'b'], count: 3 }, { projects: ['b'] }, { projects: ['c'] }],
};
const ok = (o: ReturnType<typeof tally>): TallyOutcome => {
  if (o.status !== 'ok') throw new Error('tie');
  return o;
};

describe('explanations', () => {
  it('greedy: funded, and "needed 12000 more than was left"', () => {
    const out = ok(tally(inst, { rule: { kind: 'greedy' } }));
    expect(out.rounds.map((r) => r.reason)).toEqual([
      { code: 'tally.funded', params: { score: 4, cost: '22000', left: '8000' } },
      { code: 'tally.skipped_not_enough_left', params: { needed: '12000', left: '8000', cost: '20000' } },
      { code: 'tally.funded', params: { score: 1, cost: '5000', left: '3000' } },
    ]);
    const report = explainBallot(out, inst.ballots[0]!);
    expect(report.funded).toEqual(['b']);
    expect(report.items[0]).toEqual({
      code: 'ballot.project_not_funded',
      params: { project: 'a', reason: 'tally.skipped_not_enough_left', reason_needed: '12000', reason_left: '8000', reason_cost: '20000' },
    });
  });

  it('MES: effective votes, shares, what each ballot paid, and why the rest could not be afforded', () => {
    const out = ok(tally(inst, { rule: { kind: 'mes' } }));
    expect(out.endowment!.toDecimal()).toBe('6000');
    expect(out.rounds[0]).toMatchObject({ project: 'b', decision: 'funded', reason: { code: 'tally.mes_funded', params: { effectiveVotes: '4', share: '5500' } } });
    const a = out.rounds.find((r) => r.project === 'a')!;
    expect(a.reason).toEqual({ code: 'tally.mes_supporters_cannot_afford', params: { needed: '18500', money: '1500', cost: '20000' } });
    const report = explainBallot(out, inst.ballots[0]!, 0);
    expect(report.paid).toEqual({ code: 'ballot.paid', params: { paid: '5500', endowment: '6000' } });
  });

  it('a tie the order cannot break is reported with the tied projects', () => {
    const tied: TallyInstance = { ...inst, projects: inst.projects.map((p) => ({ ...p, cost: 20000 })), ballots: [{ projects: ['a', 'b'] }] };
    const out = tally(tied, { rule: { kind: 'greedy' }, tieBreak: ['votes-desc', 'cost-asc'] });
    expect(out).toMatchObject({ status: 'tie', tied: ['a', 'b'], reason: { code: 'tally.tie_unresolved' } });
  });
});
