/** Scheduling: the campaign scheduler (phase ticks, digest and update) under a leader lease. */
export { CampaignScheduler, SCHEDULED_JOBS, occurrenceKey, sentInPhase } from './campaign-scheduler.ts';
export type { CampaignSchedulerOptions, DueReport, ScheduledJob, SchedulerTimers } from './campaign-scheduler.ts';
export { DEFAULT_LEASE_TTL_MS, LEASE_NAMES, contendedLease, redisLease } from './lease.ts';
export type { Lease, RedisLeaseOptions } from './lease.ts';
export { InvalidScheduleError, checkCron, latestOccurrence, nextOccurrence } from './cron-occurrences.ts';
export { flattenParams, scheduledParams } from './digest-params.ts';
