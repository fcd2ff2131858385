/**
 * The process environment (SPEC §2: secrets come from here, never from the campaign file),
 * validated with zod. Error messages name the variable and what was expected, never its
 * value: tokens, secrets and the Redis URL (which may hold a password) stay out of them.
 */
import { z } from 'zod';
import type { ConfigIssue } from './config-issue.ts';

/** The validated environment. Optional values are `undefined` when the variable is unset or empty. */
export interface Environment {
  /** Telegram bot token from @BotFather (`123456:ABC…`). Needed to run the resident bot. */
  readonly telegramBotToken: string | undefined;
  /** Base URL of the Telegram Bot API; default `https://api.telegram.org`. */
  readonly telegramApiRoot: string;
  /**
   * Public https URL Telegram posts updates to (its path is the route served on PORT). Set: webhook
   * mode; unset: long polling.
   */
  readonly telegramWebhookUrl: string | undefined;
  /** Secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` on webhook calls; required with `telegramWebhookUrl`. */
  readonly telegramWebhookSecret: string | undefined;
  /** Messages per second the bot sends at most, over all chats (the send budget's bot-wide limit); default 30, Telegram's. */
  /** Messages per second over all chats: TELEGRAM_MESSAGES_PER_SECOND, else 1000 with paid broadcasts, else 30. */
  readonly telegramMessagesPerSecond: number;
  /** Send with `allow_paid_broadcast` (TELEGRAM_PAID_BROADCAST). */
  readonly telegramPaidBroadcast: boolean;
  /** Slack bot token (`xoxb-…`). Needed to run the committee app. */
  readonly slackBotToken: string | undefined;
  /** Slack signing secret, to verify every request. Needed with `slackBotToken`. */
  readonly slackSigningSecret: string | undefined;
  /** Base URL of the Slack Web API, ending with `/`; default `https://slack.com/api/`. */
  readonly slackApiUrl: string;
  /** Slack app-level token (`xapp-…`): set, the committee app connects by Socket Mode instead of receiving HTTP requests. */
  readonly slackAppToken: string | undefined;
  /**
   * Redis URL: `redis://` or `rediss://` for one server, `redis+cluster://` or
   * `rediss+cluster://` with comma-separated seed nodes for a Redis Cluster; unset = the
   * embedded SQLite store.
   */
  readonly redisUrl: string | undefined;
  /** Directory of the embedded store and exports; default `./data`. */
  readonly dataDir: string;
  /** Secret for voter keys (HMAC), at least 16 characters; must never change during a campaign. */
  readonly secret: string | undefined;
  /** Path of the campaign YAML file. */
  readonly configPath: string | undefined;
  /** HTTP port for webhooks, Slack events and health checks; default 3000. */
  readonly port: number;
  /** Address the HTTP server listens on; default `0.0.0.0`. */
  readonly host: string;
  /** pino log level; default `info`. */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Variables whose values must never appear in an error or a log line. */
export const SECRET_VARIABLES = ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'REDIS_URL', 'PNYX_SECRET'] as const;

