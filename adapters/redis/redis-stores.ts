/**
 * `openRedisStores`: every storage port of one campaign on one Redis key prefix. Several
 * processes may open the same prefix at once (several bot instances): every multi-key change
 * is one Lua script, every write is idempotent under ioredis's re-send after a reconnect.
 */
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Stores } from '../../core/ports/stores.ts';
import { redisKeys } from './keys.ts';
import { RedisStoreError } from './redis-errors.ts';
import type { RedisKeys } from './keys.ts';
import { LeaderLease } from './leader-lease.ts';
import { RedisAuditLog } from './redis-audit-log.ts';
import { RedisBallotBox } from './redis-ballot-box.ts';
import { RedisBroadcastStore } from './redis-broadcast-store.ts';
import { RedisCampaignStore } from './redis-campaign-store.ts';
import { RedisChatState } from './redis-chat-state.ts';
import { RedisContext, checkPrefixFor, connectRedis } from './redis-context.ts';
import type { RedisClient } from './redis-context.ts';
import { isClusterUrl } from './redis-url.ts';
import { RedisIdeaStore } from './redis-idea-store.ts';
import { RedisMessageReferences } from './redis-message-references.ts';
import { RedisOutbox } from './redis-outbox.ts';
import { RedisProcessedUpdates } from './redis-processed-updates.ts';
import { RedisQuestionStore } from './redis-question-store.ts';
import { RedisResidentStore } from './redis-resident-store.ts';

/** Options of `openRedisStores`. */
export interface RedisStoresOptions {
  /**
   * Redis URL: `redis://…` / `rediss://…` for one server, `redis+cluster://host:port,…` /
   * `rediss+cluster://…` for a Redis Cluster (redis-url.ts). From the environment: it may hold
   * a password, which never reaches a log or error.
   */
  readonly url: string;
  /**
   * Key prefix of the campaign, e.g. `pnyx:{bertrix-2026}:`. Its hash tag `{…}` keeps the
   * campaign in one slot; on a cluster a prefix without one is refused.
   */
  readonly prefix: string;
  /** Parent logger; the store logs through a `module: redis-store` child. Default: silent. */
  readonly logger?: Logger;
  /** Give up the first connection after this long (ms). Default 5,000. */
  readonly connectTimeoutMs?: number;
  /** A command without reply fails after this long (ms), then is retried when safe. Default 15,000. */
  readonly commandTimeoutMs?: number;
  /** How long a write's reply is kept to answer a re-send of it (ms). Default 600,000 (10 min). */
  readonly doneTtlMs?: number;
  /** Request ids of write calls (default: 96 random bits). Tests pass a fixed one to simulate a re-send. */
  readonly newRequestId?: () => string;
  /**
   * Test aid: every script fails when it touches a key not passed in KEYS (scripts.ts
   * `keyCheckedSource`), the rule Redis Cluster relies on but does not check. Default false.
   */
  readonly checkScriptKeys?: boolean;
}

/** The Redis stores: the ports plus what the composition root needs for leases. */
export interface RedisStores extends Stores {
  /** The keys of this prefix. */
  readonly keys: RedisKeys;
  /** The connection, to a server or a cluster (shared with the leases made by `leaderLease`). */
  readonly client: RedisClient;
  /** A contender for the lease `name` (e.g. `scheduler`) of this campaign. */
  leaderLease(name: string, ttlMs: number): LeaderLease;
}

/** Connects to Redis and returns the stores of `prefix`; rejects with a clear, secret-free error. */
export async function openRedisStores(options: RedisStoresOptions): Promise<RedisStores> {
  if (options.prefix === '') throw new Error('openRedisStores: prefix must not be empty');
  checkPrefixFor(isClusterUrl(options.url), options.prefix, 'open');
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ module: 'redis-store' });
  const redis = await connectRedis({
    url: options.url,
    logger,
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    commandTimeoutMs: options.commandTimeoutMs ?? 15_000,
    connectionName: 'pnyx-store',
  });
  const keys = redisKeys(options.prefix);
  if ((await redis.exists(keys.migrating)) === 1) {
    redis.disconnect();
    throw new RedisStoreError('open', `a restore into this prefix did not finish (key ${keys.migrating}); delete the prefix's keys and run pnyx migrate again`, 'PartialRestore');
  }
  const ctx = new RedisContext(redis, keys, {
    url: options.url,
    logger,
    doneTtlMs: options.doneTtlMs ?? 600_000,
    ...(options.newRequestId === undefined ? {} : { newRequestId: options.newRequestId }),
    ...(options.checkScriptKeys === undefined ? {} : { checkScriptKeys: options.checkScriptKeys }),
  });
  let closed = false;
  return {
    keys,
    client: redis,
    campaign: new RedisCampaignStore(ctx),
    residents: new RedisResidentStore(ctx),
    ideas: new RedisIdeaStore(ctx),
    questions: new RedisQuestionStore(ctx),
    ballots: new RedisBallotBox(ctx),
    outbox: new RedisOutbox(ctx),
    messageRefs: new RedisMessageReferences(ctx),
    processed: new RedisProcessedUpdates(ctx),
    chat: new RedisChatState(ctx),
    audit: new RedisAuditLog(ctx),
    // Redis keeps nothing of a deleted key beyond it (persistence files: docs/ARCHITECTURE.md, "Erasure").
    purgeDeleted: async () => 'purged',
    broadcasts: new RedisBroadcastStore(ctx),
    leaderLease: (name, ttlMs) => new LeaderLease({ redis, key: keys.lease(name), ttlMs }),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await redis.quit();
      } catch {
        // already gone: nothing left to release
        redis.disconnect();
      }
    },
  };
}
