import { describeEngineScenarios } from '../contracts/engine-scenarios.ts';
import { describeWithRedis } from '../support/redis.ts';
import { makeRedisStores } from './redis-fixture.ts';

describeWithRedis('Redis stores: engine scenarios', () => {
  describeEngineScenarios('redis', makeRedisStores());
});
