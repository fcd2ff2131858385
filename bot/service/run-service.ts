/**
 * The long-running Pnyx process (`pnyx start` with a token set): the campaign's store and
 * engine (PNYX_SECRET checked), the campaign scheduler under its lease (phase moves at window
 * boundaries, the mayor's digest and the residents' weekly update queued in the outbox —
 * exactly once across instances), the residents' Telegram bot when TELEGRAM_BOT_TOKEN is set
 * (long polling under its lease, or the webhook route; the sender of the residents' outbox
 * messages under its own lease), and the HTTP server on PORT with the health checks and the
 * webhook, and the committee's Slack app when SLACK_BOT_TOKEN is set (`/slack/events` on the
 * same server, or Socket Mode; the sender of the committee's outbox messages under its lease).
 *
 * It runs until `signal` aborts (SIGTERM/SIGINT in the CLI), then shuts down in order: stop
 * accepting requests and let those in flight finish (webhook updates included), stop the bot
 * (polling ends, updates in hand are handled, the dispatcher settles its message), stop the
 * scheduler (releasing the lease), close the store.
 */
import type { Logger } from 'pino';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { RedisClient, RedisStores } from '../../adapters/redis/index.ts';
import type { Environment } from '../../config/index.ts';
import { CampaignScheduler, LEASE_NAMES } from '../../adapters/scheduling/index.ts';
import type { Lease } from '../../adapters/scheduling/index.ts';
import { SystemClock } from '../../adapters/system/index.ts';
import { composeCampaign } from '../compose.ts';
import { healthRoutes } from './health.ts';
import type { RunningServer } from './http-server.ts';
import { startHttpServer } from './http-server.ts';
import { prepareTelegram } from './telegram-service.ts';
import type { TelegramService } from './telegram-service.ts';
import { prepareSlack } from './slack-service.ts';
import type { SlackService } from './slack-service.ts';

/** Options of {@link runService}. */
export interface ServiceOptions {
  readonly campaign: Campaign;
  readonly env: Environment;
  /** Against which relative directories (PNYX_DATA_DIR) are resolved. */
  readonly cwd: string;
  readonly logger: Logger;
  /** Aborting it shuts the service down. */
  readonly signal: AbortSignal;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Called once the service is up, with the bound port (PORT=0 binds a free one). */
  readonly onReady?: (info: { readonly port: number }) => void;
  /** Telegram long-poll timeout (s); default 30. Tests shorten it. */
  readonly pollTimeoutSeconds?: number;
}

/** How the service ended: 0 after a clean shutdown; otherwise why it could not run. */
export interface ServiceExit {
  readonly exitCode: number;
  /** For the operator (never holding a secret); absent on a clean shutdown. */
  readonly message?: string;
}

/** Wraps a lease so `onChange` hears when this instance starts and stops leading. */
export function observeLeadership(lease: Lease, onChange: (leading: boolean) => void): Lease {
  return {
    name: lease.name,
    runWhileLeader: (work, signal) =>
      lease.runWhileLeader(async (leadership) => {
        onChange(true);
        try {
          await work(leadership);
        } finally {
          onChange(false);
        }
      }, signal),
  };
}

/** On Redis, what the BullMQ delivery engine needs: the store's connection and the campaign's hash tag. */
async function redisDeliveries(kind: 'sqlite' | 'redis', stores: Stores): Promise<{ redis?: { client: RedisClient; hashTag: string } }> {
  if (kind !== 'redis') return {};
  const { hashTagOf } = await import('../../adapters/redis/index.ts');
  const redisStores = stores as RedisStores;
  const hashTag = hashTagOf(redisStores.keys.prefix);
  if (hashTag === null) throw new Error('a Redis campaign prefix without hash tag');
  return { redis: { client: redisStores.client, hashTag } };
}

/** The running job schedulers of a Redis campaign: its worker, and what to close after it. */
interface RunningSchedules {
  readonly done: Promise<void>;
  close(): Promise<void>;
}

/**
 * On Redis, the cron schedules as BullMQ job schedulers (registered now, idempotently) with
 * this instance's worker, until `signal` aborts; null on SQLite, where the lease-based
 * scheduler runs them. Throws when they cannot be registered.
 */
async function startRedisSchedules(kind: 'sqlite' | 'redis', stores: Stores, engine: CampaignEngine, logger: Logger, signal: AbortSignal): Promise<RunningSchedules | null> {
  if (kind !== 'redis') return null;
  const { hashTagOf } = await import('../../adapters/redis/index.ts');
  const { bullConnection, queuePrefix } = await import('../../adapters/delivery/bullmq-delivery.ts');
  const { BullSchedules } = await import('../../adapters/scheduling/bullmq-schedules.ts');
  const redisStores = stores as RedisStores;
  const hashTag = hashTagOf(redisStores.keys.prefix);
  if (hashTag === null) throw new Error('a Redis campaign prefix without hash tag');
  const connection = bullConnection(redisStores.client, 'pnyx-schedules');
  const schedules = new BullSchedules({ engine, connection, prefix: queuePrefix(hashTag), logger });
  try {
    await schedules.register();
  } catch (e) {
    await schedules.close().catch(() => {});
    connection.disconnect();
    throw e;
  }
  const done = schedules.runWorker(signal).catch((e: unknown) => logger.error({ module: 'service', err: { name: (e as Error).name, message: (e as Error).message } }, 'schedules worker failed'));
  return {
    done,
    async close() {
      await done;
      await schedules.close().catch(() => {});
      connection.disconnect();
    },
  };
}

