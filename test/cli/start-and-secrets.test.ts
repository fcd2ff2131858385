import path from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { main } from '../../bot/cli.ts';
import { startCommand } from '../../bot/commands/start.ts';
import { simulateCommand } from '../../bot/commands/simulate.ts';
import { auditCommand } from '../../bot/commands/audit.ts';
import { exportCommand } from '../../bot/commands/export.ts';
import { tallyCampaign } from '../../bot/commands/tally-campaign.ts';
import { bertrixFile, cityFile, recordingIo, resultsTable, tempDir } from './cli-fixture.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';

const SECRET = 'a-real-campaign-secret-0123456789';
const OTHER = 'not-the-campaign-secret-987654321';
const TELEGRAM = '123456789:FAKE-test-token-not-a-real-bot';

describe('pnyx start', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('start'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('without tokens runs the Bertrix demo (800 residents, seed 1), says how to connect real bots, exits 0', async () => {
    const io = recordingIo(dir, { PNYX_DATA_DIR: 'data' });
    expect(await startCommand([], io)).toBe(0);
    const out = io.out();
    expect(io.err()).toBe('');
    expect(out).toContain('No TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN set: running the demo');
    expect(out).toContain('Pnyx simulation — Bertrix participatory budget 2026 (bertrix-2026)');
    expect(out).toContain('seed 1, 800 synthetic residents');
    expect(out).toMatch(/Results — Town-wide envelope \(commune\)/);
    expect(out).toContain('How to connect real bots:');
    expect(out).toContain('TELEGRAM_BOT_TOKEN=');
    expect(out).toContain('PNYX_SECRET=');
    expect(existsSync(path.join(dir, 'data', 'simulations', 'bertrix-2026.sqlite'))).toBe(true);
    // The demo never writes the real campaign's store.
    expect(existsSync(path.join(dir, 'data', 'bertrix-2026.sqlite'))).toBe(false);
  });

  it('is what `main start` runs, and takes --config', async () => {
    const io = recordingIo(dir, { PNYX_DATA_DIR: 'data' });
    expect(await main(['start', '--config', cityFile], io)).toBe(0);
    expect(io.out()).toContain('(leuven-2027)');
  });

  it('with a token runs the service on PORT until stopped, says what it cannot deliver, never prints the token', async () => {
    const port = await freePort();
    const stop = new AbortController();
    const api = await TelegramStandIn.start({ token: TELEGRAM });
    onTestFinished(() => api.stop());
    const io = { ...recordingIo(dir, { PNYX_DATA_DIR: 'data', TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_API_ROOT: api.apiRoot, PNYX_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }), signal: stop.signal };
    const running = startCommand([], io);
    const health = await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    expect(health).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', campaign: 'bertrix-2026', store: 'sqlite' });
    stop.abort();
    expect(await running).toBe(0);
    const lines = io.out().trim().split('\n').map((l) => JSON.parse(l) as { msg: string; level: number });
    // Bertrix's digest goes to the mayor on Slack, and no Slack token is set here.
    expect(lines.find((l) => l.msg.startsWith("the mayor's digest to 1 Slack user(s) waits"))?.level).toBe(40);
    expect(lines.some((l) => l.msg.startsWith('without TELEGRAM_BOT_TOKEN'))).toBe(false);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['pnyx is running', 'shutting down', 'stopped']));
    expect(io.out() + io.err()).not.toContain(TELEGRAM);
    expect(io.out() + io.err()).not.toContain(SECRET);
    // The real campaign's store, not the demo's.
    expect(existsSync(path.join(dir, 'data', 'bertrix-2026.sqlite'))).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('with a token but no PNYX_SECRET refuses to start (exit 2) and listens on nothing', async () => {
    const port = await freePort();
    const io = { ...recordingIo(dir, { PNYX_DATA_DIR: 'data2', TELEGRAM_BOT_TOKEN: TELEGRAM, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), signal: new AbortController().signal };
    expect(await startCommand([], io)).toBe(2);
    expect(io.err()).toMatch(/PNYX_SECRET is not set/);
    expect(existsSync(path.join(dir, 'data2', 'bertrix-2026.sqlite'))).toBe(false);
  });

  it('refuses a bad environment with exit 2, naming the variable', async () => {
    const io = recordingIo(dir, { PNYX_SECRET: 'short' });
    expect(await startCommand([], io)).toBe(2);
    expect(io.err()).toMatch(/PNYX_SECRET: expected at least 16 characters/);
    expect(io.err()).not.toContain('short\n');
  });
});

describe('stores and PNYX_SECRET', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('secrets'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('a simulation made with PNYX_SECRET opens with it, refuses another, and never prints it', async () => {
    const env = { PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET };
    const sim = recordingIo(dir, env);
    expect(await simulateCommand([bertrixFile, '--residents', '120', '--seed', 'x'], sim)).toBe(0);
    expect(sim.out()).toContain('voter keys from PNYX_SECRET');
    const ok = recordingIo(dir, env);
    expect(await tallyCampaign([bertrixFile, '--data-dir', 'data/simulations'], ok)).toBe(0);
    expect(resultsTable(ok.out())).toBe(resultsTable(sim.out()));
    const wrong = recordingIo(dir, { ...env, PNYX_SECRET: OTHER });
    expect(await auditCommand([bertrixFile, '--data-dir', 'data/simulations'], wrong)).toBe(1);
    expect(wrong.err()).toMatch(/PNYX_SECRET does not match the secret this campaign's store was first opened with/);
    const demo = recordingIo(dir, { PNYX_DATA_DIR: 'data' });
    expect(await auditCommand([bertrixFile, '--data-dir', 'data/simulations'], demo)).toBe(1);
    expect(demo.err()).toMatch(/made with a PNYX_SECRET/);
    for (const io of [sim, ok, wrong, demo]) expect(io.out() + io.err()).not.toMatch(new RegExp(`${SECRET}|${OTHER}`));
  });

  it('read commands need PNYX_SECRET outside a simulations directory, and never create a store', async () => {
    const noStore = recordingIo(dir, { PNYX_DATA_DIR: 'real' });
    expect(await tallyCampaign([bertrixFile], noStore)).toBe(1);
    expect(noStore.err()).toMatch(/no stored campaign "bertrix-2026" at real\/bertrix-2026\.sqlite/);
    expect(existsSync(path.join(dir, 'real'))).toBe(false);
    // A real store exists (copied from a simulation made with the real secret).
    const { copyFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'real'), { recursive: true });
    await copyFile(path.join(dir, 'data', 'simulations', 'bertrix-2026.sqlite'), path.join(dir, 'real', 'bertrix-2026.sqlite'));
    const noSecret = recordingIo(dir, { PNYX_DATA_DIR: 'real' });
    expect(await exportCommand([bertrixFile], noSecret)).toBe(2);
    expect(noSecret.err()).toMatch(/PNYX_SECRET is not set/);
    const withSecret = recordingIo(dir, { PNYX_DATA_DIR: 'real', PNYX_SECRET: SECRET });
    expect(await auditCommand([bertrixFile], withSecret)).toBe(0);
    expect(withSecret.out()).toMatch(/chain verified: \d+ entries/);
  });

  it('bad arguments exit 2 with the usage', async () => {
    const io = recordingIo(dir, {});
    expect(await simulateCommand([bertrixFile, '--residents', 'lots'], io)).toBe(2);
    expect(io.err()).toMatch(/--residents expects a whole number/);
    const io2 = recordingIo(dir, {});
    expect(await auditCommand([], io2)).toBe(2);
    expect(io2.err()).toMatch(/Usage: pnyx audit FILE/);
    const io3 = recordingIo(dir, {});
    expect(await main(['--help'], io3)).toBe(0);
    for (const c of ['simulate', 'export', 'audit', 'start']) expect(io3.out()).toContain(`pnyx ${c}`);
  });
});
