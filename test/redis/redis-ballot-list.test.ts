/**
 * `BallotBox.list` on Redis reads an envelope in pages (SSCAN + one short script a page):
 * an envelope several pages long comes back whole, ordered, each ballot once — also while
 * casts grow the index (a growing set is rehashed, and SSCAN may then repeat members).
 */
import { afterEach, expect, it } from 'vitest';
import { LIST_PAGE } from '../../adapters/redis/redis-ballot-box.ts';
import { castRequest, range } from '../contracts/contract-helpers.ts';
import { describeWithRedis } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';
import type { RedisFixture } from './redis-fixture.ts';

const make = makeRedisStores();
const made: RedisFixture[] = [];
afterEach(async () => {
  for (const f of made.splice(0)) await f.cleanup();
});

const vk = (i: number): string => `vk-${String(i).padStart(5, '0')}`;
const N = 2 * LIST_PAGE + 137;

describeWithRedis('Redis BallotBox.list in pages', () => {
  it(`lists ${N} ballots (three pages) whole, in voter-key order, each once at its current version`, async () => {
    const f = await make();
    made.push(f);
    const { stores } = f;
    await Promise.all(range(0, N - 1).map((i) => stores.ballots.cast(castRequest(vk(i), `rq-${i}`), {})));
    await Promise.all(range(0, 99).map((i) => stores.ballots.cast(castRequest(vk(i * 7), `rq2-${i}`, { choices: [{ ideaId: 'idea_z', points: 1 }] }), {})));
    // Ballots of the other slot and envelope stay out.
    await stores.ballots.cast(castRequest(vk(3), 'rq-area', { slot: 'area', envelopeId: 'env-north' }), {});
    const listed = await stores.ballots.list('env-town');
    expect(listed.map((b) => b.voterKey)).toEqual(range(0, N - 1).map(vk));
    expect(listed.filter((b) => b.version === 2).map((b) => b.voterKey)).toEqual(range(0, 99).map((i) => vk(i * 7)));
    expect(listed.find((b) => b.voterKey === vk(7))).toMatchObject({ slot: 'town', version: 2, choices: [{ ideaId: 'idea_z', points: 1 }], requestId: 'rq2-1' });
    expect(await stores.ballots.list('env-north')).toHaveLength(1);
  });

  it('while casts grow the envelope: every ballot there before is listed once, none twice', async () => {
    const f = await make();
    made.push(f);
    const { stores } = f;
    const before = LIST_PAGE + 300;
    await Promise.all(range(0, before - 1).map((i) => stores.ballots.cast(castRequest(vk(i), `rq-${i}`), {})));
    const [listed] = await Promise.all([
      stores.ballots.list('env-town'),
      Promise.all(range(before, before + 3 * LIST_PAGE).map((i) => stores.ballots.cast(castRequest(vk(i), `rq-${i}`), {}))),
      Promise.all(range(0, 199).map((i) => stores.ballots.cast(castRequest(vk(i * 3), `rq2-${i}`), {}))),
    ]);
    const keys = listed.map((b) => b.voterKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual(keys);
    for (const i of range(0, before - 1)) expect(keys.includes(vk(i)), vk(i)).toBe(true);
  });
});
