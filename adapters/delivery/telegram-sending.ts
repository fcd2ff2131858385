/**
 * The one Telegram sending module of the delivery engine: given a claimed outbox message it
 * renders it in the recipient's language, takes a slot from the bot token's send budget,
 * checks that the claim still holds, sends, and classifies Telegram's answer into a
 * {@link SendVerdict}; `settle` then records the verdict in the outbox with the claim's
 * token. Both engines use it: the in-process dispatcher (SQLite, one process) and the BullMQ
 * workers (Redis, every instance), so they behave the same.
 *
 * Recipients:
 * - `resident`: the resident's private chat, the text of `render` (Telegram HTML, optional
 *   buttons); the sent message is stored with the ack as `notice:<outbox key>`.
 * - `telegramChat` (a digest recipient: the mayor's chat, a group), template `digest.weekly`:
 *   the chart as a photo with the figures as its caption, then — when the figures do not fit
 *   in a caption (1,024 characters) — the whole text alternative as a message. Both sends take
 *   the chat's slot (1/s per chat; a group, negative id, also 20/min).
 *
 * Verdicts and what `settle` does with them:
 * - `sent` → `ack` (with the message reference);
 * - `rate_limited` (429) → the whole budget was slowed down for `retry_after` (every instance
 *   on Redis) and the message is retried after it;
 * - `unreachable` (403: blocked the bot, deactivated) → `fail`, and the resident is marked
 *   unreachable and unsubscribed (engine `markUnreachable`); never retried;
 * - `gone` (no such resident, no chat, nothing left to show) → `fail`, not an operator matter;
 * - `skipped` (a message only for residents who have not voted — a vote reminder — whose
 *   resident voted after the fan-out, or whose vote closed: `votingStatus` asked right before
 *   the send) → `ack` noted as skipped, nothing sent; the broadcast counts it as skipped;
 * - `refused` (another 4xx) → `fail`: parked with a reason of a known kind;
 * - `transient` (5xx, network, a rendering failure) → `retry` with exponential backoff; from
 *   the `maxAttempts`-th attempt on, parked (`fail`) with the reason;
 * - `stopped` (the engine stops before the send) → `retry` now, it was not sent;
 * - `lost` (the claim ran out and someone else holds the message) → nothing: not sent, and
 *   nothing may be recorded about it.
 * Parked messages are the outbox's `failed` ones whose reason is not the recipient's doing;
 * `onParked` hears each (the engines raise the committee alert with it).
 *
 * Reasons are fixed strings (`telegram 400: chat not found`, `telegram 502`, `network error`),
 * never Telegram's description verbatim: it may quote the message, which holds residents' words.
 */
