/**
 * Moderation cards and the committee's notices about the campaign's course, as outbox
 * handlers for the committee sender (committee-dispatcher.ts).
 *
 * A card is always rendered from the idea's **current** state (`engine.committeeIdea`, read
 * as the campaign's first admin), never from the message's params: messages can arrive out of
 * order (a retried card after a later update), and the card must never show a stale state.
 *
 * - `card.moderation` — a new or resubmitted idea. The card goes to the committee channel and
 *   its reference is `card:<ideaId>` (platform `slack`, owner null: it is the committee's
 *   message). A resubmission posts a fresh card (the new revision gets a fresh review) and
 *   turns the old card into a pointer to it, without buttons. When a card for this idea was
 *   already recorded *after* the message was enqueued (a later update was delivered first and
 *   posted it), that card is updated in place instead of posting a second one.
 * - `card.updated` — updates the card in place (`chat.update` via its reference); with no
 *   reference (the first card was given up) or a card deleted in Slack, posts it afresh. When
 *   the moderation feature already showed the idea's current version in that card (right after
 *   the decision, see {@link cardShownKey}), it changes nothing: one decision, one update.
 * - `committee.rewrite_answered` — refreshes the card, then says in its thread whether the
 *   author accepted the rewrite.
 * - `committee.phase_entered`, `committee.tally_computed` — notices in the announcements
 *   channel; `committee.phase_held` — an alert in the committee channel saying what to do.
 *
 * Photos: an idea's photo is a Telegram file id. Its bytes come from `services.photos` (the
 * composition root fetches them; the file URL holds the bot token and never comes here), are
 * uploaded with `files.uploadV2` into the card's thread, and shown in the card with
 * `slack_file`. Why the thread: a file uploaded without a channel is private to the bot, and
 * Slack refuses a private file in a channel message (`invalid_blocks`, "invalid slack file":
 * slackapi/python-slack-sdk#1658, slackapi/java-slack-sdk#1335); shared in the card's thread
 * the committee can see it, without a second message in the channel. Slack processes uploads
 * asynchronously (slackapi/node-slack-sdk#1865), so a card refused with the new file right
 * after the upload says the photo is in its thread; later updates show it. The Slack file id
 * is remembered as a message reference `photo:<ideaId>:<revision>` (the revision where the
 * photo first appeared), so a later card of the same photo does not upload it again.
 *
 * Order of the Web API calls: the one call that must not be repeated (the post of a card or a
 * notice) comes last or is followed only by steps whose failures are logged, not thrown — a
 * throw after it would have the sender retry and post it twice.
 */
