/**
 * Moderation from the cards, end to end: signed clicks and modal submissions into Bolt, the
 * engine's state and outbox after them, the card updated in place on the Web API stand-in,
 * and refusals told privately. The card is posted by the test (renderCard + chat.postMessage)
 * so no committee sender is needed; clicks use the values the posted card carries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderCard } from '../../adapters/slack/blocks/card.ts';
import {
  MERGE_INTO_ACTION,
  MODERATION_VIEWS,
  changesModal,
  estimateModal,
  fieldAction,
  mergeModal,
  mergeOptions,
  parseAmount,
  readTarget,
  rejectModal,
  rewriteModal,
} from '../../adapters/slack/blocks/moderation-modals.ts';
import type { CardTarget } from '../../adapters/slack/blocks/moderation-modals.ts';
import { slackFormat, slackRefusalKey } from '../../adapters/slack/format.ts';
import { SLACK_LOCALES, loadSlackBundle, slackTranslator } from '../../adapters/slack/i18n.ts';
import type { CommitteeIdea } from '../../core/engine/committee-usecases.ts';
import { REFUSAL_CODES } from '../../core/domain/codes.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import { OUTSIDER, startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';
import { BlockKitValidator } from '../support/slack/block-kit-validator.ts';
import { interactionBody } from '../support/slack/slack-signing.ts';
import { T, testCampaign } from '../support/test-campaign.ts';

type Json = Record<string, unknown>;
const CHANNEL = 'C-COMMITTEE';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

async function started(): Promise<CommitteeHarness> {
  c = await startCommittee();
  return c;
}

let tg = 5000;
/** A registered resident's idea, submitted (cost in minor units; null: to estimate). */
async function submitted(h: CommitteeHarness, title = 'Un banc sous le tilleul', cost: number | null = 500_000): Promise<Idea> {
  const author = await h.h.register(tg++);
  return h.h.submit(author, title, cost);
}

async function committeeView(h: CommitteeHarness, ideaId: string): Promise<CommitteeIdea> {
  const read = await h.h.engine.committeeIdea('U-ADMIN', ideaId);
  if (!read.ok || read.value === null) throw new Error('no such idea');
  return read.value;
}

/** Posts the idea's card in the committee channel, as the committee sender would; returns its ts. */
async function postCard(h: CommitteeHarness, ideaId: string, photoFileId: string | null = null): Promise<string> {
  const content = renderCard(h.committee.services, await committeeView(h, ideaId), h.h.clock.now(), { photoFileId });
  const posted = await h.committee.services.client.chat.postMessage({ channel: CHANNEL, text: content.text, blocks: content.blocks as never });
  return posted.ts!;
}

/** The value of a button on the card as it is now in the channel. */
function buttonValue(h: CommitteeHarness, ts: string, actionId: string): string {
  const blocks = (h.slack.message(CHANNEL, ts)?.blocks ?? []) as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>;
  const button = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).find((e) => e.action_id === actionId);
  if (button?.value === undefined) throw new Error(`the card has no ${actionId} button`);
  return button.value;
}

function click(h: CommitteeHarness, user: string, ts: string, actionId: string, value = buttonValue(h, ts, actionId)) {
  return h.action(user, { action_id: actionId, value, block_id: 'moderation' }, { channel: CHANNEL, ts });
}

function opened(h: CommitteeHarness): Json[] {
  return h.slack.calls.filter((x) => x.method === 'views.open' && x.response['ok'] === true).map((x) => x.response['view'] as Json);
}

/** The modal the last click opened. */
async function lastModal(h: CommitteeHarness, count: number): Promise<Json> {
  return h.slack.waitFor(() => opened(h)[count - 1], `modal #${count}`);
}

function text(block: string, value: string): Record<string, Record<string, Json>> {
  return { [block]: { [fieldAction(block)]: { type: 'plain_text_input', value } } };
}

function choice(block: string, value: string, type = 'static_select'): Record<string, Record<string, Json>> {
  return { [block]: { [fieldAction(block)]: { type, selected_option: { text: { type: 'plain_text', text: value }, value } } } };
}

