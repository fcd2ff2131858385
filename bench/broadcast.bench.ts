/**
 * A staff announcement to 4,500 residents delivered by the real service (`pnyx start` as a
 * child process, its own sender, budget and store) against the Telegram stand-in enforcing
 * Telegram's real limits — 30 messages/s over a sliding second, 1/s per chat — on its own
 * worker thread, answering every call after a Telegram-like round trip.
 *
 *   npm run bench -- broadcast     (BENCH_STORE=redis for Redis at REDIS_URL)
 *
 * Setup (not timed): the residents written straight to the store the service opens, the
 * stand-in's users registered, the service started and healthy; then the broadcast is
 * announced through the engine, and the bench polls its record until it is `done`.
 * - value: the sustained rate at the stand-in, messages/s from the first accepted send to the
 *   last ((n − 1) / span);
 * - baseline: the stand-in's limit (30/s) — what a perfect sender reaches; ratio = value / 30;
 * - tooManyRequests: sends the stand-in answered 429 (the budget must keep them at 0);
 *   duplicates: sends beyond the first into a chat; maxPerSecond: the most sends in one
 *   sliding second; peakRssMiB: the service process's peak resident set (VmHWM).
 * Pass: ratio ≥ 0.97 (29/s), no 429, no duplicate, everyone reached, no call Telegram would
 * refuse. The run is cut at BENCH_MAX_SECONDS of sending (default 158: a run at 29/s needs
 * 155 s, and the bench ends within 3 minutes); a cut run reports what it reached and fails.
 * Environment: BENCH_RESIDENTS (4500), BENCH_DELAY_MS (`50-100`: each call answered after a
 * uniform draw in that range; `0` for none), BENCH_STORE (`sqlite`), BENCH_MAX_SECONDS.
 * Progress on stderr; ONE JSON line on stdout; exit code 1 when `pass` is false.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort, waitForHttp } from '../test/support/http.ts';
import { StandInThread } from './support/stand-in-thread.ts';
import type { SendStats } from './support/stand-in-thread.ts';
import { announce, broadcastTexts, fakeBotToken, openCampaign, seedResidents, startService, writeCampaignFile } from './support/broadcast-service.ts';
import type { ServiceProcess, StoreChoice } from './support/broadcast-service.ts';
import { writeBenchLine } from './support/bench-line.ts';

const RESIDENTS = Number(process.env['BENCH_RESIDENTS'] ?? 4500);
const LIMIT = 30;
const TARGET = 29;
const MAX_SECONDS = Number(process.env['BENCH_MAX_SECONDS'] ?? 158);
const STORE = process.env['BENCH_STORE'] ?? 'sqlite';
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MIB = 1024 * 1024;

function delayOf(spec: string): { min: number; max: number } {
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (m === null) throw new Error(`BENCH_DELAY_MS: expected N or MIN-MAX (ms), got ${spec}`);
  const min = Number(m[1]);
  return { min, max: m[2] === undefined ? min : Number(m[2]) };
}
const DELAY = delayOf(process.env['BENCH_DELAY_MS'] ?? '50-100');

const log = (msg: string): void => {
  process.stderr.write(`[broadcast] ${msg}\n`);
};

/** A process's resident set, current and peak, in bytes (Linux /proc); null elsewhere. */
function rssOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return null;
  }
}

