/**
 * The in-process sender of the outbox messages addressed to residents (idea state changes,
 * answers to questions, broadcast messages), until the delivery engine of the "Deliveries"
 * issue replaces it. One message at a time: claim, render in the resident's language, take a
 * slot from the bot token's send budget (smooth 30/s, 1/s per chat, shared by every instance on
 * Redis), send, settle — so a crash resends at most the message in flight (the outbox's guarantee).
 *
 * Answers, classified:
 * - sent → `ack` with the Telegram message (chat id + message id) as a message reference
 *   `notice:<outbox key>`, owned by the resident, so it can be edited later;
 * - 429 → `retry` after Telegram's `retry_after` (auto-retry already waited for short ones);
 * - 403 (blocked the bot, deactivated) → `fail` and the resident is unsubscribed;
 * - any other 4xx → `fail` with the code and a reason of a known kind (never Telegram's
 *   description verbatim: it may quote the message, which holds residents' words);
 * - 5xx, network errors and our own failures → `retry` with exponential backoff.
 *
 * It claims only messages addressed to a resident (`claim`'s recipient filter): the others (the
 * committee's, the digest recipients') are never handed to it, so they keep their attempt
 * counters for the Slack sender.
 */
import { GrammyError, HttpError } from 'grammy';
import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from 'pino';
import type { Clock } from '../../core/ports/clock.ts';
import type { ClaimFilter, ClaimedMessage, Outbox } from '../../core/ports/outbox.ts';
import type { Resident } from '../../core/residents/resident.ts';
import type { SendBudget } from '../system/memory-send-budget.ts';
import { sleep } from '../system/wait.ts';

/** What the dispatcher needs of the engine. */
export interface DispatcherEngine {
  getResident(residentId: string): Promise<{ readonly ok: true; readonly value: Resident } | { readonly ok: false }>;
  setSubscribed(residentId: string, subscribed: boolean): Promise<unknown>;
}

/** A message as sent: Telegram HTML and, optionally, its buttons. */
export interface RenderedNotice {
  readonly html: string;
  readonly replyMarkup?: InlineKeyboardMarkup;
}

/** Renders a message for a resident (Telegram HTML, or HTML with buttons); null when it has nothing to show (its broadcast is gone). */
export type NoticeRenderer = (resident: Resident, message: ClaimedMessage) => Promise<string | RenderedNotice | null>;

/** Options of {@link ResidentDispatcher}. */
export interface ResidentDispatcherOptions {
  readonly outbox: Outbox;
  readonly engine: DispatcherEngine;
  /** The bot's API (auto-retry installed). */
  readonly api: Api;
  readonly render: NoticeRenderer;
  /**
   * The bot token's send budget: a slot is taken before each message (waiting while it is
   * refused), and a 429 slows the whole budget down for `retry_after` — on Redis, every
   * instance. Without one, only Telegram's 429s pace the sender.
   */
  readonly budget?: SendBudget;
  readonly clock: Clock;
  readonly logger: Logger;
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
}

/** The dispatcher's claims: residents' messages only, the others are the Slack sender's. */
const RESIDENTS_ONLY: ClaimFilter = { recipientKinds: ['resident'] };

/** Reasons kept for a given-up message: known kinds only (Telegram's own text may quote the message). */
const KNOWN_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/chat not found/i, 'chat not found'],
  [/blocked by the user/i, 'blocked by the user'],
  [/user is deactivated/i, 'user is deactivated'],
  [/can't parse entities/i, "can't parse entities"],
  [/message is too long/i, 'message is too long'],
  [/message text is empty/i, 'message text is empty'],
  [/not enough rights|have no rights/i, 'not enough rights'],
];

/** `telegram <code>` plus a known reason, never the description itself. */
export function failureReason(e: GrammyError): string {
  const known = KNOWN_REASONS.find(([re]) => re.test(e.description))?.[1];
  return known === undefined ? `telegram ${e.error_code}` : `telegram ${e.error_code}: ${known}`;
}

/** The message reference key of a notice sent to a resident. */
export function noticeRefKey(outboxKey: string): string {
  return `notice:${outboxKey}`;
}

/** Sends the residents' outbox messages; see the module comment. */
export class ResidentDispatcher {
  readonly #o: ResidentDispatcherOptions;
  readonly #log: Logger;

  constructor(options: ResidentDispatcherOptions) {
    this.#o = options;
    this.#log = options.logger.child({ module: 'resident-dispatcher' });
  }

