/**
 * The steering committee's Slack app (SPEC §2.6): a Bolt app on the campaign's engine.
 *
 * Transport: over HTTP, Bolt's `HTTPReceiver` checks every request's signature and refuses
 * timestamps older than five minutes; its `requestListener` is mounted on the service's one
 * HTTP server at `/slack/events`, with no body parser in front (the signature covers the raw
 * body) and the body size limited. Socket Mode (an app-level token) is the other transport.
 *
 * Every request then passes two middlewares before any feature (the features' listeners run
 * from a third, listener-router.ts):
 * - **once**: a request is handled once, whichever instance gets it and however often it is
 *   replayed inside Slack's five-minute window or redelivered by Slack (`ProcessedUpdates`,
 *   keyed by the event id, else the trigger id, else the signature);
 * - **staff only**: the configured staff member behind the request is put in the context;
 *   anyone else's command, button or form is acknowledged, changes nothing and gets a private
 *   refusal. Events pass (the features decide: a non-staff App Home shows a notice, a
 *   non-staff reply in a question's thread is not relayed).
 *
 * Web API calls go to `apiUrl` (SLACK_API_URL) with a small retry budget and rate-limited
 * calls rejected rather than waited for, so no handler waits minutes; the committee sender
 * (outbox) honours `Retry-After` itself.
 */
import { createHash } from 'node:crypto';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { AllMiddlewareArgs, AnyMiddlewareArgs, Receiver } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { StaffMember } from '../../core/campaign/campaign.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { RequestListener } from 'node:http';
import type { CampaignExporter, CommitteeStores, PhotoSource, SlackFeature, SlackServices } from './context.ts';
import { slackTranslator } from './i18n.ts';
import type { SlackTranslate } from './i18n.ts';
import { slackFormat } from './format.ts';
import { COMMITTEE_FEATURES } from './features/index.ts';
import { ListenerRouter } from './listener-router.ts';

/** The path Slack posts events, commands and interactions to. */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Largest request body accepted (Slack's payloads are a few KiB; a modal's state stays far below). */
export const SLACK_MAX_BODY_BYTES = 512 * 1024;
/** How long a request's handling holds its de-duplication key before another instance may take it over. */
export const SLACK_REQUEST_LEASE_MS = 60_000;

/** Options of {@link createCommitteeApp}. */
export interface CommitteeAppOptions {
  readonly engine: CampaignEngine;
  readonly stores: CommitteeStores;
  /** SLACK_BOT_TOKEN. */
  readonly token: string;
  /** SLACK_SIGNING_SECRET (HTTP transport). */
  readonly signingSecret: string;
  /** SLACK_API_URL, ending with `/`. */
  readonly apiUrl: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Builds the campaign's CSV exports (`/pnyx export`); null: the subcommand says it is not available. */
  readonly exporter?: CampaignExporter | null;
  /** Fetches a resident's photo for a card; null: cards say a photo exists without showing it. */
  readonly photos?: PhotoSource | null;
  /**
   * The transport. Default HTTP (mount `requestListener`). A receiver given here (Socket
   * Mode) is used instead.
   */
  readonly receiver?: Receiver;
  /** Web API retries per call (default 2); the stand-in tests set 0. */
  readonly retries?: number;
}

/** A created app. */
export interface CommitteeApp {
  readonly app: App;
  /** The request listener to mount at {@link SLACK_EVENTS_PATH}; null with another receiver. */
  readonly requestListener: RequestListener | null;
  readonly services: SlackServices;
  /** Checks the token (`auth.test`) and makes the app ready; call once before serving. */
  init(): Promise<void>;
}


/**
 * The translator with its texts without variables kept once formatted: a card or a Home asks
 * for the same labels at every draw, and the committee's language does not change while the
 * app runs. Texts with variables are formatted every time.
 */
export function memoizedPlainTexts(t: SlackTranslate): SlackTranslate {
  const plain = new Map<string, string>();
  return (key, variables) => {
    if (variables !== undefined) return t(key, variables);
    let text = plain.get(key);
    if (text === undefined) {
      text = t(key);
      plain.set(key, text);
    }
    return text;
  };
}

