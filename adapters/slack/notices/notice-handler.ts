/**
 * How the committee sender delivers one outbox message: a handler per template renders it
 * (in the committee's language, resident text escaped) and posts or updates the Slack message
 * it belongs to. The sender acks with what the handler returns, so the message reference
 * (a card's channel + ts, a question's thread) is stored atomically with the ack.
 */
import type { ClaimedMessage, DeliveryResult } from '../../../core/ports/outbox.ts';
import type { SlackServices } from '../context.ts';

/** Delivers one claimed message; throws a Web API error to have it retried (the sender classifies it). */
export type NoticeHandler = (services: SlackServices, message: ClaimedMessage) => Promise<DeliveryResult>;

/** Handlers by outbox template. */
export type NoticeHandlers = Readonly<Record<string, NoticeHandler>>;
