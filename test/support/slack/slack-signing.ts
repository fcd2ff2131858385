/**
 * Requests as Slack sends them to an app: signed with the signing secret (v0 HMAC-SHA256 of
 * `v0:<timestamp>:<raw body>`), with the headers Bolt's receivers check. Tests use these to
 * drive the app over real HTTP, and to forge, age or replay a request on purpose.
 */
import { createHmac } from 'node:crypto';

/** Headers of a signed request; `at` is the request time in epoch seconds. */
export function slackSignatureHeaders(secret: string, rawBody: string, at = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${at}:${rawBody}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(at), 'x-slack-signature': signature };
}

/** The raw body of an interactivity payload (button, modal submission): `payload=<json>`. */
export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The raw body of a slash command. */
export function slashCommandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** POSTs a signed request to `url`; returns status and body text. */
export async function postSigned(
  url: string,
  secret: string,
  rawBody: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: { at?: number; signature?: string } = {},
): Promise<{ status: number; body: string; ms: number }> {
  const headers = slackSignatureHeaders(secret, rawBody, options.at);
  if (options.signature !== undefined) headers['x-slack-signature'] = options.signature;
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body: rawBody });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}
