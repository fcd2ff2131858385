/** Scheduling: the campaign scheduler (phase ticks, digest and update) under a leader lease. */
export { CampaignScheduler } from './campaign-scheduler.ts';
export type { CampaignSchedulerOptions, DueReport, SchedulerEngine, SchedulerTimers } from './campaign-scheduler.ts';
export { DEFAULT_LEASE_TTL_MS, LEASE_NAMES, contendedLease, redisLease } from './lease.ts';
export type { Lease, RedisLeaseOptions } from './lease.ts';
export { InvalidScheduleError, checkCron, latestOccurrence, nextOccurrence } from './cron-occurrences.ts';
