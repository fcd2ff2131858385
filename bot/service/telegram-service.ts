/**
 * The residents' Telegram bot inside the service (TELEGRAM_BOT_TOKEN set): the bot on the
 * campaign's engine and chat-state store, its transport — long polling under the
 * `telegram-polling` lease, or the webhook route on the service's HTTP server when
 * TELEGRAM_WEBHOOK_URL is set — and the sender of the residents' outbox messages under the
 * `telegram-dispatch` lease, with the fan-out of broadcasts (announcements, phase
 * announcements) into per-resident messages under the `fan-out` lease. `prepare` checks the token (`getMe`) before anything listens;
 * `start` runs after the HTTP server is up (Telegram may post as soon as the webhook is set).
 */
import { Api } from 'grammy';
import type { Logger } from 'pino';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { Environment } from '../../config/index.ts';
import { LEASE_NAMES } from '../../adapters/scheduling/index.ts';
import type { Lease } from '../../adapters/scheduling/index.ts';
import type { SendBudget } from '../../adapters/system/index.ts';
import { FanOutRunner, ParkedAlerts } from '../../adapters/delivery/index.ts';
import { ResidentDispatcher, TelegramTokenRefusedError, createResidentBot, registerCommands, registerWebhook, residentNotice, runPolling, telegramPhotoSource, webhookHandler, webhookPath } from '../../adapters/telegram/index.ts';
import type { RedisClient } from '../../adapters/redis/index.ts';
import type { BullDelivery } from '../../adapters/delivery/bullmq-delivery.ts';
import type { Route } from './http-server.ts';

/** Options of {@link prepareTelegram}. */
export interface TelegramServiceOptions {
  /** TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_URL and _SECRET are read. */
  readonly env: Environment;
  readonly engine: CampaignEngine;
  readonly stores: Stores;
  /** A contender for a named lease (composeCampaign's `lease`), wrapped by the caller to observe it. */
  readonly lease: (name: string) => Lease;
  /** The bot token's send budget (composeCampaign's `sendBudget`), taken before each resident's message. */
  readonly budget: SendBudget;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Long-poll timeout (s); default 30. */
  readonly pollTimeoutSeconds?: number;
  /**
   * On Redis: the store's connection and the campaign's hash tag. Deliveries then go through
   * BullMQ — the relay under the `telegram-dispatch` lease, workers on every instance; without
   * it (SQLite), the in-process dispatcher under that lease.
   */
  readonly redis?: { readonly client: RedisClient; readonly hashTag: string };
  /** Telegram sends in flight per instance. Default 12. */
  readonly sendConcurrency?: number;
}

/** The prepared bot: its routes to mount, then `start` once the server listens. */
export interface TelegramService {
  readonly mode: 'polling' | 'webhook';
  /** The webhook route in webhook mode; none for polling. */
  readonly routes: readonly Route[];
  /** Residents' photos by Telegram file id, for the committee's cards (the token stays inside). */
  readonly photos: (fileId: string) => Promise<{ readonly bytes: Buffer; readonly filename: string } | null>;
  /**
   * Sets the webhook (webhook mode), then runs the transport and the dispatcher until `signal`
   * aborts; resolves once both have stopped (updates in hand handled). Rejects when the
   * transport cannot go on (the token was refused).
   */
  run(signal: AbortSignal): Promise<void>;
}

/** Why the bot could not be prepared, for the operator (never holding the token). */
export interface TelegramRefusal {
  readonly ok: false;
  readonly message: string;
}

