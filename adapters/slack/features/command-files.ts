/**
 * The `/pnyx` subcommands that hand the committee files, after the acknowledgement (they may
 * take longer than Slack's 3 seconds) and reporting back when done:
 * - `export`: the campaign's CSV exports (the composition root's exporter, the same code as
 *   `pnyx export`), uploaded to the channel the command was typed in;
 * - `codes N`: N one-time codes for the town to hand out (admins only), as a CSV file sent in
 *   the app's direct messages with the admin who asked — codes verify residents, so they
 *   are never printed in a message nor left in a shared channel's history.
 * Uploads use `files.uploadV2` (`files.upload` is retired).
 */
import { DateTime } from 'luxon';
import type { StaffMember } from '../../../core/campaign/campaign.ts';
import { csvLine } from '../../pabulib/index.ts';
import type { CsvFile, SlackServices } from '../context.ts';
import { adminOnly, commandRefusal, errorFields, slackErrorCode, uploadCsv } from './command-support.ts';

/** Says something privately to the person who typed the command. */
export type Say = (text: string) => Promise<void>;

/** `/pnyx export` in `channel`. */
export async function runExport(services: SlackServices, channel: string, say: Say): Promise<void> {
  const { t, exporter, logger, format, clock } = services;
  if (exporter === null) return say(t('command-export-unavailable'));
  await say(t('command-export-started'));
  let files: readonly CsvFile[];
  try {
    files = await exporter();
  } catch (e) {
    logger.error(errorFields(e), 'export failed');
    return say(t('command-export-failed'));
  }
  // Slack refuses an empty upload; an export file always has at least its header.
  const ready = files.filter((f) => f.content.length > 0);
  if (ready.length === 0) return say(t('command-export-empty'));
  try {
    await uploadCsv(services, channel, ready, t('command-export-comment', { count: ready.length, at: format.dateTime(clock.now()) }));
  } catch (e) {
    logger.warn(errorFields(e), 'could not upload the export');
    return say(t('command-upload-failed', { error: slackErrorCode(e) ?? 'network' }));
  }
  await say(t('command-export-done', { count: ready.length, files: ready.map((f) => `\`${f.filename}\``).join(', ') }));
}

/** The CSV of a batch of codes: one code a line, with when it was issued. */
export function codesCsv(codes: readonly string[], issuedAt: string): string {
  return [['code', 'issued_at'], ...codes.map((c) => [c, issuedAt])].map((r) => `${csvLine(r, ',')}\r\n`).join('');
}

/** `/pnyx codes N` by `user`. */
export async function runCodes(services: SlackServices, staff: StaffMember | undefined, user: string, count: number, say: Say): Promise<void> {
  const { t, engine, campaign, client, logger } = services;
  const refused = adminOnly(services, staff);
  if (refused !== null) return say(refused);
  const issued = await engine.issueCodes(`staff:${user}`, count);
  if (!issued.ok) return say(commandRefusal(services, issued));
  const codes = issued.value;
  const at = DateTime.fromMillis(engine.now(), { zone: campaign.timeZone });
  try {
    const dm = await client.conversations.open({ users: user });
    const channel = dm.channel?.id;
    if (channel === undefined) throw new Error('conversations.open returned no channel');
    const file: CsvFile = { filename: `codes-${campaign.id}-${at.toFormat('yyyyMMdd-HHmm')}.csv`, title: t('command-codes-file-title', { count: codes.length }), content: codesCsv(codes, at.toISO({ suppressMilliseconds: true }) ?? '') };
    await uploadCsv(services, channel, [file], t('command-codes-comment', { count: codes.length }));
  } catch (e) {
    logger.warn(errorFields(e), 'could not send the codes file');
    return say(t('command-codes-upload-failed', { count: codes.length, error: slackErrorCode(e) ?? 'network' }));
  }
  await say(t('command-codes-done', { count: codes.length }));
}
