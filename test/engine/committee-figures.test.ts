/**
 * The committee's figures (App Home, `/pnyx status`): what the committee changes is fresh on
 * the very next reading; only the residents' part is reused for a minute, and read once for
 * concurrent readings.
 */
import { describe, expect, it } from 'vitest';
import { RESIDENT_FACTS_TTL_MS } from '../../core/engine/figures-usecases.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { harness } from '../support/engine-harness.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { testCampaign } from '../support/test-campaign.ts';

/** Memory stores counting the pages of residents read. */
function counted(): { stores: Stores; pages: () => number } {
  const stores = createMemoryStores();
  let pages = 0;
  const residents = stores.residents;
  const list = residents.list.bind(residents);
  residents.list = async (after, limit) => {
    pages++;
    return list(after, limit);
  };
  return { stores, pages: () => pages };
}

describe('committee figures', () => {
  it('agree with the digest figures, and show a decision and a phase move on the very next reading', async () => {
    const { stores } = counted();
    const h = harness(testCampaign(), stores);
    const author = await h.register(1);
    const idea = await h.submit(author, 'Bike racks at the station');
    expect(await h.engine.committeeFigures()).toEqual(await h.engine.digestFigures());
    expect((await h.engine.committeeFigures()).ideasByState).toEqual({ submitted: 1 });

    expect((await h.engine.moderateIdea('U-MOD1', idea.id, idea.version, { outcome: 'eligible', comment: null })).ok).toBe(true);
    const after = await h.engine.committeeFigures();
    expect(after.ideasByState).toEqual({ eligible: 1 });
    expect(after.backlog).toBe(0);
    expect(after).toEqual(await h.engine.digestFigures());

    expect((await h.engine.advancePhase('U-ADMIN', 'submission', 'enough')).ok).toBe(true);
    expect((await h.engine.committeeFigures()).phase).toBe('review');
  });

  it('read the residents once per minute, and once for concurrent readings', async () => {
    const { stores, pages } = counted();
    const h = harness(testCampaign(), stores);
    await h.register(1);
    await Promise.all([h.engine.committeeFigures(), h.engine.committeeFigures(), h.engine.committeeFigures()]);
    expect(pages()).toBe(1);
    const registered = (await h.engine.committeeFigures()).registered;
    expect(registered).toBe(1);
    expect(pages()).toBe(1);

    // A registration within the minute shows after it (the digest, exact, shows it at once).
    await h.register(2);
    h.clock.advance(RESIDENT_FACTS_TTL_MS - 1);
    expect((await h.engine.committeeFigures()).registered).toBe(1);
    expect((await h.engine.digestFigures()).registered).toBe(2);
    h.clock.advance(1);
    expect((await h.engine.committeeFigures()).registered).toBe(2);
  });

  it('a failed read of the residents is not kept', async () => {
    const stores = createMemoryStores();
    const h = harness(testCampaign(), stores);
    await h.register(1);
    const list = stores.residents.list.bind(stores.residents);
    let fail = true;
    stores.residents.list = async (after, limit) => {
      if (fail) throw new Error('store down');
      return list(after, limit);
    };
    await expect(h.engine.committeeFigures()).rejects.toThrow('store down');
    fail = false;
    expect((await h.engine.committeeFigures()).registered).toBe(1);
  });
});
