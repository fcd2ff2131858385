/**
 * The longest single Redis call while `BallotBox.list` reads a large envelope, measured on a
 * private `redis-server` (loopback, free port, temp dir, no persistence) so that its SLOWLOG
 * can be reset and set to log every command without touching the shared server. SLOWLOG
 * times each command's execution on the server (no network, no queueing): the time the
 * server was held by that call.
 *
 * The envelope is filled by a bench-only script writing the layout the cast script leaves
 * (bodies built by the adapter's own `ballotBody`), 2,000 ballots a call: fast.
 * The listed ballots are checked against what was written.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { openRedisStores } from '../../adapters/redis/index.ts';
import { redisKeys } from '../../adapters/redis/keys.ts';
import type { RedisKeys } from '../../adapters/redis/keys.ts';
import { ballotBody } from '../../adapters/redis/redis-ballot-box.ts';
import type { CastRequest } from '../../core/ports/ballot-box.ts';

/** Ballots per fill call. */
const FILL_BATCH = 2000;

/** What the measurement reports (added to the bench's JSON line). */
export interface PagedListFigures {
  readonly listBallots: number;
  /** Commands the store sent for one `list` (SSCAN pages and read scripts). */
  readonly listCalls: number;
  /** Mean of them on the server (ms, from INFO commandstats). */
  readonly listMeanCallMs: number;
  /** How many took over 10 ms on the server. */
  readonly listCallsOver10Ms: number;
  /** Longest of them on the server (ms, from SLOWLOG). */
  readonly listLongestCallMs: number;
  /** Which command that was (`sscan` or `evalsha`). */
  readonly listLongestCommand: string;
  /** Wall time of the whole `list` as the caller saw it (ms). */
  readonly listTotalMs: number;
  /** Filling the envelope (ms; not part of any figure). */
  readonly listFillMs: number;
  /** The machine's 1-minute load average when the list ended (the server shares its CPUs). */
  readonly listLoad1m: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, ms: number, probe: () => Promise<T>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await probe();
    } catch (e) {
      if (Date.now() > end) throw new Error(`${what}: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A synthetic cast request of voter `i` in `env-town`. */
function request(i: number): CastRequest {
  return {
    voterKey: `vk${String(i).padStart(8, '0')}${'x'.repeat(35)}`,
    slot: 'town',
    envelopeId: 'env-town',
    choices: [
      { ideaId: `idea_${i % 12}`, points: 1 },
      { ideaId: `idea_${(i * 7 + 3) % 12}`, points: 1 },
    ],
    requestId: String(500_000_000 + i),
    receipt: (0x10000000 + i).toString(16).toUpperCase(),
    at: Date.UTC(2026, 5, 1) + i,
    closesAt: Date.UTC(2026, 6, 1),
    allowReplace: true,
    assisted: false,
  };
}

/**
 * Bench-only fill script (never registered with the store): first ballots as
 * lua/ballot-cast.lua leaves them — hash fields v = 1, 1 = body, q:<requestId> = 1 — and
 * their envelope index members. KEYS[1] the envelope index, KEYS[2..] the ballot hashes;
 * ARGV member, body, request id per ballot. Counters are left out: `list` reads none.
 */
const FILL_LUA = `
for i = 2, #KEYS do
  local a = (i - 2) * 3
  redis.call('HSET', KEYS[i], 'v', '1', '1', ARGV[a + 2], 'q:' .. ARGV[a + 3], '1')
end
local members = {}
for i = 1, #ARGV, 3 do members[#members + 1] = ARGV[i] end
redis.call('SADD', KEYS[1], unpack(members))
return #members`;

/** Writes `n` first ballots in calls of FILL_BATCH ballots, a few in flight. */
async function fill(client: Redis, keys: RedisKeys, n: number): Promise<void> {
  client.defineCommand('benchFillBallots', { lua: FILL_LUA });
  const fillBallots = (client as unknown as { benchFillBallots(k: number, ...a: string[]): Promise<number> }).benchFillBallots.bind(client);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let from = next; from < n; from = next) {
      next += FILL_BATCH;
      const ballotKeys: string[] = [];
      const args: string[] = [];
      for (let i = from; i < Math.min(n, from + FILL_BATCH); i++) {
        const r = request(i);
        ballotKeys.push(keys.ballot(r.slot, r.voterKey));
        args.push(keys.ballotMember(r.slot, r.voterKey), ballotBody(r), r.requestId);
      }
      await fillBallots(1 + ballotKeys.length, keys.envelope('env-town'), ...ballotKeys, ...args);
    }
  };
  await Promise.all(Array.from({ length: 3 }, lane));
}

/** SLOWLOG threshold while listing (µs). */
const SLOWLOG_US = 100;
/** The top-level commands `list` sends. */
const LIST_COMMANDS = ['sscan', 'evalsha', 'eval'];

