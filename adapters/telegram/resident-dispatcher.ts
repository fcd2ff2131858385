/**
 * The residents' (and digest chats') Telegram sender inside the service: the delivery
 * engine's in-process dispatcher (adapters/delivery/outbox-dispatcher.ts: several messages in
 * flight, paced by the send budget) under the name the bot's wiring knows. The sending rules —
 * render, budget slot, fence, send, classify (sent / 429 / 403 unreachable / refused /
 * transient) — live in adapters/delivery/telegram-sending.ts, shared with the BullMQ workers.
 */
import { OutboxDispatcher } from '../delivery/outbox-dispatcher.ts';
import type { OutboxDispatcherOptions } from '../delivery/outbox-dispatcher.ts';
import type { DeliveryEngine } from '../delivery/telegram-sending.ts';

export { failureReason, noticeRefKey } from '../delivery/telegram-sending.ts';
export type { NoticeRenderer, RenderedNotice, SendFacts } from '../delivery/telegram-sending.ts';

/** What the dispatcher needs of the engine. */
export type DispatcherEngine = DeliveryEngine;

/** Options of {@link ResidentDispatcher}. */
export type ResidentDispatcherOptions = OutboxDispatcherOptions;

/** Sends the residents' and digest chats' outbox messages; see adapters/delivery/outbox-dispatcher.ts. */
export class ResidentDispatcher extends OutboxDispatcher {}
