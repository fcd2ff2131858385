/**
 * Ballot secrecy in the Redis layout (SPEC §2.3), end to end: after a real resident votes
 * through the engine (test/support/secrecy-scenario.ts), no key and no value outside the
 * resident's own record holds their resident id, Telegram id or name, the resident's record
 * holds no voter key, and only the two ballot keys name the voter key.
 */
import { afterEach, expect, it } from 'vitest';
import { adminClient, describeWithRedis, keyContents as contents, keysUnder } from '../support/redis.ts';
import { voteAsRealResident } from '../support/secrecy-scenario.ts';
import { makeRedisStores } from './redis-fixture.ts';

const make = makeRedisStores();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describeWithRedis('Redis store: ballot secrecy', () => {
  it('after a resident votes through the engine, no key or value outside their record links them to a ballot', async () => {
    const f = await make();
    cleanups.push(() => f.cleanup());
    const { stores, prefix } = f;
    const { residentId, voterKey, personal } = await voteAsRealResident(stores);
    const admin = adminClient();
    await admin.connect();
    try {
      const all = await keysUnder(admin, prefix);
      const residentKeys = new Set([stores.keys.resident(residentId), stores.keys.residentIds, stores.keys.subscribed]);
      // The scan covers what the vote wrote: both ballots are there, under the voter key.
      expect(all.filter((k) => k.includes(voterKey)).sort()).toEqual([stores.keys.ballot('area', voterKey), stores.keys.ballot('town', voterKey)].sort());
      expect((await contents(admin, stores.keys.resident(residentId))).join('\n')).toContain(personal[1]);
      for (const key of all) {
        const values = await contents(admin, key);
        if (residentKeys.has(key)) {
          for (const v of values) expect(v, key).not.toContain(voterKey);
          continue;
        }
        for (const p of personal) {
          expect(key).not.toContain(p);
          for (const v of values) expect(v, key).not.toContain(p);
        }
      }
    } finally {
      admin.disconnect();
    }
  });
});
