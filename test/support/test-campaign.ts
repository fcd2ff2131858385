/**
 * A small hand-built campaign for engine tests (independent of config/ so core tests do not
 * depend on the YAML loader). Windows follow Bertrix (SPEC §2.1) in UTC for readability.
 */
import type { Campaign } from '../../core/campaign/campaign.ts';

export const T = {
  submission: Date.UTC(2026, 3, 9),
  review: Date.UTC(2026, 4, 16),
  reviewEnd: Date.UTC(2026, 4, 31),
  voting: Date.UTC(2026, 5, 1),
  votingEnd: Date.UTC(2026, 6, 1),
  announced: Date.UTC(2026, 6, 17),
} as const;

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

const both = (fr: string, en: string) => ({ fr, en });

export function testCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'testville',
    name: both('Testville', 'Testville'),
    defaultLocale: 'fr',
    locales: ['fr', 'en'],
    timeZone: 'Europe/Brussels',
    population: 8000,
    currency: 'EUR',
    currencyMinorUnits: 100,
    envelopes: [{ id: 'town', name: both('Commune', 'Town'), area: null, amount: 2_000_000 }],
    ideaCost: { min: 50_000, max: 2_000_000 },
    categories: [
      { id: 'mobility', name: both('Mobilité', 'Mobility') },
      { id: 'nature', name: both('Nature', 'Nature') },
    ],
    areas: [
      { id: 'centre', name: both('Centre', 'Centre'), postcodes: ['6880'] },
      { id: 'north', name: both('Nord', 'North'), postcodes: ['6881'] },
    ],
    ageBands: [
      { id: '16-17', min: 16, max: 17 },
      { id: '18-34', min: 18, max: 34 },
      { id: '35-64', min: 35, max: 64 },
      { id: '65+', min: 65, max: null },
    ],
    eligibility: { minimumAge: 18, areas: null, verification: 'none' },
    phases: {
      submission: { start: T.submission, end: T.review },
      review: { start: T.review, end: T.reviewEnd },
      voting: { start: T.voting, end: T.votingEnd },
      tallying: { start: T.votingEnd, end: T.announced },
      announced: { start: T.announced, end: null },
    },
    ballot: { kind: 'single', allowChange: true },
    tally: { method: 'greedy', variant: 'skip', threshold: 0, tieBreak: 'lexico' },
    reviewCriteria: [
      { id: 'public-interest', label: both('Intérêt général', 'Public interest') },
      { id: 'competence', label: both('Compétence communale', 'Municipal competence') },
    ],
    articles: [],
    schedules: { residentUpdate: '0 9 * * 1', mayorDigest: '0 8 * * 5', reminders: [] },
    digestRecipients: [],
    slack: { committee: 'C-COMMITTEE', announcements: 'C-COMMITTEE' },
    staff: [
      { slackUserId: 'U-ADMIN', name: 'Anne Admin', role: 'admin' },
      { slackUserId: 'U-MOD1', name: 'Marc Moderator', role: 'moderator' },
      { slackUserId: 'U-MOD2', name: 'Mia Moderator', role: 'moderator' },
    ],
    privacy: { version: '2026-03', url: both('https://example.org/vie-privee', 'https://example.org/privacy') },
    ...overrides,
  };
}
