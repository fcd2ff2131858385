import { CHAT_STATE_MAX_BYTES, chatStateExpiry, encodeChatState } from '../../core/ports/chat-state-store.ts';
import type { ChatStateStore, ChatStateWrite, ChatStateWriteOutcome, JsonValue } from '../../core/ports/chat-state-store.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';
import { TurnBatch } from './turn-batch.ts';

/** Index members passed to one erase script call (each adds one key to KEYS). */
const ERASE_BATCH = 200;
/** Erase rounds before giving up on an owner whose index keeps growing under it. */
const ERASE_ROUNDS = 50;
/** Reads sent in one call of the read script at most (each adds one key to KEYS). */
export const CHAT_READ_BATCH = 64;

/**
 * Conversation state in Redis: one hash per entry (`chat:<key>`: JSON text, owner, expiry
 * instant) with PX set to its TTL, and one set per owner (`chatowner:<owner>`) naming the
 * keys written with that owner. A write is one script (entry and index together); a read is
 * an HMGET judged against `now`; Redis itself drops expired entries.
 */
export class RedisChatState implements ChatStateStore {
  readonly #ctx: RedisContext;
  readonly #reads: TurnBatch<{ readonly key: string; readonly now: number }, JsonValue | undefined>;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
    this.#reads = new TurnBatch(
      CHAT_READ_BATCH,
      (reads) => ctx.readHashes('chat.read', reads.map((r) => ctx.keys.chat(r.key)), ['d', 'x']),
      (read, rows, n) => entryFrom(rows[2 * n] as string | null | false, rows[2 * n + 1] as string | null | false, read.now),
    );
  }

  /**
   * Reads started in the same turn of the event loop share one call of a read script, up to
   * CHAT_READ_BATCH (lua/hash-read-many.lua; turn-batch.ts): every update of the residents'
   * bot reads its session and its conversations. A read alone in its turn stays one HMGET.
   * Reads only: batching changes no outcome.
   */
  read(key: string, now: number): Promise<JsonValue | undefined> {
    return this.#reads.add({ key, now });
  }

  async write(key: string, value: JsonValue, options: ChatStateWrite): Promise<ChatStateWriteOutcome> {
    const expiresAt = chatStateExpiry(options);
    const { text, bytes } = encodeChatState(value);
    if (bytes > CHAT_STATE_MAX_BYTES) return 'too_large';
    const k = this.#ctx.keys;
    // A re-send after a lost reply writes the same value again: harmless.
    const code = await this.#ctx.script('chat.write', 'chat-write', [k.chat(key), k.chatOwner(options.owner)], [key, options.owner, expiresAt, Math.ceil(options.ttlMs), text]);
    outcomeOf('chat-write', code, ['ok']);
    return 'written';
  }

  async delete(key: string): Promise<void> {
    // The owner index keeps the key until the next erasure of that owner: it checks owners.
    await this.#ctx.guard('chat.delete', () => this.#ctx.redis.unlink(this.#ctx.keys.chat(key)));
  }

  async eraseOwner(owner: string): Promise<number> {
    const k = this.#ctx.keys;
    const index = k.chatOwner(owner);
    let removed = 0;
    for (let round = 0; round < ERASE_ROUNDS; round++) {
      const members = await this.#ctx.guard('chat.erase_owner', () => this.#ctx.redis.srandmember(index, ERASE_BATCH));
      if (members.length === 0) return removed;
      const reply = (await this.#ctx.script('chat.erase_owner', 'chat-erase-owner', [index, ...members.map((m) => k.chat(m))], [owner, ...members])) as [number, number];
      removed += reply[0];
      if (reply[1] === 0) return removed;
    }
    throw new Error(`redis store: the chat state of one owner kept growing during ${ERASE_ROUNDS} erase rounds`);
  }
}

/** An entry read back: none, or expired by `now` (between the server's expiry, wall clock, and the engine's `now`, the earlier one wins). */
function entryFrom(text: string | null | false, expiresAt: string | null | false, now: number): JsonValue | undefined {
  if (text == null || text === false || expiresAt == null || expiresAt === false || Number(expiresAt) <= now) return undefined;
  return JSON.parse(text) as JsonValue;
}
