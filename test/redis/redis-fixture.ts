/** The contract-suite fixture of the Redis stores: a unique prefix per test, a second connection on `reopen()`. */
import { openRedisStores } from '../../adapters/redis/index.ts';
import type { RedisStores, RedisStoresOptions } from '../../adapters/redis/index.ts';
import type { StoresFixture } from '../contracts/stores-fixture.ts';
import { deletePrefix, redisUrl, uniquePrefix } from '../support/redis.ts';

/** A contract fixture with the Redis-specific handles. */
export interface RedisFixture extends StoresFixture {
  readonly stores: RedisStores;
  readonly prefix: string;
  reopen(): Promise<RedisStores>;
}

/**
 * Opens stores on a fresh prefix; `cleanup` quits every handle and deletes the prefix's keys.
 * Every script runs key-checked: one touching a key not passed in KEYS fails the test.
 */
export function makeRedisStores(extra: Partial<RedisStoresOptions> = {}): () => Promise<RedisFixture> {
  return async () => {
    const prefix = uniquePrefix('c');
    const open = (): Promise<RedisStores> => openRedisStores({ url: redisUrl, prefix, connectTimeoutMs: 2000, checkScriptKeys: true, ...extra });
    const handles: RedisStores[] = [await open()];
    return {
      prefix,
      stores: handles[0] as RedisStores,
      async reopen() {
        const s = await open();
        handles.push(s);
        return s;
      },
      async cleanup() {
        for (const h of handles.splice(0)) await h.close();
        await deletePrefix(prefix);
      },
    };
  };
}
