/**
 * Handles a Telegram update at most once across redeliveries and instances, through the
 * two-state `ProcessedUpdates` port keyed `tg:<update_id>`. Both transports use it: a webhook
 * update can be redelivered (Telegram retries a slow or failed answer) or, behind a load
 * balancer, reach two instances; a long-polling handover can fetch again the last batch the
 * previous leader handled but had not yet confirmed with its next `getUpdates` offset.
 */
import type { Update } from 'grammy/types';
import type { Clock } from '../../../core/ports/clock.ts';
import type { ProcessedUpdates } from '../../../core/ports/processed-updates.ts';

/**
 * How long one instance holds an update while handling it (ms): 2 minutes. Past it, a
 * redelivery is handled again (the holder is presumed dead): longer than any handler takes
 * (Bot API calls retried by auto-retry for at most 10 s each), shorter than the wait before a
 * resident wonders why the bot is silent.
 */
export const UPDATE_LEASE_MS = 120_000;

/** The `ProcessedUpdates` key of a Telegram update. */
export function updateKey(updateId: number): string {
  return `tg:${updateId}`;
}

/** What {@link handleOnce} did: handled it now, or dropped it as a repeat (done, or in hand elsewhere). */
export type OnceOutcome = 'handled' | 'duplicate';

/** Options of {@link handleOnce}. */
export interface HandleOnceOptions {
  readonly processed: ProcessedUpdates;
  /** The instants of the lease and of `done` (the system clock in production). */
  readonly clock: Clock;
  /** Default {@link UPDATE_LEASE_MS}. */
  readonly leaseMs?: number;
}

/**
 * Runs `handle(update)` unless the update was handled (or is being handled) already. A handler
 * that throws releases the key (`abandon`), so the platform's redelivery is handled at once,
 * and the error is rethrown for the transport's error boundary.
 */
export async function handleOnce(options: HandleOnceOptions, update: Update, handle: (update: Update) => Promise<void>): Promise<OnceOutcome> {
  const key = updateKey(update.update_id);
  const begun = await options.processed.begin(key, options.clock.now(), options.leaseMs ?? UPDATE_LEASE_MS);
  if (begun.status !== 'new') return 'duplicate';
  try {
    await handle(update);
  } catch (e) {
    // Best effort: if the store is what failed, the lease simply runs out.
    await options.processed.abandon(key, begun.lease).catch(() => false);
    throw e;
  }
  await options.processed.finish(key, options.clock.now());
  return 'handled';
}
