/** The Redis storage adapter: every storage port on one key prefix, and the leader lease. */
export { openRedisStores } from './redis-stores.ts';
export type { RedisStores, RedisStoresOptions } from './redis-stores.ts';
export { redisKeys } from './keys.ts';
export type { RedisKeys } from './keys.ts';
export { LeaderLease, runWhileLeader } from './leader-lease.ts';
export type { LeaderLeaseOptions, LeaseContender, RunWhileLeaderOptions } from './leader-lease.ts';
export { RedisStoreError, describeRedisUrl, secretsOf } from './redis-errors.ts';
export { isClusterUrl, parseClusterUrl } from './redis-url.ts';
export type { RedisClusterUrl, RedisNodeAddress } from './redis-url.ts';
export { hashTagOf, isCluster } from './redis-context.ts';
export type { RedisClient } from './redis-context.ts';
export { redisTransfer, openRedisTransfer, migratingMarkerKey } from './redis-transfer.ts';
export type { RedisTransfer, RedisTransferOptions, RedisTransferState, OpenRedisTransferOptions } from './redis-transfer.ts';
export { RedisSendBudget, tokenTag } from './telegram-send-budget.ts';
export type { RedisSendBudgetOptions } from './telegram-send-budget.ts';
