/**
 * Contract of `CampaignStore` (core/ports/campaign-store.ts), run unchanged by every backend.
 *
 * Readings chosen here: a conflicting `savePhaseState` writes nothing (neither the state nor
 * its side records); `saveResults` always replaces and writes its side records; two
 * concurrent `checkSecret` calls agree: exactly one `initialized`.
 */
import { describe, expect, it } from 'vitest';
import type { PhaseState } from '../../core/phases/phase-state.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import type { MakeStores } from './stores-fixture.ts';
import { T0, expectSide, fixtures, range, side } from './contract-helpers.ts';

const DAY = 86_400_000;

function phaseState(phase: PhaseState['phase'], transitions = 0): PhaseState {
  return {
    phase,
    windows: {
      submission: { start: T0, end: T0 + 10 * DAY },
      review: { start: T0 + 10 * DAY, end: T0 + 20 * DAY },
      voting: { start: T0 + 20 * DAY, end: T0 + 30 * DAY },
      tallying: { start: T0 + 30 * DAY, end: T0 + 31 * DAY },
      announced: { start: T0 + 31 * DAY, end: null },
    },
    hold: phase === 'review' ? { target: 'voting', code: 'phase.guard.finalists', since: T0 } : null,
    transitions: range(1, transitions).map((i) => ({ from: 'draft', to: 'submission', at: T0 + i, by: 'system:scheduler', reason: 'schedule' })),
  };
}

function results(method: string): StoredResults {
  return {
    computedAt: T0,
    method,
    tieBreak: 'lexico',
    envelopes: [
      {
        envelopeId: 'env-town',
        budget: 1_000_000,
        spent: 700_000,
        left: 300_000,
        ballots: 42,
        rows: [
          { ideaId: 'idea_a', number: 1, title: 'Bench', score: 30, voters: 30, cost: 700_000, funded: true, decision: 'funded', left: 300_000, rank: 1, reason: { code: 'tally.funded', params: { score: '30', cost: '700000', left: '300000' } } },
          { ideaId: 'idea_b', number: 2, title: 'Pool', score: 12, voters: 12, cost: 900_000, funded: false, decision: 'skipped', left: 300_000, rank: null, reason: { code: 'tally.skipped_not_enough_left', params: { needed: '600000', left: '300000', cost: '900000' } } },
        ],
      },
    ],
  };
}

