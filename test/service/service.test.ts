/**
 * The long-running service (bot/service): the HTTP server's routing, the health checks, the
 * whole service on the embedded store and on Redis (two instances, one scheduler), and the
 * real process stopping cleanly on SIGTERM.
 */
import { updateBroadcastId } from '../../core/phases/scheduled-messages.ts';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { readiness } from '../../bot/service/health.ts';
import { createLogger } from '../../bot/service/logger.ts';
import type { HealthSources } from '../../bot/service/health.ts';
import { startHttpServer } from '../../bot/service/http-server.ts';
import { runService } from '../../bot/service/run-service.ts';
import { bertrixFile, tempDir } from '../cli/cli-fixture.ts';
import { SECRET, TELEGRAM, bertrix, environment, root } from './service-fixture.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { deletePrefix, describeWithRedis, redisUrl } from '../support/redis.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';

const silent = pino({ level: 'silent' });

/**
 * Polls `/readyz` on `port` until `done(body)` holds or `timeoutMs` passes (a deadline for a
 * loaded machine, not a claim about speed); returns the last body.
 */
async function readyzUntil(port: number, done: (body: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const body = (await waitForHttp(`http://127.0.0.1:${port}/readyz`)).body as Record<string, unknown>;
    if (done(body) || Date.now() > until) return body;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('HTTP server', () => {
  it('routes exact paths: 404 elsewhere, 405 with Allow for another method, HEAD like GET without a body, 500 when a handler throws', async () => {
    const server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      logger: silent,
      routes: [
        { path: '/ok', methods: { GET: (_q, res) => void res.end('fine') } },
        {
          path: '/boom',
          methods: {
            GET: () => {
              throw new Error('secret detail');
            },
            POST: async () => {
              await Promise.resolve();
              throw new Error('secret detail');
            },
          },
        },
      ],
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect(await (await fetch(`${base}/ok?x=1`)).text()).toBe('fine');
      const missing = await fetch(`${base}/nope`);
      expect([missing.status, await missing.json()]).toEqual([404, { error: 'not_found' }]);
      const wrong = await fetch(`${base}/ok`, { method: 'POST' });
      expect([wrong.status, wrong.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
      for (const method of ['GET', 'POST']) {
        const boom = await fetch(`${base}/boom`, { method });
        const text = await boom.text();
        expect(boom.status).toBe(500);
        expect(text).not.toContain('secret detail');
      }
      const head = await fetch(`${base}/nope`, { method: 'HEAD' });
      expect([head.status, await head.text()]).toEqual([404, '']);
    } finally {
      await server.close();
    }
  });

  it('refuses two routes on one path, and says clearly when the port is taken', async () => {
    const route = { path: '/x', methods: { GET: () => undefined } };
    await expect(startHttpServer({ port: 0, host: '127.0.0.1', logger: silent, routes: [route, route] })).rejects.toThrow(/two routes for \/x/);
    const first = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silent, routes: [] });
    try {
      await expect(startHttpServer({ port: first.port, host: '127.0.0.1', logger: silent, routes: [] })).rejects.toThrow(`port ${first.port} is already in use (set PORT to a free port)`);
    } finally {
      await first.close();
    }
  });
});

describe('service logger', () => {
  it('censors tokens, secrets, URLs and authorization headers wherever a line carries them', () => {
    let out = '';
    const log = createLogger('info', { write: (line: string) => void (out += line) });
    log.info({ token: TELEGRAM, redisUrl: 'redis://:hunter2@10.0.0.5:6379', store: { url: 'redis://:hunter2@10.0.0.5:6379', secret: SECRET }, req: { headers: { authorization: 'Bearer xoxb-1-2-abc' } } }, 'hello');
    expect(out).not.toContain(TELEGRAM);
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain('xoxb-1-2-abc');
    expect(JSON.parse(out)).toMatchObject({ msg: 'hello', service: 'pnyx', token: '[redacted]', store: { url: '[redacted]', secret: '[redacted]' }, req: { headers: { authorization: '[redacted]' } } });
  });
});

describe('readiness', () => {
  const sources = (status: () => Promise<unknown>, counts: () => Promise<unknown>, timeoutMs = 2_000): HealthSources => ({
    engine: { campaign: { id: 'c1' }, status } as unknown as CampaignEngine,
    stores: { outbox: { counts, failedByReason: async () => [{ reason: 'telegram 502', count: 1 }, { reason: 'telegram 403: blocked by the user', count: 3 }] } } as unknown as Stores,
    store: 'redis',
    schedulerLeading: () => false,
    timeoutMs,
  });

  it('is ready with the phase, the scheduler role and the outbox backlog', async () => {
    const r = await readiness(
      sources(
        async () => ({ status: { kind: 'between', after: 'ideas', next: 'review', opensAt: Date.UTC(2026, 4, 1), held: null } }),
        async () => ({ pending: 4, sent: 10, failed: 1 }),
      ),
    );
    expect(r).toEqual({
      ready: true,
      body: { status: 'ready', campaign: 'c1', store: 'redis', scheduler: 'standby', phase: { kind: 'between', after: 'ideas', next: 'review', opensAt: '2026-05-01T00:00:00.000Z' }, outbox: { pending: 4, failed: 1, parked: [{ reason: 'telegram 502', count: 1 }] } },
    });
  });

  it('is not ready when the store fails, without the error text (it may name a host)', async () => {
    const r = await readiness(sources(async () => Promise.reject(new Error('connect ECONNREFUSED redis.internal:6379')), async () => ({ pending: 0, sent: 0, failed: 0 })));
    expect(r).toEqual({ ready: false, body: { status: 'unavailable', campaign: 'c1', store: 'redis', scheduler: 'standby', reason: 'store_error' } });
  });

  it('is not ready when the store does not answer in time', async () => {
    const r = await readiness(sources(() => new Promise(() => undefined), async () => ({ pending: 0, sent: 0, failed: 0 }), 50));
    expect(r.ready).toBe(false);
    expect(r.body['reason']).toBe('store_timeout');
  });
});

describe('the service on the embedded store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('service'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('serves health on PORT, leads the scheduler (the due digest is queued once), and shuts down cleanly on abort', async () => {
    const campaign = await bertrix();
    const port = await freePort();
    const stop = new AbortController();
    let ready: { port: number } | undefined;
    const env = environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET, PORT: String(port) });
    const done = runService({ campaign, env, cwd: dir, logger: silent, signal: stop.signal, clock: { now: () => Date.UTC(2026, 3, 24, 12) }, onReady: (i) => (ready = i) });
    expect(await waitForHttp(`http://127.0.0.1:${port}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(ready).toEqual({ port });
    // The scheduler's first run is asynchronous: wait until it has queued the due messages.
    const body = await readyzUntil(port, (b) => b['scheduler'] === 'leading' && (b['outbox'] as { pending: number }).pending > 0);
    expect(body).toMatchObject({ status: 'ready', campaign: 'bertrix-2026', store: 'sqlite', scheduler: 'leading' });
    stop.abort();
    expect(await done).toEqual({ exitCode: 0 });
    expect(existsSync(path.join(dir, 'data', 'bertrix-2026.sqlite'))).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();

    // A restart finds the same queued occurrences: nothing is queued twice.
    const again = new AbortController();
    const port2 = await freePort();
    const second = runService({ campaign, env: environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET, PORT: String(port2) }), cwd: dir, logger: silent, signal: again.signal, clock: { now: () => Date.UTC(2026, 3, 24, 12) } });
    await waitForHttp(`http://127.0.0.1:${port2}/healthz`);
    const after = await readyzUntil(port2, (b) => b['scheduler'] === 'leading');
    expect(after['scheduler']).toBe('leading');
    again.abort();
    // Shutdown waits for the scheduler's run in progress, so its first catch-up is done now.
    expect(await second).toEqual({ exitCode: 0 });
    const stores = openSqliteStores({ file: sqliteFileFor(path.join(dir, 'data'), 'bertrix-2026') });
    try {
      const keys = (await stores.outbox.list(0, 1000)).map((m) => m.key);
      // 24 April 2026 is in submission: Friday 24 April's digest (08:00 in Bertrix) to the mayor
      // on Slack, and Monday 20 April's update as a system broadcast, once each.
      expect(keys.filter((k) => /^(digest|update):/.test(k)).sort()).toEqual(['digest:2026-04-24T06:00:00.000Z:slack:U07BRTXMAYOR']);
      expect(new Set(keys).size).toBe(keys.length);
      const updates = (await stores.broadcasts.list(null, 100)).filter((b) => b.id.startsWith('bc_upd-'));
      expect(updates.map((b) => [b.id, b.by])).toEqual([[updateBroadcastId(Date.UTC(2026, 3, 20, 7)), 'system:scheduler']]);
      expect(await stores.outbox.counts()).toMatchObject({ pending: (body['outbox'] as { pending: number }).pending });
    } finally {
      await stores.close();
    }
  }, 60_000);

  it('stops at once, cleanly, when asked to stop while still starting', async () => {
    const stop = new AbortController();
    stop.abort();
    const port = await freePort();
    const exit = await runService({ campaign: await bertrix(), env: environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET, PORT: String(port) }), cwd: dir, logger: silent, signal: stop.signal });
    expect(exit).toEqual({ exitCode: 0 });
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('refuses another PNYX_SECRET (exit 1) and a taken port (exit 1), closing the store each time', async () => {
    const campaign = await bertrix();
    const port = await freePort();
    const wrong = await runService({ campaign, env: environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: 'another-secret-0123456789', PORT: String(port) }), cwd: dir, logger: silent, signal: new AbortController().signal });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.message).toMatch(/PNYX_SECRET does not match/);
    expect(wrong.message).not.toContain('another-secret');

    const blocker = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silent, routes: [] });
    try {
      const taken = await runService({ campaign, env: environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET, PORT: String(blocker.port) }), cwd: dir, logger: silent, signal: new AbortController().signal });
      expect(taken).toEqual({ exitCode: 1, message: `port ${blocker.port} is already in use (set PORT to a free port)` });
    } finally {
      await blocker.close();
    }
  });
});

