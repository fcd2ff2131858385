/**
 * The scenario of the secrecy tests: a real resident registers through the engine (Telegram
 * id, display name, area) and votes with `engine.castBallot` in their area ballot and twice in
 * the town-wide one, on the given stores. The tests then scan the backend for that resident.
 */
import { expect } from 'vitest';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { harness, TEST_SECRET } from './engine-harness.ts';
import { T, testCampaign } from './test-campaign.ts';

/** Who voted, and the strings that would link them to their ballots. */
export interface Voted {
  readonly residentId: string;
  readonly voterKey: string;
  /** Resident id, Telegram id and display name: none may appear outside the resident's record. */
  readonly personal: readonly string[];
}

const campaign = testCampaign({
  envelopes: [
    { id: 'town', name: { fr: 'C', en: 'T' }, area: null, amount: 2_000_000 },
    { id: 'north', name: { fr: 'N', en: 'N' }, area: 'north', amount: 1_000_000 },
  ],
});

export async function voteAsRealResident(stores: Stores): Promise<Voted> {
  const h = harness(campaign, stores);
  const telegramId = 73914562;
  const name = 'Zéphyrine Quintal';
  const voter = (await h.engine.openResident(telegramId, name, 'fr')).id;
  for (const a of [
    { step: 'language', locale: 'fr' },
    { step: 'consent', accepted: true },
    { step: 'age', band: '35-64' },
    { step: 'area', area: 'north' },
  ] as const) {
    expect((await h.engine.answerRegistration(voter, a)).ok).toBe(true);
  }
  const author = await h.register(1000, 'centre');
  const ideas: string[] = [];
  for (const [title, area] of [['North square benches', 'north'], ['North path lights', 'north'], ['Town hall garden', null], ['Town bike lanes', null]] as const) {
    const idea = await h.submit(author, title, 500_000, area);
    expect((await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null })).ok).toBe(true);
    ideas.push(idea.id);
  }
  h.clock.set(T.review + 1);
  for (const id of ideas) expect((await h.engine.selectFinalist('U-ADMIN', id, true)).ok).toBe(true);
  h.clock.set(T.voting + 1);
  await h.engine.tick();
  expect(await h.engine.castBallot(voter, 'area', [{ ideaId: ideas[0]! }], 'upd-555001')).toMatchObject({ ok: true });
  expect(await h.engine.castBallot(voter, 'town', [{ ideaId: ideas[2]! }], 'upd-555002')).toMatchObject({ ok: true });
  expect(await h.engine.castBallot(voter, 'town', [{ ideaId: ideas[3]! }], 'upd-555003')).toMatchObject({ ok: true, value: { replaced: true } });
  return { residentId: voter, voterKey: new VoterKeys(TEST_SECRET).ballotKey(voter), personal: [voter, String(telegramId), name] };
}
