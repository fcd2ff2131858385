/**
 * `StoreTransfer` of the Redis store: every key of one campaign prefix read into a
 * `CampaignDump`, or written from one. The layout is the one the Redis ports use, built with
 * the same key builders (keys.ts); derived keys (indexes, counters) are rebuilt from the dump.
 *
 * Not all or nothing: a large dump cannot be written in one Redis transaction without
 * blocking the server, so `restore` writes MULTI/EXEC chunks. To make a half-written store
 * detectable it first sets a `migrating` marker key (SET NX, so two restores cannot race) and
 * deletes it only after the last chunk. A store with the marker is refused by `dump` and
 * `restore` (`TransferRefusedError('partial_restore')`); clear the prefix and restore again.
 *
 * Not a snapshot either: `dump` reads with pipelines while other clients may write. Stop every
 * bot instance first; `pnyx migrate` re-reads the source at the end and fails if it moved.
 *
 * On a Redis Cluster the prefix must carry a hash tag: every key, pipeline and transaction
 * then goes to the master of that one slot, and key scans (codes, phone claims, update claims) run there
 * only — SCAN walks one node, and that node holds every key of the prefix.
 */
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { canonicalJson } from '../../core/audit/audit-chain.ts';
import type { BallotSlot, StoredBallot } from '../../core/ballots/ballot.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { PhaseState } from '../../core/phases/phase-state.ts';
import type { AuditEntry } from '../../core/ports/audit-log.ts';
import type { AccessCode, PhoneClaim } from '../../core/ports/resident-store.ts';
import { encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { JsonValue } from '../../core/ports/chat-state-store.ts';
import type { ChatStateEntry } from '../../core/ports/store-transfer.ts';
import type { CampaignDump, StoreTransfer } from '../../core/ports/store-transfer.ts';
import type { Resident } from '../../core/residents/resident.ts';
import { checkDump } from '../transfer/check-dump.ts';
import { TransferRefusedError } from '../transfer/transfer-error.ts';
import { redisKeys } from './keys.ts';
import type { RedisKeys } from './keys.ts';
import { checkPrefixFor, connectRedis, hashTagOf, isCluster } from './redis-context.ts';
import type { RedisClient } from './redis-context.ts';
import { secretsOf, wrapError } from './redis-errors.ts';
import { ballotFrom } from './redis-ballot-box.ts';
import { questionCommands, readQuestions } from './redis-question-transfer.ts';
import { outboxRestoreCommands, readOutbox, refsFrom } from './redis-transfer-outbox.ts';
import type { Command } from './redis-transfer-outbox.ts';
import { BROADCAST_FIELDS, broadcastFrom } from './redis-broadcast-store.ts';
import { broadcastFixedJson } from './redis-context.ts';
import { subscriptionMember } from './redis-resident-store.ts';
import type { Broadcast } from '../../core/broadcasts/broadcast.ts';
import { processedStateOf, processedValueOf } from './redis-processed-updates.ts';

/** What a prefix holds, as far as a restore is concerned. */
export type RedisTransferState = 'empty' | 'data' | 'partial';

/** A Redis transfer, with what `pnyx migrate` reports about the target. */
export interface RedisTransfer extends StoreTransfer {
  /** The marker key of an unfinished restore under this prefix. */
  readonly markerKey: string;
  /** `partial` when the marker is set, `data` when any other key exists under the prefix. */
  state(): Promise<RedisTransferState>;
}

/** Options of {@link redisTransfer}. */
export interface RedisTransferOptions {
  /** Commands per MULTI/EXEC chunk (and records per read pipeline). Default 1,000. */
  readonly chunkSize?: number;
  /** The connection's URL, only so that its credentials are redacted from errors. */
  readonly url?: string;
  /** Wall clock (epoch ms) that turns claim expiries into TTLs. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Restored inbound-update states live at least this long (ms): their expiry is judged
 * against the engine's clock by the begin script, the TTL only lets Redis drop them later.
 */
const MIN_CLAIM_TTL_MS = 24 * 3600_000;
/**
 * Restored chat state lives at least this long in Redis (ms), for the same reason: reads judge
 * its expiry against the engine's clock; this only keeps it until `pnyx migrate` has compared.
 */
const MIN_CHAT_TTL_MS = 3600_000;
const SLOTS: readonly BallotSlot[] = ['town', 'area'];

/** The marker key of an unfinished restore (keys.ts `migrating`). */
export function migratingMarkerKey(keys: RedisKeys): string {
  return keys.migrating;
}

/** `text` with the glob characters of SCAN MATCH escaped. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The connections a SCAN for keys under `prefix` must walk: the server itself; on a cluster
 * the master of the prefix's slot (every master if the slot map does not name it yet).
 */
async function scanTargets(client: RedisClient, prefix: string): Promise<Redis[]> {
  if (!isCluster(client)) return [client];
  const masters = client.nodes('master');
  const tag = hashTagOf(prefix);
  if (tag === null) return masters;
  const slot = Number(await client.cluster('KEYSLOT', `{${tag}}`));
  const owner = client.slots[slot]?.[0];
  const node = masters.find((n) => `${n.options.host}:${n.options.port}` === owner);
  return node === undefined ? masters : [node];
}

/** The transfer of the campaign under `prefix` on an open connection (which it never closes). */
export function redisTransfer(client: RedisClient, prefix: string, options: RedisTransferOptions = {}): RedisTransfer {
  if (prefix === '') throw new Error('redisTransfer: prefix must not be empty');
  checkPrefixFor(isCluster(client), prefix, 'transfer');
  const k = redisKeys(prefix);
  const marker = migratingMarkerKey(k);
  const chunk = Math.max(1, options.chunkSize ?? 1000);
  const secrets = options.url === undefined ? [] : secretsOf(options.url);
  const now = options.now ?? Date.now;

  const guard = async <T>(op: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof TransferRefusedError) throw e;
      throw wrapError(`transfer.${op}`, e, secrets);
    }
  };

  /** Runs commands in one pipeline (`atomic`: one MULTI/EXEC) and returns their replies. */
  const run = async (commands: readonly Command[], atomic = false): Promise<unknown[]> => {
    if (commands.length === 0) return [];
    const list = [...commands] as unknown[][];
    const batch = atomic ? client.multi(list) : client.pipeline(list);
    const replies = (await batch.exec()) ?? [];
    if (replies.length !== commands.length) throw new Error('redis transfer: a transaction was discarded');
    return replies.map(([err, reply]) => {
      if (err) throw err;
      return reply;
    });
  };

  /** Runs one command per item, `chunk` at a time, and returns the replies in item order. */
  const readEach = async <T>(items: readonly T[], command: (item: T) => Command): Promise<unknown[]> => {
    const out: unknown[] = [];
    for (let i = 0; i < items.length; i += chunk) out.push(...(await run(items.slice(i, i + chunk).map(command))));
    return out;
  };

  /** Keys under `keyPrefix`, sorted (SCAN, not KEYS); with `first`, stops at the first batch found. */
  const scan = async (keyPrefix: string, first = false): Promise<string[]> => {
    const out: string[] = [];
    for (const node of await scanTargets(client, keyPrefix)) {
      let cursor = '0';
      do {
        const [next, batch] = await node.scan(cursor, 'MATCH', `${globEscape(keyPrefix)}*`, 'COUNT', 1000);
        out.push(...batch);
        cursor = first && out.length > 0 ? '0' : next;
      } while (cursor !== '0');
      if (first && out.length > 0) break;
    }
    return out.sort(byText);
  };

  const state = (): Promise<RedisTransferState> =>
    guard('state', async () => ((await client.exists(marker)) === 1 ? 'partial' : (await scan(prefix, true)).length > 0 ? 'data' : 'empty'));

  const partial = (): TransferRefusedError =>
    new TransferRefusedError(
      'partial_restore',
      `the Redis key prefix ${prefix} holds an unfinished restore (marker key ${marker}); delete the keys under the prefix and restore again`,
    );

  const readAll = async (): Promise<CampaignDump> => {
    if ((await client.exists(marker)) === 1) throw partial();
    const [phase, results, secret, ideaNumber, residentIds, ideaIds, envelopeCounts, outboxSeq, auditLength, questionNumber, questionIds, refs, broadcastMembers] = await run([
      ['hmget', k.phase, 'v', 'd'],
      ['get', k.results],
      ['get', k.secret],
      ['get', k.ideaNumber],
      ['zrange', k.residentIds, 0, -1],
      ['zrange', k.ideaNumbers, 0, -1],
      ['hkeys', k.envelopeCounts],
      ['get', k.outboxSeq],
      ['llen', k.auditList],
      ['get', k.questionNumber],
      ['zrange', k.questionNumbers, 0, -1],
      ['hvals', k.refByKey],
      ['zrange', k.broadcasts, 0, -1],
    ]);
    const [pv, pd] = phase as (string | null)[];

    const residents: Resident[] = [];
    for (const row of await readEach(residentIds as string[], (id) => ['hmget', k.resident(id), 'v', 'd'])) {
      const [v, d] = row as (string | null)[];
      // An id whose record vanished between the reads (erased meanwhile) is skipped.
      if (v != null && d != null) residents.push({ ...(JSON.parse(d) as Omit<Resident, 'version'>), version: Number(v) });
    }

    const ideas: Idea[] = [];
    for (const row of await readEach(ideaIds as string[], (id) => ['hmget', k.idea(id), 'v', 'd'])) {
      const [v, d] = row as (string | null)[];
      if (v != null && d != null) ideas.push({ ...(JSON.parse(d) as Omit<Idea, 'version'>), version: Number(v) });
    }
    const supports: { ideaId: string; supporterKey: string; at: number }[] = [];
    const supporterSets = await readEach(ideas, (i) => ['zrange', k.supports(i.id), '0', '-1', 'WITHSCORES']);
    ideas.forEach((idea, n) => {
      const flat = supporterSets[n] as string[];
      const rows: { ideaId: string; supporterKey: string; at: number }[] = [];
      for (let j = 0; j + 1 < flat.length; j += 2) rows.push({ ideaId: idea.id, supporterKey: flat[j]!, at: Number(flat[j + 1]) });
      supports.push(...rows.sort((a, b) => byText(a.supporterKey, b.supporterKey)));
    });

    const questions = await readQuestions(k, questionIds as string[], questionNumber as string | null, readEach);

    const members = (await readEach(envelopeCounts as string[], (e) => ['smembers', k.envelope(e)])).flatMap((m) => m as string[]);
    const slots = members.map((m): [BallotSlot, string] => {
      const slot = SLOTS.find((s) => m.startsWith(k.ballotMember(s, '')));
      if (slot === undefined) throw new Error('redis transfer: an envelope index holds a member of no known slot');
      return [slot, m.slice(k.ballotMember(slot, '').length)];
    });
    const ballots: StoredBallot[] = [];
    const ballotVersions: StoredBallot[] = [];
    const hashes = await readEach(slots, ([slot, voterKey]) => ['hgetall', k.ballot(slot, voterKey)]);
    slots.forEach(([slot, voterKey], n) => {
      const hash = hashes[n] as Record<string, string>;
      for (const [field, body] of Object.entries(hash)) {
        if (!/^\d+$/.test(field)) continue;
        const ballot = ballotFrom(voterKey, slot, field, body);
        ballotVersions.push(ballot);
        if (field === hash['v']) ballots.push(ballot);
      }
    });
    const ballotOrder = (a: StoredBallot, b: StoredBallot): number => byText(a.voterKey, b.voterKey) || byText(a.slot, b.slot) || a.version - b.version;

    const codePrefix = k.code('');
    const codeKeys = await scan(codePrefix);
    const codes: AccessCode[] = [];
    (await readEach(codeKeys, (key) => ['hmget', key, 'r', 'b', 'i', 'u'])).forEach((row, n) => {
      const [r, b, i, u] = row as (string | null)[];
      if (b == null) return;
      codes.push({ code: codeKeys[n]!.slice(codePrefix.length), residentId: r ?? null, issuedBy: b, issuedAt: Number(i), usedAt: u == null ? null : Number(u) });
    });

    const phonePrefix = k.phone('');
    const phoneKeys = await scan(phonePrefix);
    const phoneClaims: PhoneClaim[] = [];
    (await readEach(phoneKeys, (key) => ['hmget', key, 'h', 'a'])).forEach((row, n) => {
      const [h, a] = row as (string | null)[];
      if (h == null) return;
      phoneClaims.push({ phoneKey: phoneKeys[n]!.slice(phonePrefix.length), holder: h, claimedAt: Number(a) });
    });

    const outbox = await readOutbox(run, k, Number(outboxSeq ?? 0), chunk);

    const audit: AuditEntry[] = [];
    for (let i = 0; i < Number(auditLength); i += chunk) {
      for (const e of await client.lrange(k.auditList, i, i + chunk - 1)) audit.push(JSON.parse(e) as AuditEntry);
    }

    const processedPrefix = k.processed('');
    const claimKeys = await scan(processedPrefix);
    const processed: { key: string; state: 'in_progress' | 'done'; expiresAt: number }[] = [];
    (await readEach(claimKeys, (key) => ['get', key])).forEach((v, n) => {
      // A state Redis expired between SCAN and GET is gone: skipped.
      const s = typeof v === 'string' ? processedStateOf(v) : null;
      if (s === null) return;
      processed.push({ key: claimKeys[n]!.slice(processedPrefix.length), ...s });
    });

    const chatPrefix = k.chat('');
    const chatKeys = await scan(chatPrefix);
    const chatState: ChatStateEntry[] = [];
    (await readEach(chatKeys, (key) => ['hmget', key, 'd', 'o', 'x'])).forEach((row, n) => {
      const [d, o, x] = row as (string | null)[];
      // An entry Redis expired between SCAN and HMGET is gone: skipped.
      if (d == null || o == null || x == null) return;
      chatState.push({ key: chatKeys[n]!.slice(chatPrefix.length), owner: o, expiresAt: Number(x), value: JSON.parse(d) as JsonValue });
    });
    const broadcasts: Broadcast[] = [];
    const broadcastIds = (broadcastMembers as string[]).map((m) => m.slice(m.indexOf(':') + 1));
    for (const row of await readEach(broadcastIds, (id) => ['hmget', k.broadcast(id), ...BROADCAST_FIELDS])) {
      const b = broadcastFrom(row as (string | null)[]);
      if (b !== null) broadcasts.push(b);
    }

    return {
      format: 'pnyx-dump/2',
      phaseState: pv == null || pd == null ? null : { value: JSON.parse(pd) as PhaseState, version: Number(pv) },
      results: results == null ? null : (JSON.parse(results as string) as StoredResults),
      secretCheck: (secret as string | null) ?? null,
      residents: residents.sort((a, b) => byText(a.id, b.id)),
      codes,
      phoneClaims: phoneClaims.sort((a, b) => byText(a.phoneKey, b.phoneKey)),
      ideas: ideas.sort((a, b) => a.number - b.number || byText(a.id, b.id)),
      nextIdeaNumber: Number(ideaNumber ?? 0) + 1,
      supports,
      ...questions,
      ballots: ballots.sort(ballotOrder),
      ballotVersions: ballotVersions.sort(ballotOrder),
      outbox,
      messageRefs: refsFrom(refs as string[]),
      audit,
      processed,
      chatState,
      broadcasts: broadcasts.sort((a, b) => byText(a.id, b.id)),
    };
  };

  /** Every write of a restore, in order; derived indexes and counters rebuilt from the dump. */
  function* commandsOf(dump: CampaignDump): Generator<Command> {
    const withoutVersion = <T extends { version: number }>(r: T): string => {
      const { version: _version, ...rest } = r;
      return JSON.stringify(rest);
    };
    if (dump.phaseState !== null) yield ['hset', k.phase, 'v', dump.phaseState.version, 'd', JSON.stringify(dump.phaseState.value)];
    if (dump.results !== null) yield ['set', k.results, JSON.stringify(dump.results)];
    if (dump.secretCheck !== null) yield ['set', k.secret, dump.secretCheck];
    for (const r of dump.residents) {
      yield ['hset', k.resident(r.id), 'v', r.version, 'd', withoutVersion(r)];
      yield ['zadd', k.residentIds, 0, r.id];
      // The subscription index as lua/resident-save.lua keeps it.
      const member = subscriptionMember(k, r);
      if (member !== '') yield ['zadd', k.subscribed, 0, member];
    }
    for (const c of dump.codes) {
      yield ['hset', k.code(c.code), 'b', c.issuedBy, 'i', c.issuedAt, ...(c.residentId === null ? [] : ['r', c.residentId]), ...(c.usedAt === null ? [] : ['u', c.usedAt])];
      if (c.residentId !== null) yield ['sadd', k.residentCodes(c.residentId), c.code];
    }
    for (const c of dump.phoneClaims) yield ['hset', k.phone(c.phoneKey), 'h', c.holder, 'a', c.claimedAt];
    const states = new Map<string, number>();
    for (const i of dump.ideas) {
      yield ['hset', k.idea(i.id), 'v', i.version, 's', i.state, 'd', withoutVersion(i)];
      yield ['zadd', k.ideaNumbers, i.number, i.id];
      states.set(i.state, (states.get(i.state) ?? 0) + 1);
    }
    if (states.size > 0) yield ['hset', k.ideaStates, ...[...states].flat()];
    if (dump.nextIdeaNumber > 1) yield ['set', k.ideaNumber, dump.nextIdeaNumber - 1];
    for (const s of dump.supports) yield ['zadd', k.supports(s.ideaId), String(s.at), s.supporterKey];
    yield* questionCommands(k, dump);

    const current = new Map(dump.ballots.map((b) => [k.ballot(b.slot, b.voterKey), b]));
    for (const b of dump.ballotVersions) {
      // The body as lua/ballot-cast.lua stores it (see redis-ballot-box.ts).
      const body = { e: b.envelopeId, c: b.choices.map((c) => [c.ideaId, c.points]), r: b.receipt, t: b.castAt, a: b.assisted ? 1 : 0, q: b.requestId };
      yield ['hset', k.ballot(b.slot, b.voterKey), b.version, JSON.stringify(body), `q:${b.requestId}`, b.version];
    }
    const envelopes = new Map<string, number>();
    const voters = new Set<string>();
    for (const [key, b] of current) {
      yield ['hset', key, 'v', b.version];
      yield ['sadd', k.envelope(b.envelopeId), k.ballotMember(b.slot, b.voterKey)];
      envelopes.set(b.envelopeId, (envelopes.get(b.envelopeId) ?? 0) + 1);
      voters.add(b.voterKey);
    }
    if (envelopes.size > 0) yield ['hset', k.envelopeCounts, ...[...envelopes].flat()];
    if (voters.size > 0) yield ['set', k.voters, voters.size];
    // Derived from the ballots, as the cast script keeps it (lua/ballot-cast.lua).
    const assisted = dump.ballots.filter((b) => b.assisted).length;
    if (assisted > 0) yield ['set', k.assistedBallots, assisted];

    yield* outboxRestoreCommands(k, dump);

    for (let i = 0; i < dump.audit.length; i += 100) {
      // The entry JSON exactly as lua/includes/write-frame.lua builds it.
      const entries = dump.audit.slice(i, i + 100).map((e) => {
        const head = JSON.stringify({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, at: e.at, actor: e.actor, action: e.action, subject: e.subject, assisted: e.assisted });
        return `${head.slice(0, -1)},"data":${canonicalJson(e.data)}}`;
      });
      yield ['rpush', k.auditList, ...entries];
    }
    const head = dump.audit.at(-1)?.hash;
    if (head !== undefined) yield ['set', k.auditHead, head];

    for (const b of dump.broadcasts) {
      const progress: (string | number)[] = ['s', b.status, 'q', b.queued, 'v', b.version];
      if (b.cursor !== null) progress.push('c', b.cursor);
      if (b.total !== null) progress.push('t', b.total);
      if (b.fannedOutAt !== null) progress.push('fo', b.fannedOutAt);
      if (b.finishedAt !== null) progress.push('fi', b.finishedAt);
      yield ['hset', k.broadcast(b.id), 'd', broadcastFixedJson(b), ...progress];
      yield ['zadd', k.broadcasts, 0, k.broadcastMember(b.startedAt, b.id)];
    }

    const wall = now();
    for (const p of dump.processed) {
      yield ['set', k.processed(p.key), processedValueOf(p), 'PX', Math.max(MIN_CLAIM_TTL_MS, p.expiresAt - wall)];
    }
    // The layout of lua/chat-write.lua: the entry hash, and its owner's index living as long.
    const ownerTtl = new Map<string, number>();
    for (const c of dump.chatState) {
      const ttl = Math.max(MIN_CHAT_TTL_MS, c.expiresAt - wall);
      yield ['hset', k.chat(c.key), 'd', encodeChatState(c.value).text, 'o', c.owner, 'x', c.expiresAt];
      yield ['pexpire', k.chat(c.key), ttl];
      yield ['sadd', k.chatOwner(c.owner), c.key];
      ownerTtl.set(c.owner, Math.max(ownerTtl.get(c.owner) ?? 0, ttl));
    }
    for (const [owner, ttl] of ownerTtl) yield ['pexpire', k.chatOwner(owner), ttl];
  }

  const writeAll = async (dump: CampaignDump): Promise<void> => {
    const found = await state();
    if (found === 'partial') throw partial();
    if (found === 'data') {
      throw new TransferRefusedError('target_not_empty', `the Redis key prefix ${prefix} already holds keys; restore only into an empty store`);
    }
    const claimed = await client.set(marker, JSON.stringify({ format: dump.format, startedAt: new Date(now()).toISOString() }), 'NX');
    if (claimed !== 'OK') throw partial();
    let batch: Command[] = [];
    for (const command of commandsOf(dump)) {
      batch.push(command);
      if (batch.length >= chunk) {
        await run(batch, true);
        batch = [];
      }
    }
    await run(batch, true);
    await client.del(marker);
  };

  return {
    markerKey: marker,
    state,
    dump: () => guard('dump', readAll),
    async restore(dump) {
      checkDump(dump);
      await guard('restore', () => writeAll(dump));
    },
  };
}

/** Options of {@link openRedisTransfer}. */
export interface OpenRedisTransferOptions extends Omit<RedisTransferOptions, 'url'> {
  /** Redis URL (may hold a password, which never reaches an error). */
  readonly url: string;
  readonly prefix: string;
  readonly logger?: Logger;
  /** Give up connecting after this long (ms). Default 5,000. */
  readonly connectTimeoutMs?: number;
}

/** Connects (clear, secret-free error when it cannot) and returns the transfer of `prefix`; `close` quits. */
export async function openRedisTransfer(options: OpenRedisTransferOptions): Promise<RedisTransfer & { close(): Promise<void> }> {
  const client = await connectRedis({
    url: options.url,
    logger: (options.logger ?? pino({ level: 'silent' })).child({ module: 'redis-transfer' }),
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    commandTimeoutMs: 60_000,
    connectionName: 'pnyx-migrate',
  });
  const transfer = redisTransfer(client, options.prefix, options);
  return {
    ...transfer,
    async close() {
      try {
        await client.quit();
      } catch {
        // already gone: nothing left to release
        client.disconnect();
      }
    },
  };
}
