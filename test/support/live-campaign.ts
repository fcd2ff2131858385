/**
 * A test campaign in submission at the real time of the test (windows 20 days before to 40
 * days after now), for what runs on real timers — BullMQ's job schedulers ignore fake timers.
 */
import type { Campaign, DigestRecipient } from '../../core/campaign/campaign.ts';
import { DAY, testCampaign } from './test-campaign.ts';

/** Two digest recipients, one per messenger. */
export const LIVE_RECIPIENTS: readonly DigestRecipient[] = [
  { channel: 'telegram', chatId: 4242, name: 'Mayor' },
  { channel: 'slack', userId: 'U0ALDER', name: 'Alderwoman' },
];

/**
 * The campaign, both schedules on `pattern` — six fields allowed (seconds first): the
 * campaign file takes five only, but the schedulers and our occurrences take six, so a test
 * can wait a few seconds for an occurrence, not a minute.
 */
export function liveCampaign(pattern: string, overrides: Partial<Campaign> = {}): Campaign {
  const start = Date.now() - 20 * DAY;
  const at = (d: number): number => start + d * DAY;
  return testCampaign({
    phases: { submission: { start, end: at(30) }, review: { start: at(30), end: at(40) }, voting: { start: at(40), end: at(50) }, tallying: { start: at(50), end: at(60) }, announced: { start: at(60), end: null } },
    schedules: { residentUpdate: pattern, mayorDigest: pattern, reminders: [] },
    digestRecipients: LIVE_RECIPIENTS,
    ...overrides,
  });
}
