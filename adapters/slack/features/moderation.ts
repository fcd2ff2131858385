/**
 * Moderation from the cards (SPEC §2.6): the six buttons of a moderation card, the modals
 * they open, and the decision they lead to.
 *
 * - *Eligible* decides at once; the others open a modal with the click's trigger (which Slack
 *   honours for 3 seconds), keeping the card — idea id, the version it showed, its channel and
 *   ts — in the modal's `private_metadata`, read back strictly on submission.
 * - A form with a wrong field stays open with the message under the field
 *   (`response_action: 'errors'`); nothing reaches the engine.
 * - The engine judges: the version the card showed is the one decided on, so when two
 *   moderators act on one card exactly one decision is recorded. The other — and anyone the
 *   engine refuses (phase over, unknown criterion…) — is told privately in the card's channel,
 *   and nothing changes.
 * - A decision updates the card in place right away, with one direct `chat.update` (no
 *   retries: the outbox is the fallback). When the clicked card is the idea's referenced card
 *   and the idea is still at the version drawn once the update landed, that version is
 *   recorded as shown (`cardShownKey`) and the committee sender's `card.updated` for it
 *   changes nothing: one decision, one update. When the in-place update fails, or the idea
 *   moved on meanwhile and the redraw failed, nothing is recorded and the sender updates the
 *   card from its message reference, as before.
 */
import type { BlockAction, ButtonAction, ViewSubmitAction, types } from '@slack/bolt';
import type { SlackListeners } from '../listener-router.ts';
import { z } from 'zod';
import type { Outcome, Refused } from '../../../core/domain/domain-error.ts';
import type { CommitteeIdea } from '../../../core/engine/committee-usecases.ts';
import type { Idea } from '../../../core/ideas/idea.ts';
import { MERGE_TARGET_STATES } from '../../../core/ideas/idea.ts';
import type { ModerationDecision } from '../../../core/ideas/idea-rules.ts';
import { CARD_ACTIONS, CARD_ACTION_PATTERN, parseCardValue } from '../actions.ts';
import { renderCard } from '../blocks/card.ts';
import type { SlackContent } from '../blocks/card.ts';
import { CARD_REDRAWS, CARD_SHOWN_KEEP_MS, cardExtras, cardRefKey, cardShownKey } from '../notices/card-notices.ts';
import { directWebApi } from '../web-api-direct.ts';
import type { DirectWebApi } from '../web-api-direct.ts';
import {
  FIRST_FIELD,
  MERGE_INTO_ACTION,
  MODERATION_FIELDS,
  MODERATION_VIEWS,
  SLACK_CHANNEL_ID,
  SLACK_FILE_ID,
  SLACK_TS,
  changesModal,
  estimateModal,
  mergeModal,
  mergeOptions,
  readChanges,
  readEstimate,
  readMerge,
  readReject,
  readRewrite,
  readTarget,
  refusalText,
  rejectModal,
  rewriteModal,
} from '../blocks/moderation-modals.ts';
import type { CardTarget, FormResult, ModerationView } from '../blocks/moderation-modals.ts';
import type { SlackFeature, SlackServices, StaffContext } from '../context.ts';

/** The buttons that lead to a decision: a modal for them is only opened on the card's current version. */
const DECISION_MODALS: ReadonlySet<ModerationView> = new Set(['changes', 'reject', 'merge']);

const MODAL_OF: Readonly<Record<string, ModerationView>> = {
  [CARD_ACTIONS.changes]: 'changes',
  [CARD_ACTIONS.reject]: 'reject',
  [CARD_ACTIONS.merge]: 'merge',
  [CARD_ACTIONS.rewrite]: 'rewrite',
  [CARD_ACTIONS.estimate]: 'estimate',
};

const BUILD: Readonly<Record<ModerationView, (s: SlackServices, v: CommitteeIdea, t: CardTarget) => types.ModalView>> = {
  changes: changesModal,
  reject: rejectModal,
  merge: mergeModal,
  rewrite: rewriteModal,
  estimate: estimateModal,
};