import { GrammyError, HttpError, InputFile } from 'grammy';
import type { Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from 'pino';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { VotingStatus } from '../../core/ballots/voting-status.ts';
import type { Clock } from '../../core/ports/clock.ts';
import type { MessageRef } from '../../core/ports/message-references.ts';
import type { ClaimFilter, ClaimedMessage, Outbox, SettleOutcome } from '../../core/ports/outbox.ts';
import type { Resident } from '../../core/residents/resident.ts';
import { CAPTION_LIMIT, renderDigest } from '../digest/render-digest.ts';
import type { SendBudget } from '../system/memory-send-budget.ts';
import { errFields, sleep } from '../system/wait.ts';

/** What the sending module needs of the engine. */
export interface DeliveryEngine {
  /** The campaign's name, categories and default language, for the digest (`telegramChat`). */
  readonly campaign: Pick<Campaign, 'name' | 'categories' | 'defaultLocale'>;
  getResident(residentId: string): Promise<{ readonly ok: true; readonly value: Resident } | { readonly ok: false }>;
  /** After a 403: the resident is unreachable and unsubscribed until they write to the bot again. */
  markUnreachable(residentId: string): Promise<unknown>;
  /** Where the resident stands in the vote now (core/engine/ballot-usecases.ts): asked at send time. */
  votingStatus(residentId: string): Promise<VotingStatus>;
}

/** Facts about the recipient read at send time, each at most once per delivery; the renderer asks only for what it shows. */
export interface SendFacts {
  votingStatus(): Promise<VotingStatus>;
}

/** A message as sent: Telegram HTML and, optionally, its buttons. */
export interface RenderedNotice {
  readonly html: string;
  readonly replyMarkup?: InlineKeyboardMarkup;
  /** Only for a resident who has not voted while voting is open (a vote reminder): judged again right before the send. */
  readonly nonVotersOnly?: boolean;
}

/** Renders a message for a resident (Telegram HTML, or HTML with buttons); null when it has nothing to show (its broadcast is gone). */
export type NoticeRenderer = (resident: Resident, message: ClaimedMessage, facts: SendFacts) => Promise<string | RenderedNotice | null>;

/** The recipient kinds the Telegram engines claim (the others are the Slack sender's). */
export const TELEGRAM_RECIPIENTS: ClaimFilter = { recipientKinds: ['resident', 'telegramChat'] };

/** The digest template (core/phases/scheduled-messages.ts). */
export const DIGEST_TEMPLATE = 'digest.weekly';

/** Telegram's limit of a message's text (characters after entity parsing). */
const MESSAGE_LIMIT = 4096;

/** Reasons kept for a given-up message: known kinds only (Telegram's own text may quote the message). */
const KNOWN_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/chat not found/i, 'chat not found'],
  [/blocked by the user/i, 'blocked by the user'],
  [/user is deactivated/i, 'user is deactivated'],
  [/bot was kicked/i, 'bot was kicked'],
  [/can't parse entities/i, "can't parse entities"],
  [/message is too long/i, 'message is too long'],
  [/message text is empty/i, 'message text is empty'],
  [/caption is too long/i, 'caption is too long'],
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

/**
 * Whether a failed message's reason makes it *parked* — given up for an operator to look at —
 * rather than given up because of its recipient (blocked the bot, deactivated, erased, no
 * chat, nothing left to show), which nobody needs to act on.
 */
export function isParkedReason(reason: string): boolean {
  return !/blocked by the user|user is deactivated|^no such resident$|^the resident has no Telegram chat$|^nothing to send/u.test(reason);
}

/** The reason of a message handed back unsent because its engine stopped. */
export const STOPPED_REASON = 'not sent yet: the dispatcher stopped';

/** What a delivery came to; see the module comment. */
export type SendVerdict =
  | { readonly kind: 'sent'; readonly ref: MessageRef | null }
  | { readonly kind: 'rate_limited'; readonly retryAfterMs: number }
  | { readonly kind: 'unreachable'; readonly reason: string; readonly residentId: string }
  | { readonly kind: 'gone'; readonly reason: string }
  | { readonly kind: 'skipped'; readonly reason: string }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'transient'; readonly reason: string }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'lost' };

/** What `settle` recorded. */
export interface Settled {
  readonly verdict: SendVerdict['kind'];
  /** The outbox's answer; `lost` when the claim no longer held (nothing was recorded). */
  readonly outcome: SettleOutcome;
  /** The reason when the message was parked (given up for an operator to look at). */
  readonly parked: string | null;
}

/** Options of {@link TelegramSending}. */
export interface TelegramSendingOptions {
  readonly outbox: Outbox;
  readonly engine: DeliveryEngine;
  /** The bot's API (auto-retry may be installed: it waits out short 429s itself). */
  readonly api: Api;
  readonly render: NoticeRenderer;
  /**
   * The bot token's send budget: a slot is taken before each send (waiting while refused),
   * and a 429 slows it down for `retry_after` — on Redis, for every instance. Without one,
   * only Telegram's 429s pace the sends.
   */
  readonly budget?: SendBudget;
  /** Paid-broadcast mode: every send passes `allow_paid_broadcast: true` (the budget must be in paid mode too). */
  readonly paidBroadcast?: boolean;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a claim holds a message (ms): the fence before each send renews it for this long. Default 60,000. */
  readonly claimLeaseMs?: number;
  /** First retry delay after a transient failure (ms), doubled per attempt up to `maxBackoffMs`. Default 2,000. */
  readonly backoffMs?: number;
  /** Default 600,000 (10 minutes). */
  readonly maxBackoffMs?: number;
  /** From this attempt on, a transient failure parks the message instead of retrying it. Default 10. */
  readonly maxAttempts?: number;
  /**
   * The least time between Telegram's answer to a send into a chat and the next send into it
   * from this process (ms). Default 1,000 (1/s per chat). The budget spaces its *grants*, but
   * Telegram counts *arrivals*: a send held up on its way (a new connection) would let the
   * next one arrive less than a second after it. Starting the next send only once the previous
   * one was answered, plus this, keeps arrivals apart whatever the network did.
   */
  readonly chatSpacingMs?: number;
  /** Hears every parked message (no personal data); the service raises the committee's per-reason alert with it (parked-alerts.ts). */
  readonly onParked?: (parked: ParkedMessage) => void | Promise<void>;
}

