/**
 * Fan-out of one broadcast to 200,000 subscribed residents into the outbox, on SQLite and on
 * Redis, against a raw batch insert of the same outbox rows into the same store in the same run.
 *
 *   npm run bench -- fanout        (REDIS_URL, default redis://127.0.0.1:6379)
 *
 * Setup (not measured): RESIDENTS subscribed residents written straight to the store through
 * `ResidentStore.save` (registration is not what is measured), then a broadcast to everyone
 * announced through the engine.
 *
 * - value: `engine.fanOutBroadcast(id, FAN_OUT_PAGE_MAX)` called until `done` — each call
 *   reads one page of subscribed residents after the broadcast's cursor and records their
 *   messages and the cursor move in one atomic step (`BroadcastStore.fanOutPage`) — rows/s.
 *   FAN_OUT_PAGE_MAX is the page a delivery worker uses (the largest the engine accepts).
 * - baseline: the same rows (same keys, recipients, template, params, group) written with no
 *   store code, in batches of the same size, by the fastest plain means of each store:
 *   SQLite — one prepared INSERT into `outbox`, one transaction per batch, on a second
 *   connection to the same file; Redis — per batch one pipeline of variadic HSET / ZADD /
 *   HINCRBY on the outbox's own keys (seq, de-dup index, drafts, status, due zset, counts,
 *   per-resident index, group counters), sequence numbers taken locally.
 * Both start from an empty outbox (emptied between measurements, untimed) and alternate for
 * ROUNDS rounds; the median of each is kept. `ratio` = fan-out / baseline, per store.
 * - memory: this process's RSS after a GC before the fan-out, sampled after every page: peak
 *   growth (`rssGrowthMiB`, median over rounds, worst round in `rssGrowthMaxMiB`). On Redis also
 *   the server's `used_memory` growth over the fan-out (INFO; the messages themselves, for
 *   sizing — not part of `pass`).
 * Target: ratio ≥ 0.25 and RSS growth < 150 MiB on both stores; `value`/`store` name the worse.
 * Keys live under a unique prefix and are deleted afterwards; the SQLite file is temporary.
 * Progress on stderr; ONE JSON line on stdout; exit code 1 when `pass` is false.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openDatabase, openSqliteStores, sqliteFileFor } from '../adapters/sqlite/index.ts';
import { openRedisStores } from '../adapters/redis/index.ts';
import type { RedisKeys } from '../adapters/redis/index.ts';
import { createEngine } from '../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../core/engine/campaign-engine.ts';
import { FAN_OUT_PAGE_MAX } from '../core/engine/broadcast-usecases.ts';
import { BROADCAST_TEMPLATE, broadcastMessageKey } from '../core/broadcasts/broadcast.ts';
import { VoterKeys } from '../core/ballots/voter-keys.ts';
import type { Stores } from '../core/ports/stores.ts';
import { CryptoIds } from '../adapters/system/index.ts';
import { BENCH_T0, benchCampaign, benchResident } from './support/voting-campaign.ts';
import { writeBenchLine } from './support/bench-line.ts';

const RESIDENTS = Number(process.env['BENCH_RESIDENTS'] ?? 200_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const PAGE = FAN_OUT_PAGE_MAX;
const TARGET_RATIO = 0.25;
const TARGET_RSS_MIB = 150;
const MIB = 1024 * 1024;
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Stores measured (BENCH_STORES=sqlite to profile one); `pass` needs both. */
const STORES = (process.env['BENCH_STORES'] ?? 'sqlite,redis').split(',');

const log = (msg: string): void => {
  process.stderr.write(`[fanout] ${msg}\n`);
};

const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The outbox rows of one broadcast, as the fan-out writes them (see core/engine/broadcast-usecases.ts). */
interface RawRows {
  readonly broadcast: string;
  readonly residentIds: readonly string[];
  readonly at: number;
}