/** Builds the bot and checks the token with `getMe`. */
export async function prepareTelegram(options: TelegramServiceOptions): Promise<{ readonly ok: true; readonly service: TelegramService } | TelegramRefusal> {
  const { env, engine, stores, clock, logger } = options;
  const token = env.telegramBotToken;
  if (token === undefined) throw new Error('prepareTelegram: no TELEGRAM_BOT_TOKEN');
  const log = logger.child({ module: 'telegram-service' });
  const { bot, services } = createResidentBot({ token, apiRoot: env.telegramApiRoot, engine, chatState: stores.chat, messageRefs: stores.messageRefs, loadResults: () => stores.campaign.loadResults(), clock, logger });
  try {
    await bot.init();
  } catch (e) {
    const code = (e as { error_code?: number }).error_code;
    if (code === 401) return { ok: false, message: new TelegramTokenRefusedError().message };
    // grammY's messages name the method, never the token.
    return { ok: false, message: `cannot reach the Telegram Bot API at ${env.telegramApiRoot} (getMe: ${(e as Error).message})` };
  }
  log.info({ bot: bot.botInfo.username }, 'Telegram bot ready');

  // The command menu in each of the campaign's languages. A refusal here leaves the bot
  // usable (commands still work when typed): logged, not fatal.
  try {
    await registerCommands(bot.api, engine.campaign.locales, services.translate, engine.campaign.defaultLocale);
  } catch (e) {
    log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'could not set the bot commands');
  }

  const webhookUrl = env.telegramWebhookUrl;
  const secret = env.telegramWebhookSecret;
  const mode = webhookUrl === undefined ? 'polling' : 'webhook';
  const routes: Route[] = [];
  if (webhookUrl !== undefined) {
    if (secret === undefined) throw new Error('prepareTelegram: webhook mode without TELEGRAM_WEBHOOK_SECRET (loadEnvironment refuses it)');
    routes.push({ path: webhookPath(webhookUrl), methods: { POST: webhookHandler({ bot, secret, processed: stores.processed, clock, logger }) } });
  }

  // Deliveries use an Api without auto-retry: a 429 must reach the engine, which slows the
  // shared budget down for every instance rather than this one call waiting on its own.
  const deliveryApi = new Api(token, { apiRoot: env.telegramApiRoot });
  // Parked messages reach the committee as one alert per reason (the Slack sender posts it).
  const parkedAlerts = new ParkedAlerts({ outbox: stores.outbox, clock, logger });
  const sendingOptions = {
    outbox: stores.outbox,
    engine,
    api: deliveryApi,
    budget: options.budget,
    render: (resident: Parameters<typeof residentNotice>[1], message: Parameters<typeof residentNotice>[2], facts: Parameters<typeof residentNotice>[3]) =>
      residentNotice({ t: services.translate, campaign: engine.campaign, broadcasts: stores.broadcasts }, resident, message, facts),
    clock,
    logger,
    ...(options.sendConcurrency === undefined ? {} : { concurrency: options.sendConcurrency }),
    paidBroadcast: env.telegramPaidBroadcast,
    onParked: parkedAlerts.onParked,
  };
  // On Redis the BullMQ engine (loaded only there); on SQLite the in-process one.
  let bull: { readonly delivery: BullDelivery; readonly disconnect: () => void } | null = null;
  if (options.redis !== undefined) {
    const { BullDelivery, bullConnection, queuePrefix } = await import('../../adapters/delivery/bullmq-delivery.ts');
    const connection = bullConnection(options.redis.client);
    bull = { delivery: new BullDelivery({ ...sendingOptions, connection, prefix: queuePrefix(options.redis.hashTag) }), disconnect: () => connection.disconnect() };
  }
  const dispatcher = bull === null ? new ResidentDispatcher(sendingOptions) : null;

  const fanOut = new FanOutRunner({ engine, logger });

  const run = async (signal: AbortSignal): Promise<void> => {
    // The dispatcher stops with the transport: a transport that fails stops the service, and
    // the dispatcher must not outlive it sending with a refused token.
    const stopDispatcher = new AbortController();
    const onAbort = (): void => stopDispatcher.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    // One claimer at a time (the in-process dispatcher, or BullMQ's relay); BullMQ's workers on every instance.
    const dispatching = options.lease(LEASE_NAMES.telegramDispatch).runWhileLeader((leadership) => (bull === null ? dispatcher!.run(leadership) : bull.delivery.runRelay(leadership)), stopDispatcher.signal);
    const working = bull === null ? Promise.resolve() : bull.delivery.runWorkers(stopDispatcher.signal);
    // Broadcasts are fanned out only where their messages can be sent, so with the bot.
    const fanning = options.lease(LEASE_NAMES.fanOut).runWhileLeader((leadership) => fanOut.run(leadership), stopDispatcher.signal);
    try {
      if (webhookUrl !== undefined && secret !== undefined) {
        await registerWebhook(bot, { url: webhookUrl, secret });
        log.info({ path: webhookPath(webhookUrl) }, 'webhook set: Telegram posts updates to TELEGRAM_WEBHOOK_URL');
        if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      } else {
        await runPolling({ bot, lease: options.lease(LEASE_NAMES.telegramPolling), processed: stores.processed, clock, logger, ...(options.pollTimeoutSeconds === undefined ? {} : { pollTimeoutSeconds: options.pollTimeoutSeconds }) }, signal);
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      stopDispatcher.abort();
      await dispatching.catch((e: unknown) => log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'resident dispatcher failed'));
      await working.catch((e: unknown) => log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'delivery workers failed'));
      if (bull !== null) {
        await bull.delivery.close().catch(() => {});
        bull.disconnect();
      }
      await fanning.catch((e: unknown) => log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'broadcast fan-out failed'));
    }
  };
  const photos = telegramPhotoSource({ api: bot.api, token, apiRoot: env.telegramApiRoot });
  return { ok: true, service: { mode, routes, run, photos } };
}
