/**
 * The in-process sender of the outbox messages addressed to the committee (moderation cards,
 * question threads, phase notices, alerts), the Slack counterpart of the Telegram
 * `ResidentDispatcher`. One message at a time: claim, find the handler of its template
 * (`COMMITTEE_NOTICES`), deliver, settle with the claim's token — so a crash re-posts at most
 * the message in flight (the outbox's guarantee). A delivered message is acked with the
 * handler's `DeliveryResult`, so the Slack message it created (a card's channel + ts) is
 * stored in the same atomic step as the ack.
 *
 * Answers, classified:
 * - rate limited (`ErrorCode.RateLimitedError`; the client rejects rate-limited calls rather
 *   than waiting) → `retry` after Slack's `Retry-After`;
 * - permanent platform errors (`channel_not_found`, `not_in_channel`, `invalid_auth`,
 *   `account_inactive`, `invalid_blocks`…) → `fail` with `slack <error>` for a known error,
 *   `slack platform error` otherwise (the error is a code, but only known ones are kept:
 *   nothing Slack says reaches the outbox verbatim);
 * - Slack's own transient errors, HTTP 5xx, network errors and our own failures → `retry`
 *   with exponential backoff;
 * - a template without a handler, or a handler's `UndeliverableNotice` → `fail`.
 *
 * Failed deliveries reach the committee: `alertFailures()` posts an alert to the committee
 * channel when the outbox's failed count grew since the last alert — at most one alert per
 * `alertIntervalMs`. The sender calls it after giving up a committee message and, in `run`,
 * every `alertCheckMs` (the residents' dispatcher gives up on its own messages elsewhere; the
 * count covers them). What was last alerted is kept in memory: a message reference holds no
 * count, and the cost of forgetting is one more alert after a restart or a change of leader,
 * stating the standing total — nothing false, and no spam.
 *
 * It claims the messages it delivers only (`claim`'s recipient filter): the committee's, and
 * the digest to Slack users (`slackUser`: a DM with the chart); the residents' and the Telegram
 * digest recipients' messages keep their attempt counters for their senders.
 *
 * Pacing (posting-pace.ts): at most one post per channel per `postIntervalMs` (Slack allows
 * about one a second). A delivery whose channel is busy before it posted anything is put aside
 * inside the round and run again when its channel is free, so the messages of other channels
 * go meanwhile and one channel's order is kept (the messages behind it to the same channel
 * find it busy too). A message that would wait longer than `maxHoldMs` (Slack's `Retry-After`
 * after a 429) goes back to the outbox for then, and the client never sleeps minutes: the app's
 * client rejects rate-limited calls (`rejectRateLimitedCalls`), so a 429 comes back here. The
 * pace is kept in this process: the sender runs under the `slack-dispatch` lease, so only one
 * instance sends at a time (a new leader starts with an empty pace; at worst one 429, honoured).
 */
import { ErrorCode } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ClaimFilter, ClaimedMessage, DeliveryResult } from '../../core/ports/outbox.ts';
import type { SlackServices } from './context.ts';
import { renderFailedDeliveries } from './blocks/notice-delivery.ts';
import { isParkedReason } from '../delivery/telegram-sending.ts';
import { COMMITTEE_NOTICES } from './notices/index.ts';
import { postNotice } from './notices/card-notices.ts';
import type { NoticeHandlers } from './notices/index.ts';
import { UndeliverableNotice } from './notices/notice-handler.ts';
import { errFields, sleep } from '../system/wait.ts';
import { PostingPace, PostingPaced, pacedClient } from './posting-pace.ts';

/** Failure reasons read for the alert: reasons are few (a fixed vocabulary, see telegram-sending.ts and classifySlackFailure). */
const ALERT_REASONS = 1000;

