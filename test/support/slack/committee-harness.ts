/**
 * The committee's Slack app end to end for tests: a strict Web API stand-in on 127.0.0.1, the
 * engine on the given stores with a fixed clock, and the Bolt app mounted at `/slack/events` on
 * the service's own HTTP server (`startHttpServer`), driven by **signed** requests as Slack
 * sends them: slash commands, button clicks, modal submissions, events. `stop()` checks that no
 * Web API call was one Slack would refuse.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import type { Campaign } from '../../../core/campaign/campaign.ts';
import type { Stores } from '../../../core/ports/stores.ts';
import { SLACK_EVENTS_PATH, createCommitteeApp } from '../../../adapters/slack/committee-app.ts';
import type { CommitteeApp, CommitteeAppOptions } from '../../../adapters/slack/committee-app.ts';
import type { SlackFeature } from '../../../adapters/slack/context.ts';
import { startHttpServer } from '../../../bot/service/http-server.ts';
import type { RunningServer } from '../../../bot/service/http-server.ts';
import { harness } from '../engine-harness.ts';
import type { Harness } from '../engine-harness.ts';
import { createMemoryStores } from '../memory/memory-stores.ts';
import { testCampaign } from '../test-campaign.ts';
import { SlackStandIn } from './web-api-stand-in.ts';
import type { SlackStandInOptions } from './web-api-stand-in.ts';
import { interactionBody, postSigned, slashCommandBody } from './slack-signing.ts';

export const SLACK_BOT_TOKEN = 'xoxb-1-test-token-for-the-stand-in';
export const SLACK_SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
/** A workspace member who is not staff. */
export const OUTSIDER = 'U0OUTSIDER';

type Json = Record<string, unknown>;

/** Answer of a signed request. */
export interface SlackAnswer {
  readonly status: number;
  readonly body: string;
  /** Time until Bolt answered (the acknowledgement), ms. */
  readonly ms: number;
}

/** A running committee app with its stand-in and engine. */
export interface CommitteeHarness {
  readonly slack: SlackStandIn;
  readonly h: Harness;
  readonly committee: CommitteeApp;
  /** `http://127.0.0.1:<port>/slack/events`. */
  readonly url: string;
  /** Posts raw signed bytes (forge, age or replay on purpose with `options`). */
  post(rawBody: string, contentType: 'application/json' | 'application/x-www-form-urlencoded', options?: { at?: number; signature?: string }): Promise<SlackAnswer>;
  /** `/pnyx <text>` typed by `user` in `channel` (default: the committee channel). */
  command(user: string, text: string, channel?: string): Promise<SlackAnswer>;
  /**
   * A button (or select) clicked by `user`: `block_actions` with one action. `container`
   * says where: a message (channel + ts), a view (its id, as the stand-in knows it), or Home.
   */
  action(user: string, action: { action_id: string; value?: string; block_id?: string; selected_option?: { value: string } }, container?: { channel: string; ts: string } | { view: Json } | 'home'): Promise<SlackAnswer>;
  /**
   * A modal submitted by `user`: `view_submission` of `view` (as the app opened it, taken
   * from the stand-in) with `values` as Slack builds `view.state.values`.
   */
  submit(user: string, view: Json, values: Record<string, Record<string, Json>>): Promise<SlackAnswer>;
  /** An Events API event (`event_callback`), e.g. a message in a thread or `app_home_opened`. */
  event(event: Json): Promise<SlackAnswer>;
  stop(): Promise<void>;
}

/** Options of {@link startCommittee}. */
export interface CommitteeHarnessOptions {
  readonly campaign?: Campaign;
  readonly stores?: Stores;
  /** Engine clock start (epoch ms); default one second into submission. */
  readonly start?: number;
  /** The app's features; default every committee feature. */
  readonly features?: readonly SlackFeature[];
  /** Extra app options (an exporter, a photo source). */
  readonly app?: Partial<Pick<CommitteeAppOptions, 'exporter' | 'photos'>>;
  /** Extra workspace members (staff are members already, and OUTSIDER). */
  readonly users?: readonly string[];
  /** Slack's posting limit on the stand-in (off by default), possibly scaled (`secondMs`). */
  readonly limits?: Pick<SlackStandInOptions, 'postPerChannelPerSecond' | 'retryAfterSeconds' | 'secondMs'>;
}