/** Runs the service until `signal` aborts; see the module comment. */
export async function runService(options: ServiceOptions): Promise<ServiceExit> {
  const { campaign, env, logger, signal } = options;
  const log = logger.child({ module: 'service', campaign: campaign.id });
  const clock = options.clock ?? new SystemClock();
  const composed = await composeCampaign(campaign, env, { purpose: 'serve', cwd: options.cwd, logger, clock });
  if (!composed.ok) return { exitCode: composed.exitCode, message: composed.message };
  const { engine, stores, location } = composed;

  let telegram: TelegramService | null = null;
  if (env.telegramBotToken !== undefined && !signal.aborted) {
    const prepared = await prepareTelegram({
      env,
      engine,
      stores,
      clock,
      logger,
      budget: await composed.sendBudget(env.telegramBotToken),
      ...(await redisDeliveries(composed.location.kind, stores)),
      lease: (name) => observeLeadership(composed.lease(name), (now) => log.info({ lease: name }, now ? 'this instance holds the lease' : 'this instance no longer holds the lease')),
      ...(options.pollTimeoutSeconds === undefined ? {} : { pollTimeoutSeconds: options.pollTimeoutSeconds }),
    });
    if (!prepared.ok) {
      await composed.close();
      return { exitCode: 1, message: prepared.message };
    }
    telegram = prepared.service;
  }

  let slack: SlackService | null = null;
  if (env.slackBotToken !== undefined && !signal.aborted) {
    const prepared = await prepareSlack({
      env,
      engine,
      stores,
      clock,
      logger,
      photos: telegram?.photos ?? null,
      lease: (name) => observeLeadership(composed.lease(name), (now) => log.info({ lease: name }, now ? 'this instance holds the lease' : 'this instance no longer holds the lease')),
    });
    if (!prepared.ok) {
      await composed.close();
      return { exitCode: 1, message: prepared.message };
    }
    slack = prepared.service;
  }

  let leading = false;
  const lease = observeLeadership(composed.lease(LEASE_NAMES.scheduler), (now) => {
    leading = now;
    log.info({ lease: LEASE_NAMES.scheduler }, now ? 'this instance runs the campaign scheduler' : 'this instance no longer runs the campaign scheduler');
  });
  // On Redis the digest and the weekly update are BullMQ job schedulers (one path): the tick keeps phases and reminders.
  const scheduler = new CampaignScheduler({ engine, lease, logger, cronSchedules: location.kind !== 'redis' });
  const stopSchedules = new AbortController();
  let schedules: RunningSchedules | null;
  try {
    schedules = await startRedisSchedules(location.kind, stores, engine, logger, stopSchedules.signal);
  } catch (e) {
    await composed.close();
    return { exitCode: 1, message: `the job schedulers could not be registered: ${(e as Error).message}` };
  }

  let server: RunningServer;
  try {
    server = await startHttpServer({
      port: env.port,
      host: env.host,
      logger,
      routes: [...healthRoutes({ engine, stores, store: location.kind, schedulerLeading: () => leading, logger: log }), ...(telegram?.routes ?? []), ...(slack?.routes ?? [])],
    });
  } catch (e) {
    stopSchedules.abort();
    await schedules?.close();
    await composed.close();
    return { exitCode: 1, message: (e as Error).message };
  }

  // The scheduler stops with the service; should it ever fail, the service stops too (exit 1)
  // rather than run on without phase moves and digests.
  const stopScheduler = new AbortController();
  const stopped = new AbortController();
  if (signal.aborted) stopped.abort();
  else signal.addEventListener('abort', () => stopped.abort(), { once: true });
  let failure: string | undefined;
  const schedulerDone = scheduler.run(stopScheduler.signal).catch((e: unknown) => {
    failure = `the campaign scheduler failed: ${(e as Error).message}`;
    log.fatal({ err: { name: (e as Error).name, message: (e as Error).message } }, 'campaign scheduler failed; shutting down');
    stopped.abort();
  });

  // The bot stops with the service; should its transport fail (the token was revoked), the
  // service stops too, like for the scheduler.
  const stopTelegram = new AbortController();
  const telegramDone =
    telegram === null
      ? Promise.resolve()
      : telegram.run(stopTelegram.signal).catch((e: unknown) => {
          failure ??= `the Telegram bot failed: ${(e as Error).message}`;
          log.fatal({ err: { name: (e as Error).name, message: (e as Error).message } }, 'Telegram bot failed; shutting down');
          stopped.abort();
        });

  // The Slack app stops with the service; should its transport fail, the service stops too.
  const stopSlack = new AbortController();
  const slackDone =
    slack === null
      ? Promise.resolve()
      : slack.run(stopSlack.signal).catch((e: unknown) => {
          failure ??= `the Slack app failed: ${(e as Error).message}`;
          log.fatal({ err: { name: (e as Error).name, message: (e as Error).message } }, 'Slack app failed; shutting down');
          stopped.abort();
        });

  log.info({ port: server.port, store: location.kind, telegram: telegram?.mode ?? 'off', slack: slack?.mode ?? 'off' }, 'pnyx is running');
  options.onReady?.({ port: server.port });

  if (!stopped.signal.aborted) await new Promise<void>((resolve) => stopped.signal.addEventListener('abort', () => resolve(), { once: true }));
  log.info('shutting down');
  await server.close();
  stopTelegram.abort();
  stopSlack.abort();
  await Promise.all([telegramDone, slackDone]);
  stopScheduler.abort();
  stopSchedules.abort();
  await schedulerDone;
  await schedules?.close();
  await composed.close();
  log.info('stopped');
  return failure === undefined ? { exitCode: 0 } : { exitCode: 1, message: failure };
}
