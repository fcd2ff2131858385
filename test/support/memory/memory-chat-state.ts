import { CHAT_STATE_MAX_BYTES, chatStateExpiry, encodeChatState } from '../../../core/ports/chat-state-store.ts';
import type { ChatStateStore, ChatStateWrite, ChatStateWriteOutcome, JsonValue } from '../../../core/ports/chat-state-store.ts';
import { roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/**
 * In-memory `ChatStateStore`. Values are kept as their JSON text, as the real stores keep
 * them, so a read returns a fresh copy and a value JSON would change comes back changed here
 * too. Expiry is judged by the `now` argument; an expired entry is dropped when read.
 */
export class MemoryChatState implements ChatStateStore {
  constructor(private readonly handle: MemoryHandle) {}

  async read(key: string, now: number): Promise<JsonValue | undefined> {
    await roundTrip();
    const chat = this.handle.open().chat;
    const entry = chat.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      chat.delete(key);
      return undefined;
    }
    return JSON.parse(entry.text) as JsonValue;
  }

  async write(key: string, value: JsonValue, options: ChatStateWrite): Promise<ChatStateWriteOutcome> {
    const expiresAt = chatStateExpiry(options);
    const { text, bytes } = encodeChatState(value);
    await roundTrip();
    const chat = this.handle.open().chat;
    if (bytes > CHAT_STATE_MAX_BYTES) return 'too_large';
    chat.set(key, { text, owner: options.owner, expiresAt });
    return 'written';
  }

  async delete(key: string): Promise<void> {
    await roundTrip();
    this.handle.open().chat.delete(key);
  }

  async eraseOwner(owner: string): Promise<number> {
    await roundTrip();
    const chat = this.handle.open().chat;
    let removed = 0;
    for (const [key, entry] of chat) {
      if (entry.owner !== owner) continue;
      chat.delete(key);
      removed++;
    }
    return removed;
  }
}