/** Starts a stand-in, the app and an HTTP server at `/slack/events`. */
export async function startCommittee(options: CommitteeHarnessOptions = {}): Promise<CommitteeHarness> {
  const campaign = options.campaign ?? testCampaign();
  const stores = options.stores ?? createMemoryStores();
  const h = harness(campaign, stores, options.start ?? campaign.phases.submission.start + 1000);
  const channels = [...new Set([campaign.slack.committee, campaign.slack.announcements])];
  const users = [...new Set([...campaign.staff.map((s) => s.slackUserId), OUTSIDER, ...(options.users ?? [])])];
  const slack = await SlackStandIn.start({ botToken: SLACK_BOT_TOKEN, channels, users, ...options.limits });
  const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const committee = createCommitteeApp(
    { engine: h.engine, stores, token: SLACK_BOT_TOKEN, signingSecret: SLACK_SIGNING_SECRET, apiUrl: slack.apiUrl, clock: h.clock, logger, retries: 0, ...options.app },
    ...(options.features === undefined ? [] : [options.features]),
  );
  await committee.init();
  const listener = committee.requestListener;
  if (listener === null) throw new Error('startCommittee: the app has no HTTP listener');
  const server: RunningServer = await startHttpServer({ port: 0, host: '127.0.0.1', logger, routes: [{ path: SLACK_EVENTS_PATH, methods: { POST: listener } }] });
  const url = `http://127.0.0.1:${server.port}${SLACK_EVENTS_PATH}`;
  const team = { id: 'T0PNYX', domain: 'pnyx-test' };
  const post: CommitteeHarness['post'] = (raw, type, o = {}) => postSigned(url, SLACK_SIGNING_SECRET, raw, type, o);
  const userOf = (id: string): Json => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: team.id });

  return {
    slack,
    h,
    committee,
    url,
    post,
    command(user, text, channel = campaign.slack.committee) {
      return post(
        slashCommandBody({
          token: 'deprecated-verification-token',
          team_id: team.id,
          team_domain: team.domain,
          channel_id: channel,
          channel_name: 'committee',
          user_id: user,
          user_name: user.toLowerCase(),
          command: '/pnyx',
          text,
          api_app_id: 'A0PNYX',
          response_url: `${slack.apiUrl.replace(/\/api\/$/, '')}/hooks/${randomBytes(4).toString('hex')}`,
          trigger_id: slack.newTrigger(user),
        }),
        'application/x-www-form-urlencoded',
      );
    },
    action(user, action, container = 'home') {
      const act = { type: action.selected_option === undefined ? 'button' : 'static_select', block_id: action.block_id ?? 'b', action_ts: String(Date.now() / 1000), ...action };
      const where: Json =
        container === 'home'
          ? { container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] } }
          : 'view' in container
            ? { container: { type: 'view', view_id: container.view['id'] }, view: container.view }
            : {
                container: { type: 'message', channel_id: container.channel, message_ts: container.ts, is_ephemeral: false },
                channel: { id: container.channel, name: 'committee' },
                message: { type: 'message', ts: container.ts, text: slack.message(container.channel, container.ts)?.text ?? '', blocks: slack.message(container.channel, container.ts)?.blocks ?? [] },
              };
      return post(
        interactionBody({
          type: 'block_actions',
          team,
          user: userOf(user),
          api_app_id: 'A0PNYX',
          token: 'deprecated-verification-token',
          trigger_id: slack.newTrigger(user),
          response_url: `${slack.apiUrl.replace(/\/api\/$/, '')}/hooks/${randomBytes(4).toString('hex')}`,
          actions: [act],
          ...where,
        }),
        'application/x-www-form-urlencoded',
      );
    },
    submit(user, view, values) {
      return post(
        interactionBody({
          type: 'view_submission',
          team,
          user: userOf(user),
          api_app_id: 'A0PNYX',
          token: 'deprecated-verification-token',
          trigger_id: slack.newTrigger(user),
          view: { ...view, state: { values } },
        }),
        'application/x-www-form-urlencoded',
      );
    },
    event(event) {
      return post(
        JSON.stringify({
          token: 'deprecated-verification-token',
          team_id: team.id,
          api_app_id: 'A0PNYX',
          type: 'event_callback',
          event_id: `Ev${randomBytes(6).toString('hex').toUpperCase()}`,
          event_time: Math.floor(Date.now() / 1000),
          event,
        }),
        'application/json',
      );
    },
    async stop() {
      await server.close(100);
      await slack.stop();
      slack.expectNoViolations();
    },
  };
}
