/**
 * The committee's App Home (Block Kit), rendered from what the engine reads: where the
 * campaign stands, its figures, the moderation queue and, in the review phase, the finalist
 * selection. Pure: testable without a network.
 *
 * A Home view holds at most 100 blocks, so both long lists are paged (fixed page sizes, see
 * the budget below) with *Previous* / *Next* buttons valued by the page they lead to; the
 * pages the view shows travel in its `private_metadata`, so paging one list or toggling a
 * finalist keeps the other list where it was. Every resident text (titles) is escaped and
 * clipped; every text stays inside Block Kit's limits.
 */
import { z } from 'zod';
import type { Campaign, LocalizedText, Phase } from '../../../core/campaign/campaign.ts';
import type { CommitteeIdea, FinalistBoard, FinalistEnvelope } from '../../../core/engine/committee-usecases.ts';
import type { ParticipationFigures } from '../../../core/figures/participation-figures.ts';
import { IDEA_STATES } from '../../../core/ideas/idea.ts';
import type { PhaseStatus } from '../../../core/phases/phase-machine.ts';
import { windowOf } from '../../../core/phases/phase-machine.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { SlackServices } from '../context.ts';
import { clip, escapeSlack, residentText } from '../mrkdwn.ts';
import { LIMITS } from './limits.ts';

type Block = Record<string, unknown>;

/** A Home view as `views.publish` takes it. */
export interface HomeView {
  readonly type: 'home';
  readonly blocks: readonly Block[];
  readonly private_metadata?: string;
}

/** Action ids of the Home's buttons. */
export const HOME_ACTIONS = {
  refresh: 'home.refresh',
  queuePrevious: 'home.queue.previous',
  queueNext: 'home.queue.next',
  boardPrevious: 'home.board.previous',
  boardNext: 'home.board.next',
  select: 'home.finalist.select',
  remove: 'home.finalist.remove',
} as const;

/** Matches the four paging buttons; group 1 is the list (`queue` or `board`). */
export const HOME_PAGE_PATTERN = /^home\.(queue|board)\.(previous|next)$/;
/** Matches the finalist toggle; group 1 is `select` or `remove`. */
export const HOME_FINALIST_PATTERN = /^home\.finalist\.(select|remove)$/;

/**
 * Block budget of a staff Home (at most {@link LIMITS.viewBlocks}): 6 for the head (title,
 * notice, status, figures, refresh, time), 4 + {@link QUEUE_PAGE_SIZE} for the queue (divider,
 * header, range, pager), 7 + {@link ENVELOPE_SUMMARIES} + {@link BOARD_PAGE_SIZE} for the
 * finalists (divider, header, intro, guard warning, overflow line, range, pager):
 * 6 + 24 + 47 = 77. Twenty-five envelopes cover a city of twenty districts and a town-wide one.
 */
export const QUEUE_PAGE_SIZE = 20;
export const BOARD_PAGE_SIZE = 15;
export const ENVELOPE_SUMMARIES = 25;
/** Highest page number a button or the view's metadata may carry (9,999 pages of 15 ideas is far past any campaign). */
export const MAX_PAGE = 9999;

/** Which page of each list a Home shows (0-based). */
export interface HomePages {
  readonly queue: number;
  readonly board: number;
}

export const FIRST_PAGES: HomePages = { queue: 0, board: 0 };

const pageNumber = z.string().regex(/^(0|[1-9][0-9]{0,3})$/).transform(Number);

/** Parses a paging button's value (the page it leads to); null when it is not a page number. */
export function parsePageValue(value: unknown): number | null {
  const parsed = pageNumber.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const metadata = z.object({ q: z.number().int().min(0).max(MAX_PAGE), f: z.number().int().min(0).max(MAX_PAGE) }).strict();

/** The pages a published Home showed, from its `private_metadata`; the first pages when absent or not ours. */
export function parseHomeMetadata(raw: unknown): HomePages {
  if (typeof raw !== 'string' || raw === '' || raw.length > LIMITS.privateMetadata) return FIRST_PAGES;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return FIRST_PAGES;
  }
  const parsed = metadata.safeParse(json);
  return parsed.success ? { queue: parsed.data.q, board: parsed.data.f } : FIRST_PAGES;
}

