import type { MessagePlatform, MessageRef, MessageReferences } from '../../core/ports/message-references.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

/** The stored JSON of a reference: its own fields only, in a fixed order. */
export function refJson(r: MessageRef): string {
  return JSON.stringify({ key: r.key, platform: r.platform, chat: r.chat, messageId: r.messageId, owner: r.owner, at: r.at });
}

/**
 * `MessageReferences` in Redis: `mref:key` (key → JSON), `mref:msg` (platform message → key)
 * and `mref:owned` (owner index), changed together by lua/mref-write.lua (and by an outbox
 * ack, lua/outbox-settle.lua). Every change is naturally idempotent, so a call re-sent after a
 * reconnect is safe without a done marker (an `eraseOwner` re-sent that way counts 0).
 */
export class RedisMessageReferences implements MessageReferences {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async get(key: string): Promise<MessageRef | null> {
    const json = await this.#ctx.guard('messageRefs.get', () => this.#ctx.redis.hget(this.#ctx.keys.refByKey, key));
    return json === null ? null : (JSON.parse(json) as MessageRef);
  }

  async findByMessage(platform: MessagePlatform, chat: string, messageId: string): Promise<MessageRef | null> {
    const k = this.#ctx.keys;
    const json = await this.#ctx.script('messageRefs.findByMessage', 'mref-find', [k.refByKey, k.refByMessage], [platform, chat, messageId]);
    return typeof json === 'string' ? (JSON.parse(json) as MessageRef) : null;
  }

  async put(ref: MessageRef): Promise<void> {
    outcomeOf('mref-write', await this.#write('put', refJson(ref)), ['ok']);
  }

  async delete(key: string): Promise<void> {
    outcomeOf('mref-write', await this.#write('delete', key), ['ok']);
  }

  async eraseOwner(owner: string): Promise<number> {
    return Number(await this.#write('erase-owner', owner));
  }

  #write(mode: 'put' | 'delete' | 'erase-owner', arg: string): Promise<unknown> {
    const k = this.#ctx.keys;
    return this.#ctx.script(`messageRefs.${mode}`, 'mref-write', [k.refByKey, k.refByMessage, k.refOwned], [mode, arg]);
  }
}
