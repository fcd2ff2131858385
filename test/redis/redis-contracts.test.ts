import { describeStoreContracts } from '../contracts/index.ts';
import { describeWithRedis } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';

describeWithRedis('Redis stores', () => {
  describeStoreContracts('redis', makeRedisStores());
});
