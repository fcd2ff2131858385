/**
 * Leadership, the one capability the scheduler and long polling need from a lease: "run this
 * work only while I am the leader, and stop it the moment I am not". On Redis it is the
 * leader lease of adapters/redis (SET NX PX + owner-checked renew); on the embedded SQLite
 * store it is a row of the file's `leases` table (adapters/sqlite/sqlite-lease.ts), so two
 * processes on one file never both run the scheduler. Both go through `runWhileLeader`.
 * `LocalLease` (adapters/system: always the leader) serves tests and single-process tools.
 */
import type { LeaseContender, LeaderLease, RunWhileLeaderOptions } from '../redis/leader-lease.ts';
import { runWhileLeader } from '../redis/leader-lease.ts';

/** Lease names used by the bot (one key per name and campaign: `<prefix>lease:<name>`). */
export const LEASE_NAMES = {
  /** Phase ticks, the mayor's digest and the weekly update (`CampaignScheduler`). */
  scheduler: 'scheduler',
  /** Telegram long polling: `getUpdates` must have exactly one caller per bot token. */
  telegramPolling: 'telegram-polling',
  /** The in-process sender of the outbox messages addressed to residents (adapters/telegram/resident-dispatcher.ts). */
  telegramDispatch: 'telegram-dispatch',
  /** The sender of the committee's outbox messages and the broadcast progress messages (adapters/slack). */
  slackDispatch: 'slack-dispatch',
  /** The fan-out of broadcasts into per-resident messages (adapters/delivery/fan-out-runner.ts). */
  fanOut: 'fan-out',
} as const;

/** Default lease duration (ms): a leader that stops renewing is replaced after this long. */
export const DEFAULT_LEASE_TTL_MS = 15_000;

/** Runs work only while this instance holds a named lease. */
export interface Lease {
  /** The lease name, for logs (e.g. `scheduler`). */
  readonly name: string;
  /**
   * Contends for the lease until `signal` aborts. While this instance leads, runs `work`
   * with a `leadership` signal that aborts as soon as leadership is lost or `signal`
   * aborts; the work must then stop (another instance may start it). When leadership is
   * lost the lease is contended for again. Resolves once `signal` has aborted and the work
   * has returned, or when the work returns on its own; rejects when the work throws.
   */
  runWhileLeader(work: (leadership: AbortSignal) => Promise<void>, signal: AbortSignal): Promise<void>;
}

/** Options of `redisLease`: renew and retry periods, logger, leadership callback. */
export type RedisLeaseOptions = Omit<RunWhileLeaderOptions, 'signal'>;

/**
 * A `Lease` over a Redis leader lease (e.g. `stores.leaderLease(LEASE_NAMES.scheduler,
 * DEFAULT_LEASE_TTL_MS)`): at most one instance of all those sharing the prefix leads at a
 * time, up to the lease's expiry on a lost renew (work keyed by idempotency keys absorbs
 * that short overlap).
 */
export function redisLease(lease: LeaderLease, name: string, options: RedisLeaseOptions = {}): Lease {
  return contendedLease(lease, name, options);
}

/**
 * A `Lease` over any contender (a Redis `LeaderLease`, a `SqliteLeaderLease` from
 * `SqliteStores.leaderLease(LEASE_NAMES.scheduler, DEFAULT_LEASE_TTL_MS)`): at most one
 * contender of all those on the same lease leads at a time, up to the lease's expiry on a
 * lost renew.
 */
export function contendedLease(lease: LeaseContender, name: string, options: RedisLeaseOptions = {}): Lease {
  return {
    name,
    runWhileLeader: (work, signal) => runWhileLeader(lease, work, { ...options, signal }),
  };
}
