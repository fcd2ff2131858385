/**
 * Conversation state of the messenger adapters (a Telegram wizard's step, a ballot being
 * built): small JSON values under free-form keys, each with an expiry, so that a restart or
 * another instance continues the same conversation. grammY's session and conversations
 * storage sit on this port (adapters/telegram/chat-state-storage.ts).
 */

/** A JSON value: what `JSON.parse(JSON.stringify(value))` gives back unchanged. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * Largest value a store accepts: 64 KiB (65,536 bytes) of UTF-8 JSON text, as
 * `JSON.stringify` writes it. A wizard's state is a few hundred bytes; a grammY conversation
 * replaying a dozen updates a few KiB. Anything near the limit is a bug that would otherwise
 * grow without bound.
 */
export const CHAT_STATE_MAX_BYTES = 65_536;

/** How a value is written. */
export interface ChatStateWrite {
  /**
   * The resident the state belongs to (their resident id, e.g. `tg:12345`), even before they
   * have registered, so that "forget me" finds it (`eraseOwner`).
   */
  readonly owner: string;
  /** Lifetime from `now` (ms, > 0): the entry exists while a later `now' < now + ttlMs`. */
  readonly ttlMs: number;
  /** Epoch ms of the write (the engine's clock). */
  readonly now: number;
}

/** Outcome of a write: `too_large` wrote nothing (the previous value, if any, is unchanged). */
export type ChatStateWriteOutcome = 'written' | 'too_large';

/**
 * Per-key JSON state with a time to live. Expiry is judged by the `now` arguments (the
 * engine's clock), never by the store's own clock; the store also reclaims expired entries on
 * its own (Redis: PX; SQLite: on read and in small sweeps on write).
 */
export interface ChatStateStore {
  /**
   * The value stored under `key`, or undefined when there is none or it expired at or before
   * `now`. The value is a fresh copy the caller may change: that changes nothing stored.
   */
  read(key: string, now: number): Promise<JsonValue | undefined>;
  /**
   * Replaces the value of `key` (creating it), its owner and its expiry (`now + ttlMs`: a
   * write always refreshes the TTL). Atomic: concurrent writes of one key through any handle
   * leave exactly one of the written values whole (the last one the store applied).
   * Refused `too_large` — nothing written — when the value's JSON text is over
   * {@link CHAT_STATE_MAX_BYTES} bytes. Throws (a bug) on a value JSON cannot hold.
   */
  write(key: string, value: JsonValue, options: ChatStateWrite): Promise<ChatStateWriteOutcome>;
  /** Removes `key`; removing an absent key is not an error. Idempotent. */
  delete(key: string): Promise<void>;
  /**
   * Removes every entry last written with `owner`, expired or not, and returns how many it
   * removed (an entry the store already reclaimed after its expiry is not counted). Entries
   * of other owners are untouched. Part of "forget me"; idempotent.
   */
  eraseOwner(owner: string): Promise<number>;
}

/** The JSON text a store keeps for `value`, and its size in UTF-8 bytes. */
export interface EncodedChatState {
  readonly text: string;
  readonly bytes: number;
}

/**
 * Encodes `value` as every store does, so they all refuse the same values: `JSON.stringify`,
 * measured in UTF-8 bytes. Throws a `TypeError` when JSON cannot hold the value at all
 * (undefined, a BigInt, a cycle).
 */
export function encodeChatState(value: JsonValue): EncodedChatState {
  const text = JSON.stringify(value) as string | undefined;
  if (typeof text !== 'string') throw new TypeError('chat state: the value has no JSON form');
  return { text, bytes: utf8Length(text) };
}

/**
 * UTF-8 length of a string without encoding it. JSON.stringify escapes lone surrogates, so
 * every surrogate here is half of a pair (4 bytes for the pair).
 */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The expiry instant of a write (`now + ttlMs`, epoch ms); throws a `RangeError` (a caller's
 * bug) when `ttlMs` is not a positive number of ms or `now` not an instant.
 */
export function chatStateExpiry(options: ChatStateWrite): number {
  if (!Number.isFinite(options.ttlMs) || options.ttlMs <= 0) throw new RangeError(`chat state: ttlMs must be a positive number of ms, not ${options.ttlMs}`);
  if (!Number.isFinite(options.now)) throw new RangeError('chat state: now must be an instant (epoch ms)');
  return Math.ceil(options.now + options.ttlMs);
}