const ideaIdValue = z.string().regex(/^[A-Za-z0-9_-]{1,120}$/);

/** Parses a finalist toggle's value (an idea id); null when it is not one. */
export function parseIdeaValue(value: unknown): string | null {
  const parsed = ideaIdValue.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** One page of a list: its items, the page actually shown (clamped) and how many pages there are. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly page: number;
  readonly pages: number;
  /** Index of the first item shown, 0-based. */
  readonly offset: number;
  readonly total: number;
}

/**
 * Page `page` of `items`. A page past the end shows the last one: the list may have shrunk
 * since the button was rendered (ideas moderated meanwhile), which is no error.
 */
export function pageOf<T>(items: readonly T[], page: number, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const offset = shown * size;
  return { items: items.slice(offset, offset + size), page: shown, pages, offset, total: items.length };
}

/** What a staff Home is rendered from. */
export interface HomeModel {
  readonly status: PhaseStatus;
  readonly phaseState: Pick<PhaseState, 'windows'>;
  readonly figures: ParticipationFigures;
  /** The whole moderation queue, longest-waiting first. */
  readonly queue: readonly CommitteeIdea[];
  /** The finalist board; null outside the review phase. */
  readonly board: FinalistBoard | null;
  readonly pages: HomePages;
  /** Permalinks of the cards of the queue ideas shown, by idea id (missing: no link). */
  readonly cardLinks: ReadonlyMap<string, string>;
  /** A message for this user at the top (a refusal), already in mrkdwn; null for none. */
  readonly notice: string | null;
  readonly now: number;
}

type Renderer = Pick<SlackServices, 't' | 'format' | 'campaign'>;

function localized(campaign: Campaign, text: LocalizedText): string {
  return text[campaign.defaultLocale] ?? Object.values(text)[0] ?? '';
}

function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true } };
}

function section(text: string, accessory?: Block): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }, ...(accessory === undefined ? {} : { accessory }) };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }] };
}

function button(actionId: string, text: string, value: string, style?: 'primary' | 'danger'): Block {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text: clip(text, LIMITS.buttonText), emoji: true }, value, ...(style === undefined ? {} : { style }) };
}

/** Only an https URL without the characters that end a Slack link may become one. */
function safeLink(url: string | undefined): string | null {
  return url !== undefined && /^https:\/\/[^\s<>|]{1,2000}$/.test(url) ? url : null;
}

function phaseName(t: Renderer['t'], phase: Phase): string {
  return t(`home-phase-${phase}`);
}

function statusBlock(r: Renderer, model: HomeModel): Block {
  const { t, format } = r;
  const s = model.status;
  if (s.kind === 'between') {
    return section(t('home-status-between', { after: phaseName(t, s.after), next: phaseName(t, s.next), at: format.dateTime(s.opensAt) }));
  }
  if (s.kind === 'held') {
    const opened = windowOf(model.phaseState, s.next).start;
    const vars = { phase: phaseName(t, s.phase), next: phaseName(t, s.next), at: Number.isFinite(opened) ? format.dateTime(opened) : '—' };
    const key = s.code === 'phase.guard.finalists' ? 'home-status-held-finalists' : s.code === 'phase.guard.not_tallied' ? 'home-status-held-not-tallied' : 'home-status-held';
    return section(t(key, { ...vars, code: s.code }));
  }
  const start = windowOf(model.phaseState, s.phase).start;
  const end = s.closesAt;
  const phase = phaseName(t, s.phase);
  const hasStart = Number.isFinite(start);
  const text =
    hasStart && end !== null
      ? t('home-status-open', { phase, start: format.dateTime(start), end: format.dateTime(end) })
      : hasStart
        ? t('home-status-open-from', { phase, start: format.dateTime(start) })
        : end !== null
          ? t('home-status-open-until', { phase, end: format.dateTime(end) })
          : t('home-status-open-phase', { phase });
  const next = model.figures.nextMilestone;
  return section(next === null ? text : `${text}\n${t('home-status-next', { phase: phaseName(t, next.phase as Phase), at: format.dateTime(next.at) })}`);
}

