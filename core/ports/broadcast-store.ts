import type { Broadcast, BroadcastDraft } from '../broadcasts/broadcast.ts';
import type { OutboxDraft, SideRecords } from './side-records.ts';

/** One page of a fan-out, as `BroadcastStore.fanOutPage` records it. */
export interface FanOutPage {
  /** The cursor the page was read after (the record's `cursor` when it was read); null: from the start. */
  readonly expectedCursor: string | null;
  /** The page's per-resident messages (each with `group` = the broadcast id). */
  readonly drafts: readonly OutboxDraft[];
  /** The cursor after this page: the last resident id of the page (`expectedCursor` for an empty page). */
  readonly cursor: string | null;
  /** True for the last page: fan-out ends, `total` = `queued`, status `sending`. */
  readonly done: boolean;
  /** Epoch ms (`fannedOutAt` when `done`). */
  readonly at: number;
}

/** Answer of a conditional broadcast change. */
export type BroadcastOutcome =
  /** Recorded. */
  | 'saved'
  /** The record moved on (another worker recorded this page, or the state differs): nothing written. */
  | 'conflict'
  /** No broadcast has this id: nothing written. */
  | 'not_found';

/**
 * Broadcast records (core/broadcasts/broadcast.ts). Records name people by actor ref only,
 * so they outlive a resident's erasure. Broadcasts are also created as side records of
 * another change (SideRecords.broadcasts, e.g. with a phase state save).
 */
export interface BroadcastStore {
  /**
   * Stores a new broadcast (`fanning_out`, cursor null, queued 0, version 1) atomically with
   * `side`. `conflict` when the id exists: nothing written.
   */
  create(draft: BroadcastDraft, side: SideRecords): Promise<BroadcastOutcome>;
  get(id: string): Promise<Broadcast | null>;
  /**
   * Broadcasts newest first (by `startedAt`, then id, both descending), those strictly older
   * than broadcast `before` (null: from the newest), at most `limit`. An unknown `before`
   * lists nothing.
   */
  list(before: string | null, limit: number): Promise<readonly Broadcast[]>;
  /**
   * Records one page of fan-out in one atomic step: enqueues `page.drafts` (an outbox key
   * that exists is ignored, as always), adds their number to `queued`, moves `cursor` to
   * `page.cursor`, bumps the version and, when `page.done`, sets `total` = `queued`,
   * `fannedOutAt` = `page.at` and status `sending`. Refused `conflict`, writing nothing,
   * unless the broadcast is `fanning_out` with `cursor === page.expectedCursor` — so two
   * workers, or a worker resumed after a crash, never record a page twice nor skip one.
   */
  fanOutPage(id: string, page: FanOutPage): Promise<BroadcastOutcome>;
  /**
   * Marks a `sending` broadcast `done` at `at` (finishedAt), atomically with `side`;
   * `conflict` (nothing written) in any other status, so it happens once.
   */
  finish(id: string, at: number, side: SideRecords): Promise<BroadcastOutcome>;
}