/** Unset and empty (`FOO=` in a compose file) both mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const httpUrl = (what: string) => z.url({ protocol: /^https?$/, error: `expected an http(s) URL (${what})` });

/** Seed node of a cluster URL: `host:port`, `[ipv6]:port`, or a host alone (port 6379). */
const CLUSTER_NODE = /^(?:\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i;

/** A one-server URL (`redis:`, `rediss:`) or a cluster URL (adapters/redis/redis-url.ts reads it). */
function isRedisUrl(v: string): boolean {
  const cluster = /^rediss?\+cluster:\/\/(?:[^@/?#]*@)?([^@/?#]+)\/?$/i.exec(v);
  if (cluster !== null) {
    return cluster[1]!.split(',').every((node) => {
      const m = CLUSTER_NODE.exec(node.trim());
      return m !== null && (m[1] === undefined || (Number(m[1]) >= 1 && Number(m[1]) <= 65535));
    });
  }
  if (/^rediss?\+cluster:/i.test(v)) return false;
  try {
    return ['redis:', 'rediss:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** The zod schema of the environment variables, with their descriptions. */
export const environmentSchema = z.object({
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'expected a Telegram bot token of the form 123456789:AA… (from @BotFather)')).describe(
    'Telegram bot token from @BotFather. Required to run the resident bot. Secret.',
  ),
  TELEGRAM_API_ROOT: optional(httpUrl('the Bot API base URL')).default('https://api.telegram.org').describe(
    'Base URL of the Telegram Bot API (a local Bot API server, or a test stand-in).',
  ),
  TELEGRAM_WEBHOOK_URL: optional(
    z
      .url({ protocol: /^https$/, error: 'expected an https URL (Telegram only calls https webhooks)' })
      .refine((v) => !/[?#]/.test(v), 'expected a URL without a query string or fragment (its path is the route Pnyx serves)'),
  ).describe(
    'Public https URL where Telegram posts updates, e.g. `https://pnyx.example.org/telegram/webhook`; a reverse proxy forwards it to PORT, and its path is the route Pnyx serves. ' +
      'Set: webhook mode (needs TELEGRAM_WEBHOOK_SECRET). Unset: long polling (no public URL needed; one instance at a time polls, under the `telegram-polling` lease).',
  ),
  TELEGRAM_WEBHOOK_SECRET: optional(
    // Telegram accepts 1 to 256 of these characters; 16 at least, so the secret cannot be guessed.
    z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16 to 256 characters among A-Z, a-z, 0-9, "_" and "-"'),
  ).describe(
    'Secret Telegram sends with each webhook call (`X-Telegram-Bot-Api-Secret-Token`), checked on every request. 16 to 256 characters among A-Z, a-z, 0-9, `_` and `-` (e.g. `openssl rand -hex 32`). Required with TELEGRAM_WEBHOOK_URL. Secret.',
  ),
  TELEGRAM_MESSAGES_PER_SECOND: optional(z.coerce.number('expected a number of messages per second').int('expected a whole number of messages per second').min(1).max(1000, 'expected at most 1000 (Telegram\'s paid-broadcast rate)'))
        .describe(
      'Messages per second the residents\' bot sends at most, over all chats (1 per chat per second and 20 per group per minute always hold). Default 30 (Telegram\'s limit), 1000 with TELEGRAM_PAID_BROADCAST; raise it only if Telegram raised your bot\'s limit. On Redis every instance must set the same value.',
    ),
  TELEGRAM_PAID_BROADCAST: optional(z.enum(['true', 'false', '1', '0'], 'expected true or false'))
    .default('false')
    .describe(
      'Paid broadcasts: every resident message is sent with `allow_paid_broadcast` (Telegram charges Stars per message beyond the free 30/s, from the bot owner\'s balance) and the send budget rises to 1000 messages per second unless TELEGRAM_MESSAGES_PER_SECOND says otherwise. For towns that enabled paid broadcasts for their bot. On Redis every instance must set the same value.',
    ),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-[A-Za-z0-9-]+$/, 'expected a Slack bot token starting with "xoxb-"')).describe(
    'Slack bot token. Required to run the committee app. Secret.',
  ),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[a-f0-9]{16,}$/i, 'expected the hexadecimal signing secret of the Slack app')).describe(
    'Slack signing secret, used to verify every request from Slack. Required with SLACK_BOT_TOKEN. Secret.',
  ),
  SLACK_API_URL: optional(httpUrl('the Slack Web API base URL'))
    .default('https://slack.com/api/')
    .describe('Base URL of the Slack Web API, ending with `/` (GovSlack, or a test stand-in).'),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-[A-Za-z0-9-]+$/, 'expected a Slack app-level token starting with "xapp-"')).describe(
    'Slack app-level token with the `connections:write` scope. Set: the committee app connects to Slack by Socket Mode (no public URL needed); unset: Slack posts to `/slack/events` on PORT. Secret.',
  ),
  REDIS_URL: optional(
    z.string().refine(isRedisUrl, 'expected a redis:// or rediss:// URL, or redis+cluster://host:port,host:port… for a Redis Cluster'),
  ).describe(
    'Redis URL for production and several instances; unset = the embedded SQLite store. One server: `redis://[:password@]host:port[/db]` (`rediss://` for TLS). ' +
      'A Redis Cluster: `redis+cluster://[:password@]host:port,host:port,…` (`rediss+cluster://` for TLS), listing some of its nodes; each campaign then lives on one master (keys `pnyx:{<campaign id>}:…`). ' +
      'May hold a password: secret.',
  ),
  PNYX_DATA_DIR: optional(z.string()).default('./data').describe('Directory of the embedded store and exports.'),
  PNYX_SECRET: optional(z.string().min(16, 'expected at least 16 characters')).describe(
    'Secret for pseudonymous voter keys (HMAC of the resident id). At least 16 characters; must never change during a campaign. Required to open voting. Secret.',
  ),
  PNYX_CONFIG: optional(z.string()).describe('Path of the campaign YAML file (used when no file is given on the command line).'),
  PORT: optional(z.coerce.number('expected a port number').int('expected a whole port number').min(1).max(65535, 'expected a port between 1 and 65535'))
    .default(3000)
    .describe('HTTP port for webhooks, Slack events and health checks.'),
  HOST: optional(z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], 'expected an IP address to listen on (e.g. 0.0.0.0, 127.0.0.1, ::)'))
    .default('0.0.0.0')
    .describe('Address the HTTP server listens on: `0.0.0.0` for every interface (a container), `127.0.0.1` behind a reverse proxy on the same machine.'),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'expected one of fatal, error, warn, info, debug, trace, silent'))
    .default('info')
    .describe('pino log level.'),
});

