import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../config/index.ts';

const TOKEN = '123456789:FAKE-test-token-not-a-real-bot';
const SLACK_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

describe('loadEnvironment', () => {
  it('applies the documented defaults to an empty environment', () => {
    const r = loadEnvironment({});
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        telegramApiRoot: 'https://api.telegram.org',
        telegramWebhookUrl: undefined,
        slackApiUrl: 'https://slack.com/api/',
        dataDir: './data',
        port: 3000,
        logLevel: 'info',
        telegramBotToken: undefined,
        redisUrl: undefined,
      }),
    });
  });

  it('reads a full webhook deployment and treats empty values as unset', () => {
    const r = loadEnvironment({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      TELEGRAM_WEBHOOK_URL: 'https://pnyx.bertrix.be/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: 'webhook-secret-0123456789',
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99ffffeeee85',
      SLACK_API_URL: 'http://127.0.0.1:9000/api/',
      REDIS_URL: 'redis://:pw@127.0.0.1:6379/0',
      PNYX_SECRET: 'a-long-enough-secret',
      PNYX_DATA_DIR: '',
      PORT: '8080',
      HOST: '::',
      LOG_LEVEL: 'debug',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ telegramWebhookUrl: 'https://pnyx.bertrix.be/telegram/webhook', port: 8080, host: '::', dataDir: './data', telegramApiRoot: 'http://127.0.0.1:8081', logLevel: 'debug' });
  });

  it('sends paid broadcasts at 1000/s only when asked, and an explicit rate wins', () => {
    const rate = (env: Record<string, string>) => {
      const r = loadEnvironment(env);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return [r.value.telegramMessagesPerSecond, r.value.telegramPaidBroadcast];
    };
    expect(rate({})).toEqual([30, false]);
    expect(rate({ TELEGRAM_PAID_BROADCAST: 'true' })).toEqual([1000, true]);
    expect(rate({ TELEGRAM_PAID_BROADCAST: '1', TELEGRAM_MESSAGES_PER_SECOND: '200' })).toEqual([200, true]);
    expect(rate({ TELEGRAM_PAID_BROADCAST: '0' })).toEqual([30, false]);
    const bad = loadEnvironment({ TELEGRAM_PAID_BROADCAST: 'yes please' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([{ path: 'TELEGRAM_PAID_BROADCAST', message: 'expected true or false' }]);
  });

  it('names each bad variable and what was expected', () => {
    const r = loadEnvironment({ PORT: '70000', HOST: 'pnyx.example', TELEGRAM_WEBHOOK_URL: 'http://pnyx.example/hook', LOG_LEVEL: 'loud', SLACK_API_URL: 'not a url', PNYX_SECRET: 'short' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(['HOST', 'LOG_LEVEL', 'PNYX_SECRET', 'PORT', 'SLACK_API_URL', 'TELEGRAM_WEBHOOK_URL']);
    expect(r.errors.find((e) => e.path === 'HOST')?.message).toMatch(/expected an IP address to listen on/);
    expect(r.errors.find((e) => e.path === 'PNYX_SECRET')?.message).toMatch(/16 characters/);
  });

  it('requires the bot token and the webhook secret with a webhook URL, and both Slack secrets together', () => {
    const r = loadEnvironment({ TELEGRAM_WEBHOOK_URL: 'https://pnyx.example/tg', SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(['SLACK_SIGNING_SECRET', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET']);
  });

  it('refuses a webhook URL with a query string, and a webhook secret Telegram would refuse or that is too short', () => {
    const base = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://pnyx.example/tg?x=1' };
    for (const secret of ['short_secret', 'has spaces in it 0123', 'x'.repeat(257), 'accents-éé-0123456789']) {
      const r = loadEnvironment({ ...base, TELEGRAM_WEBHOOK_SECRET: secret });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors.map((e) => e.path).sort()).toEqual(['TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_URL']);
    }
    const ok = loadEnvironment({ ...base, TELEGRAM_WEBHOOK_URL: 'https://pnyx.example/tg', TELEGRAM_WEBHOOK_SECRET: 'A-z_0-9'.repeat(3) });
    expect(ok.ok).toBe(true);
  });

  it('accepts a Redis Cluster URL with its seed nodes, and refuses a malformed one without quoting it', () => {
    for (const url of ['redis+cluster://10.0.0.1:7000,10.0.0.2:7001', 'rediss+cluster://:pw@node-a:6380,node-b', 'redis+cluster://[::1]:7000/']) {
      const r = loadEnvironment({ REDIS_URL: url });
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value.redisUrl).toBe(url);
    }
    for (const url of ['redis+cluster:///', 'redis+cluster://:hunter2cluster@a:70000', 'redis+cluster://a:7000/1', 'redis+cluster://a:7000,,b:7001']) {
      const r = loadEnvironment({ REDIS_URL: url });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors).toEqual([{ path: 'REDIS_URL', message: expect.stringContaining('redis+cluster://host:port') }]);
      expect(JSON.stringify(r.errors)).not.toContain('hunter2cluster');
    }
  });

  it('never puts a secret value in an error', () => {
    const env = {
      TELEGRAM_BOT_TOKEN: 'not-a-token-but-secret-value-xyz',
      TELEGRAM_WEBHOOK_SECRET: 'bad secret with spaces!!',
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret-123',
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      REDIS_URL: 'http://admin:hunter2password@redis.internal:6379',
      PNYX_SECRET: 'shortpw',
      PORT: 'eighty',
    };
    const r = loadEnvironment(env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual(
      ['PNYX_SECRET', 'PORT', 'REDIS_URL', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'].sort(),
    );
    const text = JSON.stringify(r.errors);
    for (const secret of [env.TELEGRAM_BOT_TOKEN, env.TELEGRAM_WEBHOOK_SECRET, env.SLACK_BOT_TOKEN, SLACK_SECRET, 'hunter2password', env.PNYX_SECRET]) {
      expect(text).not.toContain(secret);
    }
  });
});