/** Options of {@link CommitteeDispatcher}. */
export interface CommitteeDispatcherOptions {
  /** The committee app's services (client, stores, engine, texts, clock, logger). */
  readonly services: SlackServices;
  /** Handlers by template. Default `COMMITTEE_NOTICES`. */
  readonly handlers?: NoticeHandlers;
  /** Messages claimed per round. Default 5. */
  readonly batch?: number;
  /** How long a claim holds a message (ms). Default 60,000. */
  readonly claimLeaseMs?: number;
  /** Wait when nothing is due (ms). Default 500. */
  readonly idleMs?: number;
  /** First retry delay after a transient failure (ms), doubled per attempt up to `maxBackoffMs`. Default 2,000. */
  readonly backoffMs?: number;
  /** Default 600,000 (10 minutes). */
  readonly maxBackoffMs?: number;
  /** At most one failed-deliveries alert per this many ms. Default 900,000 (15 minutes). */
  readonly alertIntervalMs?: number;
  /** How often `run` checks the failed count (ms). Default 60,000. */
  readonly alertCheckMs?: number;
  /** Least time between two posts to one channel (ms). Default 1,000 (Slack: about one a second); 0: no pacing. */
  readonly postIntervalMs?: number;
  /** Longest wait for a busy channel inside a round before the message goes back to the outbox (ms). Default 5,000. */
  readonly maxHoldMs?: number;
  /** The pace (tests share one between senders); default a fresh one of `postIntervalMs`. */
  readonly pace?: PostingPace;
}

/** The sender's claims: the committee's messages and the digest by Slack DM. */
const COMMITTEE_ONLY: ClaimFilter = { recipientKinds: ['committee', 'slackUser'] };

/** A signal never aborted: a delivery in hand finishes its waits even while the sender stops. */
const NEVER = new AbortController().signal;

/** Slack errors that no retry will cure; kept as `slack <error>`. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'ekm_access_denied',
  'team_access_not_granted',
  'invalid_blocks',
  'invalid_arguments',
  'invalid_form_data',
  'msg_too_long',
  'no_text',
  'message_not_found',
  'cant_update_message',
  'thread_not_found',
  'file_not_found',
  'not_implemented_by_stand_in',
]);

/** Slack's own transient errors: retried. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited', 'rate_limited']);

/** What to do with a message whose delivery threw. */
export type SlackFailure =
  | { readonly action: 'retry_after'; readonly ms: number; readonly reason: string }
  | { readonly action: 'retry'; readonly reason: string }
  | { readonly action: 'fail'; readonly reason: string };

/** Classifies a delivery's failure (see the module comment). */
export function classifySlackFailure(e: unknown): SlackFailure {
  if (e instanceof UndeliverableNotice) return { action: 'fail', reason: e.reason };
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (code === ErrorCode.RateLimitedError) {
    const seconds = Number((e as { retryAfter?: unknown }).retryAfter);
    return { action: 'retry_after', ms: (Number.isFinite(seconds) && seconds > 0 ? seconds : 1) * 1000, reason: 'slack 429: rate limited' };
  }
  if (code === ErrorCode.PlatformError) {
    const error = (e as { data?: { error?: unknown } }).data?.error;
    const known = typeof error === 'string' ? error : '';
    if (TRANSIENT.has(known)) return { action: 'retry', reason: `slack ${known}` };
    return { action: 'fail', reason: PERMANENT.has(known) ? `slack ${known}` : 'slack platform error' };
  }
  if (code === ErrorCode.HTTPError) {
    const status = Number((e as { statusCode?: unknown }).statusCode);
    if (status >= 500 || !Number.isFinite(status)) return { action: 'retry', reason: `slack http ${Number.isFinite(status) ? status : 'error'}` };
    return { action: 'fail', reason: `slack http ${status}` };
  }
  if (code === ErrorCode.RequestError) return { action: 'retry', reason: 'network error' };
  return { action: 'retry', reason: 'send failed' };
}


/** Sends the committee's outbox messages; see the module comment. */
export class CommitteeDispatcher {
  readonly #o: CommitteeDispatcherOptions;
  readonly #s: SlackServices;
  readonly #handlers: NoticeHandlers;
  readonly #log: Logger;
  readonly #pace: PostingPace;
  /** The failed count of the last alert (null: none yet) and the instant of the last alert or attempt; null before any. */
  #alerted: { count: number | null; at: number } | null = null;

  constructor(options: CommitteeDispatcherOptions) {
    this.#o = options;
    this.#s = options.services;
    this.#handlers = options.handlers ?? COMMITTEE_NOTICES;
    this.#log = options.services.logger.child({ module: 'committee-dispatcher' });
    this.#pace = options.pace ?? new PostingPace({ intervalMs: options.postIntervalMs ?? 1000 });
  }

