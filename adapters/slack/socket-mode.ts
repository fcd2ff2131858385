/**
 * Socket Mode, the committee app's other transport (SLACK_APP_TOKEN, `xapp-…`): the app opens
 * a WebSocket to Slack instead of receiving HTTP requests, so it needs no public URL. Pass the
 * receiver to `createCommitteeApp({ receiver })`, then `app.init()` and `app.start()`.
 *
 * Why hand-written rather than Bolt's `SocketModeReceiver`: that receiver builds its
 * `SocketModeClient` with `installerOptions.clientOptions` only — an option of the OAuth
 * installer, which this single-workspace app does not use — so the obvious configuration sends
 * `apps.connections.open` to slack.com whatever SLACK_API_URL says (GovSlack, a test
 * stand-in), with the client's default of 100 retries. It also starts an HTTP server of its own
 * for OAuth and custom routes, which the service's one server makes redundant. What it does
 * with an envelope is small and is what this file does: on `slack_event`, hand the payload to
 * `app.processEvent({ body, ack, retryNum, retryReason })` with an `ack` that answers the
 * envelope once.
 *
 * No signature here: the connection itself is authenticated by the app-level token. The
 * de-duplication of the app's middleware keys a request by its event id or trigger id, both
 * present in Socket Mode payloads, so a redelivered envelope is still handled once.
 */
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { AuthorizationError, LogLevel } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import { SocketModeClient } from '@slack/socket-mode';
import type { Logger } from 'pino';
import { boltLogger } from './committee-app.ts';

/** Options of {@link createSocketModeReceiver}. */
export interface SocketModeReceiverOptions {
  /** SLACK_APP_TOKEN (`xapp-…`), with the `connections:write` scope. */
  readonly appToken: string;
  /** SLACK_API_URL, ending with `/`: where `apps.connections.open` goes. */
  readonly apiUrl: string;
  readonly logger: Logger;
  /** Retries of one `apps.connections.open` call (default 2); the client's reconnection loop retries beyond. */
  readonly retries?: number;
  /** Reconnect when the connection drops (default true; Slack recycles connections routinely). */
  readonly autoReconnect?: boolean;
}

/** A Socket Mode receiver: Bolt's `Receiver` over `@slack/socket-mode`. */
export interface SocketModeReceiver extends Receiver {
  /** Opens the connection; resolves once Slack said `hello`. Called by `app.start()`. */
  start(): Promise<unknown>;
  /** Closes the connection. Called by `app.stop()`. */
  stop(): Promise<unknown>;
}

/**
 * The client's logger: warnings and errors only. At debug level `SocketModeClient` logs every
 * envelope it receives in full, and envelopes carry staff messages, the app's own posts
 * quoting residents' text, and the verification token.
 */
function quietLogger(logger: Logger): SlackLogger {
  const base = boltLogger(logger.child({ module: 'slack-socket-mode' }));
  return { ...base, debug: () => {}, info: () => {}, getLevel: () => LogLevel.WARN, setLevel: () => {} };
}

/** Creates the receiver; see the module comment. */
export function createSocketModeReceiver(options: SocketModeReceiverOptions): SocketModeReceiver {
  const log = options.logger.child({ module: 'slack-socket-mode' });
  const client = new SocketModeClient({
    appToken: options.appToken,
    logger: quietLogger(options.logger),
    autoReconnectEnabled: options.autoReconnect ?? true,
    clientOptions: {
      slackApiUrl: options.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: options.retries ?? 2, factor: 2, minTimeout: 200, maxTimeout: 1000 },
    },
  });
  let app: App | undefined;

  client.on('slack_event', async (args: { ack: (response?: unknown) => Promise<void>; body: Record<string, unknown>; retry_num?: number; retry_reason?: string }) => {
    let acked = false;
    const event: ReceiverEvent = {
      body: args.body,
      // Slack takes one answer per envelope; Bolt's listeners and its middleware may both try.
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        await args.ack(response);
      },
      ...(args.retry_num === undefined ? {} : { retryNum: args.retry_num }),
      ...(args.retry_reason === undefined ? {} : { retryReason: args.retry_reason }),
    };
    if (app === undefined) {
      log.warn('socket mode envelope before the app was initialised; left for Slack to redeliver');
      return;
    }
    try {
      await app.processEvent(event);
    } catch (e) {
      const err = e as Error;
      log.error({ err: { name: err.name, message: err.message } }, 'socket mode envelope failed');
      // As Bolt's receiver: an authorization failure will not heal on redelivery, so stop it;
      // anything else is left unacknowledged for Slack to redeliver.
      if (e instanceof AuthorizationError) await event.ack();
    }
  });

  return {
    init(a: App): void {
      app = a;
    },
    start: () => client.start(),
    stop: () => client.disconnect(),
  };
}