export function describeCampaignStoreContract(label: string, make: MakeStores): void {
  describe(`CampaignStore contract [${label}]`, () => {
    const open = fixtures(make);

    it('has no phase state and no results before the first save', async () => {
      const { stores } = await open();
      expect(await stores.campaign.loadPhaseState()).toBeNull();
      expect(await stores.campaign.loadResults()).toBeNull();
    });

    it('saves a new phase state as version 1 (expected null), then 2, 3 …', async () => {
      const { stores } = await open();
      expect(await stores.campaign.savePhaseState(phaseState('draft'), null, side('p1'))).toBe('saved');
      expect(await stores.campaign.loadPhaseState()).toEqual({ value: phaseState('draft'), version: 1 });
      expect(await stores.campaign.savePhaseState(phaseState('submission', 1), 1, side('p2'))).toBe('saved');
      expect(await stores.campaign.savePhaseState(phaseState('review', 2), 2, {})).toBe('saved');
      expect(await stores.campaign.loadPhaseState()).toEqual({ value: phaseState('review', 2), version: 3 });
      await expectSide(stores, 'p1', true);
      await expectSide(stores, 'p2', true);
    });

    it('refuses a first save when a state exists, and a save at a stale or future version', async () => {
      const { stores } = await open();
      await stores.campaign.savePhaseState(phaseState('draft'), null, {});
      await stores.campaign.savePhaseState(phaseState('submission', 1), 1, {});
      expect(await stores.campaign.savePhaseState(phaseState('voting'), null, side('null'))).toBe('conflict');
      expect(await stores.campaign.savePhaseState(phaseState('voting'), 1, side('stale'))).toBe('conflict');
      expect(await stores.campaign.savePhaseState(phaseState('voting'), 3, side('future'))).toBe('conflict');
      expect(await stores.campaign.loadPhaseState()).toEqual({ value: phaseState('submission', 1), version: 2 });
      for (const tag of ['null', 'stale', 'future']) await expectSide(stores, tag, false);
    });

    it('refuses a save with an expected version when nothing exists', async () => {
      const { stores } = await open();
      expect(await stores.campaign.savePhaseState(phaseState('draft'), 1, side('x'))).toBe('conflict');
      expect(await stores.campaign.loadPhaseState()).toBeNull();
      await expectSide(stores, 'x', false);
    });

    it('race: two handles saving from the same version: one saved, one conflict, only the winner side records', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      await stores.campaign.savePhaseState(phaseState('draft'), null, {});
      const [a, b] = await Promise.all([
        stores.campaign.savePhaseState(phaseState('submission', 1), 1, side('a')),
        other.campaign.savePhaseState(phaseState('review', 2), 1, side('b')),
      ]);
      expect([a, b].sort()).toEqual(['conflict', 'saved']);
      const winner = a === 'saved' ? 'a' : 'b';
      await expectSide(stores, winner, true);
      await expectSide(stores, winner === 'a' ? 'b' : 'a', false);
      const loaded = await other.campaign.loadPhaseState();
      expect(loaded?.version).toBe(2);
      expect(loaded?.value).toEqual(winner === 'a' ? phaseState('submission', 1) : phaseState('review', 2));
    });

    it('race: concurrent first saves create the state once', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const outs = await Promise.all(range(1, 6).map((i) => (i % 2 ? stores : other).campaign.savePhaseState(phaseState('draft', i), null, side(`f${i}`))));
      expect(outs.filter((o) => o === 'saved')).toHaveLength(1);
      expect((await stores.campaign.loadPhaseState())?.version).toBe(1);
    });

    it('stores results, replacing earlier ones, with their side records', async () => {
      const { stores } = await open();
      await stores.campaign.saveResults(results('greedy'), side('r1'));
      expect(await stores.campaign.loadResults()).toEqual(results('greedy'));
      await stores.campaign.saveResults(results('mes/add1'), side('r2'));
      expect(await stores.campaign.loadResults()).toEqual(results('mes/add1'));
      await expectSide(stores, 'r1', true);
      await expectSide(stores, 'r2', true);
    });

    it('initializes the secret check once, then matches or mismatches', async () => {
      const { stores, reopen } = await open();
      expect(await stores.campaign.checkSecret('check-1')).toBe('initialized');
      expect(await stores.campaign.checkSecret('check-1')).toBe('match');
      expect(await stores.campaign.checkSecret('check-2')).toBe('mismatch');
      expect(await stores.campaign.checkSecret('check-1')).toBe('match');
      const other = await reopen();
      expect(await other.campaign.checkSecret('check-2')).toBe('mismatch');
      expect(await other.campaign.checkSecret('check-1')).toBe('match');
    });

    it('race: two processes starting together agree on the secret check', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const same = await Promise.all([stores.campaign.checkSecret('k'), other.campaign.checkSecret('k')]);
      expect(same.sort()).toEqual(['initialized', 'match']);
    });

    it('race: two processes with different secrets: one initializes, the other mismatches', async () => {
      const { stores, reopen } = await open();
      const other = await reopen();
      const outs = await Promise.all([stores.campaign.checkSecret('k1'), other.campaign.checkSecret('k2')]);
      expect([...outs].sort()).toEqual(['initialized', 'mismatch']);
      const kept = outs[0] === 'initialized' ? 'k1' : 'k2';
      expect(await stores.campaign.checkSecret(kept)).toBe('match');
    });
  });
}
