/** The Telegram adapter (grammY). So far: grammY storage over the chat state port. */
export { ChatStateTooLargeError, chatStateStorage } from './chat-state-storage.ts';
export type { ChatStateStorageOptions } from './chat-state-storage.ts';
