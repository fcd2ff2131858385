/**
 * What every Redis port shares: the connection, the keys, the scripts, the write frame
 * (adapters/redis/lua/includes/write-frame.lua) and the retry/error policy.
 */
import { randomBytes } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { canonicalJson } from '../../core/audit/audit-chain.ts';
import type { OutboxDraft, SideRecords } from '../../core/ports/side-records.ts';
import type { BroadcastDraft } from '../../core/broadcasts/broadcast.ts';
import type { RedisKeys } from './keys.ts';
import { broadcastMember } from './keys.ts';
import { defineScripts } from './scripts.ts';
import type { ScriptName, ScriptRunner } from './scripts.ts';
import { RedisStoreError, describeRedisUrl, isConnectionError, redact, secretsOf, wrapError } from './redis-errors.ts';
import { isClusterUrl, parseClusterUrl } from './redis-url.ts';

/**
 * A connection to one Redis server or to a Redis Cluster. Every key of one campaign shares
 * the prefix's hash tag, so on a cluster each command and script of a store goes to the one
 * master that holds the campaign's slot.
 */
export type RedisClient = Redis | Cluster;

/** True when `client` talks to a Redis Cluster. */
export function isCluster(client: RedisClient): client is Cluster {
  return client instanceof Cluster;
}

/**
 * The hash tag of a key prefix (`bertrix` of `pnyx:{bertrix}:`), or null when it has none.
 * As Redis reads it: the text between the first `{` and the next `}`, if not empty.
 */
export function hashTagOf(prefix: string): string | null {
  const open = prefix.indexOf('{');
  const close = open < 0 ? -1 : prefix.indexOf('}', open + 1);
  return close > open + 1 ? prefix.slice(open + 1, close) : null;
}

/** Refuses a prefix without hash tag on a cluster: its multi-key scripts would span slots. */
export function checkPrefixFor(cluster: boolean, prefix: string, op: string): void {
  if (cluster && hashTagOf(prefix) === null) {
    throw new RedisStoreError(op, `on Redis Cluster the key prefix needs a hash tag, e.g. pnyx:{campaign}: (got ${prefix})`, 'NoHashTag');
  }
}

/** Connection settings of one store handle. */
export interface ConnectOptions {
  /** `redis://`, `rediss://`, or `redis+cluster://` / `rediss+cluster://` with seed nodes (redis-url.ts). */
  readonly url: string;
  readonly logger: Logger;
  /** Give up connecting after this long (ms). */
  readonly connectTimeoutMs: number;
  /** A command without a reply after this long fails (ms); it is then retried when safe. */
  readonly commandTimeoutMs: number;
  /** Shown in CLIENT LIST. */
  readonly connectionName: string;
}

const coalesced = new WeakSet<object>();
/** Per client (a server, or a cluster: each of its nodes), what writes its held commands now. */
const releases = new WeakMap<RedisClient, Set<() => void>>();

/**
 * Commands held back at most before the socket is written anyway (see `coalesceWrites`).
 * Engine casts on Redis, 64 in flight, 2 shared cores, one paired series: a write per 16
 * commands 30,100–31,600 casts/s (event loop busy 88–90 % of the time), per 4 commands
 * 22,300–22,800 (more writes), a whole turn at once 16,800–17,300 (busy 77–79 %: waiting on
 * the server while it worked through the burst).
 */
export const COALESCE_MAX_COMMANDS = 16;

/**
 * Coalesces the commands written in one turn of the event loop into few socket writes (cork
 * until the turn ends): when many residents vote at once, a write syscall per command is most
 * of the client's cost. Commands, their order and their replies are unchanged — unlike
 * pipelining, nothing waits for anything else. A burst is written every
 * COALESCE_MAX_COMMANDS commands rather than in one piece at the end of the turn, so the
 * server works on its first commands while this process builds the rest: with a whole turn
 * held back, the two took turns instead (one idle while the other worked, as a profile of
 * 64 casts in flight showed). Applied to each new socket (after reconnects); on a cluster to
 * the socket of each node, where the commands of one campaign all go.
 */
function coalesceWrites(redis: Redis, owner: RedisClient = redis): void {
  const stream = (redis as unknown as { stream?: { write: (...a: unknown[]) => boolean; cork(): void; uncork(): void; on(event: 'close', fn: () => void): unknown } }).stream;
  if (stream === undefined || coalesced.has(stream)) return;
  coalesced.add(stream);
  const write = stream.write.bind(stream);
  let held = 0;
  const release = (): void => {
    if (held === 0) return;
    held = 0;
    stream.uncork();
  };
  let set = releases.get(owner);
  if (set === undefined) releases.set(owner, (set = new Set()));
  set.add(release);
  stream.on('close', () => set.delete(release));
  stream.write = (...args: unknown[]) => {
    if (held === 0) {
      stream.cork();
      setImmediate(release);
    }
    const ok = write(...args);
    if (++held >= COALESCE_MAX_COMMANDS) release();
    return ok;
  };
}

