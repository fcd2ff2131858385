/**
 * Running the count (SPEC §2.3) more than once, and under contention: a re-run notifies the
 * committee once, and a count that could not mark every finalist says so instead of storing
 * results that disagree with the ideas' states.
 */
import { describe, expect, it } from 'vitest';
import type { IdeaStore } from '../../core/ports/idea-store.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { DAY, HOUR, T, testCampaign } from '../support/test-campaign.ts';

/** Three finalists, five ballots, the clock a day into tallying. */
async function toTallying(h: Harness): Promise<string[]> {
  const author = await h.register(1000);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const idea = await h.submit(author, `Idea number ${i + 1} for the town`, 500_000 + i * 100_000);
    await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null });
    ids.push(idea.id);
  }
  h.clock.set(T.review + 1);
  for (const id of ids) await h.engine.selectFinalist('U-ADMIN', id, true);
  h.clock.set(T.voting + 1);
  await h.engine.tick();
  for (let i = 0; i < 5; i++) {
    const voter = await h.register(100 + i);
    expect((await h.engine.castBallot(voter, 'town', [{ ideaId: ids[i % 2]! }], `r${i}`)).ok).toBe(true);
  }
  h.clock.set(T.votingEnd + DAY);
  return ids;
}

/** An idea store where someone else saves the idea right after every read (every version read is stale). */
function contended(inner: IdeaStore): IdeaStore {
  return new Proxy(inner, {
    get(target, name, receiver) {
      if (name !== 'get') return Reflect.get(target, name, receiver) as unknown;
      return async (id: string) => {
        const idea = await target.get(id);
        if (idea !== null) await target.save({ ...idea, updatedAt: idea.updatedAt + 1 }, idea.version, {});
        return idea;
      };
    },
  });
}

describe('runTally', () => {
  it('a re-run later gives the same results and notifies the committee once', async () => {
    const h = harness();
    await toTallying(h);
    const first = await h.engine.runTally('cli');
    h.clock.advance(3 * HOUR);
    const second = await h.engine.runTally('cli');
    if (!first.ok || !second.ok) throw new Error('tally refused');
    expect(second.value.envelopes).toEqual(first.value.envelopes);
    expect(second.value.computedAt).toBe(first.value.computedAt + 3 * HOUR);
    const notices = (await h.stores.outbox.list(0, 500)).filter((m) => m.template === 'committee.tally_computed');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.key).toMatch(/^tally:[0-9a-f]{24}:committee$/);
  });

  it('gives up with tally.busy after repeated conflicts, storing no results; a later run completes', async () => {
    const memory = createMemoryStores();
    const h = harness(testCampaign(), memory);
    const ids = await toTallying(h);
    const busy = harness(testCampaign(), { ...memory, ideas: contended(memory.ideas) } satisfies Stores, h.clock.now());
    expect(await busy.engine.runTally('cli')).toEqual({ ok: false, code: 'tally.busy', params: { unsettled: 3 } });
    expect(await memory.campaign.loadResults()).toBeNull();
    expect((await memory.outbox.list(0, 500)).filter((m) => m.template === 'committee.tally_computed')).toEqual([]);
    for (const id of ids) expect((await memory.ideas.get(id))?.state).toBe('finalist');
    const done = await h.engine.runTally('cli');
    expect(done.ok).toBe(true);
    expect(await memory.campaign.loadResults()).not.toBeNull();
    expect((await memory.ideas.get(ids[0]!))?.state).toBe('winner');
  });
});