function figuresBlock(r: Renderer, model: HomeModel): Block {
  const { t, format } = r;
  const f = model.figures;
  const field = (label: string, value: string): Block => ({ type: 'mrkdwn', text: clip(`*${label}*\n${value}`, LIMITS.sectionField) });
  const byState = IDEA_STATES.filter((s) => (f.ideasByState[s] ?? 0) > 0).map((s) => t('home-figures-state', { state: t(`home-state-${s.replace(/_/g, '-')}`), count: f.ideasByState[s] ?? 0 }));
  const ballots = Object.values(f.ballotsByEnvelope).reduce((n, b) => n + b, 0);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${t('home-figures-title')}*` },
    fields: [
      field(t('home-figures-registered-label'), t('home-figures-registered', { registered: f.registered, percent: f.registeredPercent, population: f.population })),
      field(t('home-figures-ideas-label'), byState.length === 0 ? t('home-figures-ideas-none') : byState.join(' · ')),
      field(t('home-figures-backlog-label'), f.backlog === 0 ? t('home-figures-backlog-empty') : t('home-figures-backlog', { count: f.backlog, age: format.age(f.at - f.oldestWaitMs, f.at) })),
      field(t('home-figures-ballots-label'), t('home-figures-ballots', { ballots, voters: f.voters, turnout: f.turnoutPercent, assisted: f.assistedBallots })),
      field(t('home-figures-days-label'), f.daysLeft === null ? t('home-figures-days-none') : t('home-figures-days', { days: f.daysLeft })),
    ],
  };
}

/** Range line and Previous / Next buttons of a paged list (nothing to page: the range only). */
function pager(t: Renderer['t'], page: Page<unknown>, list: 'queue' | 'board'): Block[] {
  if (page.total === 0) return [];
  const blocks = [context(t('home-range', { from: page.offset + 1, to: page.offset + page.items.length, total: page.total, page: page.page + 1, pages: page.pages }))];
  if (page.pages <= 1) return blocks;
  const elements: Block[] = [];
  const [previous, next] = list === 'queue' ? [HOME_ACTIONS.queuePrevious, HOME_ACTIONS.queueNext] : [HOME_ACTIONS.boardPrevious, HOME_ACTIONS.boardNext];
  if (page.page > 0) elements.push(button(previous, t('home-previous'), String(page.page - 1)));
  if (page.page < page.pages - 1) elements.push(button(next, t('home-next'), String(page.page + 1)));
  blocks.push({ type: 'actions', block_id: `home-${list}-pager`, elements });
  return blocks;
}

function ideaLabel(number: number, link: string | null): string {
  return link === null ? `*#${number}*` : `*<${link}|#${number}>*`;
}

function queueBlocks(r: Renderer, model: HomeModel, page: Page<CommitteeIdea>): Block[] {
  const { t, format } = r;
  const blocks: Block[] = [{ type: 'divider' }, header(t('home-queue-title', { count: page.total }))];
  if (page.total === 0) return [...blocks, section(t('home-queue-empty'))];
  for (const view of page.items) {
    const idea = view.idea;
    const waited = format.age(idea.submittedAt ?? idea.updatedAt, model.now);
    const kind = t(idea.state === 'resubmitted' ? 'home-queue-resubmitted' : 'home-queue-new');
    const label = ideaLabel(idea.number, safeLink(model.cardLinks.get(idea.id)));
    blocks.push(section(t('home-queue-row', { idea: label, title: residentText(idea.title, 300), age: waited, kind })));
  }
  return [...blocks, ...pager(t, page, 'queue')];
}

/** A candidate of the board with its envelope, as the paged list shows it. */
interface BoardRow {
  readonly envelope: FinalistEnvelope;
  readonly candidate: CommitteeIdea;
}

/** The finalist board's rows, envelope by envelope, each by number (the order of the board). */
export function boardRows(board: FinalistBoard): readonly BoardRow[] {
  return board.envelopes.flatMap((envelope) => envelope.candidates.map((candidate) => ({ envelope, candidate })));
}

function envelopeSummary(r: Renderer, e: FinalistEnvelope): Block {
  const { t, format, campaign } = r;
  const lines = [
    t('home-envelope', { envelope: escapeSlack(localized(campaign, e.envelope.name)), finalists: e.finalists, total: format.money(e.finalistsCost), amount: format.money(e.envelope.amount) }),
  ];
  if (e.finalistsCost > e.envelope.amount) lines.push(t('home-envelope-over', { over: format.money(e.finalistsCost - e.envelope.amount) }));
  if (e.unpriced.length > 0) lines.push(t('home-envelope-unpriced', { ideas: e.unpriced.map((n) => `#${n}`).join(', '), count: e.unpriced.length }));
  return section(lines.join('\n'));
}

