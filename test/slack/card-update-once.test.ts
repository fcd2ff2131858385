/**
 * One decision, one card update: the moderation feature updates the referenced card in place
 * right after the decision and records the version as shown, so the committee sender's
 * `card.updated` for it makes no Web API call. The sender still updates the card when the
 * in-place update failed, and when the idea moved on after it. And the direct caller of those
 * in-place updates throws errors the rest of the app reads like the Bolt client's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_ACTIONS } from '../../adapters/slack/actions.ts';
import { classifySlackFailure, CommitteeDispatcher } from '../../adapters/slack/committee-dispatcher.ts';
import { moderationFeature } from '../../adapters/slack/features/moderation.ts';
import { cardRefKey, cardShownKey, slackErrorCode } from '../../adapters/slack/notices/card-notices.ts';
import { directWebApi } from '../../adapters/slack/web-api-direct.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import type { SlackMessage } from '../support/slack/web-api-stand-in.ts';

type Json = Record<string, unknown>;
const CHANNEL = 'C-COMMITTEE';

let c: CommitteeHarness | null = null;
const servers: http.Server[] = [];
afterEach(async () => {
  await c?.stop();
  c = null;
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

async function drain(d: CommitteeDispatcher): Promise<number> {
  let total = 0;
  for (let n = await d.drainOnce(); n > 0; n = await d.drainOnce()) total += n;
  return total;
}

/** A submitted idea with its card posted by the committee sender (so referenced as `card:<ideaId>`). */
async function carded(h: CommitteeHarness, d: CommitteeDispatcher, telegramId = 7001): Promise<{ idea: Idea; card: SlackMessage }> {
  const author = await h.h.register(telegramId);
  const idea = await h.h.submit(author, 'Un banc sous le tilleul');
  await drain(d);
  const ref = await h.h.stores.messageRefs.get(cardRefKey(idea.id));
  if (ref === null) throw new Error('the sender posted no card');
  return { idea, card: h.slack.message(CHANNEL, ref.messageId)! };
}

function updatesOf(h: CommitteeHarness, ts: string): number {
  return h.slack.calls.filter((x) => x.method === 'chat.update' && x.args['ts'] === ts).length;
}

function clickEligible(h: CommitteeHarness, user: string, idea: Idea, ts: string) {
  return h.action(user, { action_id: CARD_ACTIONS.eligible, value: `${idea.id}:${idea.version}`, block_id: 'moderation' }, { channel: CHANNEL, ts });
}

