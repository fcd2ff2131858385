/** The contract-suite fixture of the Redis stores: a unique prefix per test, a second connection on `reopen()`. */
import { openRedisStores } from '../../adapters/redis/index.ts';
import type { RedisStores, RedisStoresOptions } from '../../adapters/redis/index.ts';
import type { MakeStores, StoresFixture } from '../contracts/stores-fixture.ts';
import { deletePrefix, redisUrl, uniquePrefix } from '../support/redis.ts';

/** Opens stores on a fresh prefix; `cleanup` quits every handle and deletes the prefix's keys. */
export function makeRedisStores(extra: Partial<RedisStoresOptions> = {}): MakeStores & (() => Promise<StoresFixture & { stores: RedisStores; prefix: string }>) {
  return async () => {
    const prefix = uniquePrefix('c');
    const open = (): Promise<RedisStores> => openRedisStores({ url: redisUrl, prefix, connectTimeoutMs: 2000, ...extra });
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
