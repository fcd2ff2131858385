/**
 * grammY storage over the `ChatStateStore` port: `session({ storage })` and
 * `conversations({ storage })` (@grammyjs/conversations 2.x takes the same read/write/delete
 * shape for its versioned state) keep a wizard's progress in the campaign's store, so a
 * restarted process or another instance continues the conversation at the step it reached.
 *
 * Every entry is written with its owner (the resident the chat belongs to, derived from the
 * key by the caller), so "forget me" erases it; every write refreshes its TTL. A value over
 * `CHAT_STATE_MAX_BYTES` is never dropped quietly: the write throws `ChatStateTooLargeError`,
 * which reaches grammY's error boundary (`bot.catch`), and the stored value stays as it was.
 */
import type { StorageAdapter } from 'grammy';
import { CHAT_STATE_MAX_BYTES, encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { ChatStateStore, JsonValue } from '../../core/ports/chat-state-store.ts';
import type { Clock } from '../../core/ports/clock.ts';

/** Options of {@link chatStateStorage}. */
export interface ChatStateStorageOptions {
  readonly store: ChatStateStore;
  /**
   * Prepended as `<namespace>:` to grammY's keys, so that sessions and conversations (both
   * keyed by chat id by default) do not overwrite each other. E.g. `session`, `conv`.
   */
  readonly namespace: string;
  /**
   * The resident id a grammY key's state belongs to (e.g. `(chatId) => \`tg:${chatId}\`` for
   * private chats, where the chat id is the user id). Called on every write.
   */
  readonly ownerOf: (key: string) => string;
  /** Lifetime of an entry after its last write (ms, > 0). */
  readonly ttlMs: number;
  /** The engine's clock: expiry is judged by it. */
  readonly clock: Clock;
}

/** A value grammY asked to store is over the size limit: nothing was written. */
export class ChatStateTooLargeError extends Error {
  override readonly name = 'ChatStateTooLargeError';
  /** For logs and the error boundary. */
  readonly code = 'chat.state_too_large';
  /** Size of the refused value's JSON text in UTF-8 bytes. */
  readonly bytes: number;
  readonly limit = CHAT_STATE_MAX_BYTES;

  constructor(namespace: string, bytes: number) {
    // Neither the key (it holds a Telegram chat id) nor the value (personal data) is shown.
    super(`chat state (${namespace}): a value of ${bytes} bytes is over the ${CHAT_STATE_MAX_BYTES}-byte limit; nothing was written and the stored value is unchanged`);
    this.bytes = bytes;
  }
}

/**
 * A grammY `StorageAdapter<T>` over `options.store`. `T` must be JSON data (grammY sessions
 * and conversation states are): it is stored as `JSON.stringify` writes it.
 */
export function chatStateStorage<T>(options: ChatStateStorageOptions): StorageAdapter<T> {
  const { store, namespace, ownerOf, ttlMs, clock } = options;
  if (namespace === '' || namespace.includes(':')) throw new Error('chatStateStorage: namespace must be a non-empty word without ":"');
  if (!(ttlMs > 0)) throw new Error('chatStateStorage: ttlMs must be > 0');
  const keyOf = (key: string): string => `${namespace}:${key}`;
  return {
    read: async (key) => (await store.read(keyOf(key), clock.now())) as T | undefined,
    write: async (key, value) => {
      const json = value as unknown as JsonValue;
      const outcome = await store.write(keyOf(key), json, { owner: ownerOf(key), ttlMs, now: clock.now() });
      if (outcome === 'too_large') throw new ChatStateTooLargeError(namespace, encodeChatState(json).bytes);
    },
    delete: (key) => store.delete(keyOf(key)),
  };
}
