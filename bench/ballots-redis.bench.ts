/**
 * Ballots per second through the engine on the Redis store, against a raw ioredis baseline
 * measured in the same run, plus Redis memory per registered resident and per ballot.
 *
 *   node --import tsx bench/ballots-redis.bench.ts        (REDIS_URL, default redis://127.0.0.1:6379)
 *
 * - baseline: ioredis from this process, 64 requests in flight, unpipelined EVALSHA of a
 *   script doing one SET — ops/s.
 * - value: the engine's `castBallot` use case (eligibility, phase judged against the clock, rule
 *   check, voter-key HMAC, atomic cast script), 64 in flight, over a pool of 400,000 registered
 *   residents, so every timed cast is a resident's first (the engine's short eligibility memo
 *   never helps) — ballots/s. Setting BENCH_POOL lower measures re-casts instead.
 *   Both are measured in alternating rounds; the median round of each is kept.
 * - memory: INFO used_memory before/after registering 100,000 synthetic residents through
 *   `ResidentStore.save` (done markers included: they live 10 min), then after casting one
 *   ballot for each; on a unique prefix, deleted afterwards.
 * - paged list (after the timed rounds, so it cannot slow them): `BallotBox.list` over one
 *   envelope of 500,000 ballots on a private redis-server, filled beside the registrations;
 *   the longest single call on the server (SLOWLOG), the mean, how many took over 10 ms, and
 *   the load average, since the server shares the machine's CPUs (bench/support/paged-list.ts).
 *   `list*` fields of the JSON line; not part of `pass`.
 * Progress goes to stderr; stdout gets ONE JSON line. Exit code 1 when `pass` is false.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { openRedisStores } from '../adapters/redis/index.ts';
import type { RedisStores } from '../adapters/redis/index.ts';
import { VoterKeys } from '../core/ballots/voter-keys.ts';
import type { Resident } from '../core/residents/resident.ts';
import { startPagedList } from './support/paged-list.ts';
import type { PagedListRun } from './support/paged-list.ts';
import { prepareVotingCampaign } from './support/voting-campaign.ts';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const IN_FLIGHT = 64;
const ROUND_MS = 2000;
const ROUNDS = 5;
const RESIDENTS = 100_000;
/** Registered residents the engine casts for; casts beyond the pool replace earlier ballots. */
const POOL = Number(process.env['BENCH_POOL'] ?? 400_000);
const T0 = Date.UTC(2026, 5, 1);
const CLOSES_AT = Date.UTC(2026, 6, 1);
/** Ballots in the envelope `BallotBox.list` reads for the paged-list figures. */
const LIST_BALLOTS = Number(process.env['BENCH_LIST_BALLOTS'] ?? 500_000);

const log = (msg: string): void => {
  process.stderr.write(`[ballots-redis] ${msg}\n`);
};

/** Runs `op(i)` with `IN_FLIGHT` concurrent callers for `ms`; returns ops/s. */
async function throughput(ms: number, op: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  let done = 0;
  const until = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < until) {
        await op(next++);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** Runs `op(i)` for i in [0, n) with `IN_FLIGHT` concurrent callers. */
async function forAll(n: number, op: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < n; i = next++) await op(i);
    }),
  );
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function usedMemory(r: Redis): Promise<number> {
  const info = await r.info('memory');
  const m = /used_memory:(\d+)/.exec(info);
  if (m === null) throw new Error('INFO memory has no used_memory');
  return Number(m[1]);
}

