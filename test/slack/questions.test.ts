/**
 * Residents' questions relayed through Slack threads, end to end: the engine enqueues the
 * committee's messages, the question notice handlers (called here as the committee sender
 * would: claim, handle, ack with the result) post the thread into the Web API stand-in, and
 * signed events and button clicks from Slack answer and close the question — the answer
 * reaching the resident as an outbox message for the Telegram side.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { questionsFeature, slackToPlainText } from '../../adapters/slack/features/questions.ts';
import { SLACK_LOCALES, SLACK_LOCALES_DIR, loadSlackBundle } from '../../adapters/slack/i18n.ts';
import { COMMITTEE_NOTICES } from '../../adapters/slack/notices/index.ts';
import type { OutboxMessage } from '../../core/ports/outbox.ts';
import { OUTSIDER, startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import type { SlackMessage } from '../support/slack/web-api-stand-in.ts';

const CHANNEL = 'C-COMMITTEE';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

async function start(): Promise<CommitteeHarness> {
  c = await startCommittee({ features: [questionsFeature] });
  return c;
}

/** Delivers the committee's due messages one at a time, as the committee sender does; returns their templates. */
async function deliver(h: CommitteeHarness): Promise<string[]> {
  const delivered: string[] = [];
  for (;;) {
    const [m] = await h.h.stores.outbox.claim(h.h.clock.now(), 1, 60_000, { recipientKinds: ['committee'] });
    if (m === undefined) return delivered;
    const handler = COMMITTEE_NOTICES[m.template];
    if (handler === undefined) throw new Error(`no handler for ${m.template}`);
    expect(await h.h.stores.outbox.ack(m.seq, m.token, await handler(h.committee.services, m))).toBe('ok');
    delivered.push(m.template);
  }
}

