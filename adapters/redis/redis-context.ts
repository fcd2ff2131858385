/**
 * What every Redis port shares: the connection, the keys, the scripts, the write frame
 * (adapters/redis/lua/includes/write-frame.lua) and the retry/error policy.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { canonicalJson } from '../../core/audit/audit-chain.ts';
import type { OutboxDraft, SideRecords } from '../../core/ports/side-records.ts';
import type { BroadcastDraft } from '../../core/broadcasts/broadcast.ts';
import type { RedisKeys } from './keys.ts';
import { broadcastMember } from './keys.ts';
import { defineScripts } from './scripts.ts';
import type { ScriptName, ScriptRunner } from './scripts.ts';
import { describeRedisUrl, isConnectionError, redact, secretsOf, wrapError } from './redis-errors.ts';

/** Connection settings of one store handle. */
export interface ConnectOptions {
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

/**
 * Coalesces the commands written in one turn of the event loop into one socket write (cork
 * until the turn ends): when many residents vote at once, a write syscall per command is most
 * of the client's cost. Commands, their order and their replies are unchanged — unlike
 * pipelining, nothing waits for anything else. Applied to each new socket (after reconnects).
 */
function coalesceWrites(redis: Redis): void {
  const stream = (redis as unknown as { stream?: { write: (...a: unknown[]) => boolean; cork(): void; uncork(): void } }).stream;
  if (stream === undefined || coalesced.has(stream)) return;
  coalesced.add(stream);
  const write = stream.write.bind(stream);
  let corked = false;
  stream.write = (...args: unknown[]) => {
    if (!corked) {
      corked = true;
      stream.cork();
      setImmediate(() => {
        corked = false;
        stream.uncork();
      });
    }
    return write(...args);
  };
}

/** Opens an ioredis connection and waits until it is ready; fails with a clear, secret-free error. */
export async function connectRedis(options: ConnectOptions): Promise<Redis> {
  const secrets = secretsOf(options.url);
  const where = describeRedisUrl(options.url);
  const redis = new Redis(options.url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
    connectionName: options.connectionName,
    // Commands left unanswered by a dropped connection are re-sent after reconnecting; every
    // write script is idempotent (request ids / done markers), so that is safe. After 3
    // failed reconnects the queued commands fail instead of waiting forever.
    maxRetriesPerRequest: 3,
    retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
  });
  redis.on('connect', () => coalesceWrites(redis));
  let lastError = '';
  redis.on('error', (e: Error) => {
    const text = redact(e.message, secrets);
    if (text !== lastError) options.logger.warn({ where, err: { name: e.name, message: text } }, 'redis connection error');
    lastError = text;
  });
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
  readonly redis: Redis;
  readonly keys: RedisKeys;
  readonly logger: Logger;
  readonly #run: ScriptRunner;
  readonly #secrets: readonly string[];
  readonly #doneTtlMs: number;
  readonly #newRequestId: () => string;
  readonly #sideKeys: readonly string[];

  constructor(redis: Redis, keys: RedisKeys, opts: { url: string; logger: Logger; doneTtlMs: number; newRequestId?: () => string }) {
    this.redis = redis;
    this.keys = keys;
    this.logger = opts.logger;
    this.#run = defineScripts(redis);
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
    const args = [marker ? this.#doneTtlMs : 0, ...sideArgs(side), ...ownArgs];
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