/** What one store kind must provide to the rounds. */
interface StoreUnderTest {
  readonly name: string;
  readonly stores: Stores;
  readonly residentIds: readonly string[];
  /** Writes `rows` by plain means in batches of PAGE; returns when all are stored. */
  rawInsert(rows: RawRows): Promise<void>;
  /** Empties the outbox (untimed, between measurements). */
  emptyOutbox(): Promise<void>;
  /** Server memory in bytes, when the store has a server. */
  serverMemory(): Promise<number | null>;
  close(): Promise<void>;
}

interface FanOutRun {
  readonly rate: number;
  readonly rssGrowth: number;
  readonly serverGrowth: number | null;
  readonly pages: number;
}

async function writeResidents(stores: Stores, now: number): Promise<string[]> {
  const ids: string[] = [];
  const batch: Promise<unknown>[] = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const r = benchResident(i, now);
    ids.push(r.id);
    batch.push(stores.residents.save(r, null, {}));
    if (batch.length >= 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return ids.sort();
}

async function measureFanOut(s: StoreUnderTest, engine: CampaignEngine, round: number): Promise<FanOutRun> {
  const announced = await engine.announce('U-ADMIN', { fr: `Annonce du banc numéro ${round}` }, { kind: 'all' });
  if (!announced.ok) throw new Error(`announce refused: ${announced.code}`);
  const id = announced.value.id;
  gc?.();
  const serverBefore = await s.serverMemory();
  const rssBefore = process.memoryUsage.rss();
  let peak = rssBefore;
  let pages = 0;
  let queued = 0;
  const started = performance.now();
  for (;;) {
    const step = await engine.fanOutBroadcast(id, PAGE);
    if (!step.ok) throw new Error(`fan-out refused: ${step.code}`);
    pages++;
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    queued = step.value.queued;
    if (step.value.done) break;
  }
  const ms = performance.now() - started;
  const serverAfter = await s.serverMemory();
  if (queued !== RESIDENTS) throw new Error(`fan-out queued ${queued} messages, expected ${RESIDENTS}`);
  const counts = await s.stores.outbox.groupCounts(id);
  if (counts.pending !== RESIDENTS) throw new Error(`outbox group of ${id} has ${counts.pending} pending, expected ${RESIDENTS}`);
  return {
    rate: (RESIDENTS / ms) * 1000,
    rssGrowth: (peak - rssBefore) / MIB,
    serverGrowth: serverBefore === null || serverAfter === null ? null : (serverAfter - serverBefore) / MIB,
    pages,
  };
}

async function measureRaw(s: StoreUnderTest, round: number): Promise<number> {
  const rows: RawRows = { broadcast: `bc_raw${round}`, residentIds: s.residentIds, at: BENCH_T0 + 2000 };
  const started = performance.now();
  await s.rawInsert(rows);
  return (RESIDENTS / (performance.now() - started)) * 1000;
}

interface StoreFigures {
  readonly store: string;
  readonly rate: number;
  readonly baseline: number;
  readonly ratio: number;
  readonly rssGrowth: number;
  readonly rssGrowthMax: number;
  readonly serverGrowth: number | null;
  readonly rounds: readonly { fanOut: number; raw: number; rssMiB: number }[];
  readonly pages: number;
  readonly setupSeconds: number;
}

async function measureStore(s: StoreUnderTest, setupSeconds: number): Promise<StoreFigures> {
  const clock = { now: () => BENCH_T0 + 1000 };
  const engine = createEngine({ campaign: benchCampaign(), stores: s.stores, clock, ids: new CryptoIds(), keys: new VoterKeys('bench-secret-0123456789') });
  const rounds: { fanOut: number; raw: number; rssMiB: number }[] = [];
  const runs: FanOutRun[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which goes first so a drift in machine load hits both alike.
    let raw = 0;
    if (round % 2 === 1) {
      raw = await measureRaw(s, round);
      await s.emptyOutbox();
    }
    const run = await measureFanOut(s, engine, round);
    await s.emptyOutbox();
    if (round % 2 === 0) {
      raw = await measureRaw(s, round);
      await s.emptyOutbox();
    }
    runs.push(run);
    rounds.push({ fanOut: Math.round(run.rate), raw: Math.round(raw), rssMiB: Number(run.rssGrowth.toFixed(1)) });
    log(`${s.name} round ${round + 1}/${ROUNDS}: fan-out ${run.rate.toFixed(0)} rows/s (${run.pages} pages, RSS +${run.rssGrowth.toFixed(1)} MiB${run.serverGrowth === null ? '' : `, server +${run.serverGrowth.toFixed(1)} MiB`}), raw ${raw.toFixed(0)} rows/s`);
  }
  const rate = median(runs.map((r) => r.rate));
  const baseline = median(rounds.map((r) => r.raw));
  const server = runs.map((r) => r.serverGrowth).filter((g): g is number => g !== null);
  return {
    store: s.name,
    rate,
    baseline,
    ratio: rate / baseline,
    rssGrowth: median(runs.map((r) => r.rssGrowth)),
    rssGrowthMax: Math.max(...runs.map((r) => r.rssGrowth)),
    serverGrowth: server.length === 0 ? null : median(server),
    rounds,
    pages: runs[0]?.pages ?? 0,
    setupSeconds,
  };
}

// ---- SQLite ------------------------------------------------------------------------------

async function sqliteUnderTest(dir: string): Promise<StoreUnderTest> {
  const file = sqliteFileFor(dir, 'fanout');
  const stores = openSqliteStores({ file });
  const residentIds = await writeResidents(stores, BENCH_T0);
  const raw = openDatabase(file);
  const insert = raw.prepare(
    `INSERT INTO outbox (key, recipient, template, params, not_before, status, attempts, after_key, grp, resident_id)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, NULL, ?, ?)`,
  );
  const batch = raw.transaction((rows: RawRows, from: number, to: number) => {
    const params = JSON.stringify({ broadcast: rows.broadcast });
    for (let i = from; i < to; i++) {
      const id = rows.residentIds[i]!;
      insert.run(broadcastMessageKey(rows.broadcast, id), `{"kind":"resident","residentId":${JSON.stringify(id)}}`, BROADCAST_TEMPLATE, params, rows.at, rows.broadcast, id);
    }
  });
  return {
    name: 'sqlite',
    stores,
    residentIds,
    rawInsert: async (rows) => {
      for (let i = 0; i < rows.residentIds.length; i += PAGE) batch(rows, i, Math.min(i + PAGE, rows.residentIds.length));
    },
    emptyOutbox: async () => {
      raw.exec('DELETE FROM outbox; DELETE FROM outbox_groups;');
      raw.pragma('wal_checkpoint(TRUNCATE)');
    },
    serverMemory: async () => null,
    close: async () => {
      raw.close();
      await stores.close();
    },
  };
}

// ---- Redis -------------------------------------------------------------------------------

/** The outbox's keys (adapters/redis/lua/includes/write-frame.lua, side keys 3–11). */
function outboxKeysOf(k: RedisKeys): string[] {
  return [k.outboxSeq, k.outboxKeys, k.outboxDraft, k.outboxStatus, k.outboxWait, k.outboxCounts, k.outboxHeld, k.outboxByResident, k.outboxGroups, k.outboxReady];
}

async function redisUnderTest(prefix: string, admin: Redis): Promise<StoreUnderTest> {
  const stores = await openRedisStores({ url: redisUrl, prefix });
  const k = stores.keys;
  const residentIds = await writeResidents(stores, BENCH_T0);
  const raw = new Redis(redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1 });
  return {
    name: 'redis',
    stores,
    residentIds,
    rawInsert: async (rows) => {
      let seq = Number((await raw.get(k.outboxSeq)) ?? 0);
      const group = `pending:${rows.broadcast}`;
      const params = JSON.stringify({ broadcast: rows.broadcast });
      for (let from = 0; from < rows.residentIds.length; from += PAGE) {
        const to = Math.min(from + PAGE, rows.residentIds.length);
        const keys: string[] = [];
        const drafts: string[] = [];
        const status: string[] = [];
        const wait: (string | number)[] = [];
        const byResident: (string | number)[] = [];
        for (let i = from; i < to; i++) {
          const id = rows.residentIds[i]!;
          const key = broadcastMessageKey(rows.broadcast, id);
          const s = String(++seq);
          keys.push(key, s);
          drafts.push(
            s,
            `{"key":${JSON.stringify(key)},"recipient":{"kind":"resident","residentId":${JSON.stringify(id)}},"template":"${BROADCAST_TEMPLATE}","params":${params},"notBefore":${rows.at},"group":${JSON.stringify(rows.broadcast)}}`,
          );
          status.push(s, 'pending');
          wait.push(rows.at, s);
          byResident.push(0, `${id}\u0000${s}`);
        }
        const n = to - from;
        await raw
          .pipeline()
          .incrby(k.outboxSeq, n)
          .hset(k.outboxKeys, ...keys)
          .hset(k.outboxDraft, ...drafts)
          .hset(k.outboxStatus, ...status)
          .zadd(k.outboxWait, ...wait)
          .hincrby(k.outboxCounts, 'pending', n)
          .zadd(k.outboxByResident, ...byResident)
          .hincrby(k.outboxGroups, group, n)
          .exec();
      }
    },
    emptyOutbox: async () => {
      await admin.unlink(...outboxKeysOf(k));
    },
    serverMemory: async () => {
      const info = await admin.info('memory');
      const m = /^used_memory:(\d+)/m.exec(info);
      return m === null ? null : Number(m[1]);
    },
    close: async () => {
      raw.disconnect();
      await stores.close();
    },
  };
}

