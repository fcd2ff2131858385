/**
 * The process logger: pino, JSON lines on stdout, level from LOG_LEVEL. Fields that could hold
 * a secret are censored wherever they appear (tokens, secrets, URLs with credentials,
 * authorization headers); code logs an error as `{name, message}` only, never the request or
 * the environment.
 */
import type { DestinationStream, Logger } from 'pino';
import { pino } from 'pino';
import type { Environment } from '../../config/index.ts';

/** Paths censored in every log line. */
export const REDACTED_PATHS = [
  'token',
  'secret',
  'password',
  'url',
  'redisUrl',
  '*.token',
  '*.secret',
  '*.password',
  '*.url',
  '*.redisUrl',
  'headers.authorization',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-slack-signature"]',
  '*.headers.authorization',
  '*.headers["x-telegram-bot-api-secret-token"]',
  '*.headers["x-slack-signature"]',
];

/** A logger at `level` writing to `destination` (default stdout). */
export function createLogger(level: Environment['logLevel'], destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'pnyx' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination === undefined ? pino(options) : pino(options, destination);
}