/** Where a click came from: the card's message (its blocks carry the photo, if any). */
const cardMessage = z.object({
  container: z.object({ type: z.literal('message'), channel_id: SLACK_CHANNEL_ID, message_ts: SLACK_TS }),
  message: z.object({ blocks: z.array(z.unknown()).max(100).optional() }).optional(),
});

/** The uploaded photo an image block of the card shows, if any. */
function photoOf(blocks: readonly unknown[] | undefined): string | null {
  for (const b of blocks ?? []) {
    const id = (b as { type?: unknown; slack_file?: { id?: unknown } } | null)?.slack_file?.id;
    if ((b as { type?: unknown } | null)?.type === 'image' && SLACK_FILE_ID.safeParse(id).success) return id as string;
  }
  return null;
}

type Services = SlackServices & {
  readonly log: SlackServices['logger'];
  /** The direct caller of the in-place card updates; null without a bot token (then the Bolt client). */
  readonly direct: DirectWebApi | null;
};

function errorOf(e: unknown): { name: string; message: string } {
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}

/** A message only `user` sees: in the card's channel, else in their DM with the app. */
async function tellPrivately(s: Services, user: string, channel: string | null, text: string): Promise<void> {
  try {
    if (channel !== null && !channel.startsWith('D')) await s.client.chat.postEphemeral({ channel, user, text });
    else await s.client.chat.postMessage({ channel: user, text });
  } catch (e) {
    s.log.warn({ err: errorOf(e) }, 'could not tell a moderator privately');
  }
}

async function updateMessage(s: Services, channel: string, ts: string, content: SlackContent): Promise<void> {
  if (s.direct !== null) await s.direct.call('chat.update', { channel, ts, text: content.text, blocks: content.blocks });
  else await s.client.chat.update({ channel, ts, text: content.text, blocks: content.blocks as unknown as types.KnownBlock[] });
}

/**
 * Draws the clicked card from the idea as it is now, in place. Once an update landed, the idea
 * is read again: when it moved on meanwhile the card is drawn again, so a slower update of an
 * older version never has the last word. Then, when the clicked card is the idea's referenced
 * card and its photo could be drawn here, the version is recorded as shown (see the module
 * comment). Failures are logged: the committee sender updates the card then.
 */
async function refreshCard(s: Services, user: string, target: CardTarget): Promise<void> {
  let drawn: CommitteeIdea | null = null;
  let own = false;
  for (let round = 0; round <= CARD_REDRAWS; round++) {
    // After a draw only the version matters, unless it moved on: not the card's whole view.
    if (drawn !== null) {
      const now = await s.engine.committeeIdeaVersion(user, target.ideaId);
      if (now.ok && now.value === drawn.idea.version) break;
    }
    const read = await s.engine.committeeIdea(user, target.ideaId);
    if (!read.ok || read.value === null) return;
    const view = read.value;
    if (drawn !== null && view.idea.version === drawn.idea.version) break;
    if (round === CARD_REDRAWS) return;
    // The photo as the sender stored it; else the one the clicked card showed (a card drawn before its photo ref was kept).
    const [stored, ref] = await Promise.all([cardExtras(s, view), s.stores.messageRefs.get(cardRefKey(view.idea.id))]);
    const extras = stored.photo?.kind !== 'shown' && target.photo != null ? { ...stored, photo: { kind: 'shown' as const, fileId: target.photo } } : stored;
    // A photo not uploaded yet is the sender's to upload: this draw is not the card's last word then.
    const whole = view.idea.photo === null || extras.photo?.kind === 'shown' || s.photos === null;
    own = whole && ref !== null && ref.platform === 'slack' && ref.chat === target.channel && ref.messageId === target.ts;
    try {
      await updateMessage(s, target.channel, target.ts, renderCard(s, view, s.clock.now(), extras));
    } catch (e) {
      s.log.warn({ err: errorOf(e), idea: target.ideaId }, 'could not update the card in place');
      return;
    }
    drawn = view;
  }
  if (!own || drawn === null) return;
  try {
    await s.stores.processed.finish(cardShownKey(drawn.idea.id, drawn.idea.version), s.clock.now(), CARD_SHOWN_KEEP_MS);
  } catch (e) {
    s.log.warn({ err: errorOf(e), idea: target.ideaId }, 'could not record the card as shown (the sender will update it again)');
  }
}

