/**
 * Turns a campaign file that passed the schema and the cross-field checks into the core's
 * `Campaign`: amounts in minor units, phase dates in epoch ms, defaults filled in.
 */
import type { Campaign, PhaseWindow, WindowedPhase, BallotRule, TallyMethod, Money } from '../core/campaign/campaign.ts';
import { WINDOWED_PHASES } from '../core/campaign/campaign.ts';
import type { CampaignFile } from './campaign-file-schema.ts';
import { DEFAULT_REMINDERS } from './campaign-file-schema.ts';
import { currencyDecimals, toMinorUnits } from './money.ts';
import { localToEpochMs } from './local-time.ts';
import { parseLeadTime } from './duration.ts';

/**
 * Builds the core campaign. Precondition: `checkCampaignFile(file)` found nothing; a value
 * that still fails to convert is a bug and throws.
 */
export function toCampaign(file: CampaignFile): Campaign {
  const decimals = currencyDecimals(file.currency);
  const money = (amount: number): Money => {
    const minor = toMinorUnits(amount, decimals);
    if (typeof minor === 'string') throw new Error(`unchecked amount: ${minor}`);
    return minor;
  };
  const instant = (text: string): number => {
    const ms = localToEpochMs(text, file.timeZone);
    if (typeof ms === 'string') throw new Error(`unchecked date: ${ms}`);
    return ms;
  };
  const phases = {} as Record<WindowedPhase, PhaseWindow>;
  for (const name of WINDOWED_PHASES) {
    const w = file.phases[name] as { start: string; end?: string };
    phases[name] = { start: instant(w.start), end: w.end === undefined ? null : instant(w.end) };
  }
  return {
    id: file.id,
    name: file.name,
    defaultLocale: file.defaultLocale,
    locales: file.locales,
    timeZone: file.timeZone,
    population: file.population,
    currency: file.currency,
    currencyMinorUnits: 10 ** decimals,
    envelopes: file.envelopes.map((e) => ({ id: e.id, name: e.name, area: e.area ?? null, amount: money(e.amount) })),
    ideaCost: { min: money(file.ideaCost.min), max: money(file.ideaCost.max) },
    categories: file.categories.map((c) => ({ id: c.id, name: c.name })),
    areas: file.areas.map((a) => ({ id: a.id, name: a.name, postcodes: a.postcodes })),
    ageBands: file.ageBands.map((b) => ({ id: b.id, min: b.min, max: b.max ?? null })),
    eligibility: {
      minimumAge: file.eligibility.minimumAge,
      areas: file.eligibility.areas ?? null,
      verification: file.eligibility.verification,
    },
    phases,
    ballot: toBallotRule(file.ballot),
    tally: toTallyMethod(file.tally),
    reviewCriteria: file.reviewCriteria.map((c) => ({ id: c.id, label: c.label })),
    articles: file.articles.map((a) => ({ id: a.id, title: a.title, body: a.body, url: a.url ?? null, phase: a.phase ?? null })),
    schedules: {
      residentUpdate: file.schedules.residentUpdate,
      mayorDigest: file.schedules.mayorDigest,
      reminders: reminderLeadTimes(file.schedules.reminders, phases.voting),
    },
    digestRecipients: file.digestRecipients.map((r) =>
      r.channel === 'telegram' ? { channel: 'telegram', chatId: r.chatId, name: r.name } : { channel: 'slack', userId: r.userId, name: r.name },
    ),
    slack: { committee: file.slack.committee, announcements: file.slack.announcements ?? file.slack.committee },
    staff: file.staff.map((s) => ({ slackUserId: s.slackUserId, name: s.name, role: s.role })),
    privacy: { version: file.privacy.version, url: file.privacy.url },
  };
}

function toBallotRule(b: CampaignFile['ballot']): BallotRule {
  switch (b.rule) {
    case 'single':
      return { kind: 'single', allowChange: b.allowChange };
    case 'approval':
      return { kind: 'approval', minChoices: b.minChoices, maxChoices: b.maxChoices, allowChange: b.allowChange };
    case 'knapsack':
      return { kind: 'knapsack', allowChange: b.allowChange };
    case 'cumulative':
      return { kind: 'cumulative', points: b.points, maxPerIdea: b.maxPerIdea ?? b.points, allowChange: b.allowChange };
  }
}

function toTallyMethod(t: CampaignFile['tally']): TallyMethod {
  return t.method === 'greedy'
    ? { method: 'greedy', variant: t.variant, threshold: t.threshold, tieBreak: t.tieBreak }
    : { method: 'mes', completion: t.completion, comparison: t.comparison, tieBreak: t.tieBreak };
}

/**
 * The reminders' lead times in ms, longest first (the schema and checks have vetted each).
 * Omitted in the file: DEFAULT_REMINDERS, less those that would fall before voting opens.
 */
function reminderLeadTimes(texts: readonly string[] | undefined, voting: PhaseWindow): readonly number[] {
  const out = new Set<number>();
  for (const text of texts ?? DEFAULT_REMINDERS) {
    const parsed = parseLeadTime(text);
    if (parsed.ok && (texts !== undefined || voting.end === null || parsed.ms < voting.end - voting.start)) out.add(parsed.ms);
  }
  return [...out].sort((a, b) => b - a);
}
