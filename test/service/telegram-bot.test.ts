/**
 * The residents' bot inside the service, against the strict Bot API stand-in: with
 * TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT set, the service long-polls (after deleteWebhook)
 * and answers /start within a second of the update being queued — in process (runService)
 * and as the real `pnyx start` process (the issue's "Done when") — then shuts down cleanly.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCampaign } from '../../bot/compose.ts';
import { runService } from '../../bot/service/run-service.ts';
import { bertrixFile, tempDir } from '../cli/cli-fixture.ts';
import { SECRET, TELEGRAM, bertrix, environment, root } from './service-fixture.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';

const silent = pino({ level: 'silent' });

/** Sends /start once the bot polls; resolves to the ms from queueing the update to the bot's reply. */
async function startLatency(api: TelegramStandIn, userId: number): Promise<{ ms: number; text: string }> {
  // A long poll is recorded when it ends; `deleteWebhook` comes right before the first one.
  await api.waitFor(() => api.calls.some((c) => c.method === 'deleteWebhook'), 'the bot about to poll', 30_000);
  const user = api.user({ id: userId, firstName: 'Nadia', languageCode: 'fr' });
  const queued = Date.now();
  user.say('/start');
  const reply = await api.waitFor(() => api.calls.find((c) => c.method === 'sendMessage' && Number(c.params['chat_id']) === userId && c.status === 200), 'the answer to /start', 10_000);
  return { ms: reply.at - queued, text: api.botMessages(userId)[0]?.plain ?? '' };
}

describe('the residents’ bot in the service (long polling)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let api: TelegramStandIn;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('telegram-service'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('answers /start within a second, after deleting any webhook, and shuts down cleanly', async () => {
    api = await TelegramStandIn.start({ token: TELEGRAM });
    try {
      const port = await freePort();
      const stop = new AbortController();
      const env = environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET, PORT: String(port), TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_API_ROOT: api.apiRoot });
      const done = runService({ campaign: await bertrix(), env, cwd: dir, logger: silent, signal: stop.signal });
      const { ms, text } = await startLatency(api, 4101);
      expect(text).toMatch(/langue|language/i);
      expect(ms).toBeLessThan(1000);
      const methods = api.calls.map((c) => c.method);
      expect(methods.indexOf('deleteWebhook')).toBeGreaterThanOrEqual(0);
      expect(methods.indexOf('deleteWebhook')).toBeLessThan(methods.indexOf('getUpdates'));
      stop.abort();
      expect(await done).toEqual({ exitCode: 0 });
      // Stopped means stopped: no poll is open any more.
      const polls = api.calls.filter((c) => c.method === 'getUpdates').length;
      await new Promise((r) => setTimeout(r, 300));
      expect(api.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
      api.expectNoViolations();
    } finally {
      await api.stop();
    }
  }, 60_000);

  it('fans out a broadcast recorded before the start (the `fan-out` lease runs with the bot)', async () => {
    api = await TelegramStandIn.start({ token: TELEGRAM });
    try {
      const env = environment({ PNYX_DATA_DIR: 'data-fan-out', PNYX_SECRET: SECRET, PORT: String(await freePort()), TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_API_ROOT: api.apiRoot });
      const campaign = await bertrix();
      const before = await composeCampaign(campaign, env, { purpose: 'serve', cwd: dir, logger: silent });
      if (!before.ok) throw new Error(before.message);
      const made = await before.engine.announce('U07BRTXADMIN1', { fr: 'Réunion jeudi', en: 'Meeting on Thursday' }, { kind: 'all' });
      if (!made.ok) throw new Error(made.code);
      await before.close();
      const stop = new AbortController();
      const done = runService({ campaign, env, cwd: dir, logger: silent, signal: stop.signal });
      await api.waitFor(() => api.calls.some((c) => c.method === 'deleteWebhook'), 'the bot about to poll', 30_000);
      const after = await composeCampaign(campaign, env, { purpose: 'inspect', cwd: dir, logger: silent });
      if (!after.ok) throw new Error(after.message);
      try {
        let status: string | undefined;
        for (let i = 0; i < 100 && (status = (await after.stores.broadcasts.get(made.value.id))?.status) === 'fanning_out'; i++) await new Promise((r) => setTimeout(r, 50));
        // Nobody has registered yet: fanned out to nobody, and the record says so.
        expect(status).not.toBe('fanning_out');
        expect((await after.stores.broadcasts.get(made.value.id))?.total).toBe(0);
      } finally {
        await after.close();
      }
      stop.abort();
      expect(await done).toEqual({ exitCode: 0 });
      api.expectNoViolations();
    } finally {
      await api.stop();
    }
  }, 60_000);

  it('refuses to start (exit 1, no token in the message) when Telegram refuses the token', async () => {
    api = await TelegramStandIn.start({ token: '999:another-token-entirely-xxxxxxxx' });
    try {
      const port = await freePort();
      const env = environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET, PORT: String(port), TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_API_ROOT: api.apiRoot });
      const exit = await runService({ campaign: await bertrix(), env, cwd: dir, logger: silent, signal: new AbortController().signal });
      expect(exit.exitCode).toBe(1);
      expect(exit.message).toMatch(/refused TELEGRAM_BOT_TOKEN/);
      expect(exit.message).not.toContain(TELEGRAM);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      await api.stop();
    }
  });
});

describe('`pnyx start` as a real process with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('telegram-process'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('answers /start within a second of the update being queued, and exits 0 on SIGTERM', async () => {
    const api = await TelegramStandIn.start({ token: TELEGRAM });
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bot/cli.ts'), 'start', '--config', bertrixFile], {
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
      await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000);
      const { ms, text } = await startLatency(api, 4102);
      expect(text).toMatch(/langue|language/i);
      expect(ms).toBeLessThan(1000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await api.stop();
    }
    expect(err).toBe('');
    const msgs = out.trim().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg);
    expect(msgs).toEqual(expect.arrayContaining(['Telegram bot ready', 'long polling started', 'long polling stopped', 'stopped']));
    expect(out).not.toContain(TELEGRAM);
    api.expectNoViolations();
  }, 60_000);
});
