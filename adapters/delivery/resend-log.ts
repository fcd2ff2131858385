/**
 * The log line of a delivery that may repeat a send. The outbox resends at most the messages
 * in flight when their sender died (core/ports/outbox.ts): sent to Telegram, not yet recorded
 * as sent. Neither engine can know whether such a message went out, so each one logs, right
 * before delivering it again, every message that may be such a resend — a claim whose lease
 * ran out unsettled (`claimRanOut`), or a BullMQ job taken over after its worker stalled — so
 * the repeats a resident may see are all accounted for in the log (there may be more lines
 * than repeats: a message claimed but not yet sent when its sender died is logged too).
 *
 * The line names the message by its outbox seq and its broadcast (the outbox group), with the
 * attempt: never the outbox key, which holds the resident's id, nor the chat.
 */
import type { Logger } from 'pino';
import type { ClaimedMessage } from '../../core/ports/outbox.ts';

/** The `msg` of the line (tests look for it). */
export const RESEND_LOG_MESSAGE = 'resending a message that may have been sent already (in flight when its sender stopped short)';

/** Why a delivery may repeat a send. */
export type ResendCause = 'claim ran out' | 'job stalled';

/** Logs (warn) that `m` is being delivered again; `extra` adds engine details (no personal data). */
export function logPossibleResend(log: Logger, m: ClaimedMessage, cause: ResendCause, extra: Readonly<Record<string, string | number | null>> = {}): void {
  log.warn({ seq: m.seq, broadcast: m.group ?? null, template: m.template, attempt: m.attempts, cause, ...extra }, RESEND_LOG_MESSAGE);
}
