/**
 * Worker-thread entry of the Bot API stand-in for the Telegram benchmark: the strict stand-in
 * of test/support/telegram (every call still checked against api.json and the chat state)
 * serving on 127.0.0.1 from its own thread, so its work (HTTP server, schema checks, Telegram
 * HTML parsing) runs beside the bot's event loop instead of inside it, and its busy share can
 * be measured apart (the main thread reads this worker's event-loop utilisation).
 *
 * Protocol (see stand-in-thread.ts): `{ id?, op, args }` in; `{ id, result }` or
 * `{ id, error }` out for requests with an id; messages without an id get no answer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TelegramStandIn } from '../../test/support/telegram/bot-api-stand-in.ts';
import type { ChatMessage, StandInOptions } from '../../test/support/telegram/bot-api-stand-in.ts';
import { maxInWindow } from '../../test/support/sliding-count.ts';

type Json = Record<string, unknown>;
type Request = { readonly id?: number; readonly op: string; readonly args: readonly unknown[] };

/** A bot message as the bench needs it to press its buttons. */
export interface SeenMessage {
  readonly message_id: number;
  readonly date: number;
  readonly text?: string;
  readonly reply_markup?: Json;
}

const port = parentPort;
if (port === null) throw new Error('stand-in-worker: not started as a worker thread');
/** What the worker is started with: the token, and optionally the limits to enforce and the response delay. */
export type StandInWorkerData = Pick<StandInOptions, 'token' | 'limits' | 'responseDelayMs'>;

/** What the stand-in counted of the bot's sends (see SendLimits). */
export interface SendStats {
  /** Sends accepted. */
  readonly accepted: number;
  /** Instants (ms) of the first and the last accepted send; null before the first. */
  readonly firstAt: number | null;
  readonly lastAt: number | null;
  /** Distinct chats that got at least one send. */
  readonly chats: number;
  /** Sends answered 429. */
  readonly tooManyRequests: number;
  /** Sends beyond the first into a chat (duplicates for a broadcast). */
  readonly duplicates: number;
  /** The most accepted sends within one sliding second. */
  readonly maxPerSecond: number;
  readonly violations: number;
}

const { token, limits, responseDelayMs } = workerData as StandInWorkerData;
const api = await TelegramStandIn.start({ token, ...(limits === undefined ? {} : { limits }), ...(responseDelayMs === undefined ? {} : { responseDelayMs }) });

// The stand-in keeps every call for tests; here only the counts per method are kept and the
// list is emptied, so a long run does not grow without bound.
const byMethod: Record<string, number> = {};
const drainCalls = (): void => {
  for (const c of api.calls) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
  api.calls.length = 0;
};
setInterval(drainCalls, 500).unref();

const hasButton = (m: ChatMessage, prefix: string): boolean =>
  ((m.reply_markup?.inline_keyboard as Json[][] | undefined) ?? []).some((row) => row.some((b) => typeof b.callback_data === 'string' && (b.callback_data as string).startsWith(prefix)));

const ops: Record<string, (...args: never[]) => unknown> = {
  apiRoot: () => api.apiRoot,
  users: (ids: readonly number[]) => {
    for (const id of ids) api.user({ id, firstName: `R${id}`, languageCode: 'fr' });
    return ids.length;
  },
  /** Fresh callback query ids (each may be answered once). */
  callbackIds: (n: number) => Array.from({ length: n }, () => api.newCallbackQuery()),
  /** A message the user sent (the bench chose its id, apart from the bot's). */
  userMessage: (chatId: number, fields: Partial<ChatMessage>) => {
    api.recordUserMessage(chatId, fields);
    return null;
  },
  /**
   * The newest bot message of the chat after message `after` with a button whose data starts
   * with `prefix` ('' = the newest bot message). Message ids grow across all chats, so `after`
   * hides what bots of an earlier stage of the bench sent to the same chat.
   */
  latest: (chatId: number, prefix: string, after = 0): SeenMessage | null => {
    const all = api.botMessages(chatId);
    for (let i = all.length - 1; i >= 0; i--) {
      const m = all[i]!;
      if (m.message_id <= after) break;
      if (prefix !== '' && !hasButton(m, prefix)) continue;
      const text = m.plain ?? m.text;
      return { message_id: m.message_id, date: m.date, ...(text === undefined ? {} : { text }), ...(m.reply_markup === undefined ? {} : { reply_markup: m.reply_markup }) };
    }
    return null;
  },
  /** The largest id of a bot message in these chats (0 when none): the `after` of a new stage. */
  newestMessageId: (chatIds: readonly number[]): number => {
    let newest = 0;
    // Bot messages only: the users' messages carry ids the bench chose, from another range.
    for (const id of chatIds) for (const m of api.botMessages(id)) newest = Math.max(newest, m.message_id);
    return newest;
  },
  sendStats: (): SendStats => {
    const a = api.limits.accepted;
    const repeated = api.limits.repeatedChats();
    return {
      accepted: a.length,
      firstAt: a[0]?.at ?? null,
      lastAt: a.at(-1)?.at ?? null,
      chats: new Set(a.map((x) => x.chatId)).size,
      tooManyRequests: api.limits.tooManyRequests,
      duplicates: [...repeated.values()].reduce((n, k) => n + k - 1, 0),
      maxPerSecond: maxInWindow(a.map((x) => x.at), 1000),
      violations: api.violations.length,
    };
  },
  stats: () => {
    drainCalls();
    return { byMethod: { ...byMethod }, violations: api.violations.length, firstViolations: api.violations.slice(0, 5) };
  },
  stop: async () => {
    await api.stop();
    return null;
  },
};

port.on('message', async (req: Request) => {
  try {
    const op = ops[req.op];
    if (op === undefined) throw new Error(`unknown op ${req.op}`);
    const result = await (op as (...a: unknown[]) => unknown)(...req.args);
    if (req.id !== undefined) port.postMessage({ id: req.id, result });
  } catch (e) {
    if (req.id !== undefined) port.postMessage({ id: req.id, error: (e as Error).message });
  }
});
port.postMessage({ ready: true });