/**
 * Validates the environment (`process.env` or a test record). Unknown variables are ignored.
 * Besides each variable's format: webhook mode (TELEGRAM_WEBHOOK_URL) needs the bot token and
 * TELEGRAM_WEBHOOK_SECRET, and the two Slack secrets go together.
 */
export function loadEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; value: Environment } | { ok: false; errors: ConfigIssue[] } {
  const parsed = environmentSchema.safeParse(env, {
    // Our own text for every issue zod words itself: its default may quote the input.
    error: (iss) => (iss.code === 'invalid_type' ? 'expected a string' : 'invalid value'),
  });
  const errors: ConfigIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? '(environment)'), message: i.message }));
  if (parsed.success) {
    const e = parsed.data;
    if (e.TELEGRAM_WEBHOOK_URL !== undefined) {
      if (e.TELEGRAM_WEBHOOK_SECRET === undefined) errors.push({ path: 'TELEGRAM_WEBHOOK_SECRET', message: 'required with TELEGRAM_WEBHOOK_URL (Pnyx generates none: every instance must check the same one)' });
      if (e.TELEGRAM_BOT_TOKEN === undefined) errors.push({ path: 'TELEGRAM_BOT_TOKEN', message: 'required with TELEGRAM_WEBHOOK_URL' });
    }
    if ((e.SLACK_BOT_TOKEN === undefined) !== (e.SLACK_SIGNING_SECRET === undefined)) {
      const missing = e.SLACK_BOT_TOKEN === undefined ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET';
      errors.push({ path: missing, message: 'SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET go together; set both or neither' });
    }
    if (e.SLACK_APP_TOKEN !== undefined && e.SLACK_BOT_TOKEN === undefined) errors.push({ path: 'SLACK_BOT_TOKEN', message: 'required with SLACK_APP_TOKEN (Socket Mode receives with the app token, the app acts with the bot token)' });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors: errors.map((i) => redact(i, env)) };
  const e = parsed.data;
  // Telegram's paid-broadcast ceiling (adapters/system PAID_BROADCAST_PER_SECOND); its free limit is 30.
  const paid = e.TELEGRAM_PAID_BROADCAST === 'true' || e.TELEGRAM_PAID_BROADCAST === '1';
  return {
    ok: true,
    value: {
      telegramBotToken: e.TELEGRAM_BOT_TOKEN,
      telegramApiRoot: e.TELEGRAM_API_ROOT,
      telegramWebhookUrl: e.TELEGRAM_WEBHOOK_URL,
      telegramWebhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
      telegramMessagesPerSecond: e.TELEGRAM_MESSAGES_PER_SECOND ?? (paid ? 1000 : 30),
      telegramPaidBroadcast: paid,
      slackBotToken: e.SLACK_BOT_TOKEN,
      slackSigningSecret: e.SLACK_SIGNING_SECRET,
      slackApiUrl: e.SLACK_API_URL,
      slackAppToken: e.SLACK_APP_TOKEN,
      redisUrl: e.REDIS_URL,
      dataDir: e.PNYX_DATA_DIR,
      secret: e.PNYX_SECRET,
      configPath: e.PNYX_CONFIG,
      port: e.PORT,
      host: e.HOST,
      logLevel: e.LOG_LEVEL,
    },
  };
}

/** Belt and braces: no secret value survives in a message, whatever produced it. */
function redact(issue: ConfigIssue, env: Readonly<Record<string, string | undefined>>): ConfigIssue {
  let message = issue.message;
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value.length >= 4) message = message.split(value).join('[redacted]');
  }
  return { ...issue, message };
}

/** The environment variables as a Markdown table: name, default, description. */
export function environmentReference(): string {
  // Parsing an empty environment yields exactly the defaults.
  const defaults = environmentSchema.parse({}) as Record<string, unknown>;
  const rows = Object.entries(environmentSchema.shape).map(([name, schema]) => {
    const dflt = defaults[name];
    return `| \`${name}\` | ${dflt === undefined ? '—' : `\`${String(dflt)}\``} | ${escapeCell(schema.description ?? '')} |`;
  });
  return ['| Variable | Default | Description |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
