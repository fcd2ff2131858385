/**
 * Ballot secrecy in the Redis layout (SPEC §2.3): after a resident registers and votes, no
 * key and no value outside the resident's own record holds their id or Telegram id, and the
 * resident's record holds no voter key.
 */
import { afterEach, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { castRequest, resident, T0 } from '../contracts/contract-helpers.ts';
import { adminClient, describeWithRedis, keysUnder } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';

const make = makeRedisStores();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Every string stored under a key, whatever its type. */
async function contents(r: Redis, key: string): Promise<string[]> {
  const type = await r.type(key);
  if (type === 'string') return [(await r.get(key)) ?? ''];
  if (type === 'hash') return Object.entries(await r.hgetall(key)).flat();
  if (type === 'set') return r.smembers(key);
  if (type === 'zset') return r.zrange(key, '0', '-1');
  if (type === 'list') return r.lrange(key, 0, -1);
  throw new Error(`unexpected type ${type} of ${key}`);
}

describeWithRedis('Redis store: ballot secrecy', () => {
  it('no key or value links a resident id or Telegram id to a ballot', async () => {
    const f = await make();
    cleanups.push(() => f.cleanup());
    const { stores, prefix } = f;
    const residentId = 'tg:73914562';
    const keys = new VoterKeys('a-test-secret-of-32-characters!!');
    const voterKey = keys.ballotKey(residentId);
    expect(await stores.residents.save(resident(residentId, { telegramId: 73914562 }), null, {})).toBe('saved');
    const side = {
      audit: [{ at: T0, actor: 'system:engine', action: 'ballot.cast', subject: 'envelope:env-town', data: { slot: 'town' }, assisted: false }],
      outbox: [{ key: 'ballots.progress:env-town', recipient: { kind: 'committee' as const }, template: 'notify.turnout', params: { n: 1 }, notBefore: T0 }],
    };
    const cast = await stores.ballots.cast(castRequest(voterKey, 'upd-555001', { receipt: 'K7PQ2MWX9R' }), side);
    expect(cast.status).toBe('recorded');
    await stores.ballots.cast(castRequest(voterKey, 'upd-555002', { slot: 'area', envelopeId: 'env-north' }), {});

    const admin = adminClient();
    await admin.connect();
    try {
      const all = await keysUnder(admin, prefix);
      const residentKeys = new Set([stores.keys.resident(residentId), stores.keys.residentIds, stores.keys.subscribed]);
      const ballotKeys = all.filter((k) => k.includes(voterKey));
      expect(ballotKeys.sort()).toEqual([stores.keys.ballot('area', voterKey), stores.keys.ballot('town', voterKey)].sort());
      for (const key of all) {
        if (residentKeys.has(key)) {
          for (const v of await contents(admin, key)) expect(v).not.toContain(voterKey);
          continue;
        }
        expect(key).not.toContain(residentId);
        expect(key).not.toContain('73914562');
        for (const v of await contents(admin, key)) {
          expect(v, key).not.toContain(residentId);
          expect(v, key).not.toContain('73914562');
        }
      }
    } finally {
      admin.disconnect();
    }
  });
});
