/**
 * A broadcast's progress message (SPEC §2.5: a broadcast to 10,000 people takes minutes;
 * staff see how far it is), delivered by the committee sender:
 * - `committee.broadcast_started` posts the message in the announcements channel, rendered
 *   from the broadcast's record and delivery counts, and hands back its reference
 *   `progress:<broadcastId>` (stored with the ack) so it can be edited in place;
 * - the reporter (broadcast-progress.ts) edits it while messages go out;
 * - `committee.broadcast_done` edits it a last time with the final summary, or posts the
 *   summary when there is no message to edit (its start was never shown, or it was deleted).
 */
import type { MessageRef } from '../../../core/ports/message-references.ts';
import type { ClaimedMessage, DeliveryResult } from '../../../core/ports/outbox.ts';
import type { SlackServices } from '../context.ts';
import { renderProgress } from '../blocks/command-progress.ts';
import type { NoticeHandler, NoticeHandlers } from './notice-handler.ts';

/** Key of a broadcast's progress message in the message references. */
export function progressRefKey(broadcastId: string): string {
  return `progress:${broadcastId}`;
}

/** Errors of `chat.update` meaning the message is not there to edit (then a new one is posted). */
const GONE = new Set(['message_not_found', 'cant_update_message', 'channel_not_found', 'is_archived']);

function broadcastOf(message: ClaimedMessage): string | null {
  const id = message.params['broadcast'];
  return typeof id === 'string' && id.length > 0 ? id : null;
}

function slackError(e: unknown): string | null {
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

const started: NoticeHandler = async (services, message) => {
  const found = await progressOf(services, message);
  if (found === null) return {};
  return post(services, found.id, renderProgress(services, found.progress));
};

const finished: NoticeHandler = async (services, message) => {
  const found = await progressOf(services, message);
  if (found === null) return {};
  const content = renderProgress(services, found.progress);
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
