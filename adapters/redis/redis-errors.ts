/**
 * Errors of the Redis store. Infrastructure failures are thrown (not returned): the message
 * names the operation and the cause, never a password, a URL with credentials, a command's
 * arguments or a record's content (ioredis errors carry the command's arguments, so the
 * original error is not kept as `cause`).
 */

/** A Redis operation failed after the retries that were safe. */
export class RedisStoreError extends Error {
  /** Store operation, e.g. `ballots.cast`. */
  readonly op: string;
  /** Name of the underlying error, e.g. `MaxRetriesPerRequestError`, `ReplyError`. */
  readonly causeName: string;
  /** `code` of the underlying error when it had one (`ECONNREFUSED`, …). */
  readonly causeCode: string | undefined;

  constructor(op: string, message: string, causeName: string, causeCode?: string) {
    super(`redis store: ${op} failed: ${message}`);
    this.name = 'RedisStoreError';
    this.op = op;
    this.causeName = causeName;
    this.causeCode = causeCode;
  }
}

export { describeRedisUrl, secretsOf } from './redis-url.ts';

/** `text` with every secret replaced. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

/** Connection-level failures: the command may or may not have run, and may be retried. */
export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e.name === 'ReplyError') return false;
  return (
    e.name === 'MaxRetriesPerRequestError' ||
    // Redis Cluster: no known node answered (a slots refresh, or the first connection).
    e.name === 'ClusterAllFailedError' ||
    /Connection is closed|Failed to refresh slots cache|None of startup nodes is available|Command timed out|Stream isn't writeable|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket/i.test(e.message)
  );
}

/** Wraps any error into a `RedisStoreError` with a safe message. */
export function wrapError(op: string, e: unknown, secrets: readonly string[]): RedisStoreError {
  if (e instanceof RedisStoreError) return e;
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as NodeJS.ErrnoException).code;
  // A Lua runtime error quotes the script line, not its arguments; keep its first line only.
  const message = redact(err.message.split('\n')[0] ?? '', secrets);
  const hint = isConnectionError(err) ? ' (Redis unreachable or connection lost)' : '';
  return new RedisStoreError(op, `${err.name}: ${message}${hint}`, err.name, typeof code === 'string' ? code : undefined);
}