  /**
   * Sends until `leadership` aborts (the lease is lost or the service stops); resolves once the
   * message in hand is settled. Checks the failed count every `alertCheckMs` meanwhile.
   */
  async run(leadership: AbortSignal): Promise<void> {
    const { clock } = this.#s;
    this.#log.info('sending the committee’s messages');
    let checked = Number.NEGATIVE_INFINITY;
    while (!leadership.aborted) {
      let sent: number;
      try {
        sent = await this.drainOnce(leadership);
        if (clock.now() - checked >= (this.#o.alertCheckMs ?? 60_000)) {
          checked = clock.now();
          await this.alertFailures();
        }
      } catch (e) {
        // The store failed (claim, settle or counts): wait and try again; claims run out on their own.
        this.#log.error(errFields(e), 'committee outbox round failed');
        await sleep(this.#o.backoffMs ?? 2_000, leadership);
        continue;
      }
      if (sent === 0) await sleep(this.#o.idleMs ?? 500, leadership);
    }
    this.#log.info('stopped sending the committee’s messages');
  }

  /**
   * One round: claims a batch of the committee's messages and settles each — a message whose
   * channel is busy waits inside the round while the others go (see the module comment).
   * Returns how many it settled (0: nothing due for the committee).
   */
  async drainOnce(signal: AbortSignal = new AbortController().signal): Promise<number> {
    const { outbox } = this.#s.stores;
    const { clock } = this.#s;
    const leaseMs = this.#o.claimLeaseMs ?? 60_000;
    const maxHold = this.#o.maxHoldMs ?? 5_000;
    const claimedAt = clock.now();
    const batch = await outbox.claim(claimedAt, this.#o.batch ?? 5, leaseMs, COMMITTEE_ONLY);
    /** The round's messages in claim order, each with the instant (the pace's clock) it may run again and the channel it waits for. */
    const queue: Array<{ m: ClaimedMessage; due: number; channel: string | null }> = batch.map((m) => ({ m, due: 0, channel: null }));
    let handled = 0;
    let extendedAt = claimedAt;
    while (queue.length > 0) {
      if (signal.aborted) {
        // Claimed but not sent: hand them back now rather than after the lease.
        for (const { m } of queue.splice(0)) await outbox.retry(m.seq, m.token, clock.now(), 'not sent yet: the sender stopped');
        break;
      }
      const now = this.#pace.now();
      const i = queue.findIndex((q) => q.due <= now);
      if (i < 0) {
        await sleep(Math.max(1, Math.min(...queue.map((q) => q.due)) - now), signal);
        continue;
      }
      const entry = queue[i]!;
      // A slow round (uploads, busy channels) must not let the claims of the rest run out.
      if (clock.now() - extendedAt > leaseMs / 2) {
        extendedAt = clock.now();
        for (const q of [...queue]) if ((await outbox.extend(q.m.seq, q.m.token, clock.now(), leaseMs)) === 'lost') queue.splice(queue.indexOf(q), 1);
        if (!queue.includes(entry)) continue;
      }
      // A channel an earlier message of the round waits for stays theirs until they went: one
      // channel's messages keep their claim order even when its pace ran out meanwhile.
      const heldFor = (channel: string): number => {
        let until = 0;
        for (const q of queue) {
          if (q === entry) break;
          if (q.channel === channel) until = Math.max(until, q.due);
        }
        return until > 0 ? Math.max(0, until - this.#pace.now()) + 1 : 0;
      };
      const paced = await this.#deliver(entry.m, heldFor);
      if (paced === null) {
        queue.splice(queue.indexOf(entry), 1);
        handled += 1;
      } else if (paced.ms > maxHold) {
        queue.splice(queue.indexOf(entry), 1);
        await outbox.retry(entry.m.seq, entry.m.token, clock.now() + Math.ceil(paced.ms), 'slack: waiting for the channel’s posting limit');
        handled += 1;
      } else {
        entry.due = this.#pace.now() + paced.ms;
        entry.channel = paced.channel;
      }
    }
    return handled;
  }

  /** Delivers and settles `m`; or, when its channel is busy before anything was posted, returns the wait (ms) and the channel, and leaves it claimed. */
  async #deliver(m: ClaimedMessage, heldFor: (channel: string) => number): Promise<{ readonly ms: number; readonly channel: string } | null> {
    const { outbox } = this.#s.stores;
    const { clock } = this.#s;
    const log = this.#log.child({ seq: m.seq, template: m.template });
    const handler = this.#handlers[m.template];
    if (handler === undefined) {
      await this.#giveUp(m, 'no_handler', log);
      return null;
    }
    let result: DeliveryResult;
    const client = pacedClient(this.#s.client, this.#pace, { posted: false }, { wait: (ms) => sleep(ms, NEVER), heldFor });
    try {
      result = await handler({ ...this.#s, client }, m);
    } catch (e) {
      if (e instanceof PostingPaced) return { ms: e.ms, channel: e.channel };
      const failure = classifySlackFailure(e);
      switch (failure.action) {
        case 'retry_after':
          await outbox.retry(m.seq, m.token, clock.now() + failure.ms, failure.reason);
          log.info({ retryAfterMs: failure.ms }, 'Slack asked to wait: retrying later');
          return null;
        case 'retry':
          log.warn({ reason: failure.reason, ...errFields(e) }, 'delivery failed: retrying later');
          await outbox.retry(m.seq, m.token, clock.now() + this.#backoff(m.attempts), failure.reason);
          return null;
        case 'fail':
          await this.#giveUp(m, failure.reason, log);
          return null;
      }
    }
    if ((await outbox.ack(m.seq, m.token, result)) === 'lost') log.warn('delivered, but the claim was lost meanwhile (it may be delivered again)');
    return null;
  }

  async #giveUp(m: ClaimedMessage, reason: string, log: Logger): Promise<void> {
    if ((await this.#s.stores.outbox.fail(m.seq, m.token, reason)) === 'lost') return;
    log.warn({ reason }, 'committee message given up');
    try {
      await this.alertFailures({ template: m.template, reason });
    } catch (e) {
      this.#log.warn(errFields(e), 'could not check the failed deliveries');
    }
  }

  /**
   * Posts an alert to the committee channel when the failed deliveries someone should look at
   * grew since the last alert, at most once per `alertIntervalMs`; `latest` names the committee
   * message just given up, if any. Returns whether an alert was posted. Safe to call often (a
   * read of the failed counts by reason, a row per reason).
   *
   * Failures that are the recipient's own doing (a resident who blocked the bot or deleted
   * their account, an erased one: `isParkedReason` false) are left out: they are the usual
   * wear of a campaign's audience, handled already (the resident is unsubscribed), and in a
   * city they would keep this alert firing every interval with nothing for the committee to do.
   */
  async alertFailures(latest: { readonly template: string; readonly reason: string } | null = null): Promise<boolean> {
    const { clock, campaign } = this.#s;
    let failed = 0;
    for (const r of await this.#s.stores.outbox.failedByReason(ALERT_REASONS)) if (isParkedReason(r.reason)) failed += r.count;
    const last = this.#alerted;
    const baseline = last?.count ?? null;
    if (baseline !== null && failed <= baseline) {
      // Erasures remove failed messages too: follow the count down, so growth is measured from it.
      if (failed < baseline) this.#alerted = { count: failed, at: last!.at };
      return false;
    }
    if (failed === 0) return false;
    const now = clock.now();
    if (last !== null && now - last.at < (this.#o.alertIntervalMs ?? 900_000)) return false;
    try {
      // Paced like any post: a channel busy for a moment is waited for; one closed by Slack's
      // Retry-After counts as not alerted (tried again after the interval).
      // Asked again after each sleep: a timer may fire a little before the pace's clock says
      // the channel is free (Node's timers run on the loop's cached time), and the paced client
      // below refuses a busy channel outright.
      for (let busy = this.#pace.waitMs(campaign.slack.committee); busy > 0 && busy <= (this.#o.maxHoldMs ?? 5_000); busy = this.#pace.waitMs(campaign.slack.committee)) {
        await sleep(busy, NEVER);
      }
      const client = pacedClient(this.#s.client, this.#pace, { posted: false }, { wait: (ms) => sleep(ms, NEVER) });
      await postNotice({ ...this.#s, client }, campaign.slack.committee, renderFailedDeliveries(this.#s, { total: failed, added: baseline === null ? null : failed - baseline, latest }));
    } catch (e) {
      // Not alerted: the baseline stays; try again after the interval, not at every check.
      this.#alerted = { count: baseline, at: now };
      this.#log.warn({ reason: classifySlackFailure(e).reason }, 'could not post the failed-deliveries alert');
      return false;
    }
    this.#alerted = { count: failed, at: now };
    this.#log.info({ failed }, 'failed deliveries alerted');
    return true;
  }

  #backoff(attempts: number): number {
    const base = this.#o.backoffMs ?? 2_000;
    return Math.min(base * 2 ** Math.max(0, attempts - 1), this.#o.maxBackoffMs ?? 600_000);
  }
}
