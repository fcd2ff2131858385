/**
 * The pure ballot builder under random presses (fast-check): whatever a resident presses, in
 * whatever order, on whatever rule and list of finalists, no press throws; the selection stays
 * within the rule while choosing; the confirmation screen is reached only with a ballot that
 * `validateBallot` accepts; and every view renders with button data that decodes and fits.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BallotRule, Envelope } from '../../core/campaign/campaign.ts';
import { validateBallot } from '../../core/ballots/ballot-rules.ts';
import { newBuilderState } from '../../adapters/telegram/ballot-builder-state.ts';
import type { BuilderState } from '../../adapters/telegram/ballot-builder-state.ts';
import { applyPress, candidatesOf, choicesOf, fairOrder, tallyOf, voteCallback } from '../../adapters/telegram/render/ballot-builder.ts';
import type { BuilderIdea, BuilderInput, BuilderPress } from '../../adapters/telegram/render/ballot-builder.ts';
import { confirmView, doneView, stateView } from '../../adapters/telegram/render/ballot-builder-view.ts';
import type { BuilderMeta, BuilderView } from '../../adapters/telegram/render/ballot-builder-view.ts';
import { CALLBACK_DATA_MAX_BYTES } from '../../adapters/telegram/callback-data.ts';

const rule: fc.Arbitrary<BallotRule> = fc.oneof(
  fc.constant({ kind: 'single', allowChange: true } as const),
  fc.integer({ min: 1, max: 4 }).chain((min) => fc.integer({ min, max: 6 }).map((max) => ({ kind: 'approval', minChoices: min, maxChoices: max, allowChange: true }) as const)),
  fc.constant({ kind: 'knapsack', allowChange: false } as const),
  fc.integer({ min: 1, max: 12 }).chain((points) => fc.integer({ min: 1, max: points }).map((maxPerIdea) => ({ kind: 'cumulative', points, maxPerIdea, allowChange: true }) as const)),
);

const ideas: fc.Arbitrary<BuilderIdea[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 999 }), { maxLength: 20 })
  .chain((numbers) =>
    fc.tuple(...numbers.map((n) => fc.record({ cost: fc.option(fc.integer({ min: 0, max: 1_500_000 }), { nil: null }), title: fc.string({ minLength: 1, maxLength: 80 }), photo: fc.option(fc.constant('AgACphoto'), { nil: null }) }).map((x) => ({ id: `idea_${n}`, number: n, title: x.title, cost: x.cost, description: `<b>&${x.title}`, photo: x.photo })))),
  )
  .map((xs) => [...xs]);

const press: fc.Arbitrary<BuilderPress> = fc.oneof(
  fc.record({ op: fc.constantFrom('tg', 'pl', 'mi', 'cd') as fc.Arbitrary<'tg' | 'pl' | 'mi' | 'cd'>, index: fc.integer({ min: 0, max: 25 }) }),
  fc.record({ op: fc.constant('pg' as const), page: fc.integer({ min: -2, max: 5 }) }),
  fc.record({ op: fc.constantFrom('bk', 'rv') as fc.Arbitrary<'bk' | 'rv'> }),
);

const t = (_locale: string, key: string, vars?: Readonly<Record<string, string | number>>): string => `${key}${vars === undefined ? '' : JSON.stringify(vars)}`;

function checkButtons(view: BuilderView): void {
  for (const row of view.keyboard.inline_keyboard) {
    for (const b of row) {
      const data = (b as { callback_data?: string }).callback_data;
      expect(typeof data).toBe('string');
      expect(Buffer.byteLength(data!, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(voteCallback.decode(data!)).not.toBeNull();
    }
  }
}

function withinRule(state: BuilderState, input: BuilderInput): void {
  const { total, count, points } = tallyOf(state, input);
  const r = input.rule;
  if (r.kind === 'single') expect(count).toBeLessThanOrEqual(1);
  if (r.kind === 'approval') expect(count).toBeLessThanOrEqual(r.maxChoices);
  if (r.kind === 'knapsack') expect(total).toBeLessThanOrEqual(input.envelope.amount);
  if (r.kind === 'cumulative') {
    expect(points).toBeLessThanOrEqual(r.points);
    for (const c of choicesOf(state, input)) expect(c.points).toBeLessThanOrEqual(r.maxPerIdea);
  }
}

describe('the ballot builder under random presses', () => {
  it('never throws, never leaves the rule, and confirms only what validateBallot accepts', () => {
    fc.assert(
      fc.property(rule, ideas, fc.integer({ min: 0, max: 3_000_000 }), fc.array(press, { maxLength: 60 }), fc.constantFrom('area', 'town') as fc.Arbitrary<'area' | 'town'>, (r, list, amount, presses, slot) => {
        const envelope: Envelope = { id: 'town', name: { en: 'Town' }, area: null, amount };
        const input: BuilderInput = { rule: r, envelope, order: fairOrder('tg:1', envelope.id, list) };
        const meta: BuilderMeta = { t, locale: 'en', campaign: { timeZone: 'Europe/Brussels', currency: 'EUR', currencyMinorUnits: 100, defaultLocale: 'en' }, slot, index: 1, total: 2, closesAt: Date.UTC(2026, 6, 1) };
        let state = newBuilderState(envelope.id, 1);
        for (const p of presses) {
          const result = applyPress(state, p, input);
          if (result.kind === 'ok') state = result.state;
          withinRule(state, input);
          checkButtons(stateView(meta, state, input));
          if (state.view === 'confirm') {
            const valid = validateBallot(r, envelope, candidatesOf(input), choicesOf(state, input));
            expect(valid.ok).toBe(true);
            checkButtons(confirmView(meta, state, input));
            if (valid.ok) {
              const ballot = { voterKey: 'v', slot, envelopeId: envelope.id, choices: valid.value, version: 1, receipt: 'R-1', castAt: 0, assisted: false, requestId: '1' };
              checkButtons(doneView(meta, { ...state, view: 'done' }, input, ballot, { justCast: true, replaced: false, done: 1, canChange: true, next: { slot: 'town', envelope } }));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders the finalists fairly: the same for one resident every time, not the same for everyone', () => {
    const list = Array.from({ length: 12 }, (_, i) => ({ id: `idea_${i}` }));
    const once = fairOrder('tg:1', 'town', list).map((x) => x.id);
    expect(fairOrder('tg:1', 'town', [...list].reverse()).map((x) => x.id)).toEqual(once);
    const firsts = new Set(Array.from({ length: 40 }, (_, i) => fairOrder(`tg:${i}`, 'town', list)[0]!.id));
    expect(firsts.size).toBeGreaterThan(5);
    expect(fairOrder('tg:1', 'north', list).map((x) => x.id)).not.toEqual(once);
  });
});
