/**
 * Broadcast use cases (SPEC §2.5, §2.6): staff announce to every subscribed resident (or one
 * area) in their language; a worker fans each broadcast out one page at a time into
 * per-resident outbox messages; staff follow its progress.
 *
 * Fan-out is resumable by construction: each page is read after the record's cursor and
 * recorded by `BroadcastStore.fanOutPage` only if the cursor has not moved meanwhile, in the
 * same atomic step as its messages — so a crashed worker's successor continues where the last
 * recorded page ended, and two workers racing on one broadcast never both record a page.
 */
import type { Locale } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { Broadcast, BroadcastAudience, BroadcastDraft, BroadcastStatus } from '../broadcasts/broadcast.ts';
import { BROADCAST_TEMPLATE, BROADCAST_TEXT_MAX, audienceArea, broadcastMessageKey } from '../broadcasts/broadcast.ts';
import type { OutboxDraft } from '../ports/side-records.ts';
import type { EngineDeps } from './engine-deps.ts';
import { requireStaff, staffRef } from './staff.ts';

/** Largest page `fanOutBroadcast` accepts (residents per call). */
export const FAN_OUT_PAGE_MAX = 1000;

/**
 * Staff (admin) announce `texts` — one per enabled locale, trimmed, non-empty, at most
 * BROADCAST_TEXT_MAX characters — to `audience` (every subscribed resident, or one known
 * area). Creates the broadcast (`fanning_out`) with its audit entry and a
 * `committee.broadcast_started` notice in one atomic step; the messages follow as a worker
 * calls `fanOutBroadcast`.
 */
export async function announce(deps: EngineDeps, slackUserId: string, texts: Readonly<Record<Locale, string>>, audience: BroadcastAudience): Promise<Outcome<Broadcast>> {
  const staff = requireStaff(deps.campaign, slackUserId, 'admin');
  if (!staff.ok) return staff;
  for (const locale of Object.keys(texts)) {
    if (!deps.campaign.locales.includes(locale)) return refuse('broadcast.unknown_locale', { locale });
  }
  const clean: Record<Locale, string> = {};
  for (const locale of deps.campaign.locales) {
    const text = (texts[locale] ?? '').trim();
    if (text.length === 0) return refuse('broadcast.text_missing', { locale });
    if (text.length > BROADCAST_TEXT_MAX) return refuse('broadcast.text_too_long', { locale, length: text.length, max: BROADCAST_TEXT_MAX });
    clean[locale] = text;
  }
  const area = audienceArea(audience);
  if (area !== null && !deps.campaign.areas.some((a) => a.id === area)) return refuse('broadcast.unknown_area', { area });
  const now = deps.clock.now();
  const by = staffRef(staff.value);
  const draft: BroadcastDraft = {
    id: deps.ids.newId('bc'),
    by,
    content: { kind: 'texts', texts: clean },
    audience: audience.kind === 'all' ? { kind: 'all' } : audience.kind === 'area' ? { kind: 'area', area: audience.area } : { kind: 'nonVoters', area: audience.area },
    startedAt: now,
  };
  const saved = await deps.stores.broadcasts.create(draft, {
    audit: [{ at: now, actor: by, action: 'broadcast.started', subject: `broadcast:${draft.id}`, data: { audience: draft.audience.kind, area, locales: deps.campaign.locales }, assisted: false }],
    outbox: [{ key: `broadcast:${draft.id}:started`, recipient: { kind: 'committee' }, template: 'committee.broadcast_started', params: { broadcast: draft.id, by, area }, notBefore: now }],
  });
  // Ids are unique (IdSource): a conflict here is a bug, not a refusal.
  if (saved !== 'saved') throw new Error(`broadcast ${draft.id} could not be created: ${saved}`);
  const stored = await deps.stores.broadcasts.get(draft.id);
  if (stored === null) throw new Error(`broadcast ${draft.id} vanished after creation`);
  return done(stored);
}

/** What one fan-out call did. */
export interface FanOutStep {
  /** Fan-out is over (this call recorded the last page, or it already was). */
  readonly done: boolean;
  /** Messages enqueued for the broadcast so far. */
  readonly queued: number;
}

/** The per-resident message of a broadcast (its text is read from the record at send time). */
function messageTo(b: Broadcast, residentId: string, now: number): OutboxDraft {
  return {
    key: broadcastMessageKey(b.id, residentId),
    recipient: { kind: 'resident', residentId },
    template: BROADCAST_TEMPLATE,
    params: { broadcast: b.id },
    notBefore: now,
    group: b.id,
  };
}

/**
 * Fans out ONE page of `pageSize` residents (1…FAN_OUT_PAGE_MAX) of a broadcast: a worker (or
 * a job) calls it until `done`. A page another worker recorded first is not recorded again
 * (the answer then reflects that worker's progress). The last page — fewer residents than
 * `pageSize` — records `total` and moves the broadcast to `sending`.
 */
