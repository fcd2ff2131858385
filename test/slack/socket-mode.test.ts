/**
 * The committee app over Socket Mode: the receiver opens its connection through the Web API
 * stand-in (`apps.connections.open`, app-level token, at SLACK_API_URL — not slack.com), the
 * WebSocket stand-in says hello and sends envelopes, and each envelope reaches the app through
 * the same gate as over HTTP (staff only, handled once) and is acknowledged by its envelope id.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommitteeApp } from '../../adapters/slack/committee-app.ts';
import type { CommitteeApp } from '../../adapters/slack/committee-app.ts';
import type { SlackFeature } from '../../adapters/slack/context.ts';
import { questionsFeature } from '../../adapters/slack/features/questions.ts';
import { COMMITTEE_NOTICES } from '../../adapters/slack/notices/index.ts';
import { createSocketModeReceiver } from '../../adapters/slack/socket-mode.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { createMemoryStores } from '../support/memory/memory-stores.ts';
import { OUTSIDER, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET } from '../support/slack/committee-harness.ts';
import { SocketModeStandIn } from '../support/slack/socket-mode-stand-in.ts';
import { SlackStandIn } from '../support/slack/web-api-stand-in.ts';
import { testCampaign } from '../support/test-campaign.ts';

const APP_TOKEN = 'xapp-1-A0PNYX-1-stand-in-app-level-token';
const CHANNEL = 'C-COMMITTEE';

interface SocketCommittee {
  readonly h: Harness;
  readonly slack: SlackStandIn;
  readonly ws: SocketModeStandIn;
  readonly committee: CommitteeApp;
  stop(): Promise<void>;
}

let running: SocketCommittee | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

async function startOverSocket(features: readonly SlackFeature[]): Promise<SocketCommittee> {
  const campaign = testCampaign();
  const stores = createMemoryStores();
  const h = harness(campaign, stores, campaign.phases.submission.start + 1000);
  const ws = await SocketModeStandIn.start();
  const slack = await SlackStandIn.start({ botToken: SLACK_BOT_TOKEN, channels: [CHANNEL], users: [...campaign.staff.map((s) => s.slackUserId), OUTSIDER], socketMode: { appToken: APP_TOKEN, url: ws.url } });
  const logger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const receiver = createSocketModeReceiver({ appToken: APP_TOKEN, apiUrl: slack.apiUrl, logger, retries: 0, autoReconnect: false });
  const committee = createCommitteeApp({ engine: h.engine, stores, token: SLACK_BOT_TOKEN, signingSecret: SLACK_SIGNING_SECRET, apiUrl: slack.apiUrl, clock: h.clock, logger, retries: 0, receiver }, features);
  await committee.init();
  await committee.app.start();
  await ws.connected();
  running = {
    h,
    slack,
    ws,
    committee,
    async stop() {
      await committee.app.stop();
      await ws.stop();
      await slack.stop();
      slack.expectNoViolations();
      expect(ws.violations).toEqual([]);
    },
  };
  return running;
}

async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function probe(): { seen: Array<{ user: string; staff: string | null }>; feature: SlackFeature } {
  const seen: Array<{ user: string; staff: string | null }> = [];
  const feature: SlackFeature = (app) => {
    app.command('/pnyx', async ({ ack, command, context }) => {
      await ack({ response_type: 'ephemeral', text: `pong ${command.text}` });
      seen.push({ user: command.user_id, staff: (context['staff'] as { name: string } | undefined)?.name ?? null });
    });
  };
  return { seen, feature };
}

function command(s: SocketCommittee, user: string, text: string): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T0PNYX',
    team_domain: 'pnyx-test',
    channel_id: CHANNEL,
    channel_name: 'committee',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/pnyx',
    text,
    api_app_id: 'A0PNYX',
    is_enterprise_install: 'false',
    response_url: `${s.slack.apiUrl.replace(/\/api\/$/, '')}/hooks/${randomBytes(4).toString('hex')}`,
    trigger_id: s.slack.newTrigger(),
  };
}

function closeClick(s: SocketCommittee, user: string, questionId: string, ts: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T0PNYX', domain: 'pnyx-test' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0PNYX' },
    api_app_id: 'A0PNYX',
    token: 'deprecated-verification-token',
    trigger_id: s.slack.newTrigger(),
    container: { type: 'message', channel_id: CHANNEL, message_ts: ts, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'committee' },
    message: { type: 'message', ts, text: '' },
    actions: [{ type: 'button', action_id: 'question.close', block_id: 'question', value: questionId, action_ts: String(Date.now() / 1000) }],
  };
}

/** A resident's question with its thread root posted, as the committee sender would. */
async function questionWithThread(s: SocketCommittee): Promise<{ questionId: string; ts: string }> {
  const residentId = await s.h.register(1);
  const asked = await s.h.engine.askQuestion(residentId, { text: 'Une question par Socket Mode' });
  if (!asked.ok) throw new Error(asked.code);
  const [m] = await s.h.stores.outbox.claim(s.h.clock.now(), 1, 60_000, { recipientKinds: ['committee'] });
  const result = await COMMITTEE_NOTICES[m!.template]!(s.committee.services, m!);
  await s.h.stores.outbox.ack(m!.seq, m!.token, result);
  return { questionId: asked.value.id, ts: result.ref!.messageId };
}

