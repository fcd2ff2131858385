/**
 * The alert of parked Telegram messages, one Slack message per reason and alert episode
 * (adapters/delivery/parked-alerts.ts records the outbox messages): the episode's first
 * message posts it in the committee channel and hands back its reference (`parked:<episode>:
 * <reason>`, stored with the ack); each later one — at most one a minute per reason — edits it
 * in place with the count read now (`Outbox.failedByReason`). Every delivery draws the alert
 * from the current count, so a re-delivery after a crash, or the alert and its update
 * delivered back to back, show the same figure rather than a second message. When there is
 * no message to edit (the first was given up, or deleted), it is posted afresh and referenced.
 */
import type { MessageRef } from '../../../core/ports/message-references.ts';
import { PARKED_ALERT_TEMPLATE, parkedAlertParams } from '../../delivery/parked-alerts.ts';
import { renderParkedAlert } from '../blocks/notice-parked.ts';
import { GONE, slackError } from './broadcast-notices.ts';
import type { NoticeHandler, NoticeHandlers } from './notice-handler.ts';
import { UndeliverableNotice } from './notice-handler.ts';

/** Reasons read to find the alert's (reasons are fixed texts: a campaign has a handful). */
const REASONS_READ = 1_000;

const parked: NoticeHandler = async (services, message) => {
  const params = parkedAlertParams.safeParse(message.params);
  if (!params.success) throw new UndeliverableNotice('parked-messages alert without its params');
  const p = params.data;
  const { client, clock, stores, campaign } = services;
  const count = (await stores.outbox.failedByReason(REASONS_READ)).find((r) => r.reason === p.reason)?.count ?? 0;
  const ref = await stores.messageRefs.get(p.alert);
  const content = renderParkedAlert(services, { reason: p.reason, kind: p.kind, attempts: p.attempts, count, since: ref?.at ?? p.at, at: clock.now() });
  if (ref !== null && ref.platform === 'slack') {
    try {
      await client.chat.update({ channel: ref.chat, ts: ref.messageId, text: content.text, blocks: content.blocks as never });
      return {};
    } catch (e) {
      if (!GONE.has(slackError(e) ?? '')) throw e;
    }
  }
  const channel = campaign.slack.committee;
  const posted = await client.chat.postMessage({ channel, text: content.text, blocks: content.blocks as never });
  if (posted.ts === undefined) throw new Error('chat.postMessage answered without a ts');
  const posting: MessageRef = { key: p.alert, platform: 'slack', chat: posted.channel ?? channel, messageId: posted.ts, owner: null, at: ref?.at ?? p.at };
  return { ref: posting };
};

export const PARKED_NOTICES: NoticeHandlers = { [PARKED_ALERT_TEMPLATE]: parked };
