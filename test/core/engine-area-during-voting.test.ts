/**
 * A resident's area decides their area ballot, and the vote path reuses an eligible
 * resident's record for a few seconds (EngineCache.eligible). So while voting is open the
 * area is fixed once chosen, and a record read before voting opened is never reused.
 */
import { describe, expect, it } from 'vitest';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { harness, TEST_SECRET } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { SequentialIds } from '../support/sequential-ids.ts';
import { T, testCampaign } from '../support/test-campaign.ts';

const byArea = testCampaign({
  envelopes: [
    { id: 'town', name: { fr: 'C', en: 'T' }, area: null, amount: 2_000_000 },
    { id: 'north', name: { fr: 'N', en: 'N' }, area: 'north', amount: 1_000_000 },
    { id: 'centre', name: { fr: 'Ce', en: 'Ce' }, area: 'centre', amount: 1_000_000 },
  ],
});

/** Two finalists in each of north and centre, picked in review; the clock left in review. */
async function finalists(h: Harness): Promise<{ north: Idea[]; centre: Idea[] }> {
  const author = await h.register(900, 'centre');
  const out = { north: [] as Idea[], centre: [] as Idea[] };
  for (const area of ['north', 'centre'] as const) {
    for (const n of [1, 2]) {
      const idea = await h.submit(author, `Idea ${n} for the ${area} area`, 400_000, area);
      await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null });
      out[area].push(idea);
    }
  }
  h.clock.set(T.review + 1);
  for (const idea of [...out.north, ...out.centre]) await h.engine.selectFinalist('U-ADMIN', idea.id, true);
  return out;
}

describe('area changes and the eligibility memo', () => {
  it('while voting is open an area once chosen is fixed, on every instance; before and after, it may change', async () => {
    const h = harness(byArea);
    const voter = await h.register(1, 'north');
    const ideas = await finalists(h);
    // Before voting an area may still change (and change back).
    expect(await h.engine.answerRegistration(voter, { step: 'area', area: 'centre' })).toMatchObject({ ok: true, value: { area: 'centre' } });
    expect(await h.engine.answerRegistration(voter, { step: 'area', area: 'north' })).toMatchObject({ ok: true, value: { area: 'north' } });
    h.clock.set(T.voting + 1);
    await h.engine.tick();
    const other = createEngine({ campaign: byArea, stores: h.stores, clock: h.clock, ids: new SequentialIds(5000), keys: new VoterKeys(TEST_SECRET) });
    // This instance remembers the voter as eligible, in the north.
    expect((await h.engine.castBallot(voter, 'area', [{ ideaId: ideas.north[0]!.id }], 'c1')).ok).toBe(true);
    for (const engine of [h.engine, other]) {
      expect(await engine.answerRegistration(voter, { step: 'area', area: 'centre' })).toMatchObject({ ok: false, code: 'registration.area_locked', params: { closesAt: T.votingEnd } });
    }
    // Answering the same area again is no change, and a newcomer still chooses theirs.
    expect((await other.answerRegistration(voter, { step: 'area', area: 'north' })).ok).toBe(true);
    const newcomer = await h.register(2, 'centre');
    expect((await h.engine.castBallot(newcomer, 'area', [{ ideaId: ideas.centre[0]!.id }], 'n1')).ok).toBe(true);
    // The area ballot stays the north one, whichever instance is asked.
    for (const engine of [h.engine, other]) {
      expect(await engine.castBallot(voter, 'area', [{ ideaId: ideas.centre[1]!.id }], `c2-${engine === other}`)).toMatchObject({ ok: false, code: 'ballot.unknown_idea' });
    }
    expect(await h.stores.ballots.countByEnvelope()).toEqual({ north: 1, centre: 1 });
    expect((await h.stores.residents.get(voter))?.area).toBe('north');
    h.clock.set(T.votingEnd);
    expect(await h.engine.answerRegistration(voter, { step: 'area', area: 'centre' })).toMatchObject({ ok: true, value: { area: 'centre' } });
  });

  it('an eligibility read before voting opened is not reused once it opens, whichever instance changed the area', async () => {
    const h = harness(byArea);
    const voter = await h.register(1, 'north');
    const ideas = await finalists(h);
    expect(await h.engine.castBallot(voter, 'area', [{ ideaId: ideas.north[0]!.id }], 'early')).toMatchObject({ ok: false, code: 'voting.not_yet' });
    const other = createEngine({ campaign: byArea, stores: h.stores, clock: h.clock, ids: new SequentialIds(5000), keys: new VoterKeys(TEST_SECRET) });
    expect((await other.answerRegistration(voter, { step: 'area', area: 'centre' })).ok).toBe(true);
    h.clock.set(T.voting + 1);
    await h.engine.tick();
    const cast = await h.engine.castBallot(voter, 'area', [{ ideaId: ideas.centre[0]!.id }], 'open');
    expect(cast).toMatchObject({ ok: true, value: { ballot: { envelopeId: 'centre' } } });
    expect(await h.stores.ballots.countByEnvelope()).toEqual({ centre: 1 });
  });
});
