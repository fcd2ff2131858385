/**
 * Deliveries (SPEC §2.5): the fan-out of broadcasts into per-resident messages, the one
 * Telegram sending module (telegram-sending.ts) and its two engines — in process over the
 * outbox (outbox-dispatcher.ts, SQLite) and BullMQ (bullmq-delivery.ts, Redis, loaded only there).
 */
export { FanOutRunner } from './fan-out-runner.ts';
export type { FanOutEngine, FanOutRunnerOptions } from './fan-out-runner.ts';
export { OutboxDispatcher, DEFAULT_CONCURRENCY } from './outbox-dispatcher.ts';
export type { OutboxDispatcherOptions } from './outbox-dispatcher.ts';
export { DIGEST_TEMPLATE, TELEGRAM_RECIPIENTS, TelegramSending, failureReason, isParkedReason, noticeRefKey } from './telegram-sending.ts';
export type { DeliveryEngine, NoticeRenderer, ParkedMessage, RenderedNotice, SendFacts, SendVerdict, Settled, TelegramSendingOptions } from './telegram-sending.ts';
export { PARKED_ALERT_TEMPLATE, ParkedAlerts, parkedAlertKey, parkedAlertParams, parkedAlertRefKey } from './parked-alerts.ts';
export type { ParkedAlertParams, ParkedAlertsOptions } from './parked-alerts.ts';
export { RESEND_LOG_MESSAGE, logPossibleResend } from './resend-log.ts';