async function deleteCampaignKeys(prefix: string): Promise<void> {
  const r = new Redis(redisUrl, { connectTimeout: 2000, maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 5000);
      if (keys.length > 0) await r.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  if (STORE !== 'sqlite' && STORE !== 'redis') throw new Error(`BENCH_STORE: sqlite or redis, not ${STORE}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pnyx-bench-broadcast-'));
  const id = `bench-bc-${randomBytes(5).toString('hex')}`;
  const store: StoreChoice = STORE === 'sqlite' ? { kind: 'sqlite', dataDir: path.join(dir, 'data') } : { kind: 'redis', url: redisUrl, dataDir: path.join(dir, 'data') };
  const token = fakeBotToken();
  let api: StandInThread | null = null;
  let service: ServiceProcess | null = null;
  const opened = await openCampaign(writeCampaignFile(dir, id), store);
  try {
    const t0 = Date.now();
    const chats = await seedResidents(opened.stores, 800_000_000, RESIDENTS);
    api = await StandInThread.start(token, { limits: { perSecond: LIMIT, perChatPerSecond: 1, perGroupPerMinute: 20 }, responseDelayMs: DELAY });
    await api.users(chats);
    log(`${RESIDENTS} residents on ${STORE} in ${((Date.now() - t0) / 1000).toFixed(1)} s; stand-in at ${LIMIT}/s, answering after ${DELAY.min}–${DELAY.max} ms`);

    service = startService({ campaignFile: path.join(dir, `${id}.yaml`), store, token, apiRoot: api.apiRoot, port: await freePort(), messagesPerSecond: LIMIT, logLevel: 'warn' });
    await waitForHttp(`http://127.0.0.1:${service.port}/healthz`, 60_000);
    const broadcast = await announce(opened.engine, broadcastTexts(id));
    log(`service up (pid ${service.child.pid}); broadcast ${broadcast} announced`);

    let stats: SendStats = await api.sendStats();
    let peakRss = 0;
    let done = false;
    let lastLog = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      if (service.child.exitCode !== null) throw new Error(`the service exited (${service.child.exitCode}):\n${service.output()}`);
      const rss = rssOf(service.child.pid!);
      if (rss !== null) peakRss = Math.max(peakRss, rss.peak, rss.rss);
      stats = await api.sendStats();
      const p = await opened.engine.broadcastProgress(broadcast);
      done = p.ok && p.value.status === 'done';
      if (done) break;
      const sending = stats.firstAt === null ? 0 : (Date.now() - stats.firstAt) / 1000;
      if (sending > MAX_SECONDS) {
        log(`cut after ${MAX_SECONDS} s of sending`);
        break;
      }
      if (Date.now() - lastLog > 15_000) {
        lastLog = Date.now();
        log(`${stats.accepted}/${RESIDENTS} sent in ${sending.toFixed(0)} s, ${stats.tooManyRequests} × 429`);
      }
    }
    const final = rssOf(service.child.pid!);
    if (final !== null) peakRss = Math.max(peakRss, final.peak);
    const exit = await service.stop();
    service = null;
    stats = await api.sendStats();

    const span = stats.firstAt === null || stats.lastAt === null ? 0 : (stats.lastAt - stats.firstAt) / 1000;
    const rate = span > 0 ? (stats.accepted - 1) / span : 0;
    const ratio = rate / LIMIT;
    const complete = done && stats.chats === RESIDENTS;
    const pass = complete && ratio >= TARGET / LIMIT && stats.tooManyRequests === 0 && stats.duplicates === 0 && stats.violations === 0 && exit === 0;
    const line = {
      bench: 'broadcast',
      value: Number(rate.toFixed(2)),
      unit: 'messages/s',
      baseline: LIMIT,
      ratio: Number(ratio.toFixed(3)),
      target: TARGET,
      pass,
      tooManyRequests: stats.tooManyRequests,
      duplicates: stats.duplicates,
      peakRssMiB: Number((peakRss / MIB).toFixed(1)),
      store: STORE,
      residents: RESIDENTS,
      reached: stats.chats,
      complete,
      sendingSeconds: Number(span.toFixed(1)),
      maxPerSecond: stats.maxPerSecond,
      responseDelayMs: DELAY,
      violations: stats.violations,
      serviceExit: exit,
    };
    writeBenchLine(line, started, pass);
  } finally {
    if (service !== null) await service.kill9();
    await api?.stop();
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
    if (STORE === 'redis') await deleteCampaignKeys(`pnyx:{${id}}:`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[broadcast] failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
