/**
 * What residents read in the bot (core/engine/browse-usecases.ts): the public idea list with
 * filters and pages, an idea by number (author-only when it is not public), my ideas, whether
 * I support an idea, and the area of a typed postcode.
 */
import { describe, expect, it } from 'vitest';
import type { Idea } from '../../core/ideas/idea.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { testCampaign } from '../support/test-campaign.ts';

const must = <T>(o: { ok: true; value: T } | { ok: false; code: string }): T => {
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
};

async function idea(h: Harness, author: string, title: string, category: string, area: string | null): Promise<Idea> {
  return must(await h.engine.submitIdea(author, { title, description: `A description long enough for ${title}, with details.`, category, area, cost: 500_000 }));
}

/**
 * Nine ideas numbered 1..9 by two authors: #1 rejected, #2 withdrawn, #3 merged into #4, #5
 * eligible, the rest submitted. Public: #4..#9 (six). Categories and areas vary; supports on #4 (2) and #6 (1).
 */
async function seeded() {
  const h = harness();
  const [ana, ben, cleo, dan] = [await h.register(1), await h.register(2, 'north'), await h.register(3), await h.register(4)];
  const ideas = [
    await idea(h, ana, 'Rejected road works', 'mobility', 'centre'), // 1
    await idea(h, ana, 'Withdrawn bike lane', 'mobility', 'centre'), // 2
    await idea(h, ben, 'Benches by the river', 'nature', 'north'), // 3
    await idea(h, ben, 'Benches along the Semois', 'nature', 'north'), // 4
    await idea(h, ana, 'Covered bike racks', 'mobility', 'centre'), // 5
    await idea(h, ben, 'A town-wide tree plan', 'nature', null), // 6
    await idea(h, ana, 'Bus shelter in the north', 'mobility', 'north'), // 7
    await idea(h, ben, 'Flower beds on the square', 'nature', 'centre'), // 8
    await idea(h, ana, 'Cycle path to school', 'mobility', null), // 9
  ];
  const [rejected, withdrawn, merged, into, eligible] = ideas as [Idea, Idea, Idea, Idea, Idea];
  must(await h.engine.moderateIdea('U-MOD1', rejected.id, 1, { outcome: 'rejected', criterion: 'competence', comment: 'Regional road' }));
  must(await h.engine.withdrawIdea(ana, withdrawn.id));
  must(await h.engine.moderateIdea('U-MOD1', merged.id, 1, { outcome: 'merged', into: into.id, comment: 'Same place.' }));
  must(await h.engine.moderateIdea('U-MOD1', eligible.id, 1, { outcome: 'eligible', comment: null }));
  must(await h.engine.supportIdea(cleo, into.id, true));
  must(await h.engine.supportIdea(dan, into.id, true));
  must(await h.engine.supportIdea(cleo, ideas[5]!.id, true));
  return { h, ana, ben, cleo, dan, ideas };
}

const numbers = (page: { items: readonly { idea: Idea }[] }) => page.items.map((i) => i.idea.number);

