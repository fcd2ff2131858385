/** Property tests (fast-check) of the counting rules on random small approval and points elections. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare, Rational, tally } from '../../core/tally/index.ts';
import type { TallyInstance, TallyOptions, TallyOutcome } from '../../core/tally/index.ts';

const election = (points: boolean): fc.Arbitrary<TallyInstance> =>
  fc
    .record({
      costs: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 7 }),
      budget: fc.integer({ min: 0, max: 150 }),
      cents: fc.integer({ min: 0, max: 99 }),
      raw: fc.array(fc.array(fc.tuple(fc.nat(6), fc.integer({ min: 1, max: 5 })), { maxLength: 5 }), { maxLength: 12 }),
    })
    .map(({ costs, budget, cents, raw }) => {
      const ids = costs.map((_, i) => `p${i}`);
      return {
        budget: `${budget}.${String(cents).padStart(2, '0')}`,
        voteType: points ? 'cumulative' : 'approval',
        projects: costs.map((c, i) => ({ id: ids[i]!, cost: c })),
        ballots: raw.map((b) => {
          const seen = new Map<string, number>();
          for (const [p, u] of b) seen.set(ids[p % ids.length]!, u);
          return points ? { projects: [...seen.keys()], points: [...seen.values()] } : { projects: [...seen.keys()] };
        }),
      } satisfies TallyInstance;
    });

const ok = (i: TallyInstance, o: TallyOptions): TallyOutcome => {
  const out = tally(i, o);
  if (out.status !== 'ok') throw new Error('tie under lexico');
  return out;
};
const RULES: TallyOptions[] = [
  { rule: { kind: 'greedy' } },
  { rule: { kind: 'greedy', variant: 'no-skip' } },
  { rule: { kind: 'greedy', threshold: 2 } },
  { rule: { kind: 'mes' } },
  { rule: { kind: 'mes', completion: 'add1', add1: { step: Rational.of(1n, 2n) } } },
  { rule: { kind: 'mes', completion: 'add1u' } },
  { rule: { kind: 'mes', completion: 'utilitarian', comparison: true } },
];

describe('tally properties', () => {
  it('the funded total never exceeds the budget, and spent = Σ costs of the selection', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(RULES.length - 1), (points, r) =>
        fc.assert(
          fc.property(election(points), (inst) => {
            const out = ok(inst, RULES[r]!);
            expect(out.spent.lte(out.budget)).toBe(true);
            const cost = new Map(inst.projects.map((p) => [p.id, Rational.int(p.cost as number)]));
            expect(out.selected.reduce((s, id) => s.add(cost.get(id)!), Rational.ZERO).eq(out.spent)).toBe(true);
          }),
          { numRuns: 20 },
        ),
      ),
      { numRuns: 30 },
    );
  });

  it('greedy (skip) is exhaustive: no unfunded eligible project fits in what is left', () => {
    fc.assert(
      fc.property(election(false), (inst) => {
        const out = ok(inst, { rule: { kind: 'greedy' } });
        const left = out.budget.sub(out.spent);
        for (const p of inst.projects) {
          if (!out.selected.includes(p.id)) expect(Rational.int(p.cost as number).gt(left)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('greedy-no-skip funds a prefix of the score order and stops at the first project that does not fit', () => {
    fc.assert(
      fc.property(election(false), (inst) => {
        const out = ok(inst, { rule: { kind: 'greedy', variant: 'no-skip' } });
        const firstSkip = out.rounds.findIndex((r) => r.decision !== 'funded');
        if (firstSkip >= 0) {
          expect(out.rounds.slice(firstSkip).every((r) => r.decision !== 'funded')).toBe(true);
          expect(out.rounds[firstSkip]!.cost.gt(out.rounds[firstSkip]!.left)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('greedy: adding a ballot that approves only a winner never makes it lose', () => {
    fc.assert(
      fc.property(election(false), fc.nat(), (inst, k) => {
        const before = ok(inst, { rule: { kind: 'greedy' } });
        fc.pre(before.selected.length > 0);
        const w = before.selected[k % before.selected.length]!;
        const after = ok({ ...inst, ballots: [...inst.ballots, { projects: [w] }] }, { rule: { kind: 'greedy' } });
        expect(after.selected).toContain(w);
      }),
      { numRuns: 300 },
    );
  });

  it('MES never charges a voter more than the endowment', () => {
    fc.assert(
      fc.property(election(false), election(true), fc.boolean(), (a, b, add1) => {
        for (const inst of [a, b]) {
          const out = ok(inst, { rule: { kind: 'mes', completion: add1 ? 'add1' : 'none' } });
          for (const paid of out.ballotPayments!) {
            expect(paid.isNegative()).toBe(false);
            expect(paid.lte(out.endowment!)).toBe(true);
          }
          const n = prepare(inst).voters;
          const total = out.ballotPayments!.reduce((s, p) => s.add(p), Rational.ZERO);
          if (n > 0 && out.rounds.every((r) => r.stage === 'mes')) {
            expect(total.lte(out.endowment!.mul(Rational.int(n)))).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