/** Reconnect delays (ms) of a server or of the whole cluster. */
const retryDelay = (times: number): number => Math.min(50 * 2 ** times, 2000);

function newClient(options: ConnectOptions): RedisClient {
  // Commands left unanswered by a dropped connection are re-sent after reconnecting; every
  // write script is idempotent (request ids / done markers), so that is safe. After 3
  // failed reconnects the queued commands fail instead of waiting forever.
  const perConnection = {
    connectTimeout: options.connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
    connectionName: options.connectionName,
    maxRetriesPerRequest: 3,
  };
  if (!isClusterUrl(options.url)) {
    const redis = new Redis(options.url, { ...perConnection, lazyConnect: true, retryStrategy: retryDelay });
    redis.on('connect', () => coalesceWrites(redis));
    return redis;
  }
  const parsed = parseClusterUrl(options.url);
  if (parsed === null) throw new RedisStoreError('connect', 'the Redis Cluster URL is not valid (expected redis+cluster://[user:password@]host:port[,host:port…])', 'BadUrl');
  const cluster = new Cluster(
    parsed.nodes.map((n) => ({ host: n.host, port: n.port })),
    {
      lazyConnect: true,
      // Reads go to the master too: a replica may lag behind the write it follows.
      scaleReads: 'master',
      // Ready only once CLUSTER INFO says the cluster serves every slot.
      enableReadyCheck: true,
      clusterRetryStrategy: retryDelay,
      slotsRefreshTimeout: options.connectTimeoutMs,
      redisOptions: {
        ...perConnection,
        ...(parsed.username === undefined ? {} : { username: parsed.username }),
        ...(parsed.password === undefined ? {} : { password: parsed.password }),
        ...(parsed.tls ? { tls: {} } : {}),
      },
    },
  );
  cluster.on('+node', (node: Redis) => node.on('connect', () => coalesceWrites(node, cluster)));
  return cluster;
}

/** Opens a connection (server or cluster) and waits until it is ready; fails with a clear, secret-free error. */
export async function connectRedis(options: ConnectOptions): Promise<RedisClient> {
  const secrets = secretsOf(options.url);
  const where = describeRedisUrl(options.url);
  const redis = newClient(options);
  let lastError = '';
  const onError = (e: Error, node?: string): void => {
    const text = redact(e.message, secrets);
    if (text !== lastError) options.logger.warn({ where, ...(node === undefined ? {} : { node }), err: { name: e.name, message: text } }, 'redis connection error');
    lastError = text;
  };
  redis.on('error', (e: Error) => onError(e));
  if (isCluster(redis)) redis.on('node error', (e: Error, node: string) => onError(e, node));
  redis.on('ready', () => {
    if (lastError !== '') options.logger.info({ where }, 'redis connection restored');
    lastError = '';
  });
  try {
    await redis.connect();
  } catch (e) {
    redis.disconnect();
    throw wrapError(`connect to ${where}`, e, secrets);
  }
  return redis;
}

/** Shared state of the ports of one store handle. */
export class RedisContext {
  readonly redis: RedisClient;
  readonly keys: RedisKeys;
  readonly logger: Logger;
  readonly #run: ScriptRunner;
  readonly #secrets: readonly string[];
  readonly #doneTtlMs: number;
  readonly #newRequestId: () => string;
  readonly #sideKeys: readonly string[];