async function deletePrefix(admin: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    if (keys.length > 0) await admin.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

// ---- run ---------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pnyx-bench-fanout-'));
  const prefix = `pnyx-bench:{fanout-${randomBytes(6).toString('hex')}}:`;
  const admin = new Redis(redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1 });
  try {
    const figures: StoreFigures[] = [];
    const makers: Record<string, () => Promise<StoreUnderTest>> = { sqlite: () => sqliteUnderTest(dir), redis: () => redisUnderTest(prefix, admin) };
    for (const name of STORES) {
      const make = makers[name];
      if (make === undefined) throw new Error(`BENCH_STORES names an unknown store: ${name} (sqlite, redis)`);
      const t = performance.now();
      const s = await make();
      const setupSeconds = (performance.now() - t) / 1000;
      log(`${name}: ${RESIDENTS} residents written in ${setupSeconds.toFixed(1)} s`);
      try {
        figures.push(await measureStore(s, setupSeconds));
      } finally {
        await s.close();
      }
    }
    const passOf = (f: StoreFigures): boolean => f.ratio >= TARGET_RATIO && f.rssGrowthMax < TARGET_RSS_MIB;
    const worst = [...figures].sort((a, b) => Number(passOf(a)) - Number(passOf(b)) || a.ratio - b.ratio)[0];
    if (worst === undefined) throw new Error('BENCH_STORES names no store (sqlite, redis)');
    const pass = figures.length === 2 && figures.every(passOf);
    const per = (f: StoreFigures) => ({
      value: Math.round(f.rate),
      baseline: Math.round(f.baseline),
      ratio: Number(f.ratio.toFixed(3)),
      rssGrowthMiB: Number(f.rssGrowth.toFixed(1)),
      rssGrowthMaxMiB: Number(f.rssGrowthMax.toFixed(1)),
      ...(f.serverGrowth === null ? {} : { serverGrowthMiB: Number(f.serverGrowth.toFixed(1)) }),
      pages: f.pages,
      rounds: f.rounds,
      setupSeconds: Number(f.setupSeconds.toFixed(1)),
    });
    const line = {
      bench: 'fanout',
      value: Math.round(worst.rate),
      unit: 'rows/s',
      baseline: Math.round(worst.baseline),
      ratio: Number(worst.ratio.toFixed(3)),
      target: TARGET_RATIO,
      pass,
      store: worst.store,
      rssGrowthMiB: Number(worst.rssGrowthMax.toFixed(1)),
      rssTargetMiB: TARGET_RSS_MIB,
      ...Object.fromEntries(figures.map((f) => [f.store, per(f)])),
      residents: RESIDENTS,
      pageSize: PAGE,
    };
    writeBenchLine(line, started, pass);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await deletePrefix(admin, prefix);
    admin.disconnect();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[fanout] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