/** A parked message as `onParked` hears it: no recipient, no content. */
export interface ParkedMessage {
  readonly template: string;
  readonly reason: string;
  /** `refused`: Telegram refused it (a 4xx), never retried; `transient`: still failing after `attempts` attempts. */
  readonly kind: 'refused' | 'transient';
  /** Delivery attempts (claims) the message had. */
  readonly attempts: number;
}

/** A claimed message and when it was claimed (the fence renews claims that are getting old). */
export interface InHand {
  readonly message: ClaimedMessage;
  /** Epoch ms of the claim (or of its last renewal). */
  claimedAt: number;
}

/** Renders, paces, sends and classifies; see the module comment. */
export class TelegramSending {
  readonly #o: TelegramSendingOptions;
  readonly #log: Logger;
  readonly #leaseMs: number;
  readonly #extra: { allow_paid_broadcast?: true };
  /** Chat id → when Telegram last answered a send into it (performance.now()). */
  readonly #answered = new Map<number, number>();
  /**
   * Until when (performance.now()) this process was told to wait by a 429 it received. The
   * shared budget refuses every take meanwhile, but a slot granted just before the 429
   * came back would still be spent on a send Telegram refuses again: checked once more right
   * before each send.
   */
  #slowedUntil = 0;

  constructor(options: TelegramSendingOptions) {
    this.#o = options;
    this.#log = options.logger.child({ module: 'telegram-sending' });
    this.#leaseMs = options.claimLeaseMs ?? 60_000;
    this.#extra = options.paidBroadcast === true ? { allow_paid_broadcast: true } : {};
  }

  /** Delivers one claimed message and records the verdict; see the module comment. */
  async deliverAndSettle(hand: InHand, signal: AbortSignal): Promise<Settled> {
    const verdict = await this.deliver(hand, signal);
    return this.settle(hand.message, verdict);
  }

  /** Renders, takes a slot, fences the claim and sends; never throws for Telegram's answers (a store failure is thrown). */
  async deliver(hand: InHand, signal: AbortSignal): Promise<SendVerdict> {
    const m = hand.message;
    if (m.recipient.kind === 'resident') return this.#toResident(hand, m.recipient.residentId, signal);
    if (m.recipient.kind === 'telegramChat') return this.#toChat(hand, m.recipient.chatId, signal);
    return { kind: 'gone', reason: `not a Telegram recipient (${m.recipient.kind})` };
  }

