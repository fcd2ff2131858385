/**
 * What the `/pnyx` subcommands share: engine refusals in the committee's words (phases,
 * areas and languages by name), private notes to the person who acted when there is no
 * `response_url` (after a modal), CSV uploads with `files.uploadV2`, and logging that keeps
 * only an error's name and message.
 */
import type { StaffMember } from '../../../core/campaign/campaign.ts';
import type { Refused } from '../../../core/domain/domain-error.ts';
import type { CsvFile, SlackServices } from '../context.ts';
import { slackRefusal } from '../format.ts';
import { languageName, phaseName } from '../blocks/command-common.ts';

/** Params naming a phase, rendered as the phase's name. */
const PHASE_PARAMS = new Set(['phase', 'from', 'to', 'next', 'nextPhase']);
/**
 * Plain counts: `slackRefusal` reads `max`, `min` and `total` as amounts of money, which they
 * are not in any refusal these subcommands meet (a number of codes, of characters).
 */
const COUNT_PARAMS = new Set(['max', 'min', 'total', 'length']);

/** An engine refusal as the committee reads it. */
export function commandRefusal(services: Pick<SlackServices, 't' | 'format' | 'campaign'>, refusal: Pick<Refused, 'code' | 'params'>): string {
  const { t, format, campaign } = services;
  const counts = new Intl.NumberFormat(campaign.defaultLocale);
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(refusal.params)) {
    if (PHASE_PARAMS.has(k) && typeof v === 'string') params[k] = phaseName(t, v);
    else if (k === 'area' && typeof v === 'string') params[k] = campaign.areas.find((a) => a.id === v)?.name[campaign.defaultLocale] ?? v;
    else if (k === 'locale' && typeof v === 'string') params[k] = languageName(campaign.defaultLocale, v);
    else if (COUNT_PARAMS.has(k) && typeof v === 'number') params[k] = counts.format(v);
    else params[k] = v;
  }
  return slackRefusal(t, format, { code: refusal.code, params });
}

/** The admin-only refusal, before anything is opened for a moderator. */
export function adminOnly(services: Pick<SlackServices, 't'>, staff: StaffMember | undefined): string | null {
  if (staff === undefined) return services.t('refusal-staff-not-staff');
  return staff.role === 'admin' ? null : services.t('refusal-staff-admin-only');
}

/** An error for a log line: its name and message, nothing it carries (requests hold tokens). */
export function errorFields(e: unknown): { err: { name: string; message: string } } {
  const error = e instanceof Error ? e : new Error(String(e));
  return { err: { name: error.name, message: error.message } };
}

/** The Slack error code of a Web API failure (`message_not_found`…), if it is one. */
export function slackErrorCode(e: unknown): string | null {
  const data = (e as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : null;
}

/**
 * A note only `user` sees, in `channel` when there is one the app can post in, else in the
 * app's direct messages with them (a modal's submission has no `response_url`).
 */
export async function tellPrivately(services: Pick<SlackServices, 'client' | 'logger'>, channel: string | null, user: string, text: string): Promise<void> {
  const { client, logger } = services;
  if (channel !== null && !channel.startsWith('D')) {
    try {
      await client.chat.postEphemeral({ channel, user, text });
      return;
    } catch (e) {
      logger.info(errorFields(e), 'could not post a private note in the channel; sending it directly');
    }
  }
  try {
    await client.chat.postMessage({ channel: user, text });
  } catch (e) {
    logger.warn(errorFields(e), 'could not send a private note');
  }
}

/** Uploads CSV files to `channel` in one message (`files.uploadV2`; `files.upload` is retired). */
export async function uploadCsv(services: Pick<SlackServices, 'client'>, channel: string, files: readonly CsvFile[], comment: string): Promise<void> {
  await services.client.filesUploadV2({
    channel_id: channel,
    initial_comment: comment,
    file_uploads: files.map((f) => ({ file: Buffer.from(f.content, 'utf8'), filename: f.filename, title: f.title })),
  });
}
