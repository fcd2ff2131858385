/** The weekly digest to a Slack user, against the strict Web API stand-in. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimedMessage } from '../../core/ports/outbox.ts';
import { flattenParams } from '../../core/phases/scheduled-messages.ts';
import { COMMITTEE_NOTICES } from '../../adapters/slack/notices/index.ts';
import { UndeliverableNotice } from '../../adapters/slack/notices/notice-handler.ts';
import { DIGEST_WIDTH } from '../../adapters/digest/render-digest.ts';
import { startCommittee } from '../support/slack/committee-harness.ts';
import type { CommitteeHarness } from '../support/slack/committee-harness.ts';

let c: CommitteeHarness | null = null;
afterEach(async () => {
  await c?.stop();
  c = null;
});

const params = flattenParams({ at: 0, registered: 42, population: 100, newRegistrations: { thisWeek: 7, lastWeek: 3 }, registrationsByWeek: [1, 2, 7], ideasByWeek: [0, 1, 1] });

function message(recipient: unknown): ClaimedMessage {
  return { seq: 1, token: 't', key: 'digest:x:0', recipient, template: 'digest.weekly', params, notBefore: 0, attempts: 1 } as unknown as ClaimedMessage;
}

describe('digest.weekly to a slackUser', () => {
  it('opens the DM and uploads the chart with the text alternative', async () => {
    c = await startCommittee();
    const handler = COMMITTEE_NOTICES['digest.weekly']!;
    expect(await handler(c.committee.services, message({ kind: 'slackUser', userId: 'U-ADMIN' }))).toEqual({});
    const methods = c.slack.calls.map((k) => k.method).filter((m) => m !== 'auth.test');
    expect(methods).toEqual(['conversations.open', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    const done = c.slack.calls.at(-1)!;
    expect(done.args.channel_id).toBe('U-ADMIN');
    expect(String(done.args.initial_comment)).toMatch(/42 \/ 100/);
    expect(String(done.args.initial_comment)).toContain('↑ +4');
    const fileId = (done.args.files as Array<{ id: string }>)[0]!.id;
    const file = c.slack.file(fileId)!;
    expect(file.completed).toBe(true);
    // the stand-in keeps the uploaded body as sent; the PNG's IHDR carries the chart's width
    const ihdr = file.bytes!.indexOf('IHDR');
    expect(ihdr).toBeGreaterThan(0);
    expect(file.bytes!.readUInt32BE(ihdr + 4)).toBe(DIGEST_WIDTH);
  });

  it('gives up a digest addressed to no Slack user, calling nothing', async () => {
    c = await startCommittee();
    await expect(COMMITTEE_NOTICES['digest.weekly']!(c.committee.services, message({ kind: 'committee' }))).rejects.toBeInstanceOf(UndeliverableNotice);
    expect(c.slack.calls.filter((k) => k.method !== 'auth.test')).toEqual([]);
  });
});
