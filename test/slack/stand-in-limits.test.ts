/**
 * The Web API stand-in's posting limit (a sliding window per channel, scaled), its modal
 * stacks per user, and the strict file-upload flow — each checked by a call a careless app
 * could make.
 */
import { afterEach, expect, it } from 'vitest';
import { SlackStandIn } from '../support/slack/web-api-stand-in.ts';
import { describeWithSharedData } from '../support/shared-data.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { renderCard } from '../../adapters/slack/blocks/card.ts';

const TOKEN = 'xoxb-test-not-a-real-token';
let slack: SlackStandIn | null = null;
let c: CommitteeHarness | null = null;
afterEach(async () => {
  await slack?.stop();
  slack = null;
  await c?.stop();
  c = null;
});

async function call(method: string, args: Record<string, unknown>): Promise<Record<string, any>> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(args)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const res = await fetch(`${slack!.apiUrl}${method}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ...((await res.json()) as Record<string, unknown>) };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const modal = (title: string) => ({ type: 'modal', title: { type: 'plain_text', text: title }, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: title } }] });

describeWithSharedData('the stand-in’s limits and stacks', () => {
  it('counts posts per channel over a sliding window of one (scaled) second', async () => {
    slack = await SlackStandIn.start({ botToken: TOKEN, channels: ['C0A', 'C0B'], users: ['U0ADMIN'], postPerChannelPerSecond: 2, secondMs: 400, retryAfterSeconds: 1 });
    const post = (channel: string, text: string) => call('chat.postMessage', { channel, text });
    expect((await post('C0A', 'a1')).status).toBe(200);
    await pause(100);
    expect((await post('C0A', 'a2')).status).toBe(200);
    // Another channel has its own window; a DM (by user id) too.
    expect((await post('C0B', 'b1')).status).toBe(200);
    expect((await post('U0ADMIN', 'dm1')).status).toBe(200);
    const third = await post('C0A', 'a3');
    expect([third.status, third.error, third.retryAfter]).toEqual([429, 'ratelimited', '1']);
    expect(slack.rateLimitedCount).toBe(1);
    // Retry-After is one stand-in second (400 ms); after it a1 and a2 have left the window.
    await pause(450);
    expect((await post('C0A', 'a4')).status).toBe(200);
    // Sliding, not fixed: a4 and a5 fill the window; a6 right after is refused.
    expect((await post('C0A', 'a5')).status).toBe(200);
    expect((await post('C0A', 'a6')).status).toBe(429);
    expect(slack.violations).toEqual([]);
    expect(slack.messages('C0A').map((m) => m.text)).toEqual(['a1', 'a2', 'a4', 'a5']);
  });

  it('counts a file shared into a channel as a post there', async () => {
    slack = await SlackStandIn.start({ botToken: TOKEN, channels: ['C0A'], users: ['U0ADMIN'], postPerChannelPerSecond: 1 });
    expect((await call('chat.postMessage', { channel: 'U0ADMIN', text: 'hello' })).status).toBe(200);
    const step1 = await call('files.getUploadURLExternal', { filename: 'digest.png', length: '5' });
    await fetch(step1.upload_url as string, { method: 'POST', body: 'bytes' });
    const shared = await call('files.completeUploadExternal', { files: [{ id: step1.file_id }], channel_id: 'U0ADMIN', initial_comment: 'the digest' });
    expect([shared.status, shared.error]).toEqual([429, 'ratelimited']);
    // Refused: not completed, nothing shared; after the Retry-After it goes through.
    expect(slack.file(step1.file_id as string)?.completed).toBe(false);
    await pause(1050);
    expect((await call('files.completeUploadExternal', { files: [{ id: step1.file_id }], channel_id: 'U0ADMIN', initial_comment: 'the digest' })).ok).toBe(true);
    expect(slack.messages('U0ADMIN').map((m) => m.text)).toEqual(['hello', 'the digest']);
    expect(slack.violations).toEqual([]);
  });

  it('refuses an upload of another length than announced, and a second completion', async () => {
    slack = await SlackStandIn.start({ botToken: TOKEN, channels: ['C0A'], users: ['U0ADMIN'] });
    const step1 = await call('files.getUploadURLExternal', { filename: 'a.csv', length: '3' });
    expect((await fetch(step1.upload_url as string, { method: 'POST', body: 'four' })).status).toBe(400);
    expect((await call('files.completeUploadExternal', { files: [{ id: step1.file_id }] })).error).toBe('file_not_found');
    const ok = await call('files.getUploadURLExternal', { filename: 'b.csv', length: '3' });
    await fetch(ok.upload_url as string, { method: 'POST', body: 'abc' });
    expect((await call('files.completeUploadExternal', { files: [{ id: ok.file_id }], channel_id: 'C0A', thread_ts: '1.000001' })).error).toBe('thread_not_found');
    expect((await call('files.completeUploadExternal', { files: [{ id: ok.file_id }] })).ok).toBe(true);
    expect((await call('files.completeUploadExternal', { files: [{ id: ok.file_id }] })).error).toBe('file_not_found');
    expect(slack.violations).toHaveLength(4);
    expect(slack.violations[0]).toMatch(/4 bytes, .* announced 3/u);
  });

  it('keeps each user’s modal stack apart, by the trigger’s user', async () => {
    slack = await SlackStandIn.start({ botToken: TOKEN, channels: ['C0A'], users: ['U0ADMIN', 'U0MOD'] });
    expect((await call('views.open', { trigger_id: slack.newTrigger('U0MOD'), view: modal('Moderator') })).ok).toBe(true);
    expect((await call('views.open', { trigger_id: slack.newTrigger('U0ADMIN'), view: modal('Admin') })).ok).toBe(true);
    expect((await call('views.push', { trigger_id: slack.newTrigger('U0MOD'), view: modal('Moderator 2') })).ok).toBe(true);
    const titles = (user: string) => slack!.openViews(user).map((v) => (v['title'] as { text: string }).text);
    expect(titles('U0MOD')).toEqual(['Moderator', 'Moderator 2']);
    expect(titles('U0ADMIN')).toEqual(['Admin']);
    // A push by someone with no modal open has nothing to push onto.
    slack.closeViews('U0ADMIN');
    expect((await call('views.push', { trigger_id: slack.newTrigger('U0ADMIN'), view: modal('Nope') })).error).toBe('not_found');
    expect(slack.violations).toHaveLength(1);
  });
});

describeWithSharedData('two staff members’ modals in the committee app', () => {
  it('opens each moderator’s modal for them', async () => {
    c = await startCommittee();
    const author = await c.h.register(7001);
    const idea = await c.h.submit(author, 'Un banc sous le tilleul', 500_000);
    const view = await c.h.engine.committeeIdea('U-ADMIN', idea.id);
    if (!view.ok || view.value === null) throw new Error('no idea');
    const content = renderCard(c.committee.services, view.value, c.h.clock.now(), {});
    const ts = (await c.committee.services.client.chat.postMessage({ channel: 'C-COMMITTEE', text: content.text, blocks: content.blocks as never })).ts!;
    const value = (actionId: string): string => {
      const blocks = (c!.slack.message('C-COMMITTEE', ts)?.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
      return blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id === actionId)!.value!;
    };
    await c.action('U-MOD1', { action_id: 'card.reject', value: value('card.reject'), block_id: 'moderation' }, { channel: 'C-COMMITTEE', ts });
    await c.action('U-MOD2', { action_id: 'card.changes', value: value('card.changes'), block_id: 'moderation' }, { channel: 'C-COMMITTEE', ts });
    const mod1 = await c.slack.waitFor(() => c!.slack.openViews('U-MOD1')[0], 'the first moderator’s modal');
    const mod2 = await c.slack.waitFor(() => c!.slack.openViews('U-MOD2')[0], 'the second moderator’s modal');
    expect(mod1['id']).not.toBe(mod2['id']);
    expect(c.slack.openViews('U-ADMIN')).toEqual([]);
  });
});
