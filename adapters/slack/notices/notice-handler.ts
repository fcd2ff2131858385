/**
 * How the committee sender delivers one outbox message: a handler per template renders it
 * (in the committee's language, resident text escaped) and posts or updates the Slack message
 * it belongs to. The sender acks with what the handler returns, so the message reference
 * (a card's channel + ts, a question's thread) is stored atomically with the ack.
 */
import type { ClaimedMessage, DeliveryResult } from '../../../core/ports/outbox.ts';
import type { SlackServices } from '../context.ts';

/**
 * Delivers one claimed message. Throws a Web API error to have it classified by the sender
 * (rate limit → later, permanent → given up, network → retried), or {@link UndeliverableNotice}
 * when the message can never be delivered (what it is about is gone).
 */
export type NoticeHandler = (services: SlackServices, message: ClaimedMessage) => Promise<DeliveryResult>;

/** Handlers by outbox template. */
export type NoticeHandlers = Readonly<Record<string, NoticeHandler>>;

/**
 * Thrown by a handler for a message that can never be delivered (its idea is unknown, no staff
 * is configured): the sender gives it up with `reason`, which must be a fixed text of a known
 * kind — never resident text nor a platform's message.
 */
export class UndeliverableNotice extends Error {
  override readonly name = 'UndeliverableNotice';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * The staff member the committee sender reads the engine as: the campaign's first admin (any
 * staff member when there is no admin). Staff use cases check staff themselves; a campaign with
 * no staff at all cannot have its committee messages delivered.
 */
export function readerOf(services: { readonly campaign: { readonly staff: readonly { readonly slackUserId: string; readonly role: string }[] } }): string {
  const staff = services.campaign.staff;
  const reader = staff.find((s) => s.role === 'admin') ?? staff[0];
  if (reader === undefined) throw new UndeliverableNotice('no staff configured to read the campaign as');
  return reader.slackUserId;
}
