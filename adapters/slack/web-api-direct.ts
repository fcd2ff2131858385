/**
 * One Web API call, made directly: a JSON POST over a kept-alive connection, one attempt,
 * a short timeout. For the calls on a hot path that have a fallback of their own — the
 * moderation card's in-place update right after a decision, which the committee sender
 * (outbox) makes anyway when this one fails — so they need none of the Bolt client's
 * machinery (request queue, retries, a debug rendering of every request and answer that the
 * client builds whatever the log level). Everything else goes through the Bolt client.
 *
 * Failures throw errors shaped like `@slack/web-api`'s (`code` and `data.error`, `retryAfter`,
 * `statusCode`), so what reads those errors (`slackErrorCode`, the sender's classification)
 * reads these the same way. Tokens never appear in an error.
 */
import { Pool } from 'undici';
import { ErrorCode } from '@slack/web-api';

/** Options of {@link directWebApi}. */
export interface DirectWebApiOptions {
  /** The bot token (sent as `Authorization: Bearer`). */
  readonly token: string;
  /** SLACK_API_URL, ending with `/`. */
  readonly apiUrl: string;
  /** Abandons a call after this many ms (default 5,000). */
  readonly timeoutMs?: number;
  /** Connections kept open at most (default 16). */
  readonly maxSockets?: number;
}

/** A direct Web API caller; `close` ends its kept-alive connections. */
export interface DirectWebApi {
  /** Calls `method` with `args` (JSON); resolves to Slack's answer when `ok`, throws otherwise. */
  call(method: string, args: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>>;
  close(): void;
}

type SlackCallError = Error & { code: string; data?: unknown; retryAfter?: number; statusCode?: number };

function failure(code: string, message: string, extra: Partial<SlackCallError>): SlackCallError {
  return Object.assign(new Error(message), { code, ...extra });
}

/** Creates a caller for one token and API root (see the module comment). */
export function directWebApi(options: DirectWebApiOptions): DirectWebApi {
  const root = new URL(options.apiUrl);
  const timeoutMs = options.timeoutMs ?? 5_000;
  // undici's pool rather than node:http: a call costs about a third of the CPU (no
  // ClientRequest/IncomingMessage streams per call), which is what this hot path is for.
  const pool = new Pool(root.origin, { connections: options.maxSockets ?? 16, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const authorization = `Bearer ${options.token}`;

  const call = async (method: string, args: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> => {
    if (!/^[A-Za-z.]+$/u.test(method)) throw new Error(`not a Web API method: ${method}`);
    const url = new URL(method, root);
    let status: number;
    let retryAfter: string | string[] | undefined;
    let text: string;
    try {
      const res = await pool.request({
        path: url.pathname + url.search,
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(args),
      });
      status = res.statusCode;
      retryAfter = res.headers['retry-after'];
      text = await res.body.text();
    } catch (e) {
      throw failure(ErrorCode.RequestError, `slack ${method}: ${e instanceof Error ? e.message : String(e)}`, {});
    }
    if (status === 429) {
      const seconds = Number(retryAfter);
      throw failure(ErrorCode.RateLimitedError, `slack ${method}: rate limited`, { retryAfter: Number.isFinite(seconds) && seconds > 0 ? seconds : 1 });
    }
    if (status !== 200) throw failure(ErrorCode.HTTPError, `slack ${method}: HTTP ${status}`, { statusCode: status });
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw failure(ErrorCode.HTTPError, `slack ${method}: unreadable answer`, { statusCode: status });
    }
    if (answer['ok'] === true) return answer;
    throw failure(ErrorCode.PlatformError, `slack ${method}: ${String(answer['error'] ?? 'error')}`, { data: answer });
  };

  return { call, close: () => void pool.destroy().catch(() => undefined) };
}