async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  const until = Date.now() + 10_000;
  for (;;) {
    const v = await probe();
    if (v !== null && v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function residentMessages(h: CommitteeHarness, template: string): Promise<OutboxMessage[]> {
  return (await h.h.stores.outbox.list(0, 1000)).filter((m) => m.recipient.kind === 'resident' && m.template === template);
}

/** A registered resident asks; returns their id and the question. */
async function ask(h: CommitteeHarness, text: string, telegramId = 1, photo: string | null = null) {
  const residentId = await h.h.register(telegramId);
  const asked = await h.h.engine.askQuestion(residentId, { text, photo });
  if (!asked.ok) throw new Error(asked.code);
  return { residentId, question: asked.value };
}

function roots(h: CommitteeHarness): SlackMessage[] {
  return h.slack.messages(CHANNEL).filter((m) => m.threadTs === null && m.ephemeralTo === null);
}

let tsCounter = 0;
/** A message event as Slack sends it for a reply in a thread. */
function reply(user: string, threadTs: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  tsCounter += 1;
  const ts = `1800000000.${String(tsCounter).padStart(6, '0')}`;
  return { type: 'message', channel: CHANNEL, channel_type: 'channel', user, text, ts, event_ts: ts, thread_ts: threadTs, team: 'T0PNYX', ...extra };
}

/** Sends a staff reply and waits for it to be relayed: everything sent before it has been handled by then. */
async function barrier(h: CommitteeHarness, threadTs: string): Promise<void> {
  const before = (await residentMessages(h, 'notify.question_answered')).length;
  await h.event(reply('U-MOD2', threadTs, 'barrier'));
  await eventually(async () => (await residentMessages(h, 'notify.question_answered')).length > before, 'the barrier reply to be relayed');
}

describe('a resident question as a Slack thread', () => {
  it('posts the question as a thread root with its number, pseudonym, language, photo and a Close button', async () => {
    const h = await start();
    const { residentId, question } = await ask(h, 'Quand la piscine rouvre-t-elle ?', 1, 'AgACAgQAAxkBAAIB');
    expect(await deliver(h)).toEqual(['committee.question_asked']);
    const [root] = roots(h);
    expect(root).toBeDefined();
    const blocks = JSON.stringify(root!.blocks);
    expect(blocks).toContain(`Question n° ${question.number}`);
    expect(blocks).toContain(h.h.deps.keys.residentPseudonym(residentId));
    expect(blocks).toContain('français');
    expect(blocks).toContain('Quand la piscine rouvre-t-elle ?');
    expect(blocks).toContain('Une photo accompagne ce message');
    expect(blocks).toContain('"action_id":"question.close"');
    expect(blocks).not.toContain('AgACAgQAAxkBAAIB');
    expect(blocks).not.toContain(residentId);
    const ref = await h.h.stores.messageRefs.findByMessage('slack', CHANNEL, root!.ts);
    expect(ref).toMatchObject({ key: `thread:${question.id}`, platform: 'slack', chat: CHANNEL, messageId: root!.ts, owner: null });
  });

  it('escapes the resident’s text: <!channel> does not ping and <http://evil|bank> is no link', async () => {
    const h = await start();
    await ask(h, 'Alerte <!channel> payez ici <http://evil|bank> & vite');
    await deliver(h);
    const [root] = roots(h);
    for (const shown of [root!.text, JSON.stringify(root!.blocks)]) {
      expect(shown).toContain('&lt;!channel&gt;');
      expect(shown).toContain('&lt;http://evil|bank&gt;');
      expect(shown).not.toContain('<!channel>');
      expect(shown).not.toContain('<http://evil|bank>');
    }
  });

  it('relays a staff reply in the thread to the resident, as plain text', async () => {
    const h = await start();
    const { residentId, question } = await ask(h, 'Où déposer les encombrants ?');
    await deliver(h);
    const [root] = roots(h);
    await h.event(reply('U-MOD1', root!.ts, 'Bonjour, voyez avec <@U-MOD2> : &lt;rue&gt; des Écoles &amp; <https://ville.example/dechets|le site>'));
    const [answer] = await eventually(() => residentMessages(h, 'notify.question_answered').then((l) => (l.length > 0 ? l : null)), 'the answer in the outbox');
    expect(answer!.recipient).toEqual({ kind: 'resident', residentId });
    expect(answer!.params).toMatchObject({ questionId: question.id, text: 'Bonjour, voyez avec Mia Moderator : <rue> des Écoles & le site (https://ville.example/dechets)', by: 'Marc Moderator' });
    expect((await h.h.stores.questions.get(question.id))?.state).toBe('answered');
  });

  it('posts the resident’s follow-up in the same thread', async () => {
    const h = await start();
    const { residentId, question } = await ask(h, 'Le parc est-il éclairé ?');
    await deliver(h);
    const [root] = roots(h);
    await h.event(reply('U-MOD1', root!.ts, 'Oui, jusqu’à 22 h.'));
    await eventually(async () => (await h.h.stores.questions.get(question.id))?.state === 'answered', 'the answer');
    const followed = await h.h.engine.followUpQuestion(residentId, question.id, { text: 'Et le week-end <!here> ?' });
    expect(followed.ok).toBe(true);
    expect(await deliver(h)).toEqual(['committee.question_followup']);
    const replies = h.slack.thread(CHANNEL, root!.ts).filter((m) => m.ephemeralTo === null);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.blocks)).toContain('Et le week-end &lt;!here&gt; ?');
    expect(JSON.stringify(replies[0]!.blocks)).toContain('de nouveau ouverte');
    expect(roots(h)).toHaveLength(1);
  });

  it('posts a fresh root holding the follow-up when the first root was never posted', async () => {
    const h = await start();
    const { residentId, question } = await ask(h, 'Première question');
    const [first] = await h.h.stores.outbox.claim(h.h.clock.now(), 1, 60_000, { recipientKinds: ['committee'] });
    expect(await h.h.stores.outbox.fail(first!.seq, first!.token, 'slack channel_not_found')).toBe('ok');
    expect((await h.h.engine.followUpQuestion(residentId, question.id, { text: 'Toujours là ?' })).ok).toBe(true);
    expect(await deliver(h)).toEqual(['committee.question_followup']);
    const [root] = roots(h);
    const blocks = JSON.stringify(root!.blocks);
    expect(blocks).toContain('Première question');
    expect(blocks).toContain('Toujours là ?');
    expect(await h.h.stores.messageRefs.get(`thread:${question.id}`)).toMatchObject({ messageId: root!.ts });
  });

  it('closes the question from the Close button: the root loses its button and the thread says who closed it', async () => {
    const h = await start();
    const { residentId, question } = await ask(h, 'Une question à clore');
    await deliver(h);
    const [root] = roots(h);
    const clicked = await h.action('U-ADMIN', { action_id: 'question.close', value: question.id, block_id: 'question' }, { channel: CHANNEL, ts: root!.ts });
    expect(clicked.status).toBe(200);
    await eventually(async () => (await h.h.stores.questions.get(question.id))?.state === 'closed', 'the question closed');
    const told = await residentMessages(h, 'notify.question_closed');
    expect(told.map((m) => m.recipient)).toEqual([{ kind: 'resident', residentId }]);
    expect(await deliver(h)).toEqual(['committee.question_closed']);
    const updated = h.slack.message(CHANNEL, root!.ts)!;
    expect(updated.edits).toBe(1);
    expect(JSON.stringify(updated.blocks)).not.toContain('question.close');
    expect(JSON.stringify(updated.blocks)).toContain('Question close par Anne Admin');
    expect(JSON.stringify(updated.blocks)).toContain('Une question à clore');
    const replies = h.slack.thread(CHANNEL, root!.ts);
    expect(replies.map((m) => m.text)).toEqual([expect.stringContaining('Question close par Anne Admin')]);
  });

  it('tells a staff member privately why a reply was not relayed (the question is closed)', async () => {
    const h = await start();
    const { question } = await ask(h, 'Close avant la réponse');
    await deliver(h);
    const [root] = roots(h);
    expect((await h.h.engine.closeQuestion({ kind: 'staff', slackUserId: 'U-ADMIN' }, question.id)).ok).toBe(true);
    await h.event(reply('U-MOD1', root!.ts, 'Trop tard ?'));
    const note = await h.slack.waitFor(() => h.slack.messages(CHANNEL).find((m) => m.ephemeralTo === 'U-MOD1'), 'the private note');
    expect(note.threadTs).toBe(root!.ts);
    expect(note.text).toContain(`La question n° ${question.number} est close`);
    expect(await residentMessages(h, 'notify.question_answered')).toEqual([]);
  });

  it('refuses a second Close privately and changes nothing', async () => {
    const h = await start();
    const { question } = await ask(h, 'Deux clics');
    await deliver(h);
    const [root] = roots(h);
    expect((await h.h.engine.closeQuestion({ kind: 'staff', slackUserId: 'U-MOD1' }, question.id)).ok).toBe(true);
    const version = (await h.h.stores.questions.get(question.id))!.version;
    await h.action('U-MOD2', { action_id: 'question.close', value: question.id }, { channel: CHANNEL, ts: root!.ts });
    const note = await h.slack.waitFor(() => h.slack.messages(CHANNEL).find((m) => m.ephemeralTo === 'U-MOD2'), 'the private note');
    expect(note.text).toContain('déjà close');
    expect((await h.h.stores.questions.get(question.id))!.version).toBe(version);
  });

  it('does not relay a non-staff reply, the app’s own message, an edit, nor a reply in an unknown thread', async () => {
    const h = await start();
    const { question } = await ask(h, 'Qui répond ?');
    await deliver(h);
    const [root] = roots(h);
    await h.event(reply(OUTSIDER, root!.ts, 'Je ne suis pas du comité'));
    await h.event(reply('U0PNYXBOT', root!.ts, 'Relance de p_x…', { bot_id: 'B0PNYX', app_id: 'A0PNYX' }));
    await h.event(reply('U-MOD1', root!.ts, 'Modifié', { subtype: 'message_changed' }));
    await h.event(reply('U-MOD1', '1700000999.000001', 'Dans un autre fil'));
    await h.event({ ...reply('U-MOD1', root!.ts, 'Pas dans le fil'), thread_ts: undefined });
    await barrier(h, root!.ts);
    const answers = await residentMessages(h, 'notify.question_answered');
    expect(answers.map((m) => m.params['text'])).toEqual(['barrier']);
    expect((await h.h.stores.questions.messages(question.id)).map((m) => m.text)).toEqual(['Qui répond ?', 'barrier']);
    expect(h.slack.messages(CHANNEL).filter((m) => m.ephemeralTo !== null)).toEqual([]);
  });

  it('relays nothing for a question erased before its thread was posted', async () => {
    const h = await start();
    const { residentId } = await ask(h, 'Effacez-moi');
    expect((await h.h.engine.forgetMe(residentId)).ok).toBe(true);
    expect(await deliver(h)).toEqual(['committee.question_asked']);
    expect(roots(h)).toEqual([]);
  });
});