function boardBlocks(r: Renderer, board: FinalistBoard, page: Page<BoardRow>): Block[] {
  const { t, format, campaign } = r;
  const blocks: Block[] = [{ type: 'divider' }, header(t('home-finalists-title')), context(t('home-finalists-intro'))];
  if (board.belowGuard) blocks.push(section(t('home-guard', { count: board.finalists })));
  const envelopes = board.envelopes;
  for (const e of envelopes.slice(0, ENVELOPE_SUMMARIES)) blocks.push(envelopeSummary(r, e));
  if (envelopes.length > ENVELOPE_SUMMARIES) {
    const rest = envelopes.slice(ENVELOPE_SUMMARIES);
    // Past the budget the envelopes share one line; a warning among them still shows.
    const warned = rest.filter((e) => e.finalistsCost > e.envelope.amount || e.unpriced.length > 0).map((e) => escapeSlack(localized(campaign, e.envelope.name)));
    blocks.push(context(warned.length === 0 ? t('home-envelopes-more', { count: rest.length }) : t('home-envelopes-more-warned', { count: rest.length, warned: warned.join(', ') })));
  }
  if (page.total === 0) return [...blocks, section(t('home-finalists-none'))];
  const several = envelopes.length > 1;
  for (const { envelope, candidate } of page.items) {
    const idea = candidate.idea;
    const finalist = idea.state === 'finalist';
    const cost = idea.cost === null ? t('home-cost-unknown') : format.money(idea.cost);
    const where = several ? escapeSlack(localized(campaign, envelope.envelope.name)) : null;
    const facts = [cost, t(finalist ? 'home-candidate-finalist' : 'home-candidate-eligible'), ...(where === null ? [] : [where])].join(' · ');
    const toggle = finalist ? button(HOME_ACTIONS.remove, t('home-remove'), idea.id, 'danger') : button(HOME_ACTIONS.select, t('home-select'), idea.id, 'primary');
    blocks.push(section(`${ideaLabel(idea.number, null)} ${residentText(idea.title, 300)}\n${facts}`, toggle));
  }
  return [...blocks, ...pager(t, page, 'board')];
}

/** The queue page a model shows (the feature fetches the card links of these ideas only). */
export function queuePage(queue: readonly CommitteeIdea[], pages: HomePages): Page<CommitteeIdea> {
  return pageOf(queue, pages.queue, QUEUE_PAGE_SIZE);
}

/** The Home of a staff member. */
export function renderStaffHome(r: Renderer, model: HomeModel): HomeView {
  const { t, format, campaign } = r;
  const queue = queuePage(model.queue, model.pages);
  const board = model.board === null ? null : pageOf(boardRows(model.board), model.pages.board, BOARD_PAGE_SIZE);
  const blocks: Block[] = [header(t('home-title', { campaign: escapeSlack(localized(campaign, campaign.name)) }))];
  if (model.notice !== null) blocks.push(section(`:warning: ${model.notice}`));
  blocks.push(statusBlock(r, model), figuresBlock(r, model), {
    type: 'actions',
    block_id: 'home-refresh',
    elements: [button(HOME_ACTIONS.refresh, t('home-refresh'), 'refresh')],
  });
  blocks.push(context(t('home-updated', { at: format.dateTime(model.now) })));
  blocks.push(...queueBlocks(r, model, queue));
  if (model.board !== null && board !== null) blocks.push(...boardBlocks(r, model.board, board));
  const pages: HomePages = { queue: queue.page, board: board?.page ?? 0 };
  return { type: 'home', blocks, private_metadata: JSON.stringify({ q: pages.queue, f: pages.board }) };
}

/** The Home of anyone who is not staff: what the app is, and nothing of the campaign's work. */
export function renderOutsiderHome(r: Renderer): HomeView {
  const { t, campaign } = r;
  return { type: 'home', blocks: [header(t('home-title', { campaign: escapeSlack(localized(campaign, campaign.name)) })), section(t('home-not-staff'))] };
}
