/**
 * Webhook mode through the whole service (runService with TELEGRAM_WEBHOOK_URL): the webhook
 * is set on the stand-in with its secret, and the tests post updates to the service's route
 * over HTTP as Telegram would. A wrong or missing secret is 401 and changes nothing; an
 * oversized body is 413; a malformed update is 400; the same update delivered twice, or at
 * once to two instances on one store (SQLite file, Redis), is handled once.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCampaignFile, loadEnvironment } from '../../config/index.ts';
import type { Environment } from '../../config/index.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { openSqliteStores, sqliteFileFor } from '../../adapters/sqlite/index.ts';
import { runService } from '../../bot/service/run-service.ts';
import type { ServiceExit } from '../../bot/service/run-service.ts';
import { secretMatches } from '../../adapters/telegram/transport/webhook.ts';
import { bertrixFile, tempDir } from '../cli/cli-fixture.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { deletePrefix, describeWithRedis, redisUrl } from '../support/redis.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';

const silent = pino({ level: 'silent' });
const SECRET = 'service-test-secret-0123456789';
const TELEGRAM = '123456789:FAKE-test-token-not-a-real-bot';
const HOOK_SECRET = 'hook_secret-0123456789-abcdef';
const HOOK_URL = 'https://pnyx.example.org/telegram/hook';

async function bertrix(): Promise<Campaign> {
  const loaded = await loadCampaignFile(bertrixFile);
  if (!loaded.ok) throw new Error('bertrix example does not load');
  return loaded.campaign;
}

function environment(vars: Record<string, string>): Environment {
  const e = loadEnvironment({ HOST: '127.0.0.1', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_WEBHOOK_URL: HOOK_URL, TELEGRAM_WEBHOOK_SECRET: HOOK_SECRET, PNYX_SECRET: SECRET, ...vars });
  if (!e.ok) throw new Error(JSON.stringify(e.errors));
  return e.value;
}

interface Instance {
  readonly port: number;
  readonly done: Promise<ServiceExit>;
  stop(): Promise<ServiceExit>;
}

async function startInstance(campaign: Campaign, api: TelegramStandIn, cwd: string, vars: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const abort = new AbortController();
  const done = runService({ campaign, env: environment({ PORT: String(port), TELEGRAM_API_ROOT: api.apiRoot, ...vars }), cwd, logger: silent, signal: abort.signal });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`);
  return {
    port,
    done,
    stop: () => {
      abort.abort();
      return done;
    },
  };
}

let nextUpdateId = 9_000_000;

/** The update Telegram would post for `text` sent by a user of the stand-in. */
function textUpdate(api: TelegramStandIn, userId: number, text: string): Record<string, unknown> {
  const user = api.user({ id: userId, firstName: 'Wim', languageCode: 'fr' });
  const m = api.recordUserMessage(userId, { text });
  const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : undefined;
  return {
    update_id: nextUpdateId++,
    message: { message_id: m.message_id, date: m.date, chat: { id: userId, type: 'private', first_name: 'Wim' }, from: user.asUser(), text, ...(entities === undefined ? {} : { entities }) },
  };
}

function post(port: number, body: string | Buffer, headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': HOOK_SECRET }): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/telegram/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('secretMatches', () => {
  it('is true only for the exact secret, whatever the length given', () => {
    expect(secretMatches(HOOK_SECRET, HOOK_SECRET)).toBe(true);
    for (const bad of [undefined, '', HOOK_SECRET.slice(0, -1), `${HOOK_SECRET}x`, HOOK_SECRET.toUpperCase(), [HOOK_SECRET]]) expect(secretMatches(bad, HOOK_SECRET)).toBe(false);
  });
});