  /** Sends until `signal` aborts; resolves once the message in hand is settled. */
  async run(signal: AbortSignal): Promise<void> {
    this.#log.info('sending residents’ messages');
    while (!signal.aborted) {
      let sent: number;
      try {
        sent = await this.round(signal);
      } catch (e) {
        // The store failed (claim or settle): wait and try again; claims run out on their own.
        this.#log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'outbox round failed');
        await sleep(this.#o.backoffMs ?? 2_000, signal);
        continue;
      }
      if (sent === 0) await sleep(this.#o.idleMs ?? 500, signal);
    }
    this.#log.info('stopped sending residents’ messages');
  }

  /**
   * One round: claims a batch of residents' messages and settles each. Returns how many it
   * handled (0: nothing due for residents).
   */
  async round(signal: AbortSignal = new AbortController().signal): Promise<number> {
    const leaseMs = this.#o.claimLeaseMs ?? 60_000;
    const claimedAt = this.#o.clock.now();
    const batch = await this.#o.outbox.claim(claimedAt, this.#o.batch ?? 5, leaseMs, RESIDENTS_ONLY);
    let handled = 0;
    for (const m of batch) {
      // The filter guarantees it; the check narrows the type.
      if (m.recipient.kind !== 'resident') continue;
      if (signal.aborted) {
        // Claimed but not sent: hand it back now rather than after the lease.
        await this.#o.outbox.retry(m.seq, m.token, this.#o.clock.now(), 'not sent yet: the dispatcher stopped');
        continue;
      }
      // A slow batch (long 429 waits) must not let the claims of the rest run out.
      if (this.#o.clock.now() - claimedAt > leaseMs / 2 && (await this.#o.outbox.extend(m.seq, m.token, this.#o.clock.now(), leaseMs)) === 'lost') continue;
      await this.#deliver(m, m.recipient.residentId, signal);
      handled += 1;
    }
    return handled;
  }

  async #deliver(m: ClaimedMessage, residentId: string, signal: AbortSignal): Promise<void> {
    const { outbox, clock } = this.#o;
    const log = this.#log.child({ seq: m.seq, template: m.template });
    const found = await this.#o.engine.getResident(residentId);
    if (!found.ok) {
      await outbox.fail(m.seq, m.token, 'no such resident');
      return;
    }
    const resident = found.value;
    if (resident.telegramId === null) {
      await outbox.fail(m.seq, m.token, 'the resident has no Telegram chat');
      return;
    }
    let rendered: string | RenderedNotice | null;
    try {
      rendered = await this.#o.render(resident, m);
    } catch (e) {
      log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'rendering failed');
      await outbox.retry(m.seq, m.token, clock.now() + this.#backoff(m.attempts), 'rendering failed');
      return;
    }
    if (rendered === null) {
      await outbox.fail(m.seq, m.token, 'nothing to send (its content is gone)');
      return;
    }
    const notice: RenderedNotice = typeof rendered === 'string' ? { html: rendered } : rendered;
    if (!(await this.#takeSlot(resident.telegramId, signal))) {
      await outbox.retry(m.seq, m.token, clock.now(), 'not sent yet: the dispatcher stopped');
      return;
    }
    try {
      const sent = await this.#o.api.sendMessage(resident.telegramId, notice.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(notice.replyMarkup === undefined ? {} : { reply_markup: notice.replyMarkup }),
      });
      const ref = { key: noticeRefKey(m.key), platform: 'telegram' as const, chat: String(sent.chat.id), messageId: String(sent.message_id), owner: resident.id, at: clock.now() };
      if ((await outbox.ack(m.seq, m.token, { ref })) === 'lost') log.warn('sent, but the claim was lost meanwhile (it may be sent again)');
    } catch (e) {
      await this.#settleFailure(m, resident, e, log);
    }
  }

  async #settleFailure(m: ClaimedMessage, resident: Resident, e: unknown, log: Logger): Promise<void> {
    const { outbox, clock } = this.#o;
    if (e instanceof GrammyError) {
      if (e.error_code === 429) {
        const after = (e.parameters.retry_after ?? 1) * 1000;
        await this.#o.budget?.slowDown(after);
        await outbox.retry(m.seq, m.token, clock.now() + after, 'telegram 429: too many requests');
        log.info({ retryAfterMs: after }, 'Telegram asked to wait: retrying later');
        return;
      }
      if (e.error_code === 403) {
        await outbox.fail(m.seq, m.token, failureReason(e));
        await this.#o.engine.setSubscribed(resident.id, false);
        log.info('the resident blocked the bot: given up and unsubscribed');
        return;
      }
      if (e.error_code >= 400 && e.error_code < 500) {
        await outbox.fail(m.seq, m.token, failureReason(e));
        log.warn({ reason: failureReason(e) }, 'Telegram refused the message: given up');
        return;
      }
      await outbox.retry(m.seq, m.token, clock.now() + this.#backoff(m.attempts), failureReason(e));
      return;
    }
    const kind = e instanceof HttpError ? 'network error' : 'send failed';
    log.warn({ err: { name: (e as Error)?.name } }, `${kind}: retrying later`);
    await outbox.retry(m.seq, m.token, clock.now() + this.#backoff(m.attempts), kind);
  }

  /**
   * Waits for a send slot of `chatId` in the budget (none: at once). False when `signal`
   * aborted first. A budget store failure is thrown (the round's caller retries later).
   */
  async #takeSlot(chatId: number, signal: AbortSignal): Promise<boolean> {
    const budget = this.#o.budget;
    if (budget === undefined) return !signal.aborted;
    for (;;) {
      if (signal.aborted) return false;
      const grant = await budget.take(chatId, chatId < 0);
      if (grant.ok) return true;
      await sleep(grant.retryAfterMs, signal);
    }
  }

  #backoff(attempts: number): number {
    const base = this.#o.backoffMs ?? 2_000;
    return Math.min(base * 2 ** Math.max(0, attempts - 1), this.#o.maxBackoffMs ?? 600_000);
  }
}
