import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { scriptSource } from '../../adapters/redis/scripts.ts';
import { adminClient, describeWithRedis } from '../support/redis.ts';

const LUA = `${scriptSource('includes/sha256')}\nreturn sha256_hex(ARGV[1])`;

function sha256(b: Buffer | string): string {
  return createHash('sha256').update(b).digest('hex');
}

describeWithRedis('SHA-256 in Redis Lua (audit chain)', () => {
  let redis: Redis;
  beforeAll(async () => {
    redis = adminClient();
    await redis.connect();
  });
  afterAll(() => redis.disconnect());

  const luaHash = (msg: Buffer | string): Promise<unknown> => redis.eval(LUA, 0, msg);

  it('matches node:crypto for every length 0..200 (padding boundaries 55/56/64/119/120)', async () => {
    for (let n = 0; n <= 200; n++) {
      const msg = randomBytes(n);
      expect(await luaHash(msg), `length ${n}`).toBe(sha256(msg));
    }
  });

  it('matches for UTF-8 text and long inputs', async () => {
    for (const text of ['', 'abc', 'Ça coûte 12 € — ok 👍', 'x'.repeat(10_000), `a\nb\n${'é'.repeat(333)}`]) {
      expect(await luaHash(text)).toBe(sha256(Buffer.from(text, 'utf8')));
    }
  });
});