function ephemeralTo(h: CommitteeHarness, user: string): string[] {
  return h.slack.messages(CHANNEL).filter((m) => m.ephemeralTo === user).map((m) => m.text);
}

async function authorNotices(h: CommitteeHarness, idea: Idea): Promise<Array<{ template: string; params: Json }>> {
  const all = await h.h.stores.outbox.list(0, 1000);
  return all.filter((m) => m.recipient.kind === 'resident' && (m.params as Json)['idea'] === idea.number).map((m) => ({ template: m.template, params: m.params as Json }));
}

async function stored(h: CommitteeHarness, id: string): Promise<Idea> {
  return (await h.h.stores.ideas.get(id))!;
}

/** Waits until an asynchronous probe holds (the work after an ack runs on its own). */
async function eventually(probe: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function errorsOf(body: string): Record<string, string> {
  const answer = JSON.parse(body) as { response_action?: string; errors?: Record<string, string> };
  expect(answer.response_action).toBe('errors');
  return answer.errors ?? {};
}

/** A block_suggestion for the merge target's select, as Slack sends it while the moderator types. */
async function suggest(h: CommitteeHarness, user: string, view: Json, value: string): Promise<Array<{ text: { text: string }; value: string }>> {
  const answer = await h.post(
    interactionBody({
      type: 'block_suggestion',
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0PNYX' },
      team: { id: 'T0PNYX', domain: 'pnyx-test' },
      api_app_id: 'A0PNYX',
      token: 'deprecated-verification-token',
      container: { type: 'view', view_id: view['id'] },
      action_id: MERGE_INTO_ACTION,
      block_id: 'into',
      value,
      view: { ...view, state: { values: {} } },
    }),
    'application/x-www-form-urlencoded',
  );
  expect(answer.status).toBe(200);
  return (JSON.parse(answer.body) as { options: Array<{ text: { text: string }; value: string }> }).options;
}

describe('moderation from the card', () => {
  it('Eligible decides at once, updates the card in place and tells the author', async () => {
    const h = await started();
    const idea = await submitted(h);
    const ts = await postCard(h, idea.id);
    const answer = await click(h, 'U-MOD1', ts, 'card.eligible');
    expect(answer.status).toBe(200);
    await h.slack.waitFor(() => (h.slack.message(CHANNEL, ts)?.edits ?? 0) > 0, 'the card updated');
    const after = await stored(h, idea.id);
    expect(after.state).toBe('eligible');
    expect(after.decision).toMatchObject({ outcome: 'eligible', by: 'staff:U-MOD1' });
    expect((await authorNotices(h, idea)).map((n) => n.template)).toContain('notify.idea_eligible');
    const card = h.slack.message(CHANNEL, ts)!;
    expect(JSON.stringify(card.blocks)).not.toContain('"actions"');
    expect(JSON.stringify(card.blocks)).toContain('Recevable');
    expect(opened(h)).toEqual([]);
  });

  it('keeps the card’s photo when it redraws the card', async () => {
    const h = await started();
    const author = await h.h.register(tg++);
    const sent = await h.h.engine.submitIdea(author, { title: 'Un banc avec photo', description: 'A description long enough for a bench, with details.', category: 'mobility', area: null, cost: 500_000, photo: 'AgACphoto-of-the-bench', location: null });
    if (!sent.ok) throw new Error(sent.code);
    const idea = sent.value;
    const client = h.committee.services.client;
    const step = await client.files.getUploadURLExternal({ filename: 'photo.jpg', length: 5 });
    await fetch(step.upload_url!, { method: 'POST', body: 'bytes' });
    await client.files.completeUploadExternal({ files: [{ id: step.file_id!, title: 'photo' }] });
    const ts = await postCard(h, idea.id, step.file_id!);
    await click(h, 'U-MOD1', ts, 'card.eligible');
    await h.slack.waitFor(() => (h.slack.message(CHANNEL, ts)?.edits ?? 0) > 0, 'the card updated');
    expect(JSON.stringify(h.slack.message(CHANNEL, ts)!.blocks)).toContain(`"slack_file":{"id":"${step.file_id}"}`);
  });

  it('Request changes opens a modal for the comment, then records it and sends it to the author', async () => {
    const h = await started();
    const idea = await submitted(h);
    const ts = await postCard(h, idea.id);
    await click(h, 'U-MOD1', ts, 'card.changes');
    const view = await lastModal(h, 1);
    expect(view['callback_id']).toBe(MODERATION_VIEWS.changes);
    expect(readTarget(view['private_metadata'])).toEqual({ ideaId: idea.id, version: idea.version, channel: CHANNEL, ts, photo: null });
    // Nothing happens on the click alone.
    expect((await stored(h, idea.id)).state).toBe('submitted');
    const answer = await h.submit('U-MOD1', view, text('comment', 'Précisez l’emplacement exact du banc.'));
    expect(answer.body).toBe('');
    await h.slack.waitFor(() => (h.slack.message(CHANNEL, ts)?.edits ?? 0) > 0, 'the card updated');
    const after = await stored(h, idea.id);
    expect(after.state).toBe('changes_requested');
    expect(after.decision?.comment).toBe('Précisez l’emplacement exact du banc.');
    const notice = (await authorNotices(h, idea)).find((n) => n.template === 'notify.idea_changes_requested');
    expect(notice?.params['comment']).toBe('Précisez l’emplacement exact du banc.');
  });

  it('Reject offers the campaign’s criteria and records the one chosen', async () => {
    const h = await started();
    const idea = await submitted(h);
    const ts = await postCard(h, idea.id);
    await click(h, 'U-MOD2', ts, 'card.reject');
    const view = await lastModal(h, 1);
    expect(JSON.stringify(view['blocks'])).toContain('Compétence communale');
    expect(JSON.stringify(view['blocks'])).toContain('"value":"public-interest"');
    await h.submit('U-MOD2', view, { ...choice('criterion', 'competence'), ...text('comment', '') });
    await h.slack.waitFor(() => (h.slack.message(CHANNEL, ts)?.edits ?? 0) > 0, 'the card updated');
    const after = await stored(h, idea.id);
    expect(after.state).toBe('rejected');
    expect(after.decision).toMatchObject({ outcome: 'rejected', criterion: 'competence', comment: null, by: 'staff:U-MOD2' });
    expect((await authorNotices(h, idea)).find((n) => n.template === 'notify.idea_rejected')?.params['criterion']).toBe('competence');
  });

  it('Duplicate of… finds the original by number or title and merges into it', async () => {
    const h = await started();
    const original = await submitted(h, 'Piste cyclable rue Haute');
    const other = await submitted(h, 'Fontaine place du marché');
    const duplicate = await submitted(h, 'Une piste cyclable rue Haute');
    const ts = await postCard(h, duplicate.id);
    await click(h, 'U-MOD1', ts, 'card.merge');
    const view = await lastModal(h, 1);
    const byNumber = await suggest(h, 'U-MOD1', view, `#${original.number}`);
    expect(byNumber[0]?.value).toBe(original.id);
    const byTitle = await suggest(h, 'U-MOD1', view, 'cyclable');
    // The idea being merged is never offered as its own original.
    expect(byTitle.map((o) => o.value)).toEqual([original.id]);
    expect((await suggest(h, 'U-MOD1', view, '')).map((o) => o.value)).toEqual([original.id, other.id]);
    await h.submit('U-MOD1', view, choice('into', original.id, 'external_select'));
    await h.slack.waitFor(() => (h.slack.message(CHANNEL, ts)?.edits ?? 0) > 0, 'the card updated');
    const after = await stored(h, duplicate.id);
    expect(after.state).toBe('merged');
    expect(after.mergedInto).toBe(original.id);
    expect((await authorNotices(h, duplicate)).find((n) => n.template === 'notify.idea_merged')?.params['into']).toBe(original.number);
  });

  it('Duplicate of… still reaches an original beyond the first hundred candidates', async () => {
    const h = await started();
    const author = await h.h.register(tg++);
    const ideas: Idea[] = [];
    for (let i = 0; i < 105; i++) ideas.push(await h.h.submit(author, `Idée numéro ${i + 1} du quartier`));
    const duplicate = ideas[0]!;
    const far = ideas[103]!;
    const ts = await postCard(h, duplicate.id);
    await click(h, 'U-MOD1', ts, 'card.merge');
    const view = await lastModal(h, 1);
    expect(await suggest(h, 'U-MOD1', view, '')).toHaveLength(100);
    const found = await suggest(h, 'U-MOD1', view, String(far.number));
    expect(found[0]).toMatchObject({ value: far.id, text: { text: `#${far.number} Idée numéro 104 du quartier` } });
    await h.submit('U-MOD1', view, choice('into', far.id, 'external_select'));
    await eventually(async () => (await stored(h, duplicate.id)).state === 'merged', 'the merge');
    expect((await stored(h, duplicate.id)).mergedInto).toBe(far.id);
  });

  it('Propose rewrite prefills the idea’s text and sends the proposal to the author', async () => {
    const h = await started();
    const idea = await submitted(h, 'banc parc');
    const ts = await postCard(h, idea.id);
    await click(h, 'U-MOD1', ts, 'card.rewrite');
    const view = await lastModal(h, 1);
    const inputs = JSON.stringify(view['blocks']);
    expect(inputs).toContain('"initial_value":"banc parc"');
    expect(inputs).toContain(`"initial_value":"${idea.description}"`);
    await h.submit('U-MOD1', view, { ...text('title', 'Un banc dans le parc communal'), ...text('description', idea.description), ...text('comment', 'Un titre plus clair ?') });
    await h.slack.waitFor(() => ephemeralTo(h, 'U-MOD1').length > 0, 'the confirmation');
    expect(ephemeralTo(h, 'U-MOD1')[0]).toContain(`n° ${idea.number}`);
    const after = await stored(h, idea.id);
    expect(after.rewrite).toMatchObject({ title: 'Un banc dans le parc communal', proposedBy: 'staff:U-MOD1', comment: 'Un titre plus clair ?' });
    expect(after.title).toBe('banc parc');
    const notice = (await authorNotices(h, idea)).find((n) => n.template === 'notify.rewrite_proposed');
    expect(notice?.params['newTitle']).toBe('Un banc dans le parc communal');
  });

  it('Estimate cost reads the amount as typed, and the refreshed card decides on the new version', async () => {
    const h = await started();
    const idea = await submitted(h, 'Un abri pour vélos', null);
    const ts = await postCard(h, idea.id);
    // Eligible without a cost is refused by the engine: told privately, nothing changes.
    await click(h, 'U-MOD1', ts, 'card.eligible');
    await h.slack.waitFor(() => ephemeralTo(h, 'U-MOD1').length > 0, 'the refusal');
    expect(ephemeralTo(h, 'U-MOD1')[0]).toMatch(/pas encore estimé/);
    expect((await stored(h, idea.id)).state).toBe('submitted');

    await click(h, 'U-MOD1', ts, 'card.estimate');
    const view = await lastModal(h, 1);
    await h.submit('U-MOD1', view, text('amount', '1 200,50'));
    await eventually(async () => (await stored(h, idea.id)).cost === 120_050, 'the estimate');
    expect((await stored(h, idea.id)).costEstimatedByStaff).toBe(true);
    await h.slack.waitFor(() => buttonValue(h, ts, 'card.eligible') === `${idea.id}:${idea.version + 1}`, 'the card at the new version');
    expect(JSON.stringify(h.slack.message(CHANNEL, ts)!.blocks)).toMatch(/1\s200,50\s€/u);

    await click(h, 'U-MOD2', ts, 'card.eligible');
    await eventually(async () => (await stored(h, idea.id)).state === 'eligible', 'the decision');
    expect((await authorNotices(h, idea)).map((n) => n.template)).toContain('notify.idea_eligible');
  });
});

describe('a modal with bad input', () => {
  it('keeps the modal open with the error under the field, and changes nothing', async () => {
    const h = await started();
    const idea = await submitted(h, 'Un abri pour vélos', null);
    const other = await submitted(h, 'Une fontaine');
    const ts = await postCard(h, idea.id);
    const before = await stored(h, idea.id);
    const outboxBefore = (await h.h.stores.outbox.list(0, 1000)).length;

    await click(h, 'U-MOD1', ts, 'card.changes');
    const changes = await lastModal(h, 1);
    expect(errorsOf((await h.submit('U-MOD1', changes, text('comment', '   '))).body)).toEqual({ comment: expect.stringMatching(/Écrivez/) });

    await click(h, 'U-MOD1', ts, 'card.estimate');
    const estimate = await lastModal(h, 2);
    expect(errorsOf((await h.submit('U-MOD1', estimate, text('amount', 'abc'))).body).amount).toMatch(/illisible/);
    expect(errorsOf((await h.submit('U-MOD1', estimate, text('amount', '1.200'))).body).amount).toMatch(/illisible/);
    // 10 € is below the campaign's 500 € minimum; the bounds are shown in the campaign's currency.
    expect(errorsOf((await h.submit('U-MOD1', estimate, text('amount', '10'))).body).amount).toMatch(/entre 500,00\s€ et 20\s000,00\s€/u);

    await click(h, 'U-MOD1', ts, 'card.reject');
    const reject = await lastModal(h, 3);
    expect(errorsOf((await h.submit('U-MOD1', reject, choice('criterion', 'bribery'))).body).criterion).toMatch(/critères/);

    await click(h, 'U-MOD1', ts, 'card.merge');
    const merge = await lastModal(h, 4);
    expect(errorsOf((await h.submit('U-MOD1', merge, choice('into', idea.id, 'external_select'))).body).into).toMatch(/autre idée/);
    expect(errorsOf((await h.submit('U-MOD1', merge, choice('into', 'idea_nope', 'external_select'))).body).into).toMatch(/autre idée/);

    await click(h, 'U-MOD1', ts, 'card.rewrite');
    const rewrite = await lastModal(h, 5);
    const tooShort = errorsOf((await h.submit('U-MOD1', rewrite, { ...text('title', 'ab'), ...text('description', 'trop court') })).body);
    expect(tooShort.title).toMatch(/Titre trop court : 2 caractères, 5 au moins/);
    expect(tooShort.description).toMatch(/Description trop courte/);

    // A forged private_metadata: not JSON, another shape, a version that is not one.
    for (const metadata of ['not json', JSON.stringify({ ideaId: '../x', version: 1, channel: CHANNEL, ts, photo: null }), JSON.stringify({ ideaId: other.id, version: 0, channel: CHANNEL, ts, photo: null })]) {
      const forged = errorsOf((await h.submit('U-MOD1', { ...changes, private_metadata: metadata }, text('comment', 'Un commentaire valable'))).body);
      expect(forged).toEqual({ comment: expect.stringMatching(/formulaire n'est pas valide/) });
    }

    expect(await stored(h, idea.id)).toEqual(before);
    expect((await stored(h, other.id)).state).toBe('submitted');
    expect(await h.h.stores.outbox.list(0, 1000)).toHaveLength(outboxBefore);
    expect(h.slack.message(CHANNEL, ts)!.edits).toBe(0);
  });
});

describe('refusals', () => {
  it('two moderators clicking Eligible at once: exactly one decision, the other told privately who decided', async () => {
    const h = await started();
    const idea = await submitted(h);
    const ts = await postCard(h, idea.id);
    const value = buttonValue(h, ts, 'card.eligible');
    const answers = await Promise.all([click(h, 'U-MOD1', ts, 'card.eligible', value), click(h, 'U-MOD2', ts, 'card.eligible', value)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await h.slack.waitFor(() => ephemeralTo(h, 'U-MOD1').length + ephemeralTo(h, 'U-MOD2').length > 0, 'the loser told');
    const after = await stored(h, idea.id);
    expect(after.state).toBe('eligible');
    const winner = after.decision!.by === 'staff:U-MOD1' ? 'U-MOD1' : 'U-MOD2';
    const loser = winner === 'U-MOD1' ? 'U-MOD2' : 'U-MOD1';
    const winnerName = winner === 'U-MOD1' ? 'Marc Moderator' : 'Mia Moderator';
    expect(ephemeralTo(h, winner)).toEqual([]);
    expect(ephemeralTo(h, loser)).toEqual([expect.stringContaining(`${winnerName} a déjà décidé`)]);
    expect((await authorNotices(h, idea)).filter((n) => n.template === 'notify.idea_eligible')).toHaveLength(1);
    expect((await h.h.stores.audit.list(0, 1000)).filter((e) => e.action === 'idea.moderated')).toHaveLength(1);
  });

  it('a decision on a card another moderator has decided meanwhile is refused when the modal is submitted', async () => {
    const h = await started();
    const idea = await submitted(h);
    const ts = await postCard(h, idea.id);
    await click(h, 'U-MOD1', ts, 'card.changes');
    const view = await lastModal(h, 1);
    await click(h, 'U-MOD2', ts, 'card.eligible', `${idea.id}:${idea.version}`);
    await eventually(async () => (await stored(h, idea.id)).state === 'eligible', 'the other decision');
    expect((await h.submit('U-MOD1', view, text('comment', 'Trop tard ?'))).body).toBe('');
    await h.slack.waitFor(() => ephemeralTo(h, 'U-MOD1').length > 0, 'the refusal');
    expect(ephemeralTo(h, 'U-MOD1')[0]).toContain('Mia Moderator a déjà décidé');
    expect((await stored(h, idea.id)).decision).toMatchObject({ outcome: 'eligible', by: 'staff:U-MOD2' });
    // And a modal is not even opened from the stale card.
    await click(h, 'U-MOD1', ts, 'card.reject', `${idea.id}:${idea.version}`);
    await h.slack.waitFor(() => ephemeralTo(h, 'U-MOD1').length > 1, 'the second refusal');
    expect(opened(h)).toHaveLength(1);
  });

  it('a rewrite the engine refuses (the author erased their data meanwhile) is told privately and changes nothing', async () => {
    const h = await started();
    const author = await h.h.register(tg++);
    const idea = await h.h.submit(author, 'Un banc sous le tilleul');
    const ts = await postCard(h, idea.id);
    await click(h, 'U-MOD1', ts, 'card.rewrite');
    const view = await lastModal(h, 1);
    expect((await h.h.engine.forgetMe(author)).ok).toBe(true);
    const before = await stored(h, idea.id);
    await h.submit('U-MOD1', view, { ...text('title', 'Un banc dans le parc communal'), ...text('description', idea.description) });
    await h.slack.waitFor(() => ephemeralTo(h, 'U-MOD1').length > 0, 'the refusal');
    expect(ephemeralTo(h, 'U-MOD1')[0]).toMatch(/effacé ses données/);
    expect(await stored(h, idea.id)).toEqual(before);
  });

  it('a click from someone not on the staff changes nothing', async () => {
    const h = await started();
    const idea = await submitted(h);
    const ts = await postCard(h, idea.id);
    await click(h, OUTSIDER, ts, 'card.eligible');
    await click(h, OUTSIDER, ts, 'card.changes');
    await h.slack.waitFor(() => ephemeralTo(h, OUTSIDER).length === 2, 'the refusals');
    expect(ephemeralTo(h, OUTSIDER)[0]).toMatch(/comité de pilotage/);
    expect((await stored(h, idea.id)).state).toBe('submitted');
    expect(opened(h)).toEqual([]);
    expect(h.slack.message(CHANNEL, ts)!.edits).toBe(0);
  });

  it('a forged button value is refused and changes nothing', async () => {
    const h = await started();
    const idea = await submitted(h);
    const ts = await postCard(h, idea.id);
    for (const [action, value] of [['card.eligible', '../x'], ['card.eligible', idea.id], ['card.changes', `${idea.id}:`], ['card.reject', `../${idea.id}:1`]] as const) {
      await click(h, 'U-MOD1', ts, action, value);
    }
    await h.slack.waitFor(() => ephemeralTo(h, 'U-MOD1').length === 4, 'four refusals');
    expect(new Set(ephemeralTo(h, 'U-MOD1'))).toEqual(new Set([expect.stringMatching(/bouton n'est pas valide/)]));
    expect((await stored(h, idea.id)).state).toBe('submitted');
    expect(opened(h)).toEqual([]);
  });
});

describe('moderation modals and texts', () => {
  const campaign = testCampaign();
  const view: CommitteeIdea = {
    idea: {
      id: 'idea_1', number: 7, title: 'Un <!channel> banc', description: 'Près de <http://evil|la banque>, un banc & une poubelle.', category: 'mobility', area: null, cost: 120_000,
      photo: null, location: null, state: 'submitted', authorLocale: 'fr', assistedBy: null, costEstimatedByStaff: false, decision: null, mergedInto: null, rewrite: null, revisions: [],
      createdAt: T.submission, submittedAt: T.submission, updatedAt: T.submission, version: 1,
    },
    author: 'resident:p_x',
    supports: 0,
  };
  const target: CardTarget = { ideaId: 'idea_1', version: 1, channel: CHANNEL, ts: '1700000001.000001', photo: null };

  it('every modal is valid Block Kit in every language (titles and buttons within 24 characters)', () => {
    const validator = BlockKitValidator.shared();
    for (const locale of SLACK_LOCALES) {
      const services = { t: slackTranslator(locale), format: slackFormat(campaign, locale), campaign };
      for (const build of [changesModal, rejectModal, mergeModal, rewriteModal, estimateModal]) {
        const modal = build(services, view, target);
        expect(validator.checkView(modal, 'modal'), `${locale} ${modal.callback_id}`).toEqual([]);
        // The resident's text is escaped where Slack parses it; an input's initial value is not parsed and stays as typed.
        const shown = JSON.stringify(modal.blocks.filter((b) => b.type !== 'input'));
        expect(shown).toContain('Un &lt;!channel&gt; banc');
        expect(shown).not.toContain('<!channel>');
      }
    }
  });

  it('every text exists in all five languages, and every refusal staff can hit has its own', () => {
    const keysOf = (locale: string): Set<string> => new Set([...loadSlackBundle(locale)['_messages'].keys()] as string[]);
    const fr = keysOf('fr');
    const ours = [...fr].filter((k) => k.startsWith('moderation-') || /^refusal-(moderation|idea|finalist)-/.test(k));
    const needed = REFUSAL_CODES.filter((code) => /^(moderation|finalist)\./.test(code)).map(slackRefusalKey);
    for (const locale of SLACK_LOCALES) {
      const keys = keysOf(locale);
      expect(ours.filter((k) => !keys.has(k)), locale).toEqual([]);
      expect(needed.filter((k) => !keys.has(k)), locale).toEqual([]);
    }
  });

  it('reads amounts as moderators type them, in minor units', () => {
    const eur = { currency: 'EUR', currencyMinorUnits: 100, defaultLocale: 'fr' };
    expect(parseAmount('1200', eur)).toBe(120_000);
    expect(parseAmount('1 200,50', eur)).toBe(120_050);
    expect(parseAmount('1200.50', eur)).toBe(120_050);
    expect(parseAmount('1\u202F200,5', eur)).toBe(120_050);
    expect(parseAmount('1 200 €', eur)).toBe(120_000);
    expect(parseAmount('EUR 15000', eur)).toBe(1_500_000);
    for (const bad of ['abc', '', '1.200', '1,200', '12,345', '-5', '1 20', '1e5', '12 000 000 000 000 000 000']) expect(parseAmount(bad, eur), bad).toBeNull();
    expect(parseAmount('1200', { currency: 'HUF', currencyMinorUnits: 1, defaultLocale: 'pl' })).toBe(1200);
    expect(parseAmount('1200,5', { currency: 'HUF', currencyMinorUnits: 1, defaultLocale: 'pl' })).toBeNull();
  });

  it('offers merge targets by exact number first, never the idea itself, at most a hundred', () => {
    const many: CommitteeIdea[] = Array.from({ length: 130 }, (_, i) => ({ ...view, idea: { ...view.idea, id: `idea_${i + 1}`, number: i + 1, title: i === 11 ? 'Éclairage du stade' : `Idée ${i + 1}` } }));
    expect(mergeOptions(many, '12', 'idea_1').map((o) => o.value).slice(0, 2)).toEqual(['idea_12', 'idea_120']);
    expect(mergeOptions(many, 'eclairage', 'idea_1').map((o) => o.value)).toEqual(['idea_12']);
    expect(mergeOptions(many, '', 'idea_1')).toHaveLength(100);
    expect(mergeOptions(many, '1', 'idea_1').map((o) => o.value)).not.toContain('idea_1');
  });
});
