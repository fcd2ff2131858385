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
import http from 'node:http';
import https from 'node:https';
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
  const secure = root.protocol === 'https:';
  const transport = secure ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 16 });
  const timeoutMs = options.timeoutMs ?? 5_000;
  const authorization = `Bearer ${options.token}`;

  const call = (method: string, args: Readonly<Record<string, unknown>>): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      if (!/^[A-Za-z.]+$/u.test(method)) {
        reject(new Error(`not a Web API method: ${method}`));
        return;
      }
      const body = JSON.stringify(args);
      const req = transport.request(
        new URL(method, root),
        {
          method: 'POST',
          agent,
          timeout: timeoutMs,
          headers: { authorization, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => reject(failure(ErrorCode.RequestError, `slack ${method}: ${e.message}`, {})));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status === 429) {
              const seconds = Number(res.headers['retry-after']);
              reject(failure(ErrorCode.RateLimitedError, `slack ${method}: rate limited`, { retryAfter: Number.isFinite(seconds) && seconds > 0 ? seconds : 1 }));
              return;
            }
            if (status !== 200) {
              reject(failure(ErrorCode.HTTPError, `slack ${method}: HTTP ${status}`, { statusCode: status }));
              return;
            }
            let answer: Record<string, unknown>;
            try {
              answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
            } catch {
              reject(failure(ErrorCode.HTTPError, `slack ${method}: unreadable answer`, { statusCode: status }));
              return;
            }
            if (answer['ok'] === true) resolve(answer);
            else reject(failure(ErrorCode.PlatformError, `slack ${method}: ${String(answer['error'] ?? 'error')}`, { data: answer }));
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (e) => reject(failure(ErrorCode.RequestError, `slack ${method}: ${e.message}`, {})));
      req.end(body);
    });

  return { call, close: () => agent.destroy() };
}