async function deletePrefix(r: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
    if (keys.length > 0) await r.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

function syntheticResident(i: number): Resident {
  const telegramId = 100_000_000 + i * 7919;
  return {
    id: `tg:${telegramId}`,
    telegramId,
    displayName: `Resident ${i}`,
    locale: i % 3 === 0 ? 'nl' : 'fr',
    consent: { version: '2026-03', at: T0 - 86_400_000 + i },
    ageBand: ['18-29', '30-44', '45-64', '65+'][i % 4] ?? null,
    area: ['north', 'south', 'centre'][i % 3] ?? null,
    verified: i % 5 === 0 ? { method: 'phone', at: T0 - 3_600_000 } : null,
    role: 'resident',
    subscribed: true,
    step: 'done',
    assistedBy: null,
    createdAt: T0 - 86_400_000 + i,
    registeredAt: T0 - 86_000_000 + i,
    version: 1,
  };
}

async function main(): Promise<void> {
  const admin = new Redis(url, { connectTimeout: 2000, maxRetriesPerRequest: 1 });
  const raw = new Redis(url, { connectTimeout: 2000 });
  raw.defineCommand('benchSet', { numberOfKeys: 1, lua: "redis.call('SET', KEYS[1], ARGV[1])\nreturn 1" });
  const benchSet = (raw as unknown as { benchSet(k: string, v: string): Promise<unknown> }).benchSet.bind(raw);
  const prefix = `pnyx-bench:${randomBytes(6).toString('hex')}:`;
  const voterKeys = new VoterKeys(randomBytes(24).toString('base64url'));
  let stores: RedisStores | null = null;
  let engineStores: RedisStores | null = null;
  let listing: Promise<PagedListRun | null> = Promise.resolve(null);
  try {
    stores = await openRedisStores({ url, prefix });
    const box = stores.ballots;
    const rawKeys = Array.from({ length: 256 }, (_, i) => `${prefix}raw:${i}`);
    // The engine path: a campaign in voting on its own prefix, with a pool of registered residents.
    const enginePrefix = `${prefix}engine:`;
    engineStores = await openRedisStores({ url, prefix: enginePrefix });
    // The paged list's private server is filled beside the registrations, which time nothing,
    // and done before the timed rounds start.
    listing = startPagedList(LIST_BALLOTS, log);
    listing.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled
    log(`engine: registering ${POOL} residents and finalists`);
    const voting = await prepareVotingCampaign(engineStores, POOL);
    const listRun = await listing;
    let castN = 0;
    const cast = async (): Promise<unknown> => {
      const n = castN++;
      const out = await voting.engine.castBallot(voting.residentIds[n % POOL]!, 'town', [{ ideaId: voting.finalistIds[n % voting.finalistIds.length]! }], `upd-${n}`);
      if (!out.ok) throw new Error(`cast refused: ${out.code}`);
      return out;
    };

    log('warm-up');
    await throughput(500, (i) => benchSet(rawKeys[i % 256] as string, 'x'));
    await throughput(500, cast);
    const base: number[] = [];
    const value: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      base.push(await throughput(ROUND_MS, (i) => benchSet(rawKeys[i % 256] as string, 'x')));
      value.push(await throughput(ROUND_MS, cast));
      log(`round ${r + 1}: baseline ${base[r]?.toFixed(0)} ops/s, engine.castBallot ${value[r]?.toFixed(0)} ballots/s`);
    }
    const castsTimed = castN;
    await deletePrefix(admin, enginePrefix);
    await deletePrefix(admin, prefix);

    log(`memory: registering ${RESIDENTS} residents`);
    const before = await usedMemory(admin);
    await forAll(RESIDENTS, async (i) => {
      const out = await stores?.residents.save(syntheticResident(i), null, {});
      if (out !== 'saved') throw new Error(`resident ${i}: ${out}`);
    });
    const afterResidents = await usedMemory(admin);
    log(`memory: casting ${RESIDENTS} ballots`);
    await forAll(RESIDENTS, async (i) => {
      const out = await box.cast(
        {
          voterKey: voterKeys.ballotKey(syntheticResident(i).id),
          slot: 'town',
          envelopeId: 'env-town',
          choices: [{ ideaId: `idea_${i % 12}`, points: 1 }],
          requestId: `${500_000_000 + i}`,
          receipt: randomBytes(5).toString('hex').toUpperCase(),
          at: T0 + i,
          closesAt: CLOSES_AT,
          allowReplace: true,
          assisted: false,
        },
        {},
      );
      if (out.status !== 'recorded') throw new Error(`ballot ${i}: ${out.status}`);
    });
    const afterBallots = await usedMemory(admin);
    const bytesPerResident = Math.round((afterResidents - before) / RESIDENTS);
    const bytesPerBallot = Math.round((afterBallots - afterResidents) / RESIDENTS);
    log(`memory: ${bytesPerResident} B/resident (with done markers), ${bytesPerBallot} B/ballot`);

    const listFigures = listRun === null ? { listSkipped: 'no redis-server binary' } : await listRun.measure();

    const baseline = Math.round(median(base));
    const ballots = Math.round(median(value));
    const ratio = Number((ballots / baseline).toFixed(3));
    const pass = ratio >= 0.25 && bytesPerResident <= 1024;
    process.stdout.write(
      `${JSON.stringify({ bench: 'ballots-redis', value: ballots, unit: 'ballots/s', baseline, ratio, target: 0.25, pass, bytesPerResident, bytesPerBallot, residentTarget: 1024, path: 'engine.castBallot', inFlight: IN_FLIGHT, castsTimed, replacementShare: Number((Math.max(0, castsTimed - POOL) / castsTimed).toFixed(3)), ...listFigures, listTargetMs: 10 })}\n`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    await (await listing.catch(() => null))?.close();
    await stores?.close();
    await engineStores?.close();
    await deletePrefix(admin, prefix).catch(() => undefined);
    raw.disconnect();
    admin.disconnect();
  }
}

await main();
