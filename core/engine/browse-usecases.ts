/**
 * What residents read in the bot (SPEC §2.2, issue 10): the public list of ideas with filters
 * and pages, one idea by its public number (deep links `idea_<number>`), their own ideas,
 * whether they support an idea, and which area a postcode belongs to. Reads only: nothing
 * here writes or depends on the phase.
 */
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { Idea, IdeaState } from '../ideas/idea.ts';
import { IDEA_STATES } from '../ideas/idea.ts';
import type { EngineDeps } from './engine-deps.ts';

/**
 * States every resident may see: ideas still in the campaign or through it. Left out:
 * rejected ideas (out of the running, and the committee's reason is addressed to the author,
 * not published), withdrawn ones (their author took them back), merged ones (they live on in
 * the idea they were merged into, whose card carries their supports — listing both would show
 * one proposal twice). Their authors still see them in "my ideas" and by number.
 */
export const PUBLIC_STATES: readonly IdeaState[] = IDEA_STATES.filter((s) => s !== 'rejected' && s !== 'withdrawn' && s !== 'merged');

/** Most ideas on one page of the browse list (a Telegram message of cards stays readable). */
export const BROWSE_PAGE_MAX = 10;

/** An idea with its number of supporters, as cards show it. */
export interface IdeaWithSupports {
  readonly idea: Idea;
  readonly supports: number;
}

/** What to list: filters (null or absent: every one) and the page wanted (1-based). */
export interface BrowseQuery {
  /** Category id. */
  readonly category?: string | null;
  /** Area id; matches ideas of that area only (town-wide ideas have no area). */
  readonly area?: string | null;
  /** 1-based; clamped into 1..pages. */
  readonly page: number;
  /** 1..BROWSE_PAGE_MAX; clamped into that range. */
  readonly pageSize: number;
}

/** One page of the browse list. */
export interface BrowsePage {
  readonly items: readonly IdeaWithSupports[];
  /** Ideas matching the filters, over every page. */
  readonly total: number;
  /** The page returned (after clamping), 1-based. */
  readonly page: number;
  /** Number of pages, at least 1 (an empty list is one empty page). */
  readonly pages: number;
}

const newestFirst = (a: Idea, b: Idea): number => b.number - a.number;

async function withSupports(deps: EngineDeps, ideas: readonly Idea[]): Promise<IdeaWithSupports[]> {
  return Promise.all(ideas.map(async (idea) => ({ idea, supports: await deps.stores.ideas.supportCount(idea.id) })));
}

/** A whole number in [min, max]; anything else (NaN, fractions) lands on the nearest end. */
function clamp(n: number, min: number, max: number): number {
  const whole = Number.isFinite(n) ? Math.trunc(n) : min;
  return Math.min(max, Math.max(min, whole));
}

/**
 * The public ideas (`PUBLIC_STATES`), newest first (number descending), filtered by category
 * and area, one page of them with their support counts. An unknown category or area is
 * refused (`browse.unknown_category`, `browse.unknown_area`, with the id) rather than
 * answered with an empty list that looks like "no ideas yet". `pageSize` is clamped into
 * 1..BROWSE_PAGE_MAX and `page` into 1..pages, so a stale "next" button shows the last page.
 */
export async function browseIdeas(deps: EngineDeps, query: BrowseQuery): Promise<Outcome<BrowsePage>> {
  const category = query.category ?? null;
  const area = query.area ?? null;
  if (category !== null && !deps.campaign.categories.some((c) => c.id === category)) return refuse('browse.unknown_category', { category });
  if (area !== null && !deps.campaign.areas.some((a) => a.id === area)) return refuse('browse.unknown_area', { area });
  const matching = (await deps.stores.ideas.list({ states: PUBLIC_STATES }))
    .filter((i) => (category === null || i.category === category) && (area === null || i.area === area))
    .sort(newestFirst);
  const pageSize = clamp(query.pageSize, 1, BROWSE_PAGE_MAX);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = clamp(query.page, 1, pages);
  const items = await withSupports(deps, matching.slice((page - 1) * pageSize, page * pageSize));
  return done({ items, total: matching.length, page, pages });
}

/**
 * The idea with public number `n` and its supports (a deep link, a typed number). An idea
 * outside `PUBLIC_STATES` is shown only to its author (`viewerId`); to anyone else it is
 * `idea.unknown`, exactly as a number that was never handed out, so the answer tells nothing
 * about a rejected or withdrawn idea.
 */
export async function ideaByNumber(deps: EngineDeps, n: number, viewerId: string | null): Promise<Outcome<IdeaWithSupports>> {
  if (!Number.isSafeInteger(n) || n < 1) return refuse('idea.unknown', {});
  // IdeaStore has no lookup by number; a town's ideas number in the hundreds, so a scan is
  // cheaper than another index for every backend to keep.
  const idea = (await deps.stores.ideas.list()).find((i) => i.number === n);
  if (idea === undefined) return refuse('idea.unknown', {});
  if (!PUBLIC_STATES.includes(idea.state) && (viewerId === null || idea.authorId !== viewerId)) return refuse('idea.unknown', {});
  return done({ idea, supports: await deps.stores.ideas.supportCount(idea.id) });
}

/** The resident's own ideas in every state (rejected, withdrawn and merged included), newest first, with supports. */
export async function myIdeas(deps: EngineDeps, residentId: string): Promise<readonly IdeaWithSupports[]> {
  const own = [...(await deps.stores.ideas.list({ authorId: residentId }))].sort(newestFirst);
  return withSupports(deps, own);
}

/** Whether the resident supports the idea (under the supporter key `supportIdea` uses). */
export async function hasSupported(deps: EngineDeps, residentId: string, ideaId: string): Promise<boolean> {
  return deps.stores.ideas.hasSupport(ideaId, deps.keys.supportKey(residentId));
}

/** A postcode as compared: no spaces, upper case (` 6880 `, `sw1a 1aa` → `SW1A1AA`). */
function postcodeForm(raw: string): string {
  return raw.replace(/\s+/gu, '').toUpperCase();
}

/**
 * The area whose `postcodes` hold `postcode` (a resident typing it at registration),
 * compared without spaces or case. `registration.unknown_postcode` (with the postcode as
 * typed, trimmed) when no area lists it; the first area listing it wins when a postcode is
 * shared (the campaign file's order).
 */
export async function areaForPostcode(deps: EngineDeps, postcode: string): Promise<Outcome<string>> {
  const wanted = postcodeForm(postcode);
  const area = wanted === '' ? undefined : deps.campaign.areas.find((a) => a.postcodes.some((p) => postcodeForm(p) === wanted));
  return area === undefined ? refuse('registration.unknown_postcode', { postcode: postcode.trim().slice(0, 16) }) : done(area.id);
}