import { ErrorCode } from '@slack/web-api';
import type { ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { CommitteeIdea } from '../../../core/engine/committee-usecases.ts';
import type { Idea } from '../../../core/ideas/idea.ts';
import type { ClaimedMessage, DeliveryResult } from '../../../core/ports/outbox.ts';
import type { MessageRef } from '../../../core/ports/message-references.ts';
import { lastResubmission, renderCard, renderSupersededCard } from '../blocks/card.ts';
import type { CardExtras, CardPhoto, SlackContent } from '../blocks/card.ts';
import { renderRewriteAnswered } from '../blocks/notice-idea.ts';
import { renderPhaseEntered, renderPhaseHeld, renderTallyComputed } from '../blocks/notice-phase.ts';
import type { SlackServices } from '../context.ts';
import type { NoticeHandler, NoticeHandlers } from './notice-handler.ts';
import { UndeliverableNotice, readerOf } from './notice-handler.ts';

export { readerOf };

/** The message reference key of an idea's card. */
export function cardRefKey(ideaId: string): string {
  return `card:${ideaId}`;
}

/**
 * The `ProcessedUpdates` key saying "the referenced card of this idea shows this version":
 * recorded (with `finish`) by whoever updated the card in place and then found the idea still
 * at the version it drew — the moderation feature right after a decision, or the committee
 * sender. The sender's `card.updated` skips a version so recorded. Nothing else reads it: a
 * key that is missing, or expired after {@link CARD_SHOWN_KEEP_MS}, only costs one more update.
 */
export function cardShownKey(ideaId: string, version: number): string {
  return `slack:card:${ideaId}:v${version}`;
}

/** How long a {@link cardShownKey} is remembered: far longer than the sender's usual delay. */
export const CARD_SHOWN_KEEP_MS = 86_400_000;

/** How long the sender holds a card's version while it draws it. */
const CARD_CLAIM_LEASE_MS = 60_000;

/** Draws of one card in a row, at most, while the idea keeps moving under them. */
export const CARD_REDRAWS = 3;

/** The message reference key of an idea's photo uploaded to Slack (the revision where it first appeared). */
export function photoRefKey(ideaId: string, revision: number): string {
  return `photo:${ideaId}:${revision}`;
}


function ideaIdOf(message: ClaimedMessage): string {
  const id = message.params['ideaId'];
  if (typeof id !== 'string' || id === '') throw new UndeliverableNotice('the message names no idea');
  return id;
}

async function currentView(services: SlackServices, ideaId: string): Promise<CommitteeIdea> {
  const found = await services.engine.committeeIdea(readerOf(services), ideaId);
  if (!found.ok) throw new UndeliverableNotice(`the engine refused to show the idea (${found.code})`);
  if (found.value === null) throw new UndeliverableNotice('the idea is unknown');
  return found.value;
}

/** The Slack error code of a platform error (`channel_not_found`…), or null for any other failure. */
export function slackErrorCode(e: unknown): string | null {
  if (typeof e !== 'object' || e === null || (e as { code?: unknown }).code !== ErrorCode.PlatformError) return null;
  const error = (e as { data?: { error?: unknown } }).data?.error;
  return typeof error === 'string' ? error : null;
}

function errFields(e: unknown): { err: { name: string; message: string } } {
  return { err: { name: (e as Error)?.name ?? 'Error', message: (e as Error)?.message ?? String(e) } };
}

/** The revision at which the idea's current photo first appeared (unchanged since). */
function photoRevision(idea: Omit<Idea, 'authorId'>): number {
  let i = idea.revisions.length - 1;
  while (i > 0 && idea.revisions[i - 1]!.content.photo === idea.photo) i--;
  return Math.max(0, i);
}

async function storedPhoto(services: SlackServices, idea: Omit<Idea, 'authorId'>): Promise<string | null> {
  if (idea.photo === null) return null;
  return (await services.stores.messageRefs.get(photoRefKey(idea.id, photoRevision(idea))))?.messageId ?? null;
}

async function mergedInto(services: SlackServices, idea: Omit<Idea, 'authorId'>): Promise<CardExtras['mergedInto']> {
  if (idea.mergedInto === null) return null;
  const into = await services.engine.committeeIdea(readerOf(services), idea.mergedInto);
  return into.ok && into.value !== null ? { number: into.value.idea.number, title: into.value.idea.title } : null;
}

/**
 * What a card of `view` shows beyond the idea, from what is stored (the uploaded photo, the
 * idea it was merged into) — for the moderation feature's in-place update, so the photo stays.
 * Uploads nothing.
 */
export async function cardExtras(services: SlackServices, view: CommitteeIdea): Promise<CardExtras> {
  const fileId = await storedPhoto(services, view.idea);
  return { mergedInto: await mergedInto(services, view.idea), ...(view.idea.photo === null ? {} : { photo: fileId === null ? { kind: 'unavailable' } : { kind: 'shown', fileId } }) };
}

/** Block Kit as the client types it; the renderers build plain objects, checked by the tests' stand-in. */
type Blocks = NonNullable<Extract<ChatPostMessageArguments, { blocks: unknown }>['blocks']>;

async function post(client: WebClient, channel: string, content: SlackContent, threadTs?: string): Promise<string> {
  const sent = await client.chat.postMessage({
    channel,
    text: content.text,
    blocks: content.blocks as unknown as Blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  });
  if (typeof sent.ts !== 'string') throw new Error('chat.postMessage answered without a ts');
  return sent.ts;
}

async function update(client: WebClient, channel: string, ts: string, content: SlackContent): Promise<void> {
  await client.chat.update({ channel, ts, text: content.text, blocks: content.blocks as unknown as Blocks });
}

/** A card's message that `chat.update` cannot reach any more: post afresh. */
const GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/** A file name of our own, keeping only a known image extension of the source's. */
function photoFilename(number: number, sourceName: string): string {
  const ext = /\.(jpe?g|png|gif|webp)$/iu.exec(sourceName)?.[1]?.toLowerCase() ?? 'jpg';
  return `idea-${number}.${ext}`;
}

/**
 * Fetches the idea's photo and uploads it into the card's thread; stores and returns the Slack
 * file id. Null when there is no photo source or the photo cannot be had.
 */
async function uploadPhoto(services: SlackServices, idea: Omit<Idea, 'authorId'>, channel: string, cardTs: string): Promise<string | null> {
  if (idea.photo === null || services.photos === null) return null;
  let got: Awaited<ReturnType<NonNullable<SlackServices['photos']>>>;
  try {
    got = await services.photos(idea.photo);
  } catch (e) {
    // The name only: the source works next to a file URL that holds the bot token.
    services.logger.warn({ idea: idea.number, err: { name: (e as Error)?.name ?? 'Error' } }, 'the photo could not be fetched');
    return null;
  }
  if (got === null || got.bytes.length === 0) return null;
  const uploaded = await services.client.filesUploadV2({
    channel_id: channel,
    thread_ts: cardTs,
    file: got.bytes,
    filename: photoFilename(idea.number, got.filename),
    title: services.t('card-photo-alt', { idea: idea.number }),
  });
  const fileId = uploaded.files[0]?.files?.[0]?.id;
  if (typeof fileId !== 'string') return null;
  const ref: MessageRef = { key: photoRefKey(idea.id, photoRevision(idea)), platform: 'slack', chat: channel, messageId: fileId, owner: null, at: services.clock.now() };
  await services.stores.messageRefs.put(ref);
  return fileId;
}

/** Where a card goes: a new message in a channel, or an existing one. */
type Placement = { readonly channel: string; readonly ts: string | null };

/**
 * Shows the card of `view` at `place` (posting when `ts` is null or the message is gone) with
 * its photo, and returns where it is. Throws only while the card itself is not shown yet.
 */
export async function showCard(services: SlackServices, view: CommitteeIdea, place: Placement): Promise<{ readonly channel: string; readonly ts: string }> {
  const { client, clock, logger } = services;
  const idea = view.idea;
  const base: CardExtras = { mergedInto: await mergedInto(services, idea) };
  const render = (photo?: CardPhoto): SlackContent => renderCard(services, view, clock.now(), photo === undefined ? base : { ...base, photo });
  const channel = place.channel;
  let ts = place.ts;
  /** Updates the card with `content`, or posts it (no card yet, or gone from Slack). */
  const put = async (content: SlackContent): Promise<void> => {
    if (ts !== null) {
      try {
        await update(client, channel, ts, content);
        return;
      } catch (e) {
        if (!GONE.has(slackErrorCode(e) ?? '')) throw e;
        logger.info({ idea: idea.number }, 'the card is gone from Slack: posting it afresh');
      }
    }
    ts = await post(client, channel, content);
  };
  const fileId = await storedPhoto(services, idea);
  if (idea.photo === null) await put(render());
  else if (fileId !== null) {
    try {
      await put(render({ kind: 'shown', fileId }));
    } catch (e) {
      // The file was deleted or unshared in Slack: show the card without it, and forget the
      // file so that the next update of the card uploads the photo again.
      if (slackErrorCode(e) !== 'invalid_blocks') throw e;
      await services.stores.messageRefs.delete(photoRefKey(idea.id, photoRevision(idea)));
      await put(render({ kind: 'unavailable' }));
    }
  } else if (services.photos === null) await put(render({ kind: 'unavailable' }));
  else {
    await put(render({ kind: 'pending' }));
    // The card is in Slack now: from here on failures are logged, never thrown.
    const cardTs = ts!;
    let photo: CardPhoto = { kind: 'unavailable' };
    try {
      const uploaded = await uploadPhoto(services, idea, channel, cardTs);
      if (uploaded !== null) photo = { kind: 'shown', fileId: uploaded };
    } catch (e) {
      logger.warn({ idea: idea.number, ...errFields(e) }, 'the photo could not be uploaded');
    }
    try {
      try {
        await update(client, channel, cardTs, render(photo));
      } catch (e) {
        if (photo.kind !== 'shown' || slackErrorCode(e) !== 'invalid_blocks') throw e;
        await update(client, channel, cardTs, render({ kind: 'thread' }));
      }
    } catch (e) {
      logger.warn({ idea: idea.number, ...errFields(e) }, 'the card could not be updated with its photo');
    }
  }
  return { channel, ts: ts! };
}

function cardRef(services: SlackServices, ideaId: string, at: { channel: string; ts: string }): MessageRef {
  return { key: cardRefKey(ideaId), platform: 'slack', chat: at.channel, messageId: at.ts, owner: null, at: services.clock.now() };
}

/** The old card of a resubmitted idea points to the new one (best effort: the new card is what matters). */
async function supersede(services: SlackServices, view: CommitteeIdea, old: MessageRef, fresh: { channel: string; ts: string }, resubmittedAt: number): Promise<void> {
  const { client, logger } = services;
  let link: string | null = null;
  try {
    const permalink = await client.chat.getPermalink({ channel: fresh.channel, message_ts: fresh.ts });
    link = typeof permalink.permalink === 'string' ? permalink.permalink : null;
  } catch (e) {
    logger.info({ idea: view.idea.number, ...errFields(e) }, 'no permalink for the new card');
  }
  try {
    await update(client, old.chat, old.messageId, renderSupersededCard(services, view, resubmittedAt, link));
  } catch (e) {
    logger.warn({ idea: view.idea.number, ...errFields(e) }, 'the old card could not be marked resubmitted');
  }
}

const cardModeration: NoticeHandler = async (services, m) => {
  const ideaId = ideaIdOf(m);
  const view = await currentView(services, ideaId);
  const existing = await services.stores.messageRefs.get(cardRefKey(ideaId));
  const channel = services.campaign.slack.committee;
  const resubmission = m.params['state'] === 'resubmitted';
  // A card recorded after this message was enqueued already shows the current state.
  if (existing !== null && (!resubmission || existing.at > m.notBefore)) {
    return { ref: cardRef(services, ideaId, await showCard(services, view, { channel: existing.chat, ts: existing.messageId })) };
  }
  const shown = await showCard(services, view, { channel, ts: null });
  if (existing !== null) await supersede(services, view, existing, shown, lastResubmission(view.idea.revisions)?.at ?? m.notBefore);
  return { ref: cardRef(services, ideaId, shown) };
};

const cardUpdated: NoticeHandler = async (services, m) => {
  const ideaId = ideaIdOf(m);
  const { processed } = services.stores;
  let view = await currentView(services, ideaId);
  const existing = await services.stores.messageRefs.get(cardRefKey(ideaId));
  if (existing === null) return { ref: cardRef(services, ideaId, await showCard(services, view, { channel: services.campaign.slack.committee, ts: null })) };
  const claimed = cardShownKey(ideaId, view.idea.version);
  const claim = await processed.begin(claimed, services.clock.now(), CARD_CLAIM_LEASE_MS);
  // Already shown in place (by the moderation feature, right after the decision): nothing to do.
  if (claim.status === 'done') return {};
  let shown: { channel: string; ts: string };
  try {
    shown = await showCard(services, view, { channel: existing.chat, ts: existing.messageId });
    // A change that landed while the card was being drawn: draw it again, so the last draw is current.
    for (let round = 1; round < CARD_REDRAWS; round++) {
      const now = await currentView(services, ideaId);
      if (now.idea.version === view.idea.version) break;
      view = now;
      shown = await showCard(services, view, shown);
    }
  } catch (e) {
    if (claim.status === 'new') await processed.abandon(claimed, claim.lease);
    throw e;
  }
  const drawn = cardShownKey(ideaId, view.idea.version);
  if (claim.status === 'new' && drawn !== claimed) await processed.abandon(claimed, claim.lease);
  // Posted afresh (the old card was gone): the new message is not the one the claim was about.
  if (shown.channel === existing.chat && shown.ts === existing.messageId) await processed.finish(drawn, services.clock.now(), CARD_SHOWN_KEEP_MS);
  return { ref: cardRef(services, ideaId, shown) };
};

const rewriteAnswered: NoticeHandler = async (services, m) => {
  const ideaId = ideaIdOf(m);
  const view = await currentView(services, ideaId);
  const existing = await services.stores.messageRefs.get(cardRefKey(ideaId));
  const notice = renderRewriteAnswered(services, view.idea, m.params['accepted'] === 1 || m.params['accepted'] === true);
  if (existing === null) {
    await post(services.client, services.campaign.slack.committee, notice);
    return {};
  }
  const shown = await showCard(services, view, { channel: existing.chat, ts: existing.messageId });
  await post(services.client, shown.channel, notice, shown.ts);
  return { ref: cardRef(services, ideaId, shown) };
};

function numberParam(m: ClaimedMessage, name: string): number {
  const v = m.params[name];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new UndeliverableNotice(`the message has no ${name}`);
  return v;
}

function stringParam(m: ClaimedMessage, name: string): string {
  const v = m.params[name];
  if (typeof v !== 'string') throw new UndeliverableNotice(`the message has no ${name}`);
  return v;
}

const phaseEntered: NoticeHandler = async (services, m) => {
  const content = renderPhaseEntered(services, { from: stringParam(m, 'from'), to: stringParam(m, 'to'), by: stringParam(m, 'by'), reason: typeof m.params['reason'] === 'string' ? m.params['reason'] : '', at: numberParam(m, 'at') });
  await post(services.client, services.campaign.slack.announcements, content);
  return {};
};

const phaseHeld: NoticeHandler = async (services, m) => {
  // The finalists as they are now: the alert says how far staff are from opening the phase.
  const board = await services.engine.finalistBoard(readerOf(services));
  const finalists = board.ok ? board.value.finalists : 0;
  await post(services.client, services.campaign.slack.committee, renderPhaseHeld(services, { target: stringParam(m, 'target'), code: stringParam(m, 'code'), at: numberParam(m, 'at'), finalists }));
  return {};
};

const tallyComputed: NoticeHandler = async (services, m) => {
  const winners = await services.engine.committeeIdeas(readerOf(services), ['winner']);
  const funded = winners.ok ? winners.value.map((w) => ({ number: w.idea.number, title: w.idea.title })) : [];
  await post(services.client, services.campaign.slack.announcements, renderTallyComputed(services, typeof m.params['method'] === 'string' ? m.params['method'] : '?', funded));
  return {};
};

export const CARD_NOTICES: NoticeHandlers = {
  'card.moderation': cardModeration,
  'card.updated': cardUpdated,
  'committee.rewrite_answered': rewriteAnswered,
  'committee.phase_entered': phaseEntered,
  'committee.phase_held': phaseHeld,
  'committee.tally_computed': tallyComputed,
};

/** Posts `content` in a channel (for the sender's own alerts). */
export async function postNotice(services: SlackServices, channel: string, content: SlackContent): Promise<DeliveryResult> {
  await post(services.client, channel, content);
  return {};
}
