/**
 * Where one resident stands in the vote at some instant — what a message judged at send time
 * needs (SPEC §2.5): a vote reminder goes only to a resident who has not voted while voting
 * is open, and the weekly update tells a resident who has not voted how many days are left.
 * Pure.
 */

/**
 * A resident's vote at one instant (the engine's `votingStatus`):
 * - `open: false` — voting is not open (not yet, closed, or held);
 * - `open: true` — voting is open until `closesAt`, with `daysLeft` calendar days of it left
 *   in the campaign's time zone (see {@link votingDaysLeft}); `ballots` is how many ballots
 *   the resident can fill in now (their area's envelope and the town-wide one, each only when
 *   it has finalists), `cast` how many of those hold their ballot, and `voted` whether they
 *   hold a ballot in any slot at all.
 */
export type VotingStatus =
  | { readonly open: false }
  | {
      readonly open: true;
      /** Epoch ms, exclusive. */
      readonly closesAt: number;
      /** ≥ 1 while open. */
      readonly daysLeft: number;
      readonly ballots: number;
      readonly cast: number;
      readonly voted: boolean;
    };

/** Whether the resident still has a ballot to fill in: voting open and fewer ballots cast than they can. */
export function hasBallotLeft(s: VotingStatus): boolean {
  return s.open && s.cast < s.ballots;
}

const DAY_MS = 24 * 3600 * 1000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `ms` in `timeZone`, as days since 1970-01-01 (a plain count: no DST in it). */
function localDay(ms: number, timeZone: string): number {
  let f = dayFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    dayFormats.set(timeZone, f);
  }
  const part = (type: string): number => Number(f.formatToParts(ms).find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS);
}

/**
 * Calendar days of voting left at `now`, counting today, in `timeZone`: from today's date to
 * the date of the last instant voting is open (`closesAt` is exclusive, so a close at local
 * midnight makes the day before the last day). 1 on the last day; at least 1 before the close,
 * 0 from it. Days are dates, not 24-hour spans, so a daylight-saving change between now and
 * the close changes nothing.
 */
export function votingDaysLeft(closesAt: number, now: number, timeZone: string): number {
  if (now >= closesAt) return 0;
  return localDay(closesAt - 1, timeZone) - localDay(now, timeZone) + 1;
}