  /** Records `verdict` in the outbox with the message's claim token. */
  async settle(m: ClaimedMessage, verdict: SendVerdict): Promise<Settled> {
    const { outbox, clock } = this.#o;
    const log = this.#log.child({ seq: m.seq, template: m.template });
    const settled = (outcome: SettleOutcome, parked: string | null = null): Settled => ({ verdict: verdict.kind, outcome, parked: outcome === 'ok' ? parked : null });
    switch (verdict.kind) {
      case 'sent': {
        const outcome = await outbox.ack(m.seq, m.token, verdict.ref === null ? {} : { ref: verdict.ref });
        if (outcome === 'lost') log.warn('sent, but the claim was lost meanwhile (it may be sent again)');
        return settled(outcome);
      }
      case 'rate_limited':
        log.info({ retryAfterMs: verdict.retryAfterMs }, 'Telegram asked to wait: retrying later');
        return settled(await outbox.retry(m.seq, m.token, clock.now() + verdict.retryAfterMs, 'telegram 429: too many requests'));
      case 'unreachable': {
        const outcome = await outbox.fail(m.seq, m.token, verdict.reason);
        // A fact about the resident, whatever became of this claim.
        await this.#o.engine.markUnreachable(verdict.residentId);
        log.info('the resident cannot be reached (blocked the bot or deactivated): given up, marked unreachable and unsubscribed');
        return settled(outcome);
      }
      case 'gone':
        return settled(await outbox.fail(m.seq, m.token, verdict.reason));
      case 'skipped':
        return settled(await outbox.ack(m.seq, m.token, { skipped: verdict.reason }));
      case 'refused': {
        log.warn({ reason: verdict.reason }, 'Telegram refused the message: parked');
        return this.#park(m, verdict, settled);
      }
      case 'transient': {
        if (m.attempts >= (this.#o.maxAttempts ?? 10)) {
          log.warn({ reason: verdict.reason, attempts: m.attempts }, 'still failing after every attempt: parked');
          return this.#park(m, verdict, settled);
        }
        log.info({ reason: verdict.reason, attempts: m.attempts }, 'send failed: retrying later');
        return settled(await outbox.retry(m.seq, m.token, clock.now() + this.backoff(m.attempts), verdict.reason));
      }
      case 'stopped':
        return settled(await outbox.retry(m.seq, m.token, clock.now(), STOPPED_REASON));
      case 'lost':
        log.info('the claim ran out before the send: not sent, left to its new holder');
        return settled('lost');
    }
  }

  /** The retry delay after `attempts` attempts. */
  backoff(attempts: number): number {
    const base = this.#o.backoffMs ?? 2_000;
    return Math.min(base * 2 ** Math.max(0, attempts - 1), this.#o.maxBackoffMs ?? 600_000);
  }

  async #park(m: ClaimedMessage, verdict: { readonly kind: ParkedMessage['kind']; readonly reason: string }, settled: (o: SettleOutcome, parked: string | null) => Settled): Promise<Settled> {
    const { reason, kind } = verdict;
    const result = settled(await this.#o.outbox.fail(m.seq, m.token, reason), reason);
    if (result.parked !== null) {
      try {
        await this.#o.onParked?.({ template: m.template, reason, kind, attempts: m.attempts });
      } catch (e) {
        this.#log.warn(errFields(e), 'could not raise the parked-message alert');
      }
    }
    return result;
  }

  async #toResident(hand: InHand, residentId: string, signal: AbortSignal): Promise<SendVerdict> {
    const m = hand.message;
    const found = await this.#o.engine.getResident(residentId);
    if (!found.ok) return { kind: 'gone', reason: 'no such resident' };
    const resident = found.value;
    if (resident.telegramId === null) return { kind: 'gone', reason: 'the resident has no Telegram chat' };
    let status: Promise<VotingStatus> | undefined;
    const facts: SendFacts = { votingStatus: () => (status ??= this.#o.engine.votingStatus(resident.id)) };
    let rendered: string | RenderedNotice | null;
    try {
      rendered = await this.#o.render(resident, m, facts);
    } catch (e) {
      this.#log.error({ seq: m.seq, template: m.template, ...errFields(e) }, 'rendering failed');
      return { kind: 'transient', reason: 'rendering failed' };
    }
    if (rendered === null) return { kind: 'gone', reason: 'nothing to send (its content is gone)' };
    const notice: RenderedNotice = typeof rendered === 'string' ? { html: rendered } : rendered;
    if (notice.nonVotersOnly === true) {
      const now = await facts.votingStatus();
      if (!now.open) return { kind: 'skipped', reason: 'voting is not open' };
      if (now.voted) return { kind: 'skipped', reason: 'already voted' };
    }
    const chatId = resident.telegramId;
    const ready = await this.#ready(hand, chatId, signal);
    if (ready !== null) return ready;
    try {
      const sent = await this.#answer(chatId, () =>
        this.#o.api.sendMessage(chatId, notice.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(notice.replyMarkup === undefined ? {} : { reply_markup: notice.replyMarkup }),
          ...this.#extra,
        }),
      );
      return { kind: 'sent', ref: { key: noticeRefKey(m.key), platform: 'telegram', chat: String(sent.chat.id), messageId: String(sent.message_id), owner: resident.id, at: this.#o.clock.now() } };
    } catch (e) {
      return this.#classify(e, resident.id);
    }
  }

  async #toChat(hand: InHand, chatId: number, signal: AbortSignal): Promise<SendVerdict> {
    const m = hand.message;
    if (m.template !== DIGEST_TEMPLATE) return { kind: 'gone', reason: `no Telegram chat rendering for ${m.template}` };
    let digest: Awaited<ReturnType<typeof renderDigest>>;
    try {
      const { campaign } = this.#o.engine;
      digest = await renderDigest({ figures: m.params, locale: campaign.defaultLocale, campaign });
    } catch (e) {
      this.#log.error({ seq: m.seq, template: m.template, ...errFields(e) }, 'rendering the digest failed');
      return { kind: 'transient', reason: 'rendering failed' };
    }
    const ready = await this.#ready(hand, chatId, signal);
    if (ready !== null) return ready;
    try {
      // Plain text (no parse mode): the figures hold campaign names that are not HTML.
      await this.#answer(chatId, () => this.#o.api.sendPhoto(chatId, new InputFile(digest.png, 'digest.png'), { caption: digest.caption, ...this.#extra }));
    } catch (e) {
      return this.#classify(e, null);
    }
    if (digest.text.length > CAPTION_LIMIT) await this.#sendRest(hand, chatId, digest.text, signal);
    return { kind: 'sent', ref: null };
  }

  /**
   * The digest's text alternative after its photo went out. The photo is delivered, so a
   * failure here must not send it again through a retry of the whole message: the text is
   * retried in place (a 429 waited out, a transient failure three times) and then left.
   */
  async #sendRest(hand: InHand, chatId: number, text: string, signal: AbortSignal): Promise<void> {
    for (const chunk of chunks(text, MESSAGE_LIMIT)) {
      for (let attempt = 1; ; attempt++) {
        if ((await this.#ready(hand, chatId, signal)) !== null) {
          this.#log.warn({ seq: hand.message.seq }, 'the digest photo went out, its text alternative did not (stopped or claim lost)');
          return;
        }
        try {
          await this.#answer(chatId, () => this.#o.api.sendMessage(chatId, chunk, { link_preview_options: { is_disabled: true }, ...this.#extra }));
          break;
        } catch (e) {
          const v = await this.#classify(e, null);
          if ((v.kind === 'rate_limited' || v.kind === 'transient') && attempt < 4) {
            await sleep(v.kind === 'rate_limited' ? v.retryAfterMs : 1000 * 2 ** (attempt - 1), signal);
            continue;
          }
          this.#log.warn({ seq: hand.message.seq, verdict: v.kind }, 'the digest photo went out, its text alternative did not');
          return;
        }
      }
    }
  }

  /**
   * Waits for a send slot of `chatId`, then fences the claim: null when the send may go,
   * else `stopped` (aborted first) or `lost` (the claim is no longer this token's: it ran out
   * and was handed out again, or it was settled already — e.g. a queued job run a second
   * time). The claim is renewed right before the send (`extend`, which only the live claim's
   * token passes), so between this check and the send nobody else can hold the message.
   */
  async #ready(hand: InHand, chatId: number, signal: AbortSignal): Promise<SendVerdict | null> {
    const last = this.#answered.get(chatId);
    if (last !== undefined) {
      const wait = last + (this.#o.chatSpacingMs ?? 1000) - performance.now();
      if (wait > 0) await sleep(wait, signal);
    }
    const budget = this.#o.budget;
    for (;;) {
      if (budget !== undefined) {
        for (;;) {
          if (signal.aborted) return { kind: 'stopped' };
          const grant = await budget.take(chatId, chatId < 0);
          if (grant.ok) break;
          await sleep(grant.retryAfterMs, signal);
        }
      }
      if (signal.aborted) return { kind: 'stopped' };
      const now = this.#o.clock.now();
      if ((await this.#o.outbox.extend(hand.message.seq, hand.message.token, now, this.#leaseMs)) === 'lost') return { kind: 'lost' };
      hand.claimedAt = now;
      // A 429 answered while this send waited for its slot or its fence: wait it out, then
      // take a fresh slot (the one granted before is spent: a little room lost after a 429).
      const slowed = this.#slowedUntil - performance.now();
      if (slowed <= 0) return null;
      await sleep(slowed, signal);
    }
  }

  /** Runs one send into `chatId`, noting when Telegram answered (whatever it answered). */
  async #answer<T>(chatId: number, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } finally {
      const now = performance.now();
      if (this.#answered.size >= 10_000) for (const [k, at] of this.#answered) if (at < now - 60_000) this.#answered.delete(k);
      this.#answered.set(chatId, now);
    }
  }

  async #classify(e: unknown, residentId: string | null): Promise<SendVerdict> {
    if (e instanceof GrammyError) {
      if (e.error_code === 429) {
        const after = (e.parameters.retry_after ?? 1) * 1000;
        this.#slowedUntil = Math.max(this.#slowedUntil, performance.now() + after);
        try {
          await this.#o.budget?.slowDown(after);
        } catch (err) {
          this.#log.warn(errFields(err), 'could not slow the send budget down');
        }
        return { kind: 'rate_limited', retryAfterMs: after };
      }
      if (e.error_code === 403) return residentId === null ? { kind: 'refused', reason: failureReason(e) } : { kind: 'unreachable', reason: failureReason(e), residentId };
      if (e.error_code >= 400 && e.error_code < 500) return { kind: 'refused', reason: failureReason(e) };
      return { kind: 'transient', reason: failureReason(e) };
    }
    this.#log.warn({ err: { name: (e as Error)?.name } }, 'send failed');
    return { kind: 'transient', reason: e instanceof HttpError ? 'network error' : 'send failed' };
  }
}

/** `text` in pieces of at most `max` characters, cut at line ends where possible. */
function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > 0 ? cut : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.trim() !== '') out.push(rest);
  return out;
}
