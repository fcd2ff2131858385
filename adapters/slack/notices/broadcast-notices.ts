/**
 * A broadcast's progress message (SPEC §2.5: a broadcast to 10,000 people takes minutes;
 * staff see how far it is), delivered by the committee sender, for every broadcast — staff
 * announcements, phase announcements, the scheduler's system broadcasts:
 * - `committee.broadcast_started` posts the message in the announcements channel, rendered
 *   from the broadcast's record and delivery counts, and hands back its reference
 *   `progress:<broadcastId>` (stored with the ack) so it can be edited in place. `announce`
 *   enqueues it with the broadcast; for a broadcast the engine started without one (a phase
 *   announcement, a scheduled broadcast) the reporter enqueues it under the same key, so it
 *   exists once. It posts nothing when the message exists already, or when the broadcast is
 *   done by then (the done notice, behind it, posts the summary: one message either way);
 * - the reporter (broadcast-progress.ts) edits it while messages go out;
 * - `committee.broadcast_done` (enqueued once, with the record's move to `done`) edits it a
 *   last time with the final summary — figures, how long it took, failures by reason — or
 *   posts the summary when there is no message to edit (its start was never shown, or it was
 *   deleted). Editing is idempotent, so a re-delivery after a crash changes nothing.
 *
 * Failures by reason: the outbox keeps each given-up message's reason (a fixed text). They are
 * read once, for the summary, walking back from the done notice (which follows every message
 * of its broadcast) a page at a time until every failure is found — bounded by the broadcast's
 * size, so a campaign's long outbox is not read whole; past the bound the reasons are "not
 * known" rather than partial.
 */
import type { MessageRef } from '../../../core/ports/message-references.ts';
import type { ClaimedMessage, DeliveryResult } from '../../../core/ports/outbox.ts';
import type { SlackServices } from '../context.ts';
import { renderProgress } from '../blocks/command-progress.ts';
import type { NoticeHandler, NoticeHandlers } from './notice-handler.ts';
import type { FailureReasons } from './progress-view.ts';
import { renderFinished } from './progress-view.ts';

/** Key of a broadcast's progress message in the message references. */
export function progressRefKey(broadcastId: string): string {
  return `progress:${broadcastId}`;
}

/** Errors of `chat.update` meaning the message is not there to edit (then a new one is posted). */
export const GONE = new Set(['message_not_found', 'cant_update_message', 'channel_not_found', 'is_archived']);

function broadcastOf(message: ClaimedMessage): string | null {
  const id = message.params['broadcast'];
  return typeof id === 'string' && id.length > 0 ? id : null;
}

export function slackError(e: unknown): string | null {
  const data = (e as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

async function post(services: SlackServices, broadcastId: string, content: { text: string; blocks: readonly Record<string, unknown>[] }): Promise<DeliveryResult> {
  const channel = services.campaign.slack.announcements;
  const posted = await services.client.chat.postMessage({ channel, text: content.text, blocks: content.blocks as never });
  if (posted.ts === undefined) throw new Error('chat.postMessage answered without a ts');
  const ref: MessageRef = { key: progressRefKey(broadcastId), platform: 'slack', chat: posted.channel ?? channel, messageId: posted.ts, owner: null, at: services.clock.now() };
  return { ref };
}

/** The figures of the notice's broadcast; null (nothing to show) when it names none that exists. */
async function progressOf(services: SlackServices, message: ClaimedMessage) {
  const id = broadcastOf(message);
  if (id === null) return null;
  const progress = await services.engine.broadcastProgress(id);
  if (!progress.ok) {
    services.logger.warn({ template: message.template, code: progress.code }, 'broadcast notice names no broadcast; nothing shown');
    return null;
  }
  return { id, progress: progress.value };
}

/** Outbox messages read per page when looking for a broadcast's failures. */
const REASON_PAGE = 500;

/**
 * The failures of broadcast `id` by reason, most frequent first, read backwards from `beforeSeq`
 * (the done notice); null when they cannot all be found within a read of about three times
 * the broadcast's size (interleaved messages of other broadcasts, erased ones).
 */
export async function failureReasons(services: Pick<SlackServices, 'stores'>, id: string, beforeSeq: number, failed: number, total: number): Promise<FailureReasons> {
  if (failed <= 0) return [];
  const counts = new Map<string, number>();
  let found = 0;
  let seen = 0;
  let budget = Math.ceil((3 * total + REASON_PAGE) / REASON_PAGE);
  for (let upper = beforeSeq; upper > 0 && budget > 0 && found < failed; budget--) {
    const from = Math.max(0, upper - REASON_PAGE);
    const page = await services.stores.outbox.list(from, REASON_PAGE);
    for (const m of page) {
      if (m.seq >= upper) break;
      if (m.group !== id) continue;
      seen++;
      if (m.status !== 'failed') continue;
      found++;
      const reason = m.lastError ?? 'unknown';
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    // Every message of the broadcast looked at: what was not found was erased.
    if (seen >= total) break;
    upper = from;
  }
  if (found < failed && seen < total) return null;
  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

const started: NoticeHandler = async (services, message) => {
  const found = await progressOf(services, message);
  if (found === null) return {};
  // Shown already (a re-delivery), or done meanwhile: the done notice shows the summary.
  if (found.progress.status === 'done') return {};
  if ((await services.stores.messageRefs.get(progressRefKey(found.id))) !== null) return {};
  return post(services, found.id, renderProgress(services, found.progress));
};

const finished: NoticeHandler = async (services, message) => {
  const found = await progressOf(services, message);
  if (found === null) return {};
  const p = found.progress;
  const reasons = await failureReasons(services, found.id, message.seq, p.failed, p.total ?? p.sent + p.failed + p.skipped);
  const content = renderFinished(services, p, reasons);
  const ref = await services.stores.messageRefs.get(progressRefKey(found.id));
  if (ref !== null && ref.platform === 'slack') {
    try {
      await services.client.chat.update({ channel: ref.chat, ts: ref.messageId, text: content.text, blocks: content.blocks as never });
      return {};
    } catch (e) {
      if (!GONE.has(slackError(e) ?? '')) throw e;
    }
  }
  return post(services, found.id, content);
};

export const BROADCAST_NOTICES: NoticeHandlers = {
  'committee.broadcast_started': started,
  'committee.broadcast_done': finished,
};