describe('browseIdeas', () => {
  it('lists only public ideas (no rejected, withdrawn or merged), newest first, with their supports', async () => {
    const { h } = await seeded();
    const page = must(await h.engine.browseIdeas({ page: 1, pageSize: 10 }));
    expect(numbers(page)).toEqual([9, 8, 7, 6, 5, 4]);
    expect(page).toMatchObject({ total: 6, page: 1, pages: 1 });
    expect(page.items.map((i) => i.supports)).toEqual([0, 0, 0, 1, 0, 2]);
    expect(page.items.map((i) => i.idea.state)).toEqual(['submitted', 'submitted', 'submitted', 'submitted', 'eligible', 'submitted']);
  });

  it('filters by category, by area (that area only, not town-wide ideas) and by both', async () => {
    const { h } = await seeded();
    expect(numbers(must(await h.engine.browseIdeas({ category: 'nature', page: 1, pageSize: 10 })))).toEqual([8, 6, 4]);
    expect(numbers(must(await h.engine.browseIdeas({ area: 'north', page: 1, pageSize: 10 })))).toEqual([7, 4]);
    expect(numbers(must(await h.engine.browseIdeas({ category: 'mobility', area: 'centre', page: 1, pageSize: 10 })))).toEqual([5]);
    expect(must(await h.engine.browseIdeas({ category: null, area: null, page: 1, pageSize: 10 })).total).toBe(6);
    const none = must(await h.engine.browseIdeas({ category: 'nature', area: 'north', page: 1, pageSize: 10 }));
    expect(numbers(none)).toEqual([4]);
  });

  it('refuses an unknown category or area, naming it', async () => {
    const { h } = await seeded();
    expect(await h.engine.browseIdeas({ category: 'space', page: 1, pageSize: 5 })).toEqual({ ok: false, code: 'browse.unknown_category', params: { category: 'space' } });
    expect(await h.engine.browseIdeas({ area: 'mars', page: 1, pageSize: 5 })).toEqual({ ok: false, code: 'browse.unknown_area', params: { area: 'mars' } });
  });

  it('pages: sizes clamped to 1..10, pages clamped into range, the last page short', async () => {
    const { h } = await seeded();
    const p = async (page: number, pageSize: number) => must(await h.engine.browseIdeas({ page, pageSize }));
    expect(await p(1, 4)).toMatchObject({ total: 6, page: 1, pages: 2 });
    expect(numbers(await p(2, 4))).toEqual([5, 4]);
    expect(await p(99, 4)).toMatchObject({ page: 2, pages: 2 });
    expect(numbers(await p(99, 4))).toEqual([5, 4]);
    expect(numbers(await p(0, 4))).toEqual([9, 8, 7, 6]);
    expect(numbers(await p(-3, 4))).toEqual([9, 8, 7, 6]);
    expect(await p(Number.NaN, 4)).toMatchObject({ page: 1 });
    expect(await p(2.7, 4)).toMatchObject({ page: 2 });
    const one = await p(3, 0);
    expect(one).toMatchObject({ page: 3, pages: 6 });
    expect(numbers(one)).toEqual([7]);
    expect(await p(1, 50)).toMatchObject({ pages: 1 });
    expect(numbers(await p(1, 50))).toHaveLength(6);
    expect((await p(1, 11)).items).toHaveLength(6);
  });

  it('caps a page at ten ideas', async () => {
    const h = harness();
    const author = await h.register(1);
    for (let i = 1; i <= 12; i++) await h.submit(author, `Idea number ${i} for the town`);
    const first = must(await h.engine.browseIdeas({ page: 1, pageSize: 100 }));
    expect(first).toMatchObject({ total: 12, pages: 2 });
    expect(numbers(first)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(numbers(must(await h.engine.browseIdeas({ page: 2, pageSize: 100 })))).toEqual([2, 1]);
  });

  it('answers an empty list as one empty page', async () => {
    const h = harness();
    expect(await h.engine.browseIdeas({ page: 3, pageSize: 5 })).toEqual({ ok: true, value: { items: [], total: 0, page: 1, pages: 1 } });
  });
});

describe('ideaByNumber', () => {
  it('shows a public idea to anyone, with supports', async () => {
    const { h, cleo, ideas } = await seeded();
    expect(await h.engine.ideaByNumber(4, null)).toMatchObject({ ok: true, value: { idea: { id: ideas[3]!.id, number: 4 }, supports: 2 } });
    expect(await h.engine.ideaByNumber(5, cleo)).toMatchObject({ ok: true, value: { idea: { number: 5, state: 'eligible' }, supports: 0 } });
  });

  it('shows a rejected, withdrawn or merged idea to its author only; to anyone else it does not exist', async () => {
    const { h, ana, ben, cleo } = await seeded();
    expect(await h.engine.ideaByNumber(1, ana)).toMatchObject({ ok: true, value: { idea: { number: 1, state: 'rejected' } } });
    expect(await h.engine.ideaByNumber(2, ana)).toMatchObject({ ok: true, value: { idea: { number: 2, state: 'withdrawn' } } });
    expect(await h.engine.ideaByNumber(3, ben)).toMatchObject({ ok: true, value: { idea: { number: 3, state: 'merged' } } });
    for (const [n, viewer] of [[1, cleo], [1, ben], [1, null], [2, ben], [3, ana], [3, null]] as const) {
      expect(await h.engine.ideaByNumber(n, viewer), `#${n} for ${viewer}`).toEqual({ ok: false, code: 'idea.unknown', params: {} });
    }
  });

  it('answers idea.unknown for a number never handed out or not a number at all', async () => {
    const { h, ana } = await seeded();
    for (const n of [10, 0, -1, 1.5, Number.NaN]) expect(await h.engine.ideaByNumber(n, ana), String(n)).toEqual({ ok: false, code: 'idea.unknown', params: {} });
  });
});

describe('myIdeas and hasSupported', () => {
  it("lists the resident's own ideas in every state, newest first, with supports, and nobody else's", async () => {
    const { h, ana, ben, cleo } = await seeded();
    const mine = await h.engine.myIdeas(ana);
    expect(mine.map((i) => [i.idea.number, i.idea.state])).toEqual([
      [9, 'submitted'],
      [7, 'submitted'],
      [5, 'eligible'],
      [2, 'withdrawn'],
      [1, 'rejected'],
    ]);
    expect((await h.engine.myIdeas(ben)).map((i) => [i.idea.number, i.supports])).toEqual([
      [8, 0],
      [6, 1],
      [4, 2],
      [3, 0],
    ]);
    expect(await h.engine.myIdeas(cleo)).toEqual([]);
  });

  it('tells whether this resident supports an idea, following support and its removal', async () => {
    const { h, cleo, dan, ideas } = await seeded();
    const [six, seven] = [ideas[5]!, ideas[6]!];
    expect(await h.engine.hasSupported(cleo, six.id)).toBe(true);
    expect(await h.engine.hasSupported(dan, six.id)).toBe(false);
    expect(await h.engine.hasSupported(cleo, seven.id)).toBe(false);
    must(await h.engine.supportIdea(cleo, six.id, false));
    expect(await h.engine.hasSupported(cleo, six.id)).toBe(false);
    must(await h.engine.supportIdea(dan, seven.id, true));
    expect(await h.engine.hasSupported(dan, seven.id)).toBe(true);
    expect(await h.engine.hasSupported(cleo, seven.id)).toBe(false);
    expect(await h.engine.hasSupported(dan, 'idea_nope')).toBe(false);
  });
});

describe('areaForPostcode', () => {
  const campaign = testCampaign({
    areas: [
      { id: 'centre', name: { fr: 'Centre', en: 'Centre' }, postcodes: ['6880'] },
      { id: 'north', name: { fr: 'Nord', en: 'North' }, postcodes: ['6881', 'SW1A 1AA'] },
      { id: 'none', name: { fr: 'Aucun', en: 'None' }, postcodes: [] },
    ],
  });

  it('finds the area of a postcode whatever its spaces and case', async () => {
    const h = harness(campaign);
    expect(await h.engine.areaForPostcode('6880')).toEqual({ ok: true, value: 'centre' });
    expect(await h.engine.areaForPostcode(' 6881 ')).toEqual({ ok: true, value: 'north' });
    expect(await h.engine.areaForPostcode('68 81')).toEqual({ ok: true, value: 'north' });
    expect(await h.engine.areaForPostcode('sw1a1aa')).toEqual({ ok: true, value: 'north' });
    expect(await h.engine.areaForPostcode('Sw1A  1aA\n')).toEqual({ ok: true, value: 'north' });
  });

  it('refuses a postcode no area lists, naming it as typed (trimmed)', async () => {
    const h = harness(campaign);
    expect(await h.engine.areaForPostcode(' 6882 ')).toEqual({ ok: false, code: 'registration.unknown_postcode', params: { postcode: '6882' } });
    expect(await h.engine.areaForPostcode('688')).toMatchObject({ ok: false, code: 'registration.unknown_postcode' });
    expect(await h.engine.areaForPostcode('   ')).toEqual({ ok: false, code: 'registration.unknown_postcode', params: { postcode: '' } });
  });
});
