/**
 * Where a resident stands in the vote at send time: the days left counted as dates in the
 * campaign's time zone (`votingDaysLeft`), the engine's `votingStatus` over the area and
 * town ballots, and the weekly update's last line rendered from it (plural forms included).
 */
import { describe, expect, it } from 'vitest';
import { createI18n, translatorOf } from '../../adapters/telegram/i18n.ts';
import { residentNotice } from '../../adapters/telegram/resident-notice.ts';
import { hasBallotLeft, votingDaysLeft } from '../../core/ballots/voting-status.ts';
import type { VotingStatus } from '../../core/ballots/voting-status.ts';
import type { Broadcast } from '../../core/broadcasts/broadcast.ts';
import { newBroadcast } from '../../core/broadcasts/broadcast.ts';
import { harness } from '../support/engine-harness.ts';
import { HOUR, T, testCampaign } from '../support/test-campaign.ts';

const BRUSSELS = 'Europe/Brussels';

describe('votingDaysLeft', () => {
  it('counts dates in the campaign time zone, today included: 1 on the last day, 0 from the close', () => {
    // Voting closes at local midnight starting 1 July (22:00 UTC on 30 June): 30 June is the last day.
    const close = Date.UTC(2026, 5, 30, 22);
    expect(votingDaysLeft(close, Date.UTC(2026, 5, 28, 8), BRUSSELS)).toBe(3);
    expect(votingDaysLeft(close, Date.UTC(2026, 5, 30, 21, 59), BRUSSELS)).toBe(1);
    expect(votingDaysLeft(close, close, BRUSSELS)).toBe(0);
    // 00:30 on 1 July in Brussels is still 30 June in UTC: a UTC count would say 2.
    const later = Date.UTC(2026, 6, 1, 22);
    expect(votingDaysLeft(later, Date.UTC(2026, 5, 30, 22, 30), BRUSSELS)).toBe(1);
    expect(votingDaysLeft(later, Date.UTC(2026, 5, 30, 22, 30), 'UTC')).toBe(2);
  });

  it('a day is a date, not 24 hours: across the end of summer time', () => {
    // Summer time ends on 25 October 2026. Voting closes at local midnight starting 1 November.
    const close = Date.UTC(2026, 9, 31, 23);
    // 00:30 on Saturday 24 October in Brussels: 24 … 31 October are eight days (8 days and 30 min of hours: 9 by a 24-hour count).
    expect(votingDaysLeft(close, Date.UTC(2026, 9, 23, 22, 30), BRUSSELS)).toBe(8);
    expect(votingDaysLeft(close, Date.UTC(2026, 9, 31, 22, 59), BRUSSELS)).toBe(1);
  });
});

describe('engine votingStatus', () => {
  it('open only while voting is; counts the ballots open to the resident (area and town, each with finalists) and those cast', async () => {
    const campaign = testCampaign({
      envelopes: [
        { id: 'town', name: { fr: 'Commune', en: 'Town' }, area: null, amount: 2_000_000 },
        { id: 'centre', name: { fr: 'Centre', en: 'Centre' }, area: 'centre', amount: 1_000_000 },
        { id: 'north', name: { fr: 'Nord', en: 'North' }, area: 'north', amount: 1_000_000 },
      ],
    });
    const h = harness(campaign);
    const centre = await h.register(5001, 'centre');
    const north = await h.register(5002, 'north');
    const town: string[] = [];
    const local: string[] = [];
    for (let i = 0; i < 2; i++) {
      const t = await h.submit(centre, `Town idea number ${i + 1}`, 500_000, null);
      const c = await h.submit(centre, `Centre idea number ${i + 1}`, 300_000, 'centre');
      for (const idea of [t, c]) expect((await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null })).ok).toBe(true);
      town.push(t.id);
      local.push(c.id);
    }
    expect(await h.engine.votingStatus(centre)).toEqual({ open: false });
    h.clock.set(T.review + 1);
    await h.engine.tick();
    for (const id of [...town, ...local]) expect((await h.engine.selectFinalist('U-ADMIN', id, true)).ok).toBe(true);
    h.clock.set(T.voting + HOUR);
    await h.engine.tick();

    const daysLeft = votingDaysLeft(T.votingEnd, h.clock.now(), BRUSSELS);
    expect(await h.engine.votingStatus(centre)).toEqual({ open: true, closesAt: T.votingEnd, daysLeft, ballots: 2, cast: 0, voted: false });
    // North's envelope has no finalist: the town ballot is the only one they can fill in.
    expect(await h.engine.votingStatus(north)).toMatchObject({ open: true, ballots: 1, cast: 0, voted: false });
    expect((await h.engine.castBallot(centre, 'town', [{ ideaId: town[0]! }], 'r1')).ok).toBe(true);
    const half = await h.engine.votingStatus(centre);
    expect(half).toMatchObject({ open: true, ballots: 2, cast: 1, voted: true });
    expect(hasBallotLeft(half)).toBe(true);
    expect((await h.engine.castBallot(centre, 'area', [{ ideaId: local[0]! }], 'r2')).ok).toBe(true);
    const full = await h.engine.votingStatus(centre);
    expect(full).toMatchObject({ open: true, ballots: 2, cast: 2, voted: true });
    expect(hasBallotLeft(full)).toBe(false);
    // Closed by the clock, before any job records it.
    h.clock.set(T.votingEnd);
    expect(await h.engine.votingStatus(north)).toEqual({ open: false });
  });
});