/**
 * Tells the moderator why nothing changed. When the idea moved on since the card was drawn,
 * the card is redrawn too: it then shows the decision that won, or buttons at the current version.
 */
async function refused(s: Services, user: string, target: CardTarget, refusal: Pick<Refused, 'code' | 'params'>): Promise<void> {
  s.log.info({ code: refusal.code, idea: target.ideaId }, 'moderation refused');
  await tellPrivately(s, user, target.channel, refusalText(s, refusal));
  if (refusal.code === 'moderation.already_decided') await refreshCard(s, user, target);
}

/** Records a decision; the card shows it, or the moderator is told why not. */
async function decide(s: Services, user: string, target: CardTarget, decision: ModerationDecision): Promise<void> {
  const outcome = await moderated(s, user, target, decision);
  if (!outcome.ok) return refused(s, user, target, outcome);
  await refreshCard(s, user, target);
}

async function moderated(s: Services, user: string, target: CardTarget, decision: ModerationDecision): Promise<Outcome<Idea>> {
  const outcome = await s.engine.moderateIdea(user, target.ideaId, target.version, decision);
  if (outcome.ok) s.log.info({ idea: target.ideaId, outcome: decision.outcome }, 'idea moderated');
  return outcome;
}

/** Opens the modal of `kind` for the card, with the click's trigger. */
async function openModal(s: Services, user: string, kind: ModerationView, target: CardTarget, trigger: string): Promise<void> {
  const read = await s.engine.committeeIdea(user, target.ideaId);
  if (!read.ok) return refused(s, user, target, read);
  if (read.value === null) return refused(s, user, target, { code: 'idea.unknown', params: {} });
  const idea = read.value.idea;
  if (DECISION_MODALS.has(kind) && idea.version !== target.version) {
    // Someone acted since the card was drawn: say so now rather than after the form is filled.
    return refused(s, user, target, { code: 'moderation.already_decided', params: { idea: idea.number, state: idea.state, by: idea.decision?.by ?? null, at: idea.decision?.at ?? null } });
  }
  try {
    await s.client.views.open({ trigger_id: trigger, view: BUILD[kind](s, read.value, target) });
  } catch (e) {
    s.log.warn({ err: errorOf(e), kind }, 'could not open a moderation modal');
    await tellPrivately(s, user, target.channel, s.t('moderation-open-failed'));
  }
}

/**
 * A modal's submission: the card from `private_metadata`, the form read (errors keep the modal
 * open), then the modal closes and the engine acts; `after` runs once it did.
 */
function onSubmit<T>(
  app: SlackListeners,
  s: Services,
  kind: ModerationView,
  read: (values: unknown, target: CardTarget, user: string) => FormResult<T> | Promise<FormResult<T>>,
  act: (user: string, target: CardTarget, value: T) => Promise<Outcome<Idea>>,
  after?: (user: string, target: CardTarget, idea: Idea) => Promise<void>,
): void {
  app.view<ViewSubmitAction>(MODERATION_VIEWS[kind], async ({ ack, body, view, context }) => {
    const user = body.user.id;
    if ((context as StaffContext).staff === undefined) {
      await ack();
      return;
    }
    const target = readTarget(view.private_metadata);
    if (target === null) {
      await ack({ response_action: 'errors', errors: { [FIRST_FIELD[kind]]: s.t('moderation-error-form') } });
      return;
    }
    const form = await read(view.state.values, target, user);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: { ...form.errors } });
      return;
    }
    await ack();
    const outcome = await act(user, target, form.value);
    if (!outcome.ok) return refused(s, user, target, outcome);
    await refreshCard(s, user, target);
    if (after !== undefined) await after(user, target, outcome.value);
  });
}