describeWithRedis('two service instances on one Redis campaign', () => {
  const id = `test-svc-${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    await deletePrefix(`pnyx:{${id}}:`);
    // Its job schedulers' queue (BullMQ, on Redis).
    await deletePrefix(`pnyx-bull:{${id}}:`);
  });

  it('both are ready, exactly one runs the scheduler, and the other takes over when it stops', async () => {
    const campaign = { ...(await bertrix()), id };
    const ports = [await freePort(), await freePort()];
    const stops = [new AbortController(), new AbortController()];
    const runs = ports.map((port, i) =>
      runService({ campaign, env: environment({ REDIS_URL: redisUrl, PNYX_SECRET: SECRET, PORT: String(port) }), cwd: root, logger: silent, signal: stops[i]!.signal }),
    );
    // Wait until one of them has won the lease (the other then stays standby), then ask both.
    const leads = (b: Record<string, unknown>): boolean => b['scheduler'] === 'leading';
    await Promise.any(ports.map(async (p) => (leads(await readyzUntil(p, leads)) ? p : Promise.reject(new Error(`port ${p} never led`)))));
    const seen = await Promise.all(ports.map(async (p) => (await readyzUntil(p, () => true))['scheduler']));
    expect([...seen].sort()).toEqual(['leading', 'standby']);
    for (const p of ports) expect(await waitForHttp(`http://127.0.0.1:${p}/readyz`)).toMatchObject({ status: 200, body: { status: 'ready', store: 'redis', campaign: id } });

    const leader = seen.indexOf('leading');
    const other = 1 - leader;
    stops[leader]!.abort();
    expect(await runs[leader]).toEqual({ exitCode: 0 });
    // The stopped leader released its lease; the standby acquires it at its next attempt (≤ ttl/2).
    const role = (await readyzUntil(ports[other]!, (b) => b['scheduler'] === 'leading', 30_000))['scheduler'];
    expect(role).toBe('leading');
    stops[other]!.abort();
    expect(await runs[other]).toEqual({ exitCode: 0 });
  }, 90_000);
});

describe('pnyx start as a real process', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('service-process'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('runs with a token until SIGTERM, then exits 0 after a clean shutdown; its logs are JSON without the secrets', async () => {
    const port = await freePort();
    // The token starts the residents' bot, which checks it with getMe first.
    const api = await TelegramStandIn.start({ token: TELEGRAM });
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bot/cli.ts'), 'start', '--config', bertrixFile], {
      // From the repository, so `--import tsx` resolves; the store goes to the temp directory.
      cwd: root,
      env: { PATH: process.env.PATH ?? '', TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_API_ROOT: api.apiRoot, PNYX_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1', PNYX_DATA_DIR: path.join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      expect(await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000)).toEqual({ status: 200, body: { status: 'ok' } });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await api.stop();
    }
    expect(err).toBe('');
    const msgs = out.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(msgs).toEqual(expect.arrayContaining(['pnyx is running', 'stop requested', 'shutting down', 'stopped']));
    expect(out).not.toContain(TELEGRAM);
    expect(out).not.toContain(SECRET);
    expect(existsSync(path.join(dir, 'data', 'bertrix-2026.sqlite'))).toBe(true);
  }, 60_000);
});