export async function fanOutBroadcast(deps: EngineDeps, broadcastId: string, pageSize: number): Promise<Outcome<FanOutStep>> {
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > FAN_OUT_PAGE_MAX) return refuse('broadcast.bad_page_size', { max: FAN_OUT_PAGE_MAX });
  const b = await deps.stores.broadcasts.get(broadcastId);
  if (b === null) return refuse('broadcast.not_found', { broadcast: broadcastId });
  if (b.status !== 'fanning_out') return done({ done: true, queued: b.queued });
  const page = await deps.stores.residents.listSubscribed(audienceArea(b.audience), b.cursor, pageSize);
  const now = deps.clock.now();
  const last = page.length < pageSize;
  // A reminder skips who has voted, judged now; the cursor still passes the whole page.
  const to = b.audience.kind === 'nonVoters' ? await nonVoters(deps, page) : page;
  const outcome = await deps.stores.broadcasts.fanOutPage(b.id, {
    expectedCursor: b.cursor,
    drafts: to.map((r) => messageTo(b, r.id, now)),
    cursor: page.at(-1)?.id ?? b.cursor,
    done: last,
    at: now,
  });
  if (outcome === 'saved') return done({ done: last, queued: b.queued + to.length });
  // Another worker recorded this page first: report where the broadcast now stands.
  const fresh = await deps.stores.broadcasts.get(b.id);
  if (fresh === null) return refuse('broadcast.not_found', { broadcast: broadcastId });
  return done({ done: fresh.status !== 'fanning_out', queued: fresh.queued });
}

/**
 * The residents of `page` who have no ballot in any slot. Ballots are filed under keyed
 * pseudonyms, not resident ids, so no store can join them with residents: each is looked up
 * (two reads per resident, issued together).
 */
async function nonVoters<R extends { readonly id: string }>(deps: EngineDeps, page: readonly R[]): Promise<R[]> {
  const voted = await Promise.all(page.map((r) => hasVotedIn(deps, r.id)));
  return page.filter((_, i) => !voted[i]);
}

/** Whether the resident has a ballot in any slot (town or area); `votingStatus(…).voted` judges the same at send time. */
export async function hasVotedIn(deps: EngineDeps, residentId: string): Promise<boolean> {
  const key = deps.keys.ballotKey(residentId);
  const [area, town] = await Promise.all([deps.stores.ballots.get(key, 'area'), deps.stores.ballots.get(key, 'town')]);
  return area !== null || town !== null;
}

/** Ids of the broadcasts still fanning out, oldest first (the worker's to-do list). */
export async function broadcastsToFanOut(deps: EngineDeps): Promise<readonly string[]> {
  const out: string[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await deps.stores.broadcasts.list(before, 100);
    for (const b of page) if (b.status === 'fanning_out') out.push(b.id);
    if (page.length < 100) break;
    before = page.at(-1)!.id;
  }
  return out.reverse();
}

/** How far a broadcast is (SPEC §2.5: staff see how far it is). */
export interface BroadcastProgress {
  readonly broadcast: Broadcast;
  readonly status: BroadcastStatus;
  /** Messages in all once fan-out is over; null while it runs. */
  readonly total: number | null;
  /** Messages enqueued so far. */
  readonly queued: number;
  /** Messages delivered. */
  readonly sent: number;
  /** Messages given up on (e.g. the resident blocked the bot). */
  readonly failed: number;
  /**
   * Messages settled without being sent because they no longer applied at send time (a vote
   * reminder to a resident who voted after the fan-out, or after voting closed).
   */
  readonly skipped: number;
  /** Messages still to deliver: (total, or queued while fanning out) − sent − failed − skipped. */
  readonly left: number;
}

/**
 * The figures of a broadcast: the record's (status, total, queued) and the outbox's delivery
 * counts of its group. When fan-out is over and nothing is left, records the broadcast `done`
 * (once, with a `committee.broadcast_done` notice) — so whoever looks first settles it.
 */
export async function broadcastProgress(deps: EngineDeps, broadcastId: string): Promise<Outcome<BroadcastProgress>> {
  let b = await deps.stores.broadcasts.get(broadcastId);
  if (b === null) return refuse('broadcast.not_found', { broadcast: broadcastId });
  const counts = await deps.stores.outbox.groupCounts(b.id);
  const settled = counts.sent + counts.failed + counts.skipped;
  if (b.status === 'sending' && b.total !== null && counts.pending === 0 && settled >= b.total) {
    const now = deps.clock.now();
    const figures = { total: b.total, sent: counts.sent, failed: counts.failed, skipped: counts.skipped };
    await deps.stores.broadcasts.finish(b.id, now, {
      audit: [{ at: now, actor: 'system:engine', action: 'broadcast.finished', subject: `broadcast:${b.id}`, data: figures, assisted: false }],
      outbox: [{ key: `broadcast:${b.id}:done`, recipient: { kind: 'committee' }, template: 'committee.broadcast_done', params: { broadcast: b.id, ...figures }, notBefore: now }],
    });
    // 'conflict' means another caller finished it first: either way it is done now.
    b = (await deps.stores.broadcasts.get(b.id)) ?? b;
  }
  const planned = b.total ?? b.queued;
  return done({ broadcast: b, status: b.status, total: b.total, queued: b.queued, sent: counts.sent, failed: counts.failed, skipped: counts.skipped, left: Math.max(0, planned - settled) });
}

/** Broadcasts newest first, `limit` (1…100) at a time after `before` (a broadcast id; null: from the newest). */
export async function listBroadcasts(deps: EngineDeps, before: string | null, limit: number): Promise<readonly Broadcast[]> {
  return deps.stores.broadcasts.list(before, Math.max(1, Math.min(100, Math.trunc(limit))));
}