/** INFO commandstats as command → calls and total µs. */
async function commandStats(admin: Redis): Promise<Map<string, { calls: number; usec: number }>> {
  const out = new Map<string, { calls: number; usec: number }>();
  for (const m of (await admin.info('commandstats')).matchAll(/^cmdstat_(\w+):calls=(\d+),usec=(\d+)/gm)) out.set(m[1]!, { calls: Number(m[2]), usec: Number(m[3]) });
  return out;
}

/** Entries of SLOWLOG as [duration µs, command name, client name]. */
async function slowlog(admin: Redis): Promise<Array<[number, string, string]>> {
  const raw = (await admin.call('SLOWLOG', 'GET', '-1')) as unknown[][];
  return raw.map((e) => [Number(e[2]), String((e[3] as unknown[])[0]).toLowerCase(), String(e[5] ?? '')]);
}

/** A private server holding one filled envelope, ready to be listed. */
export interface PagedListRun {
  /** Lists the envelope once through the Redis ballot box and reports the figures. */
  measure(): Promise<PagedListFigures>;
  /** Stops the private server and removes its directory. */
  close(): Promise<void>;
}

/**
 * Starts a private redis-server and fills one envelope with `n` ballots; null (with the
 * reason logged) when no `redis-server` binary can be started. Filling takes CPU but times
 * nothing: run it beside phases that measure no time.
 */
export async function startPagedList(n: number, log: (m: string) => void): Promise<PagedListRun | null> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pnyx-bench-redis-'));
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--slowlog-log-slower-than', '-1', '--slowlog-max-len', '100000'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<null>((resolve) =>
    child.once('error', (e) => {
      log(`paged list: no private redis-server (${e.message}); figures skipped`);
      resolve(null);
    }),
  );
  const url = `redis://127.0.0.1:${port}`;
  const admin = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  admin.on('error', () => undefined);
  const close = async (): Promise<void> => {
    admin.disconnect();
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const prefix = 'pnyx-bench:list:';
  let listFillMs = 0;
  try {
    const up = await Promise.race([failed, until('private redis-server did not answer', 10_000, () => admin.connect().then(() => admin.ping()))]);
    if (up === null) {
      await close();
      return null;
    }
    log(`paged list: filling ${n} ballots on a private redis-server (port ${port})`);
    const filled = performance.now();
    await fill(admin, redisKeys(prefix), n);
    listFillMs = Math.round(performance.now() - filled);
  } catch (e) {
    await close();
    throw e;
  }

  const measure = async (): Promise<PagedListFigures> => {
    const stores = await openRedisStores({ url, prefix, commandTimeoutMs: 60_000 });
    try {
      // Commands a script calls are logged too (microseconds each): a threshold of 0.1 ms
      // keeps them out while every call of interest still shows.
      await admin.call('CONFIG', 'SET', 'slowlog-log-slower-than', String(SLOWLOG_US));
      await admin.call('SLOWLOG', 'RESET');
      await admin.call('CONFIG', 'RESETSTAT');
      const started = performance.now();
      const listed = await stores.ballots.list('env-town');
      const listTotalMs = Math.round(performance.now() - started);
      if (listed.length !== n) throw new Error(`paged list: listed ${listed.length} of ${n} ballots`);
      const probe = request(n >> 1);
      if (listed[n >> 1]?.voterKey !== probe.voterKey || listed[n >> 1]?.receipt !== probe.receipt) throw new Error('paged list: a listed ballot is not the one written');
      const stats = await commandStats(admin);
      const calls = (await slowlog(admin)).filter(([, cmd, client]) => client === 'pnyx-store' && LIST_COMMANDS.includes(cmd));
      const longest = calls.reduce<[number, string, string]>((m, c) => (c[0] > m[0] ? c : m), [0, '(none over 0.1 ms)', '']);
      const scripts = stats.get('evalsha') ?? { calls: 0, usec: 0 };
      const scans = stats.get('sscan') ?? { calls: 0, usec: 0 };
      const figures: PagedListFigures = {
        listBallots: n,
        listCalls: scripts.calls + scans.calls,
        listMeanCallMs: Number(((scripts.usec + scans.usec) / Math.max(1, scripts.calls + scans.calls) / 1000).toFixed(2)),
        listCallsOver10Ms: calls.filter((c) => c[0] > 10_000).length,
        listLongestCallMs: Number((longest[0] / 1000).toFixed(2)),
        listLongestCommand: longest[1],
        listTotalMs,
        listFillMs,
        listLoad1m: Number(os.loadavg()[0]!.toFixed(1)),
      };
      log(
        `paged list: ${n} ballots in ${figures.listCalls} calls (mean ${figures.listMeanCallMs} ms, ${figures.listCallsOver10Ms} over 10 ms), longest ${figures.listLongestCallMs} ms (${longest[1]}), ${listTotalMs} ms in all; load ${figures.listLoad1m}`,
      );
      return figures;
    } finally {
      await stores.close();
    }
  };
  return { measure, close };
}