describe('the weekly update’s last line', () => {
  const t = translatorOf(createI18n({ defaultLocale: 'fr', localeNegotiator: () => undefined }));
  const campaign = testCampaign();
  const update: Broadcast = newBroadcast({ id: 'bc_upd-x', by: 'system:scheduler', content: { kind: 'template', template: 'update.weekly', params: { registered: 4, 'newIdeas.thisWeek': 1, daysLeft: null, phase: 'voting' } }, audience: { kind: 'all' }, startedAt: 0 });
  const sources = { t, campaign, broadcasts: { get: async (id: string) => (id === update.id ? update : null) } };
  const message = { template: 'broadcast.message' as const, params: { broadcast: update.id } };
  const facts = (s: VotingStatus) => ({ votingStatus: async () => s });
  const open = (daysLeft: number, cast: number, ballots = 2): VotingStatus => ({ open: true, closesAt: T.votingEnd, daysLeft, ballots, cast, voted: cast > 0 });
  const html = async (locale: string, s: VotingStatus) => (await residentNotice(sources, { locale }, message, facts(s)))?.html ?? '';

  it('in each language and plural form; partial when one ballot of two is cast; none when all are, or outside voting', async () => {
    expect(await html('en', open(1, 0))).toMatch(/Today is the last day to vote<\/b> — you have not voted yet\.$/u);
    expect(await html('en', open(2, 1))).toMatch(/2 days left to vote<\/b> — you have not filled in every ballot yet\.$/u);
    expect(await html('fr', open(3, 0))).toMatch(/Plus que 3 jours pour voter<\/b> — vous n’avez pas encore voté\.$/u);
    expect(await html('nl', open(3, 0))).toMatch(/Nog 3 dagen om te stemmen<\/b> — u hebt nog niet gestemd\.$/u);
    expect(await html('de', open(3, 1))).toMatch(/Noch 3 Tage bis zum Ende der Abstimmung<\/b> – Sie haben noch nicht alle Stimmzettel ausgefüllt\.$/u);
    expect(await html('pl', open(3, 0))).toMatch(/Zostały 3 dni głosowania<\/b>/u);
    expect(await html('pl', open(5, 0))).toMatch(/Zostało 5 dni głosowania<\/b>/u);
    expect(await html('pl', open(22, 0))).toMatch(/Zostały 22 dni głosowania<\/b>/u);
    expect(await html('pl', open(1, 0))).toMatch(/Dziś jest ostatni dzień głosowania<\/b>/u);
    for (const s of [open(3, 2), open(3, 1, 1), open(3, 0, 0), { open: false } as const]) {
      const text = await html('en', s);
      expect(text).toMatch(/This week in/u);
      expect(text).not.toMatch(/to vote/u);
    }
  });

  it('one count of the days: the line replaces the update’s own "days left in this phase" for who gets it; a voter keeps that one', async () => {
    const counted = newBroadcast({ ...update, id: 'bc_upd-y', content: { kind: 'template', template: 'update.weekly', params: { registered: 4, 'newIdeas.thisWeek': 1, daysLeft: 4, phase: 'voting' } } });
    const withCount = { ...sources, broadcasts: { get: async (id: string) => (id === counted.id ? counted : null) } };
    const text = async (s: VotingStatus) => (await residentNotice(withCount, { locale: 'en' }, { template: 'broadcast.message', params: { broadcast: counted.id } }, facts(s)))?.html ?? '';
    const nonVoter = await text(open(3, 0));
    expect(nonVoter).toMatch(/3 days left to vote<\/b> — you have not voted yet\.$/u);
    expect(nonVoter).not.toMatch(/in this phase/u);
    expect(await text(open(3, 2))).toMatch(/4 days left in this phase/u);
  });

  it('asks for the status only for the weekly update, and marks a broadcast to non-voters', async () => {
    let asked = 0;
    const counting = { votingStatus: async (): Promise<VotingStatus> => (asked++, open(3, 0)) };
    const reminder = newBroadcast({ id: 'bc_rem-x', by: 'system:scheduler', content: { kind: 'template', template: 'reminder.vote', params: { closesAt: T.votingEnd } }, audience: { kind: 'nonVoters', area: null }, startedAt: 0 });
    const both = { ...sources, broadcasts: { get: async (id: string) => (id === reminder.id ? reminder : id === update.id ? update : null) } };
    expect(await residentNotice(both, { locale: 'en' }, { template: 'broadcast.message', params: { broadcast: reminder.id } }, counting)).toMatchObject({ nonVotersOnly: true });
    expect(asked).toBe(0);
    expect(await residentNotice(both, { locale: 'en' }, message, counting)).not.toHaveProperty('nonVotersOnly');
    expect(asked).toBe(1);
  });
});