/** The merge target chosen in the form must be one the engine will accept, and not the idea itself. */
async function readMergeTarget(s: Services, values: unknown, target: CardTarget, user: string): Promise<FormResult<{ into: string; comment: string | null }>> {
  const form = readMerge(s, values);
  if (!form.ok) return form;
  const into = form.value.into === target.ideaId ? null : await s.engine.committeeIdea(user, form.value.into);
  if (into === null || !into.ok || into.value === null || !MERGE_TARGET_STATES.includes(into.value.idea.state)) {
    return { ok: false, errors: { [MODERATION_FIELDS.into]: s.t('moderation-error-merge-target') } };
  }
  return form;
}

/** Registers the card buttons, the merge target's options and the modals' submissions. */
export const moderationFeature: SlackFeature = (app, services) => {
  const token = services.client.token;
  const direct = token === undefined ? null : directWebApi({ token, apiUrl: services.client.slackApiUrl });
  const s: Services = { ...services, log: services.logger.child({ module: 'slack-moderation' }), direct };

  app.action<BlockAction<ButtonAction>>(CARD_ACTION_PATTERN, async ({ ack, body, action, context }) => {
    await ack();
    const user = body.user.id;
    if ((context as StaffContext).staff === undefined) return;
    const card = parseCardValue(action.value);
    const where = cardMessage.safeParse(body);
    if (card === null || !where.success) {
      const channel = SLACK_CHANNEL_ID.safeParse(body.channel?.id);
      await tellPrivately(s, user, channel.success ? channel.data : null, s.t('moderation-bad-button'));
      return;
    }
    const target: CardTarget = { ...card, channel: where.data.container.channel_id, ts: where.data.container.message_ts, photo: photoOf(where.data.message?.blocks) };
    if (action.action_id === CARD_ACTIONS.eligible) return decide(s, user, target, { outcome: 'eligible', comment: null });
    const kind = MODAL_OF[action.action_id];
    if (kind !== undefined) return openModal(s, user, kind, target, body.trigger_id);
  });

  app.options<'block_suggestion'>({ action_id: MERGE_INTO_ACTION }, async ({ ack, body, context }) => {
    const target = (context as StaffContext).staff === undefined ? null : readTarget(body.view?.private_metadata);
    if (target === null) {
      await ack({ options: [] });
      return;
    }
    const listed = await s.engine.committeeIdeas(body.user.id, MERGE_TARGET_STATES);
    await ack({ options: listed.ok ? mergeOptions(listed.value, typeof body.value === 'string' ? body.value : '', target.ideaId) : [] });
  });

  onSubmit(app, s, 'changes', (values) => readChanges(s, values), (user, target, v) => moderated(s, user, target, { outcome: 'changes_requested', comment: v.comment }));
  onSubmit(app, s, 'reject', (values) => readReject(s, values), (user, target, v) => moderated(s, user, target, { outcome: 'rejected', criterion: v.criterion, comment: v.comment }));
  onSubmit(
    app,
    s,
    'merge',
    (values, target, user) => readMergeTarget(s, values, target, user),
    (user, target, v) => moderated(s, user, target, { outcome: 'merged', into: v.into, comment: v.comment }),
  );
  onSubmit(
    app,
    s,
    'rewrite',
    (values) => readRewrite(s, values),
    (user, target, v) => s.engine.proposeRewrite(user, target.ideaId, v.title, v.description, v.comment),
    // The card does not show a pending rewrite: the moderator is told it reached the author.
    (user, target, idea) => tellPrivately(s, user, target.channel, s.t('moderation-rewrite-sent', { idea: idea.number })),
  );
  onSubmit(
    app,
    s,
    'estimate',
    (values) => readEstimate(s, values),
    (user, target, v) => s.engine.estimateCost(user, target.ideaId, v.cost),
  );
};
