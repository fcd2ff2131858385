/**
 * Webhook mode: Telegram posts each update to TELEGRAM_WEBHOOK_URL, which a reverse proxy
 * forwards to the service's one HTTP server; this file registers the webhook (`setWebhook`
 * with a `secret_token`) and builds the request handler of its route.
 *
 * The handler, in order: the `X-Telegram-Bot-Api-Secret-Token` header compared in constant
 * time (401 and nothing read otherwise); the body read up to a limit (413 past it); JSON with
 * an integer `update_id` (400 otherwise); the update handled once through `ProcessedUpdates`
 * (a redelivery, or the same update reaching two instances, is answered 200 and dropped);
 * 200 once handled, 500 when handling failed (the key is released, so Telegram's
 * redelivery is handled again).
 *
 * grammY's `webhookCallback` is not used: it compares the secret with `!==` (not constant
 * time), reads bodies without a size limit, and hands the update to the bot before we could
 * de-duplicate it. What it adds beyond that — answering Telegram before a slow handler ends —
 * is not wanted here: answering after handling is what makes a failure redeliverable.
 */
import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { BotError } from 'grammy';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../../../core/ports/clock.ts';
import type { ProcessedUpdates } from '../../../core/ports/processed-updates.ts';
import type { PnyxContext } from '../context.ts';
import { handleOnce } from './handle-once.ts';

/** Largest webhook body accepted (bytes): 1 MiB. Telegram's updates are a few KiB. */
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/** The header Telegram puts the webhook's `secret_token` in. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The minimal shape of an update: everything else is grammY's to read. */
const updateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

/** The route path of a webhook URL (`https://host/telegram/hook` → `/telegram/hook`). */
export function webhookPath(url: string): string {
  const path = new URL(url).pathname;
  return path === '' ? '/' : path;
}

/** Options of {@link registerWebhook}. */
export interface RegisterWebhookOptions {
  /** TELEGRAM_WEBHOOK_URL (https). */
  readonly url: string;
  /** TELEGRAM_WEBHOOK_SECRET. */
  readonly secret: string;
}

/**
 * Tells Telegram where to post updates. Idempotent (every instance calls it at start with the
 * same URL and secret); pending updates are kept.
 */
export async function registerWebhook(bot: Bot<PnyxContext>, options: RegisterWebhookOptions): Promise<void> {
  await bot.api.setWebhook(options.url, { secret_token: options.secret, drop_pending_updates: false });
}

/** Options of {@link webhookHandler}. */
export interface WebhookHandlerOptions {
  /** Initialised (`bot.init()` done) before the first request. */
  readonly bot: Bot<PnyxContext>;
  readonly secret: string;
  readonly processed: ProcessedUpdates;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Default {@link WEBHOOK_MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number;
}

/** True when `given` is `expected`, in time independent of where they differ. */
export function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  // timingSafeEqual needs equal lengths; comparing b with itself keeps the time the same.
  return a.length === b.length ? timingSafeEqual(a, b) : !timingSafeEqual(b, b);
}

function answer(res: http.ServerResponse, status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Reads the body up to `max` bytes; `null` past it (the rest is drained, not kept). */
async function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) over = true;
    if (!over) chunks.push(chunk as Buffer);
  }
  return over ? null : Buffer.concat(chunks);
}

/** The request handler of the webhook route (POST). */
export function webhookHandler(options: WebhookHandlerOptions): (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> {
  const { bot } = options;
  const max = options.maxBodyBytes ?? WEBHOOK_MAX_BODY_BYTES;
  const log = options.logger.child({ module: 'telegram-webhook' });
  return async (req, res) => {
    if (!secretMatches(req.headers[SECRET_HEADER], options.secret)) {
      // Nothing of the request is read or logged: it may be anyone's.
      req.resume();
      return answer(res, 401, { error: 'unauthorized' }, { connection: 'close' });
    }
    const body = await readBody(req, max);
    if (body === null) return answer(res, 413, { error: 'payload_too_large', limit: max }, { connection: 'close' });
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return answer(res, 400, { error: 'invalid_json' });
    }
    const shape = updateShape.safeParse(json);
    if (!shape.success) return answer(res, 400, { error: 'invalid_update' });
    const update = shape.data as unknown as Update;
    try {
      const outcome = await handleOnce({ processed: options.processed, clock: options.clock }, update, (u) => bot.handleUpdate(u));
      if (outcome === 'duplicate') log.debug({ updateId: update.update_id }, 'update already handled or in hand elsewhere: dropped');
      answer(res, 200, { ok: true });
    } catch (e) {
      if (e instanceof BotError) {
        try {
          await bot.errorHandler(e as BotError<PnyxContext>);
        } catch {
          // The error boundary itself failed: the 500 below is all that is left to do.
        }
      } else {
        log.error({ updateId: update.update_id, err: { name: (e as Error)?.name, message: (e as Error)?.message } }, 'update not handled: the processed-updates store failed');
      }
      // Telegram redelivers on a non-2xx answer; the key was released for it.
      answer(res, 500, { error: 'internal' });
    }
  };
}
