/**
 * Rows of the `broadcasts` table (migration 2): progress in columns, the immutable part of
 * the record (by, content, audience) as JSON in `data`. Shared by the side-record writer, the
 * broadcast store and the transfer.
 */
import type { Broadcast, BroadcastDraft } from '../../core/broadcasts/broadcast.ts';

/** A row of `broadcasts`. */
export interface BroadcastRow {
  id: string;
  started_at: number;
  status: Broadcast['status'];
  cursor: string | null;
  queued: number;
  total: number | null;
  fanned_out_at: number | null;
  finished_at: number | null;
  version: number;
  data: string;
}

/** The `data` column of a broadcast: what never changes after creation. */
export function broadcastData(b: BroadcastDraft): string {
  return JSON.stringify({ by: b.by, content: b.content, audience: b.audience });
}

export function broadcastFromRow(r: BroadcastRow): Broadcast {
  const fixed = JSON.parse(r.data) as Pick<Broadcast, 'by' | 'content' | 'audience'>;
  return {
    id: r.id,
    by: fixed.by,
    content: fixed.content,
    audience: fixed.audience,
    startedAt: r.started_at,
    status: r.status,
    cursor: r.cursor,
    queued: r.queued,
    total: r.total,
    fannedOutAt: r.fanned_out_at,
    finishedAt: r.finished_at,
    version: r.version,
  };
}

/** Columns and values of a full row (restore), in the order of {@link BROADCAST_COLUMNS}. */
export function broadcastValues(b: Broadcast): unknown[] {
  return [b.id, b.startedAt, b.status, b.cursor, b.queued, b.total, b.fannedOutAt, b.finishedAt, b.version, broadcastData(b)];
}

export const BROADCAST_COLUMNS = 'id, started_at, status, cursor, queued, total, fanned_out_at, finished_at, version, data';