describe('webhook mode on the embedded store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let api: TelegramStandIn;
  let campaign: Campaign;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('webhook'));
    api = await TelegramStandIn.start({ token: TELEGRAM });
    campaign = await bertrix();
  });
  afterAll(async () => {
    await api.stop();
    await cleanup();
  });

  it('sets the webhook with its secret; refuses a wrong or missing secret (401, nothing changes), a big body (413), a malformed update (400); handles a repeat once', async () => {
    const one = await startInstance(campaign, api, dir, { PNYX_DATA_DIR: 'a' });
    try {
      await api.waitFor(() => api.webhook, 'the webhook set');
      expect(api.webhook).toEqual({ url: HOOK_URL, secret: HOOK_SECRET });

      const update = textUpdate(api, 5201, '/start');
      for (const headers of [{} as Record<string, string>, { 'x-telegram-bot-api-secret-token': 'wrong' }, { 'x-telegram-bot-api-secret-token': HOOK_SECRET.slice(1) + 'x' }]) {
        const res = await post(one.port, JSON.stringify(update), headers);
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'unauthorized' });
      }
      const big = await post(one.port, JSON.stringify({ ...update, padding: 'x'.repeat(1024 * 1024) }));
      expect(big.status).toBe(413);
      for (const body of ['{not json', JSON.stringify({ update_id: 'seven' }), JSON.stringify({ message: {} }), JSON.stringify({ update_id: 1.5 })]) expect((await post(one.port, body)).status).toBe(400);
      // Nothing of that reached the bot or the store.
      expect(api.botMessages(5201)).toHaveLength(0);
      expect(api.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);

      const first = await post(one.port, JSON.stringify(update));
      expect(first.status).toBe(200);
      // Answered after handling: the reply is already sent.
      expect(api.botMessages(5201)).toHaveLength(1);
      const again = await post(one.port, JSON.stringify(update));
      expect(again.status).toBe(200);
      expect(api.botMessages(5201)).toHaveLength(1);
      // Another update of the same chat (a new update_id) is handled, of course.
      expect((await post(one.port, JSON.stringify(textUpdate(api, 5201, '/start')))).status).toBe(200);
      expect(api.botMessages(5201).length).toBeGreaterThan(1);
    } finally {
      expect(await one.stop()).toEqual({ exitCode: 0 });
    }
    // The refused requests left no resident behind: only the handled update created one.
    const stores = openSqliteStores({ file: sqliteFileFor(`${dir}/a`, campaign.id) });
    try {
      expect(await stores.residents.get('tg:5201')).not.toBeNull();
    } finally {
      await stores.close();
    }
    api.expectNoViolations();
  }, 60_000);

  it('a wrong secret creates no resident', async () => {
    const one = await startInstance(campaign, api, dir, { PNYX_DATA_DIR: 'b' });
    try {
      const res = await post(one.port, JSON.stringify(textUpdate(api, 5202, '/start')), { 'x-telegram-bot-api-secret-token': 'not-the-secret-at-all-0123' });
      expect(res.status).toBe(401);
    } finally {
      await one.stop();
    }
    const stores = openSqliteStores({ file: sqliteFileFor(`${dir}/b`, campaign.id) });
    try {
      expect(await stores.residents.get('tg:5202')).toBeNull();
    } finally {
      await stores.close();
    }
  }, 60_000);

  it('the same update posted at once to two instances on one SQLite file is handled once', async () => {
    const instances = [await startInstance(campaign, api, dir, { PNYX_DATA_DIR: 'shared' }), await startInstance(campaign, api, dir, { PNYX_DATA_DIR: 'shared' })];
    try {
      for (let i = 0; i < 5; i++) {
        const userId = 5300 + i;
        const body = JSON.stringify(textUpdate(api, userId, '/start'));
        const answers = await Promise.all(instances.flatMap((x) => [post(x.port, body), post(x.port, body)]));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
        await api.waitFor(() => api.botMessages(userId).length > 0, 'the reply');
        await new Promise((r) => setTimeout(r, 50));
        expect(api.botMessages(userId)).toHaveLength(1);
      }
    } finally {
      for (const x of instances) expect(await x.stop()).toEqual({ exitCode: 0 });
    }
    api.expectNoViolations();
  }, 60_000);
});

describeWithRedis('webhook mode on Redis', () => {
  const id = `test-hook-${randomBytes(4).toString('hex')}`;
  let api: TelegramStandIn;
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('webhook-redis'));
    api = await TelegramStandIn.start({ token: TELEGRAM });
  });
  afterAll(async () => {
    await api.stop();
    await deletePrefix(`pnyx:{${id}}:`);
    // The campaign's BullMQ queues (deliveries, schedules).
    await deletePrefix(`pnyx-bull:{${id}}:`);
    await cleanup();
  });

  it('the same update posted at once to two instances on one Redis campaign is handled once', async () => {
    const campaign = { ...(await bertrix()), id };
    const instances = [await startInstance(campaign, api, dir, { REDIS_URL: redisUrl }), await startInstance(campaign, api, dir, { REDIS_URL: redisUrl })];
    try {
      for (let i = 0; i < 5; i++) {
        const userId = 5400 + i;
        const body = JSON.stringify(textUpdate(api, userId, '/start'));
        const answers = await Promise.all(instances.flatMap((x) => [post(x.port, body), post(x.port, body)]));
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
        await api.waitFor(() => api.botMessages(userId).length > 0, 'the reply');
        await new Promise((r) => setTimeout(r, 50));
        expect(api.botMessages(userId)).toHaveLength(1);
      }
    } finally {
      for (const x of instances) expect(await x.stop()).toEqual({ exitCode: 0 });
    }
    api.expectNoViolations();
  }, 60_000);
});