describe('a staff reply as plain text for the resident', () => {
  const staff = [{ slackUserId: 'U-MOD2', name: 'Mia Moderator' }];
  it('names staff mentions, drops others, and keeps links and special mentions readable', () => {
    expect(slackToPlainText('Voir <@U-MOD2> et <@U999> ici', staff)).toBe('Voir Mia Moderator et ici');
    expect(slackToPlainText('<@U999|jean> dit <!here>, <#C1|general>', staff)).toBe('jean dit @here, #general');
    expect(slackToPlainText('<https://a.example/x> ou <mailto:a@b.example|a@b.example>', staff)).toBe('https://a.example/x ou a@b.example');
    expect(slackToPlainText('&lt;@U-MOD2&gt; &amp;amp;', staff)).toBe('<@U-MOD2> &amp;');
  });
});

describe('the questions texts', () => {
  it('have every key in every committee language', () => {
    const keysOf = (locale: string): string[] =>
      ['questions.ftl', 'refusals-questions.ftl'].flatMap((f) => [...readFileSync(path.join(SLACK_LOCALES_DIR, locale, f), 'utf8').matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((m) => m[1]!)).sort();
    const english = keysOf('en');
    expect(english.length).toBeGreaterThan(20);
    for (const locale of SLACK_LOCALES) {
      expect({ locale, keys: keysOf(locale) }).toEqual({ locale, keys: english });
      // Each file parses (loadSlackBundle throws on a syntax error).
      expect(loadSlackBundle(locale).getMessage('refusal-question-closed')?.value).toBeTruthy();
    }
  });
});
