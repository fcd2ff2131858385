/**
 * The committee's Slack app inside the service, against the strict Web API stand-in: with
 * SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL set, `/slack/events` is served on
 * PORT (signed requests only), and the committee sender, under its lease, delivers what the
 * engine queued for the committee — here the alert of a vote held by its guard, raised by the
 * campaign scheduler on its own.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runService } from '../../bot/service/run-service.ts';
import { tempDir } from '../cli/cli-fixture.ts';
import { SECRET, bertrix, environment } from './service-fixture.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { FixedClock } from '../support/fixed-clock.ts';
import { SlackStandIn } from '../support/slack/web-api-stand-in.ts';
import { postSigned } from '../support/slack/slack-signing.ts';

const silent = pino({ level: 'silent' });
const SLACK_TOKEN = 'xoxb-7-service-test';
const SIGNING = 'aa11bb22cc33dd44ee55ff6677889900';

describe('the committee’s Slack app in the service', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('slack-service'));
  });
  afterAll(async () => {
    await cleanup();
  });

  it('serves signed requests on /slack/events and delivers the committee’s alerts', async () => {
    const campaign = await bertrix();
    const slack = await SlackStandIn.start({ botToken: SLACK_TOKEN, channels: [campaign.slack.committee, campaign.slack.announcements], users: [...campaign.staff.map((s) => s.slackUserId), ...campaign.digestRecipients.flatMap((r) => (r.channel === 'slack' ? [r.userId] : []))] });
    try {
      const port = await freePort();
      const stop = new AbortController();
      // The first second of the vote, with no finalist: the scheduler holds the phase and alerts the committee.
      const clock = new FixedClock(campaign.phases.voting.start + 1000);
      const env = environment({ PNYX_DATA_DIR: 'data', PNYX_SECRET: SECRET, PORT: String(port), SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: SIGNING, SLACK_API_URL: slack.apiUrl });
      const done = runService({ campaign, env, cwd: dir, logger: silent, signal: stop.signal, clock });
      await waitForHttp(`http://127.0.0.1:${port}/healthz`);
      expect(slack.calls.some((c) => c.method === 'auth.test')).toBe(true);

            const alert = await slack.waitFor(() => slack.messages(campaign.slack.committee).find((m) => /vote/.test(m.text)), 'the alert of the held vote', 20_000);
      expect(alert.ephemeralTo).toBeNull();
      expect(JSON.stringify(alert.blocks)).toMatch(/finaliste/);

      // A staff member opens the App Home: a signed event over the service's own server.
      const url = `http://127.0.0.1:${port}/slack/events`;
      const admin = campaign.staff[0]!.slackUserId;
      const event = JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: 'Ev0SERVICE1', event_time: Math.floor(Date.now() / 1000), event: { type: 'app_home_opened', user: admin, tab: 'home', channel: 'D0HOME' } });
      expect((await postSigned(url, SIGNING, event, 'application/json')).status).toBe(200);
      const home = await slack.waitFor(() => slack.home(admin), 'the App Home');
      expect(JSON.stringify(home)).toMatch(/finalist/i);

      // The same request with a signature made from another secret changes nothing.
      const forged = await postSigned(url, 'ffffffffffffffffffffffffffffffff', event.replace('Ev0SERVICE1', 'Ev0SERVICE2'), 'application/json');
      expect(forged.status).toBe(401);

      stop.abort();
      expect((await done).exitCode).toBe(0);
      slack.expectNoViolations();
    } finally {
      await slack.stop();
    }
  }, 60_000);
});
