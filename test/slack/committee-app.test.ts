/**
 * The committee app's gate, before any feature: Bolt's signature and timestamp checks over
 * the service's HTTP server, a replayed request handled once, non-staff refused privately.
 * A probe feature counts what reaches the features.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SlackFeature } from '../../adapters/slack/context.ts';
import { escapeSlack, clip, residentText } from '../../adapters/slack/mrkdwn.ts';
import { OUTSIDER, SLACK_SIGNING_SECRET, startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { slashCommandBody } from '../support/slack/slack-signing.ts';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

function probe(): { seen: Array<{ user: string; staff: string | null; text: string }>; feature: SlackFeature } {
  const seen: Array<{ user: string; staff: string | null; text: string }> = [];
  const feature: SlackFeature = (app) => {
    app.command('/pnyx', async ({ ack, command, context }) => {
      await ack();
      seen.push({ user: command.user_id, staff: (context['staff'] as { name: string } | undefined)?.name ?? null, text: command.text });
    });
  };
  return { seen, feature };
}

function commandBody(user: string, trigger: string): string {
  return slashCommandBody({ team_id: 'T0PNYX', channel_id: 'C-COMMITTEE', user_id: user, command: '/pnyx', text: 'status', response_url: 'http://127.0.0.1:1/hooks/x', trigger_id: trigger });
}

describe('the committee app gate', () => {
  it('hands a staff member’s signed command to the features, with the staff member in the context', async () => {
    const p = probe();
    c = await startCommittee({ features: [p.feature] });
    const answer = await c.command('U-MOD1', 'status');
    expect(answer.status).toBe(200);
    expect(p.seen).toEqual([{ user: 'U-MOD1', staff: 'Marc Moderator', text: 'status' }]);
  });

  it('refuses a forged signature and an old timestamp without reaching a feature', async () => {
    const p = probe();
    c = await startCommittee({ features: [p.feature] });
    const body = commandBody('U-ADMIN', c.slack.newTrigger());
    const forged = await c.post(body, 'application/x-www-form-urlencoded', { signature: 'v0=' + '0'.repeat(64) });
    expect(forged.status).toBe(401);
    const old = await c.post(body, 'application/x-www-form-urlencoded', { at: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(old.status).toBe(401);
    expect(p.seen).toEqual([]);
    // The same body, properly signed now, goes through: only the signature and age were wrong.
    expect((await c.post(body, 'application/x-www-form-urlencoded')).status).toBe(200);
    expect(p.seen).toHaveLength(1);
    expect(SLACK_SIGNING_SECRET).toHaveLength(32);
  });

  it('handles a request replayed inside the five-minute window once', async () => {
    const p = probe();
    c = await startCommittee({ features: [p.feature] });
    const body = commandBody('U-ADMIN', c.slack.newTrigger());
    const at = Math.floor(Date.now() / 1000);
    const first = await c.post(body, 'application/x-www-form-urlencoded', { at });
    const replay = await c.post(body, 'application/x-www-form-urlencoded', { at });
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(p.seen).toHaveLength(1);
  });

  it('refuses a non-staff user privately and hands nothing to the features', async () => {
    const p = probe();
    c = await startCommittee({ features: [p.feature] });
    const answer = await c.command(OUTSIDER, 'phase next');
    expect(answer.status).toBe(200);
    expect(p.seen).toEqual([]);
    const refusal = await c.slack.waitFor(() => c!.slack.messages('C-COMMITTEE').find((m) => m.ephemeralTo === OUTSIDER), 'the private refusal');
    expect(refusal.text).toMatch(/comité de pilotage/);
    expect(c.slack.messages('C-COMMITTEE').filter((m) => m.ephemeralTo === null)).toEqual([]);
  });
});

describe('resident text in Slack', () => {
  it('cannot ping the channel nor forge a link', () => {
    expect(escapeSlack('Hi <!channel> see <http://evil|bank> & more')).toBe('Hi &lt;!channel&gt; see &lt;http://evil|bank&gt; &amp; more');
  });
  it('is clipped without cutting an escape or a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(residentText('ab&cd', 4)).toBe('ab…');
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('short', 10)).toBe('short');
  });
});
