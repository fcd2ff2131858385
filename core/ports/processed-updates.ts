/**
 * Inbound de-duplication: a Telegram `update_id` or a Slack payload id is handled once,
 * whichever instance receives it and however often the platform redelivers it.
 *
 * Two states per key. `begin` puts a new key *in progress* under a lease held by the caller;
 * `finish` marks it *done*. An instance that crashes mid-update leaves only a lease, which
 * expires after `leaseMs`: the platform's next redelivery is then handled (taken over as
 * `new`) instead of being dropped for a week. The price is at-least-once handling: a holder
 * slower than its lease may still be working when another instance takes over, so what an
 * update does must itself be idempotent (ballot request ids, outbox keys).
 *
 * Every instant is the caller's `now` (epoch ms), never the store's clock. A state holds
 * while `now < until`; the exact boundary instant is left to the store.
 */
export interface ProcessedUpdates {
  /**
   * Starts handling `key` (e.g. `tg:123456`, `slack:Ev0123`) at `now`. Atomic across
   * connections and processes: of concurrent calls on a key that is new or whose lease has
   * expired, exactly one gets `new`.
   * - `new`: the caller now holds the key in progress until `now + leaseMs`; it calls
   *   `finish` when done, or `abandon` with the returned `lease` after a handled failure.
   * - `in_progress`: another caller holds an unexpired lease (until `until`): drop this
   *   delivery; if the holder dies, a redelivery after `until` is handled.
   * - `done`: finished (until `until`, see `finish`): drop this delivery.
   * A refused call changes nothing (it does not extend the lease it saw).
   */
  begin(key: string, now: number, leaseMs: number): Promise<UpdateBegin>;
  /**
   * Marks `key` done at `now` for `keepMs` (default {@link PROCESSED_KEEP_MS}); `begin`
   * answers `done` until `now + keepMs`, after which the key is forgotten. Idempotent; the
   * last call sets the instant. It needs no lease: that the update was handled is a fact
   * whoever records it, so a holder whose lease was taken over while it worked still
   * records `done` (the taker's later `finish` keeps it done, its `abandon` changes nothing).
   */
  finish(key: string, now: number, keepMs?: number): Promise<void>;
  /**
   * Releases the lease `lease` (from `begin`) on `key` after a failure the caller handled,
   * so the next redelivery is handled at once instead of after the lease. True when it was
   * released; false, changing nothing, when `lease` no longer holds the key — expired and
   * taken over by another caller, or the key is done. A stale holder can therefore never
   * free another holder's lease nor undo a `done`.
   */
  abandon(key: string, lease: string): Promise<boolean>;
}

/** Answer of {@link ProcessedUpdates.begin}. */
export type UpdateBegin =
  /** The caller holds `key`; `lease` is an opaque token for `abandon`, `until` its end (epoch ms). */
  | { readonly status: 'new'; readonly lease: string; readonly until: number }
  /** Someone else's lease holds `key` until `until` (epoch ms). */
  | { readonly status: 'in_progress'; readonly until: number }
  /** `key` was finished; remembered until `until` (epoch ms). */
  | { readonly status: 'done'; readonly until: number };

/**
 * How long a finished update is remembered (ms): 7 days. Telegram drops an undelivered
 * update after 24 hours and Slack retries within minutes, so a week outlasts every
 * redelivery with room to spare.
 */
export const PROCESSED_KEEP_MS = 7 * 86_400_000;
