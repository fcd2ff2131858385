/** A messenger that holds platform messages. */
export type MessagePlatform = 'slack' | 'telegram';

/**
 * Which platform message shows what: an idea's moderation card, a question's Slack thread, a
 * resident's ballot-builder message. Written with the delivery that produced it (see
 * `Outbox.ack`), or directly with `put` for a message sent outside the outbox.
 */
export interface MessageRef {
  /** What the message shows, e.g. `card:<ideaId>`, `thread:<questionId>`, `builder:<residentId>:<slot>`. */
  readonly key: string;
  readonly platform: MessagePlatform;
  /** The Slack channel id or the Telegram chat id, as a string. */
  readonly chat: string;
  /** The Slack `ts` or the Telegram `message_id`, as a string. */
  readonly messageId: string;
  /** Resident the message belongs to (erased with them by `eraseOwner`); null for staff-side messages. */
  readonly owner: string | null;
  /** Epoch ms the reference was recorded. */
  readonly at: number;
}

/**
 * The references of one campaign, by key and by platform message (the reverse lookup a Slack
 * reply in a thread needs to find its question).
 *
 * One platform message is referenced by one key at most: putting a reference to a message that
 * another key already names moves it (the other key's reference is removed in the same step),
 * so `get` and `findByMessage` always agree. Every method is one atomic step and idempotent.
 */
export interface MessageReferences {
  /** The reference stored under `key`, or null. */
  get(key: string): Promise<MessageRef | null>;
  /** The reference naming this platform message, or null (exact match on all three parts). */
  findByMessage(platform: MessagePlatform, chat: string, messageId: string): Promise<MessageRef | null>;
  /**
   * Stores `ref` under its key, replacing what that key held (its old message no longer
   * resolves to it) and taking the message over from any other key. For messages not sent
   * through the outbox (e.g. a ballot builder sent as a direct reply); an outbox delivery stores
   * its reference with its `ack`.
   */
  put(ref: MessageRef): Promise<void>;
  /** Removes the reference under `key` (both lookups); nothing when there is none. */
  delete(key: string): Promise<void>;
  /** Removes every reference owned by `owner` ("forget me"); returns how many were removed. */
  eraseOwner(owner: string): Promise<number>;
}
