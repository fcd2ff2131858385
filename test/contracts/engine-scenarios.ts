/**
 * One campaign end to end through the engine, runnable on any store backend: the same use
 * cases must behave the same on memory, SQLite and Redis.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MakeStores, StoresFixture } from './stores-fixture.ts';
import { harness } from '../support/engine-harness.ts';
import { T, DAY } from '../support/test-campaign.ts';
import { verifyChain } from '../../core/audit/audit-chain.ts';

export function describeEngineScenarios(label: string, make: MakeStores): void {
  describe(`engine scenarios on ${label}`, () => {
    let fixture: StoresFixture | null = null;
    afterEach(async () => {
      await fixture?.cleanup();
      fixture = null;
    });

    it('a whole campaign: register, submit, moderate (race), finalists, vote (race, replace, erase), count, announce', async () => {
      fixture = await make();
      const h = harness(undefined, fixture.stores);
      const second = harness(undefined, await fixture.reopen());
      second.clock.set(h.clock.now());
      const author = await h.register(1);
      const voters: string[] = [];
      for (let i = 0; i < 8; i++) voters.push(await h.register(100 + i, i % 2 ? 'north' : 'centre'));
      const ideas = [];
      for (const [title, cost] of [['Bike racks at the station', 800_000], ['Benches in the park', 300_000], ['Trees along the river', 1_000_000]] as const) {
        ideas.push(await h.submit(author, title, cost));
      }
      // Two moderators on two handles decide the first idea at once: exactly one wins.
      const [m1, m2] = await Promise.all([
        h.engine.moderateIdea('U-MOD1', ideas[0]!.id, 1, { outcome: 'eligible', comment: null }),
        second.engine.moderateIdea('U-MOD2', ideas[0]!.id, 1, { outcome: 'rejected', criterion: 'competence', comment: null }),
      ]);
      expect([m1.ok, m2.ok].filter(Boolean)).toHaveLength(1);
      if (!m1.ok) {
        // Make the first idea eligible anyway for the rest of the scenario.
        expect(m2.ok).toBe(true);
      }
      const firstState = (await h.stores.ideas.get(ideas[0]!.id))?.state;
      for (const idea of ideas.slice(1)) await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null });
      h.clock.set(T.review + 1);
      second.clock.set(T.review + 1);
      const finalists = firstState === 'eligible' ? ideas : ideas.slice(1);
      for (const idea of finalists) expect((await h.engine.selectFinalist('U-ADMIN', idea.id, true)).ok).toBe(true);
      h.clock.set(T.voting + 1);
      second.clock.set(T.voting + 1);
      await h.engine.tick();
      // Racing casts for one voter from two handles: versions 1..10 without gaps.
      const racing = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? h : second).engine.castBallot(voters[0]!, 'town', [{ ideaId: finalists[i % finalists.length]!.id }], `race-${i}`)),
      );
      expect(racing.map((r) => (r.ok ? r.value.ballot.version : 0)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (let i = 1; i < voters.length; i++) {
        expect((await h.engine.castBallot(voters[i]!, 'town', [{ ideaId: finalists[i % finalists.length]!.id }], `v-${i}`)).ok).toBe(true);
      }
      // A re-sent request changes nothing.
      expect(await h.engine.castBallot(voters[1]!, 'town', [{ ideaId: finalists[0]!.id }], 'v-1')).toMatchObject({ ok: true, value: { duplicate: true } });
      // Forget me after voting: still counted once, found again after re-registering.
      expect((await h.engine.forgetMe(voters[2]!)).ok).toBe(true);
      expect(await h.stores.ballots.countByEnvelope()).toEqual({ town: voters.length });
      await h.register(102, 'centre');
      expect((await h.engine.myBallots(voters[2]!)).length).toBe(1);
      // One millisecond after close: refused.
      h.clock.set(T.votingEnd + 1);
      expect(await h.engine.castBallot(voters[3]!, 'town', [{ ideaId: finalists[0]!.id }], 'late')).toMatchObject({ ok: false, code: 'voting.closed' });
      h.clock.set(T.votingEnd + DAY);
      const results = await h.engine.runTally('system:cli');
      if (!results.ok) throw new Error(results.code);
      const env = results.value.envelopes[0]!;
      expect(env.ballots).toBe(voters.length);
      expect(env.rows.reduce((s, r) => s + r.voters, 0)).toBe(voters.length);
      expect(env.spent).toBeLessThanOrEqual(env.budget);
      expect(env.spent).toBe(env.rows.filter((r) => r.funded).reduce((s, r) => s + r.cost, 0));
      h.clock.set(T.announced + 1);
      expect((await h.engine.tick()).state.phase).toBe('announced');
      const audit = await h.stores.audit.list(0, 10_000);
      expect(verifyChain(audit)).toBeNull();
      expect(audit.some((e) => e.action === 'tally.computed')).toBe(true);
      const figures = await h.engine.digestFigures();
      expect(figures.voters).toBe(voters.length);
      expect(figures.registered).toBe(voters.length + 1);
    });

    it('an early close by staff on another instance is seen by a process holding a cached phase state', async () => {
      fixture = await make();
      const a = harness(undefined, fixture.stores);
      const b = harness(undefined, await fixture.reopen());
      const author = await a.register(1);
      const voter = await a.register(2);
      const ideas = [await a.submit(author, 'Bike racks at the station'), await a.submit(author, 'Benches in the park')];
      for (const i of ideas) await a.engine.moderateIdea('U-MOD1', i.id, 1, { outcome: 'eligible', comment: null });
      a.clock.set(T.review + 1);
      for (const i of ideas) await a.engine.selectFinalist('U-ADMIN', i.id, true);
      a.clock.set(T.voting + 1);
      b.clock.set(T.voting + 1);
      await a.engine.tick();
      // Instance A votes once, so it now holds the phase state in its cache.
      expect((await a.engine.castBallot(voter, 'town', [{ ideaId: ideas[0]!.id }], 'r1')).ok).toBe(true);
      // Instance B: staff close voting early.
      a.clock.set(T.voting + DAY);
      b.clock.set(T.voting + DAY);
      expect(await b.engine.advancePhase('U-ADMIN', 'voting', 'closing early')).toMatchObject({ ok: true, value: { state: { phase: 'tallying' } } });
      // Instance A must refuse, though its cached windows still say voting is open.
      expect(await a.engine.castBallot(voter, 'town', [{ ideaId: ideas[1]!.id }], 'r2')).toMatchObject({ ok: false, code: 'voting.closed' });
      expect((await a.engine.myBallots(voter))[0]?.version).toBe(1);
    });
  });
}