/** Bolt's logger interface over pino: Bolt's messages at their level, nothing else attached. */
export function boltLogger(logger: Logger): SlackLogger {
  const log = logger.child({ module: 'bolt' });
  const text = (args: unknown[]): string => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  let level = LogLevel.INFO;
  return {
    debug: (...a: unknown[]) => log.debug(text(a)),
    info: (...a: unknown[]) => log.info(text(a)),
    warn: (...a: unknown[]) => log.warn(text(a)),
    error: (...a: unknown[]) => log.error(text(a)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

type Body = Record<string, unknown>;

/** The Slack user behind a request, if it names one. */
export function requestUser(body: Body): string | null {
  if (typeof body['user_id'] === 'string') return body['user_id'];
  const user = body['user'];
  if (typeof user === 'object' && user !== null && typeof (user as Body)['id'] === 'string') return (user as Body)['id'] as string;
  const event = body['event'];
  if (typeof event === 'object' && event !== null && typeof (event as Body)['user'] === 'string') return (event as Body)['user'] as string;
  return null;
}

/** The channel a request came from, if any (for a private refusal). */
function requestChannel(body: Body): string | null {
  if (typeof body['channel_id'] === 'string') return body['channel_id'];
  const channel = body['channel'];
  if (typeof channel === 'object' && channel !== null && typeof (channel as Body)['id'] === 'string') return (channel as Body)['id'] as string;
  return null;
}

/**
 * The de-duplication key of a request: Slack's event id for events (stable across Slack's own
 * retries), the trigger id for commands and interactions (one per user gesture), else a hash
 * of the signature (one per signed request). Null: nothing to key on, or a request that only
 * reads (an options search) — handled every time.
 */
export function requestKey(body: Body, signature: string | undefined): string | null {
  // A select's search (options request) only reads: the same search typed twice must be answered twice.
  if (body['type'] === 'block_suggestion') return null;
  if (typeof body['event_id'] === 'string') return `slack:ev:${body['event_id']}`;
  if (typeof body['trigger_id'] === 'string') return `slack:tr:${body['trigger_id']}`;
  if (signature !== undefined && signature !== '') return `slack:sig:${createHash('sha256').update(signature).digest('base64url')}`;
  return null;
}

type GlobalArgs = AnyMiddlewareArgs & AllMiddlewareArgs & { ack?: (response?: unknown) => Promise<void> };

function onceMiddleware(services: SlackServices) {
  const { stores, clock, logger } = services;
  return async (args: GlobalArgs): Promise<void> => {
    const body = args.body as Body;
    const key = requestKey(body, args.context['signature'] as string | undefined);
    if (key === null) return args.next();
    const begun = await stores.processed.begin(key, clock.now(), SLACK_REQUEST_LEASE_MS);
    if (begun.status !== 'new') {
      // A replay or a redelivery: acknowledged (Slack stops retrying), not handled again.
      logger.info({ status: begun.status }, 'slack request already handled; dropped');
      if (args.ack !== undefined) await args.ack();
      return;
    }
    try {
      await args.next();
    } catch (e) {
      await stores.processed.abandon(key, begun.lease);
      throw e;
    }
    await stores.processed.finish(key, clock.now());
  };
}

function staffMiddleware(services: SlackServices) {
  const { campaign, client, t, logger } = services;
  return async (args: GlobalArgs): Promise<void> => {
    const body = args.body as Body;
    const user = requestUser(body);
    const staff: StaffMember | undefined = user === null ? undefined : campaign.staff.find((s) => s.slackUserId === user);
    if (staff !== undefined) args.context['staff'] = staff;
    if (staff !== undefined || body['type'] === 'event_callback') return args.next();
    // A command, button or form from someone who is not staff: nothing changes.
    if (args.ack !== undefined) await args.ack();
    if (user === null) return;
    const channel = requestChannel(body);
    const text = t('refusal-staff-not-staff');
    try {
      if (channel !== null && !channel.startsWith('D')) await client.chat.postEphemeral({ channel, user, text });
      else await client.chat.postMessage({ channel: user, text });
    } catch (e) {
      logger.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'could not tell a non-staff user they may not act');
    }
  };
}

/**
 * Creates the app with every feature registered (`features`: the committee's, by default;
 * tests of the middleware pass their own); see the module comment.
 */
export function createCommitteeApp(options: CommitteeAppOptions, features: readonly SlackFeature[] = COMMITTEE_FEATURES): CommitteeApp {
  const logger = options.logger.child({ module: 'slack' });
  const slackLogger = boltLogger(options.logger);
  const httpReceiver =
    options.receiver === undefined
      ? new HTTPReceiver({
          signingSecret: options.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          logger: slackLogger,
          bodyLimit: SLACK_MAX_BODY_BYTES,
          // The signature header travels with the request into the context, for the de-duplication key.
          customPropertiesExtractor: (req) => {
            const sig = req.headers['x-slack-signature'];
            return typeof sig === 'string' ? { signature: sig } : {};
          },
        })
      : undefined;
  const app = new App({
    token: options.token,
    receiver: options.receiver ?? httpReceiver!,
    logger: slackLogger,
    deferInitialization: true,
    // Bolt's conversation store keeps per-conversation state no feature reads; it costs a lookup per request.
    convoStore: false,
    clientOptions: {
      slackApiUrl: options.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    },
  });
  const services: SlackServices = {
    engine: options.engine,
    campaign: options.engine.campaign,
    stores: options.stores,
    t: memoizedPlainTexts(slackTranslator(options.engine.campaign.defaultLocale)),
    format: slackFormat(options.engine.campaign, options.engine.campaign.defaultLocale),
    clock: options.clock,
    logger,
    client: app.client as WebClient,
    exporter: options.exporter ?? null,
    photos: options.photos ?? null,
  };
  app.use(onceMiddleware(services) as never);
  app.use(staffMiddleware(services) as never);
  // The features' listeners run from one middleware: Bolt would run every listener's chain per request.
  const router = new ListenerRouter();
  for (const feature of features) feature(router.listeners, services);
  app.use(router.middleware as never);
  app.error(async (error) => {
    // Name and message only: Bolt's errors can carry the request, whose headers hold secrets.
    const original = (error as { original?: Error }).original ?? error;
    logger.error({ err: { name: original.name, message: original.message } }, 'slack handler failed');
  });
  return {
    app,
    requestListener: httpReceiver === undefined ? null : httpReceiver.requestListener,
    services,
    init: () => app.init(),
  };
}