async function eventually(probe: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function cardText(h: CommitteeHarness, ts: string): string {
  return JSON.stringify(h.slack.message(CHANNEL, ts)?.blocks);
}

/** A Web API that answers every call with `error` (status 200), or with HTTP `status`; or, `silent`, never answers. */
async function brokenApi(answer: { error?: string; status?: number; retryAfter?: number; silent?: true }): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (answer.silent) return;
      if (answer.status !== undefined) res.writeHead(answer.status, answer.retryAfter === undefined ? {} : { 'retry-after': String(answer.retryAfter) }).end('{}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: answer.error ?? 'internal_error' }));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
}

describe('one decision, one card update', () => {
  it('the card is updated once: in place right after the click, and the sender’s card.updated then calls nothing', async () => {
    c = await startCommittee();
    const d = new CommitteeDispatcher({ services: c.committee.services });
    const { idea, card } = await carded(c, d);
    expect(updatesOf(c, card.ts)).toBe(0);

    expect((await clickEligible(c, 'U-MOD1', idea, card.ts)).status).toBe(200);
    await eventually(() => c!.slack.message(CHANNEL, card.ts)!.edits === 1, 'the in-place update');
    expect(cardText(c, card.ts)).toContain('Marc Moderator');
    expect(cardText(c, card.ts)).not.toContain(CARD_ACTIONS.eligible);
    await eventually(async () => (await c!.h.stores.processed.begin(cardShownKey(idea.id, idea.version + 1), c!.h.clock.now(), 1)).status === 'done', 'the version recorded as shown');

    // The sender delivers card.updated (and only it: the author's notice is the residents' sender's).
    expect(await drain(d)).toBe(1);
    expect(updatesOf(c, card.ts)).toBe(1);
    const committee = (await c.h.stores.outbox.list(0, 100)).filter((m) => m.recipient.kind === 'committee');
    expect(committee.map((m) => [m.template, m.status])).toEqual([
      ['card.moderation', 'sent'],
      ['card.updated', 'sent'],
    ]);
    expect(c.slack.message(CHANNEL, card.ts)!.edits).toBe(1);
  });

  it('when the in-place update fails, the sender updates the card from its message reference', async () => {
    c = await startCommittee({ features: [] });
    // The moderation feature alone, whose Web API answers every call with an error; the sender keeps the stand-in.
    const failing = new WebClient(c.committee.services.client.token, { slackApiUrl: await brokenApi({ error: 'internal_error' }), retryConfig: { retries: 0 } });
    moderationFeature(c.committee.app, { ...c.committee.services, client: failing });
    const d = new CommitteeDispatcher({ services: c.committee.services });
    const { idea, card } = await carded(c, d);

    await clickEligible(c, 'U-MOD1', idea, card.ts);
    await eventually(async () => (await c!.h.stores.ideas.get(idea.id))!.state === 'eligible', 'the decision');
    // The work after the ack has run: the in-place update was tried and failed.
    await new Promise((r) => setTimeout(r, 100));
    expect(c.slack.message(CHANNEL, card.ts)!.edits).toBe(0);

    expect(await drain(d)).toBe(1);
    expect(c.slack.message(CHANNEL, card.ts)!.edits).toBe(1);
    expect(cardText(c, card.ts)).toContain('Marc Moderator');
    expect(cardText(c, card.ts)).not.toContain(CARD_ACTIONS.eligible);
  });

  it('two moderators at once: one decision, the other told privately, and the card ends showing the decision', async () => {
    c = await startCommittee();
    const d = new CommitteeDispatcher({ services: c.committee.services });
    const { idea, card } = await carded(c, d);

    await Promise.all([clickEligible(c, 'U-MOD1', idea, card.ts), clickEligible(c, 'U-MOD2', idea, card.ts)]);
    const ephemerals = (): SlackMessage[] => c!.slack.messages(CHANNEL).filter((m) => m.ephemeralTo !== null);
    await eventually(() => ephemerals().length === 1, 'the loser told');
    const decided = (await c.h.stores.ideas.get(idea.id))!;
    expect(decided.state).toBe('eligible');
    const loser = decided.decision!.by === 'staff:U-MOD1' ? 'U-MOD2' : 'U-MOD1';
    expect(ephemerals()[0]!.ephemeralTo).toBe(loser);
    expect((await c.h.stores.audit.list(0, 100)).filter((e) => e.action === 'idea.moderated')).toHaveLength(1);

    await eventually(async () => (await c!.h.stores.processed.begin(cardShownKey(idea.id, idea.version + 1), c!.h.clock.now(), 1)).status === 'done', 'the card shown');
    // The loser's redraw (after its private message) settles too.
    await new Promise((r) => setTimeout(r, 200));
    const inPlace = updatesOf(c, card.ts);
    // Both clicks redraw the card at most once each; the sender adds nothing once it is shown.
    expect(inPlace).toBeGreaterThanOrEqual(1);
    expect(inPlace).toBeLessThanOrEqual(2);
    await drain(d);
    expect(updatesOf(c, card.ts)).toBe(inPlace);
    expect(cardText(c, card.ts)).toContain(decided.decision!.by === 'staff:U-MOD1' ? 'Marc Moderator' : 'Mia Moderator');
  });

  it('a version shown in place does not hold back a later change: the sender draws the card as it is now', async () => {
    c = await startCommittee();
    const d = new CommitteeDispatcher({ services: c.committee.services });
    const { idea, card } = await carded(c, d);
    const author = (await c.h.stores.ideas.get(idea.id))!.authorId!;
    await clickEligible(c, 'U-MOD1', idea, card.ts);
    await eventually(async () => (await c!.h.stores.processed.begin(cardShownKey(idea.id, idea.version + 1), c!.h.clock.now(), 1)).status === 'done', 'the in-place update');
    expect(updatesOf(c, card.ts)).toBe(1);

    // Before the sender ran, the author withdraws the idea from Telegram (no in-place update there).
    expect((await c.h.engine.withdrawIdea(author, idea.id)).ok).toBe(true);
    // card.updated of the decision finds the idea withdrawn: it draws that; card.updated of the withdrawal then calls nothing.
    expect(await drain(d)).toBe(2);
    expect(updatesOf(c, card.ts)).toBe(2);
    expect(cardText(c, card.ts)).toMatch(/retir/i);
    const committee = (await c.h.stores.outbox.list(0, 100)).filter((m) => m.recipient.kind === 'committee');
    expect(committee.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
  });
});

/** A Web API in front of `target` that runs `before` once, ahead of relaying the first `chat.update`. */
async function slowFirstUpdate(target: string, before: () => Promise<void>): Promise<string> {
  let first = true;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (b: Buffer) => chunks.push(b));
    req.on('end', () => {
      void (async () => {
        const method = (req.url ?? '').replace(/^.*\/api\//u, '');
        if (method === 'chat.update' && first) {
          first = false;
          await before();
        }
        const answer = await fetch(new URL(method, target), { method: 'POST', headers: { authorization: String(req.headers.authorization), 'content-type': String(req.headers['content-type']) }, body: Buffer.concat(chunks) });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
      })();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
}

describe('the in-place update of a card that moves on meanwhile', () => {
  it('draws the card again at the newer version, and records that one as shown', async () => {
    c = await startCommittee({ features: [] });
    const d = new CommitteeDispatcher({ services: c.committee.services });
    const { idea, card } = await carded(c, d);
    const author = (await c.h.stores.ideas.get(idea.id))!.authorId!;
    // While the decision's card update is on its way, the author withdraws the idea from Telegram.
    const apiUrl = await slowFirstUpdate(c.committee.services.client.slackApiUrl, async () => {
      expect((await c!.h.engine.withdrawIdea(author, idea.id)).ok).toBe(true);
    });
    moderationFeature(c.committee.app, { ...c.committee.services, client: new WebClient(c.committee.services.client.token, { slackApiUrl: apiUrl, retryConfig: { retries: 0 } }) });

    await clickEligible(c, 'U-MOD1', idea, card.ts);
    await eventually(async () => (await c!.h.stores.processed.begin(cardShownKey(idea.id, idea.version + 2), c!.h.clock.now(), 1)).status === 'done', 'the newer version shown');
    expect(updatesOf(c, card.ts)).toBe(2);
    expect(cardText(c, card.ts)).toMatch(/retir/i);
    // The version drawn first was not the card's last word: it is not recorded as shown.
    expect((await c.h.stores.processed.begin(cardShownKey(idea.id, idea.version + 1), c.h.clock.now(), 1)).status).toBe('new');
  });
});

describe('the direct Web API caller', () => {
  it('sends JSON with the bot token and answers Slack’s reply', async () => {
    c = await startCommittee({ features: [] });
    const direct = directWebApi({ token: c.committee.services.client.token!, apiUrl: c.slack.apiUrl });
    const posted = await c.committee.services.client.chat.postMessage({ channel: CHANNEL, text: 'before' });
    const answer = await direct.call('chat.update', { channel: CHANNEL, ts: posted.ts, text: 'after', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*after*' } }] });
    expect(answer).toMatchObject({ ok: true, ts: posted.ts });
    expect(c.slack.message(CHANNEL, posted.ts!)).toMatchObject({ text: 'after', edits: 1 });
    direct.close();
  });

  it('throws errors read like the Bolt client’s: platform errors, rate limits, HTTP errors, no answer', async () => {
    const platform = directWebApi({ token: 'xoxb-1-fake', apiUrl: await brokenApi({ error: 'message_not_found' }) });
    const e1 = await platform.call('chat.update', { channel: CHANNEL, ts: '1.2' }).catch((e: unknown) => e);
    expect(slackErrorCode(e1)).toBe('message_not_found');
    expect(classifySlackFailure(e1)).toEqual({ action: 'fail', reason: 'slack message_not_found' });

    const limited = directWebApi({ token: 'xoxb-1-fake', apiUrl: await brokenApi({ status: 429, retryAfter: 7 }) });
    expect(classifySlackFailure(await limited.call('chat.update', {}).catch((e: unknown) => e))).toEqual({ action: 'retry_after', ms: 7000, reason: 'slack 429: rate limited' });

    const down = directWebApi({ token: 'xoxb-1-fake', apiUrl: await brokenApi({ status: 503 }) });
    expect(classifySlackFailure(await down.call('chat.update', {}).catch((e: unknown) => e))).toEqual({ action: 'retry', reason: 'slack http 503' });

    const nobody = directWebApi({ token: 'xoxb-1-fake', apiUrl: 'http://127.0.0.1:9/api/' });
    const e4 = (await nobody.call('chat.update', {}).catch((e: unknown) => e)) as Json;
    expect(classifySlackFailure(e4)).toEqual({ action: 'retry', reason: 'network error' });
    expect(JSON.stringify(e4)).not.toContain('xoxb');
    expect(String((e4 as unknown as Error).message)).not.toContain('xoxb');
    await expect(platform.call('../auth.test', {})).rejects.toThrow(/not a Web API method/);
  });

  it('gives up on a Web API that never answers after its timeout, as a network error', async () => {
    const mute = directWebApi({ token: 'xoxb-1-fake', apiUrl: await brokenApi({ silent: true }), timeoutMs: 200 });
    const t0 = Date.now();
    const e = await mute.call('chat.update', { channel: CHANNEL, ts: '1.2' }).catch((x: unknown) => x);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(classifySlackFailure(e)).toEqual({ action: 'retry', reason: 'network error' });
    expect(String((e as Error).message)).not.toContain('xoxb');
    mute.close();
  });
});