describe('the committee app over Socket Mode', () => {
  it('opens its connection through SLACK_API_URL with the app-level token', async () => {
    const s = await startOverSocket([]);
    const opened = s.slack.calls.filter((c) => c.method === 'apps.connections.open');
    expect(opened.map((c) => c.response)).toEqual([{ ok: true, url: s.ws.url }]);
  });

  it('hands a staff member’s slash command to the app and acknowledges its envelope with the reply', async () => {
    const p = probe();
    const s = await startOverSocket([p.feature]);
    const id = s.ws.send('slash_commands', command(s, 'U-MOD1', 'status'));
    const ack = await s.ws.ackOf(id);
    expect(ack.payload).toEqual({ response_type: 'ephemeral', text: 'pong status' });
    expect(p.seen).toEqual([{ user: 'U-MOD1', staff: 'Marc Moderator' }]);
  });

  it('handles an envelope Slack delivers twice once, acknowledging both', async () => {
    const p = probe();
    const s = await startOverSocket([p.feature]);
    const payload = command(s, 'U-MOD2', 'status');
    const first = s.ws.send('slash_commands', payload);
    await s.ws.ackOf(first);
    const again = s.ws.send('slash_commands', payload);
    await s.ws.ackOf(again);
    expect(p.seen).toEqual([{ user: 'U-MOD2', staff: 'Mia Moderator' }]);
  });

  it('handles a button over Socket Mode: the Close button closes the question', async () => {
    const s = await startOverSocket([questionsFeature]);
    const { questionId, ts } = await questionWithThread(s);
    const id = s.ws.send('interactive', closeClick(s, 'U-ADMIN', questionId, ts), { acceptsResponsePayload: false });
    expect((await s.ws.ackOf(id)).payload).toEqual({});
    await eventually(async () => (await s.h.stores.questions.get(questionId))?.state === 'closed', 'the question closed');
    const closed = await s.h.stores.questions.get(questionId);
    expect(closed?.closedBy).toBe('staff:U-ADMIN');
  });

  it('refuses a non-staff command and button privately, acknowledged, with no effect', async () => {
    const p = probe();
    const s = await startOverSocket([p.feature, questionsFeature]);
    const { questionId, ts } = await questionWithThread(s);
    const byCommand = s.ws.send('slash_commands', command(s, OUTSIDER, 'phase next'));
    const byButton = s.ws.send('interactive', closeClick(s, OUTSIDER, questionId, ts), { acceptsResponsePayload: false });
    expect((await s.ws.ackOf(byCommand)).payload).toEqual({});
    expect((await s.ws.ackOf(byButton)).payload).toEqual({});
    await s.slack.waitFor(() => s.slack.messages(CHANNEL).filter((m) => m.ephemeralTo === OUTSIDER).length === 2, 'two private refusals');
    expect(s.slack.messages(CHANNEL).find((m) => m.ephemeralTo === OUTSIDER)?.text).toMatch(/comité de pilotage/);
    expect(p.seen).toEqual([]);
    expect((await s.h.stores.questions.get(questionId))?.state).toBe('open');
  });

  it('relays a staff reply that arrives as an Events API envelope', async () => {
    const s = await startOverSocket([questionsFeature]);
    const { questionId, ts } = await questionWithThread(s);
    const event = { type: 'message', channel: CHANNEL, channel_type: 'channel', user: 'U-MOD2', text: 'Réponse par socket', ts: '1800000000.000001', thread_ts: ts };
    const id = s.ws.send('events_api', { token: 'deprecated-verification-token', team_id: 'T0PNYX', api_app_id: 'A0PNYX', type: 'event_callback', event_id: 'Ev0SOCKET1', event_time: 1_800_000_000, event });
    await s.ws.ackOf(id);
    await eventually(async () => (await s.h.stores.questions.get(questionId))?.state === 'answered', 'the answer');
    const answers = (await s.h.stores.outbox.list(0, 100)).filter((m) => m.template === 'notify.question_answered');
    expect(answers.map((m) => m.params['text'])).toEqual(['Réponse par socket']);
  });
});