  constructor(
    redis: RedisClient,
    keys: RedisKeys,
    opts: { url: string; logger: Logger; doneTtlMs: number; newRequestId?: () => string; checkScriptKeys?: boolean },
  ) {
    this.redis = redis;
    this.keys = keys;
    this.logger = opts.logger;
    this.#run = defineScripts(redis, { checkKeys: opts.checkScriptKeys === true });
    this.#secrets = secretsOf(opts.url);
    this.#doneTtlMs = opts.doneTtlMs;
    this.#newRequestId = opts.newRequestId ?? (() => randomBytes(12).toString('base64url'));
    this.#sideKeys = [
      keys.auditList,
      keys.auditHead,
      keys.outboxSeq,
      keys.outboxKeys,
      keys.outboxDraft,
      keys.outboxStatus,
      keys.outboxWait,
      keys.outboxCounts,
      keys.outboxHeld,
      keys.outboxByResident,
      keys.outboxGroups,
    ];
  }

  /**
   * Runs `fn`, retrying on connection failures (every operation of this store may be
   * repeated: writes carry a request id, reads change nothing); other errors and the last
   * failure are thrown as a secret-free `RedisStoreError`.
   */
  guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
    // Fast path without an extra async frame: most calls succeed at once.
    return fn().catch((e: unknown) => this.#retry(op, fn, e));
  }

  async #retry<T>(op: string, fn: () => Promise<T>, first: unknown): Promise<T> {
    let error = first;
    for (const delay of [100, 400]) {
      if (!isConnectionError(error)) break;
      this.logger.warn({ op, delayMs: delay }, 'redis command failed on a connection error; retrying');
      await new Promise((r) => setTimeout(r, delay));
      try {
        return await fn();
      } catch (e) {
        error = e;
      }
    }
    throw wrapError(op, error, this.#secrets);
  }

  /**
   * Writes the commands held back in this turn (`coalesceWrites`) to the socket now: after a
   * batch of casts or reads (turn-batch.ts), so the server starts on it while this process
   * builds the next instead of waiting for the end of the turn.
   */
  sendNow(): void {
    const set = releases.get(this.redis);
    if (set !== undefined) for (const release of set) release();
  }

  /**
   * The same `fields` of each hash in `keys`, as one flat list (`fields.length` values per
   * key, in order; null or false for none): one HMGET for a lone key, else one call of
   * lua/hash-read-many.lua — the batched reads of turn-batch.ts.
   */
  readHashes(op: string, keys: readonly string[], fields: readonly string[]): Promise<readonly unknown[]> {
    if (keys.length === 1) return this.guard(op, () => this.redis.hmget(keys[0]!, ...fields));
    return this.script(op, 'hash-read-many', keys, fields) as Promise<unknown[]>;
  }

  /** Runs a read-only or naturally idempotent script. */
  script(op: string, name: ScriptName, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    return this.guard(op, () => this.#run(name, keys, args));
  }

  /**
   * Runs a write script in the write frame: a fresh request id per call (its done marker
   * answers a re-send), the side records' keys and arguments, then the script's own.
   * `marker: false` for scripts that keep their own request ids (ballot casts).
   */
  write(
    op: string,
    name: ScriptName,
    side: SideRecords,
    ownKeys: readonly string[],
    ownArgs: readonly (string | number)[],
    marker = true,
  ): Promise<unknown> {
    const doneKey = marker ? this.keys.done(this.#newRequestId()) : (ownKeys[0] ?? this.keys.prefix);
    const broadcasts = side.broadcasts ?? [];
    const hasSide = (side.audit?.length ?? 0) + (side.outbox?.length ?? 0) + broadcasts.length > 0;
    const keys = hasSide ? [doneKey, ...ownKeys, ...this.#sideKeys] : [doneKey, ...ownKeys];
    if (broadcasts.length > 0) keys.push(this.keys.broadcasts, ...broadcasts.map((b) => this.keys.broadcast(b.id)));
    // Without side records (most votes) the frame's counts are constant: no sideArgs call.
    const args = hasSide ? [marker ? this.#doneTtlMs : 0, ...sideArgs(side), ...ownArgs] : [marker ? this.#doneTtlMs : 0, '0', '0', '0', ...ownArgs];
    return this.guard(op, () => this.#run(name, keys, args));
  }
}

/** The stored JSON of an outbox draft (its own fields only; `after` and `group` when present). */
export function outboxDraftJson(o: OutboxDraft): string {
  const draft: OutboxDraft = { key: o.key, recipient: o.recipient, template: o.template, params: o.params, notBefore: o.notBefore };
  return JSON.stringify({ ...draft, ...(o.after === undefined ? {} : { after: o.after }), ...(o.group === undefined ? {} : { group: o.group }) });
}

/** An optional write-frame value: '' when absent, '=' and the value otherwise. */
function optionalArg(v: string | undefined): string {
  return v === undefined ? '' : `=${v}`;
}

/** The `d` field of a broadcast hash: the part of the record that never changes. */
export function broadcastFixedJson(b: BroadcastDraft): string {
  return JSON.stringify({ id: b.id, by: b.by, content: b.content, audience: b.audience, startedAt: b.startedAt });
}

/** The side records as write-frame arguments (see write-frame.lua). */
export function sideArgs(side: SideRecords): string[] {
  const audit = side.audit ?? [];
  const outbox = side.outbox ?? [];
  const broadcasts = side.broadcasts ?? [];
  const out: string[] = [String(audit.length), String(outbox.length)];
  for (const d of audit) {
    const data = canonicalJson(d.data);
    const head = JSON.stringify({ at: d.at, actor: d.actor, action: d.action, subject: d.subject, assisted: d.assisted });
    out.push(String(d.at), d.actor, d.action, d.subject, d.assisted ? '1' : '0', data, `${head.slice(0, -1)},"data":${data}}`);
  }
  for (const o of outbox) {
    out.push(o.key, outboxDraftJson(o), String(o.notBefore), optionalArg(o.after), optionalArg(o.group), optionalArg(o.recipient.kind === 'resident' ? o.recipient.residentId : undefined));
  }
  out.push(String(broadcasts.length));
  for (const b of broadcasts) out.push(broadcastFixedJson(b), broadcastMember(b.startedAt, b.id));
  return out;
}
