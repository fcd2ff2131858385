import type { MessagePlatform, MessageRef, MessageReferences } from '../../../core/ports/message-references.ts';
import { deleteRef, messageIndexKey, putRef, roundTrip } from './memory-state.ts';
import type { MemoryHandle } from './memory-state.ts';

/** In-memory `MessageReferences`: a map by key and an index by platform message, changed together. */
export class MemoryMessageReferences implements MessageReferences {
  constructor(private readonly handle: MemoryHandle) {}

  async get(key: string): Promise<MessageRef | null> {
    await roundTrip();
    return this.handle.open().messageRefs.get(key) ?? null;
  }

  async findByMessage(platform: MessagePlatform, chat: string, messageId: string): Promise<MessageRef | null> {
    await roundTrip();
    const s = this.handle.open();
    const key = s.messageIndex.get(messageIndexKey(platform, chat, messageId));
    return key === undefined ? null : (s.messageRefs.get(key) ?? null);
  }

  async put(ref: MessageRef): Promise<void> {
    await roundTrip();
    putRef(this.handle.open(), ref);
  }

  async delete(key: string): Promise<void> {
    await roundTrip();
    deleteRef(this.handle.open(), key);
  }

  async eraseOwner(owner: string): Promise<number> {
    await roundTrip();
    const s = this.handle.open();
    const keys = [...s.messageRefs.values()].filter((r) => r.owner === owner).map((r) => r.key);
    for (const key of keys) deleteRef(s, key);
    return keys.length;
  }
}
