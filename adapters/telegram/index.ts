/**
 * The Telegram adapter (grammY): the residents' bot, its two transports (long polling under a
 * lease, webhook route), the in-process sender of the residents' outbox messages, and grammY
 * storage over the chat state port.
 */
export { ChatStateTooLargeError, chatStateStorage } from './chat-state-storage.ts';
export type { ChatStateStorageOptions } from './chat-state-storage.ts';
export { createResidentBot } from './resident-bot.ts';
export type { ResidentBot, ResidentBotOptions } from './resident-bot.ts';
export { TelegramTokenRefusedError, runPolling } from './transport/polling.ts';
export type { PollingOptions } from './transport/polling.ts';
export { WEBHOOK_MAX_BODY_BYTES, registerWebhook, webhookHandler, webhookPath } from './transport/webhook.ts';
export type { RegisterWebhookOptions, WebhookHandlerOptions } from './transport/webhook.ts';
export { UPDATE_LEASE_MS, handleOnce, updateKey } from './transport/handle-once.ts';
export { ResidentDispatcher, noticeRefKey } from './resident-dispatcher.ts';
export type { DispatcherEngine, NoticeRenderer, ResidentDispatcherOptions } from './resident-dispatcher.ts';
export { noticeMessage } from './render/notice-message.ts';
export type { NoticeMessageSources } from './render/notice-message.ts';
export { residentNotice } from './resident-notice.ts';
export type { RenderedNotice } from './resident-dispatcher.ts';
export { RESIDENT_COMMANDS, commandList, registerCommands } from './bot-commands.ts';
export { PHOTO_MAX_BYTES, telegramPhotoSource } from './photo-source.ts';
export type { TelegramPhotoSourceOptions } from './photo-source.ts';
