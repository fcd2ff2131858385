/**
 * Long polling: grammY's runner (`run`, updates of many chats at once; the bot sequentializes
 * per chat) started only while this instance holds the `telegram-polling` lease, because
 * Telegram allows one `getUpdates` caller per token (a second one ends the first with 409).
 * Losing the lease stops the runner; another instance takes over. Each update goes through
 * `handleOnce`, so the batch a former leader handled but had not confirmed yet (the offset is
 * confirmed by the *next* `getUpdates`) is not handled twice after a handover.
 *
 * Before polling, `deleteWebhook`: Telegram refuses `getUpdates` while a webhook is set (a
 * deployment that switched from webhook to polling). Pending updates are kept.
 */
import { BotError } from 'grammy';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { run } from '@grammyjs/runner';
import type { Logger } from 'pino';
import type { Clock } from '../../../core/ports/clock.ts';
import type { ProcessedUpdates } from '../../../core/ports/processed-updates.ts';
import type { Lease } from '../../scheduling/lease.ts';
import type { PnyxContext } from '../context.ts';
import { handleOnce } from './handle-once.ts';
import { sleep } from '../../system/wait.ts';

/** Options of {@link runPolling}. */
export interface PollingOptions {
  readonly bot: Bot<PnyxContext>;
  /** The `telegram-polling` lease (LEASE_NAMES.telegramPolling). */
  readonly lease: Lease;
  readonly processed: ProcessedUpdates;
  readonly clock: Clock;
  readonly logger: Logger;
  /** `getUpdates` long-poll timeout (s). Default 30 (Telegram's advice); tests use 1. */
  readonly pollTimeoutSeconds?: number;
  /** Wait before polling again after Telegram ended the poll (409: another poller) (ms). Default 5,000. */
  readonly restartDelayMs?: number;
}

/** The bot token was refused: nothing will work until the operator fixes TELEGRAM_BOT_TOKEN. */
export class TelegramTokenRefusedError extends Error {
  override readonly name = 'TelegramTokenRefusedError';
  constructor() {
    super('Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token @BotFather gave (or revoke and set a new one)');
  }
}

function errorCode(e: unknown): number | undefined {
  const code = (e as { error_code?: unknown } | null)?.error_code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Contends for the lease and polls while leading, until `signal` aborts; resolves once the
 * runner has stopped and every update in hand is handled. Rejects with
 * {@link TelegramTokenRefusedError} on a 401 (the service then stops: nothing else would help).
 */
export function runPolling(options: PollingOptions, signal: AbortSignal): Promise<void> {
  const { bot, lease } = options;
  const log = options.logger.child({ module: 'telegram-polling' });
  return lease.runWhileLeader(async (leadership) => {
    while (!leadership.aborted) {
      await bot.api.deleteWebhook({ drop_pending_updates: false });
      const inHand = new Set<Promise<unknown>>();
      const handleUpdate = (update: Update): Promise<void> => {
        const p = handleOnce({ processed: options.processed, clock: options.clock }, update, (u) => bot.handleUpdate(u)).then(() => undefined);
        inHand.add(p);
        void p.then(
          () => inHand.delete(p),
          () => inHand.delete(p),
        );
        return p;
      };
      const runner = run<Update, unknown>(
        {
          init: () => bot.init(),
          handleUpdate,
          errorHandler: async (e) => {
            if (e instanceof BotError) await bot.errorHandler(e as BotError<PnyxContext>);
            // Not the bot's middleware: the de-duplication store failed. The update is not
            // confirmed as handled; only its kind is logged.
            else log.error({ err: { name: (e as Error)?.name, message: (e as Error)?.message } }, 'update not handled: the processed-updates store failed');
          },
          api: { getUpdates: (args, s) => bot.api.getUpdates(args, s) },
        },
        // `silent`: the runner would print fetch errors with console.error; we log them below.
        { runner: { silent: true, fetch: { timeout: options.pollTimeoutSeconds ?? 30 } } },
      );
      log.info('long polling started');
      const ended = runner.task()?.then(
        () => null,
        (e: unknown) => e,
      );
      const lost = new Promise<'lost'>((resolve) => {
        if (leadership.aborted) resolve('lost');
        else leadership.addEventListener('abort', () => resolve('lost'), { once: true });
      });
      const outcome = await Promise.race([ended ?? Promise.resolve(null), lost]);
      if (runner.isRunning()) await runner.stop();
      await Promise.allSettled([...inHand]);
      log.info('long polling stopped');
      if (outcome === 'lost') return;
      if (errorCode(outcome) === 401) throw new TelegramTokenRefusedError();
      // 409: someone else polls with this token (an old deployment, a lease handover still in
      // its overlap) or set a webhook. Wait and poll again while we lead.
      log.warn({ code: errorCode(outcome), err: { name: (outcome as Error | null)?.name, message: (outcome as Error | null)?.message } }, 'long polling ended; polling again shortly');
      await sleep(options.restartDelayMs ?? 5_000, leadership);
    }
  }, signal);
}
