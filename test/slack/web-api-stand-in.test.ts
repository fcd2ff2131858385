/**
 * The Slack Web API stand-in must refuse what Slack refuses: each test makes a call a careless
 * app could make and checks the answer and the recorded violation.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { SlackStandIn } from '../support/slack/web-api-stand-in.ts';
import { describeWithSharedData } from '../support/shared-data.ts';

const TOKEN = 'xoxb-test-not-a-real-token';

describeWithSharedData('Slack Web API stand-in', () => {
  let slack: SlackStandIn;
  beforeEach(async () => {
    slack = await SlackStandIn.start({ botToken: TOKEN, channels: ['C0COMMITTEE'], users: ['U0ADMIN', 'U0MOD'], postPerChannelPerSecond: 3 });
  });
  afterEach(async () => {
    await slack.stop();
  });

  async function call(method: string, args: Record<string, unknown>, token = TOKEN): Promise<Record<string, any>> {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(args)) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    const res = await fetch(`${slack.apiUrl}${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), ...((await res.json()) as Record<string, unknown>) };
  }

  const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

  it('posts, threads and updates messages in place', async () => {
    const r = await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'Idea #1', blocks: [section('*Idea #1*')] });
    expect(r.ok).toBe(true);
    const reply = await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'a question', thread_ts: r.ts });
    expect(reply.ok).toBe(true);
    expect((await call('chat.update', { channel: 'C0COMMITTEE', ts: r.ts, text: 'Idea #1 — eligible', blocks: [section('*Idea #1* eligible')] })).ok).toBe(true);
    expect(slack.message('C0COMMITTEE', r.ts as string)?.edits).toBe(1);
    expect(slack.thread('C0COMMITTEE', r.ts as string)).toHaveLength(1);
    slack.expectNoViolations();
  });

  it('refuses a bad token, an unknown method, a missing or unknown argument', async () => {
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x' }, 'xoxb-wrong')).error).toBe('invalid_auth');
    expect((await call('chat.postMesage', { channel: 'C0COMMITTEE', text: 'x' })).error).toBe('unknown_method');
    expect((await call('chat.update', { channel: 'C0COMMITTEE', text: 'x' })).error).toBe('invalid_arguments');
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x', colour: 'red' })).error).toBe('invalid_arguments');
    expect(slack.violations).toHaveLength(4);
  });

  it('checks blocks against Block Kit: schema, 50 per message, a text fallback', async () => {
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] })).error).toBe('invalid_blocks');
    const button = { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'x'.repeat(76) }, action_id: 'a' }] };
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x', blocks: [button] })).error).toBe('invalid_blocks');
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x', blocks: Array.from({ length: 51 }, () => section('s')) })).error).toBe('invalid_blocks');
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', blocks: [section('s')] })).error).toBe('missing_text_fallback');
    expect(slack.violations).toHaveLength(4);
    expect(slack.violations[2]).toMatch(/51 blocks/u);
  });

  it('describes refused blocks with every error, down to the field at fault', async () => {
    // A first-error description stops at the block type; the empty text must be named too.
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '' } }, section('fine')];
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x', blocks })).error).toBe('invalid_blocks');
    expect(slack.violations).toHaveLength(1);
    expect(slack.violations[0]).toMatch(/\/0\/text\/text must NOT have fewer than 1 characters/u);
  });

  it('opens modals only with a fresh trigger, and stacks at most three', async () => {
    const modal = { type: 'modal', title: { type: 'plain_text', text: 'Reject idea' }, blocks: [section('Why?')] };
    expect((await call('views.open', { trigger_id: 'made-up', view: modal })).error).toBe('invalid_trigger_id');
    const t = slack.newTrigger();
    expect((await call('views.open', { trigger_id: t, view: modal })).ok).toBe(true);
    expect((await call('views.open', { trigger_id: t, view: modal })).error).toBe('expired_trigger_id');
    expect((await call('views.push', { trigger_id: slack.newTrigger(), view: modal })).ok).toBe(true);
    expect((await call('views.push', { trigger_id: slack.newTrigger(), view: modal })).ok).toBe(true);
    expect((await call('views.push', { trigger_id: slack.newTrigger(), view: modal })).error).toBe('push_limit_reached');
    const tooLongTitle = { ...modal, title: { type: 'plain_text', text: 'A title longer than 24 chars' } };
    expect((await call('views.open', { trigger_id: slack.newTrigger(), view: tooLongTitle })).error).toBe('invalid_arguments');
    expect(slack.violations).toHaveLength(4);
  });

  it('uploads files in the two-step flow and shows only completed ones as slack_file', async () => {
    const step1 = await call('files.getUploadURLExternal', { filename: 'photo.jpg', length: '5' });
    expect(step1.ok).toBe(true);
    const image = { type: 'image', slack_file: { id: step1.file_id }, alt_text: 'photo' };
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x', blocks: [image] })).error).toBe('invalid_blocks');
    await fetch(step1.upload_url as string, { method: 'POST', body: 'bytes' });
    expect((await call('files.completeUploadExternal', { files: [{ id: step1.file_id, title: 'Idea #1' }] })).ok).toBe(true);
    expect((await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'x', blocks: [image] })).ok).toBe(true);
    expect(slack.file(step1.file_id as string)?.bytes?.toString()).toBe('bytes');
    expect(slack.violations).toHaveLength(1);
  });

  it('rate-limits chat.postMessage per channel with Retry-After and flags an app that ignores it', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await call('chat.postMessage', { channel: 'C0COMMITTEE', text: `m${i}` }));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(results[3]!.retryAfter).toBe('1');
    expect(slack.violations).toEqual([]);
    await call('chat.postMessage', { channel: 'C0COMMITTEE', text: 'again' });
    expect(slack.violations.join()).toMatch(/inside a Retry-After/u);
  });
});
