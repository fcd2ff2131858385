/**
 * The committee's Slack app inside the service (SLACK_BOT_TOKEN set): the Bolt app on the
 * campaign's engine, its transport — `/slack/events` on the service's HTTP server, or Socket
 * Mode when SLACK_APP_TOKEN is set — and, under the `slack-dispatch` lease, the sender of the
 * committee's outbox messages (cards, question threads, notices, alerts, the digest by Slack
 * DM) — at Slack's pace of about one post per channel per second, which holds for the campaign
 * because only the lease holder sends — with the progress messages of every broadcast it keeps
 * up to date. `prepare` checks the token (`auth.test`) before anything listens.
 */
import type { Logger } from 'pino';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { Environment } from '../../config/index.ts';
import { LEASE_NAMES } from '../../adapters/scheduling/index.ts';
import type { Lease } from '../../adapters/scheduling/index.ts';
import { BroadcastProgressReporter, CommitteeDispatcher, SLACK_EVENTS_PATH, createCommitteeApp, createSocketModeReceiver } from '../../adapters/slack/index.ts';
import type { CampaignExporter, PhotoSource } from '../../adapters/slack/index.ts';
import { exportFiles } from '../commands/export.ts';
import type { Route } from './http-server.ts';

/** How often the leader looks at the progress of running broadcasts (each message is edited at most every `progressIntervalMs`, and only on a change). */
const PROGRESS_TICK_MS = 2000;
/** Least time between two edits of one progress message. */
const PROGRESS_INTERVAL_MS = 5000;

/** Options of {@link prepareSlack}. */
export interface SlackServiceOptions {
  /** SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL and SLACK_APP_TOKEN are read. */
  readonly env: Environment;
  readonly engine: CampaignEngine;
  readonly stores: Stores;
  readonly lease: (name: string) => Lease;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Residents' photos for the cards (through the Telegram bot); null without a bot. */
  readonly photos: PhotoSource | null;
  /** Least time between two edits of a broadcast's progress message, ms (default 5,000). */
  readonly progressIntervalMs?: number;
}

/** The prepared app: its routes to mount, then `run` once the server listens. */
export interface SlackService {
  readonly mode: 'http' | 'socket';
  readonly routes: readonly Route[];
  /** Runs the transport (Socket Mode) and the committee sender until `signal` aborts. */
  run(signal: AbortSignal): Promise<void>;
}

/** Why the app could not be prepared, for the operator (never holding a token). */
export interface SlackRefusal {
  readonly ok: false;
  readonly message: string;
}

/** Builds the app and checks the token with `auth.test`. */
export async function prepareSlack(options: SlackServiceOptions): Promise<{ readonly ok: true; readonly service: SlackService } | SlackRefusal> {
  const { env, engine, stores, clock, logger } = options;
  const token = env.slackBotToken;
  const signingSecret = env.slackSigningSecret;
  if (token === undefined || signingSecret === undefined) throw new Error('prepareSlack: no SLACK_BOT_TOKEN / SLACK_SIGNING_SECRET (loadEnvironment requires both)');
  const log = logger.child({ module: 'slack-service' });
  // The same files as `pnyx export`, built from the live stores.
  const exporter: CampaignExporter = async () => (await exportFiles(engine.campaign, stores, engine)).files.map(([filename, content]) => ({ filename, title: filename, content }));
  const socket = env.slackAppToken === undefined ? null : createSocketModeReceiver({ appToken: env.slackAppToken, apiUrl: env.slackApiUrl, logger });
  const committee = createCommitteeApp({ engine, stores, token, signingSecret, apiUrl: env.slackApiUrl, clock, logger, exporter, photos: options.photos, ...(socket === null ? {} : { receiver: socket }) });
  try {
    await committee.init();
  } catch (e) {
    const code = (e as { data?: { error?: string } }).data?.error;
    if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') return { ok: false, message: 'Slack refused SLACK_BOT_TOKEN (auth.test): check the bot token of the committee app' };
    return { ok: false, message: `cannot reach the Slack Web API at ${env.slackApiUrl} (auth.test: ${(e as Error).message})` };
  }
  log.info('Slack committee app ready');
  const listener = committee.requestListener;
  const routes: Route[] = listener === null ? [] : [{ path: SLACK_EVENTS_PATH, methods: { POST: listener } }];

  const dispatcher = new CommitteeDispatcher({ services: committee.services });
  const progress = new BroadcastProgressReporter(committee.services, { minIntervalMs: options.progressIntervalMs ?? PROGRESS_INTERVAL_MS });

  /** The leader's work: the sender, and the progress messages kept current beside it. */
  const lead = async (leadership: AbortSignal): Promise<void> => {
    const timer = setInterval(() => {
      progress.tick().catch((e: unknown) => log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'updating the broadcast progress messages failed'));
    }, Math.min(PROGRESS_TICK_MS, options.progressIntervalMs ?? PROGRESS_TICK_MS));
    try {
      await dispatcher.run(leadership);
    } finally {
      clearInterval(timer);
    }
  };

  const run = async (signal: AbortSignal): Promise<void> => {
    // One sender for all instances: cards are posted once, progress messages edited by one.
    const dispatching = options.lease(LEASE_NAMES.slackDispatch).runWhileLeader(lead, signal);
    try {
      if (socket !== null && !signal.aborted) {
        // Every instance connects: Slack spreads the envelopes over the open connections.
        await committee.app.start();
        log.info('connected to Slack by Socket Mode');
      }
      if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    } finally {
      if (socket !== null) await committee.app.stop().catch((e: unknown) => log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'closing the Socket Mode connection failed'));
      await dispatching.catch((e: unknown) => log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'committee sender failed'));
    }
  };
  return { ok: true, service: { mode: socket === null ? 'http' : 'socket', routes, run } };
}
