/**
 * Vote reminders (`schedules.reminders`, e.g. 3 days and 1 day before voting closes): one
 * system broadcast per reminder, with an id derived from the close, fanned out only to
 * residents who have not voted; once with two schedulers; after a downtime only the latest
 * one, late, once; moved with an extension of voting.
 */
import { describe, expect, it } from 'vitest';
import { CampaignScheduler } from '../../adapters/scheduling/index.ts';
import { LocalLease } from '../../adapters/system/local-lease.ts';
import { reminderBroadcastId } from '../../core/phases/scheduled-messages.ts';
import { harness } from '../support/engine-harness.ts';
import type { Harness } from '../support/engine-harness.ts';
import { DAY, HOUR, T, testCampaign } from '../support/test-campaign.ts';

const MIN = 60_000;

/** Voting open with three finalists and three residents, of whom `voter` has voted. */
async function voting(): Promise<{ h: Harness; voter: string; others: string[] }> {
  const h = harness(testCampaign({ schedules: { residentUpdate: '0 9 * * 1', mayorDigest: '0 8 * * 5', reminders: [3 * DAY, DAY] } }));
  const voter = await h.register(1000);
  const others = [await h.register(1001), await h.register(1002)];
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const idea = await h.submit(voter, `Idea number ${i + 1} for the town`, 500_000);
    await h.engine.moderateIdea('U-MOD1', idea.id, 1, { outcome: 'eligible', comment: null });
    ids.push(idea.id);
  }
  h.clock.set(T.review + 1);
  await h.engine.tick();
  for (const id of ids) await h.engine.selectFinalist('U-ADMIN', id, true);
  h.clock.set(T.voting + HOUR);
  await h.engine.tick();
  expect((await h.engine.castBallot(voter, 'town', [{ ideaId: ids[0]! }], 'v1')).ok).toBe(true);
  return { h, voter, others };
}

async function reminders(h: Harness): Promise<string[]> {
  return (await h.engine.listBroadcasts(null, 100)).filter((b) => b.id.startsWith('bc_rem-')).map((b) => b.id).reverse();
}

async function fanOut(h: Harness, id: string): Promise<string[]> {
  for (let i = 0; i < 10; i++) {
    const step = await h.engine.fanOutBroadcast(id, 2);
    if (!step.ok) throw new Error(step.code);
    if (step.value.done) break;
  }
  return (await h.stores.outbox.list(0, 10_000)).filter((m) => m.group === id).map((m) => (m.recipient.kind === 'resident' ? m.recipient.residentId : '?'));
}

describe('vote reminders', () => {
  it('3 days before the close: one broadcast, only to those who have not voted, once with two schedulers', async () => {
    const { h, voter, others } = await voting();
    const at = T.votingEnd - 3 * DAY;
    const a = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    const b = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    h.clock.set(at - MIN);
    expect((await a.runDue()).broadcasts.filter((id) => id.startsWith('bc_rem-'))).toEqual([]);
    expect(await a.nextWakeAt(at - 30_000)).toBe(at);
    h.clock.set(at + MIN);
    const id = reminderBroadcastId(T.votingEnd, 3 * DAY);
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ra.broadcasts).toContain(id);
    expect(rb.broadcasts).toContain(id);
    expect((await a.runDue()).broadcasts).not.toContain(id);
    expect(await reminders(h)).toEqual([id]);
    const [broadcast] = await h.engine.listBroadcasts(null, 1);
    expect(broadcast).toMatchObject({ id, by: 'system:scheduler', audience: { kind: 'nonVoters', area: null }, content: { kind: 'template', template: 'reminder.vote', params: { closesAt: T.votingEnd, leadMs: 3 * DAY } } });
    const reached = await fanOut(h, id);
    expect(reached.sort()).toEqual([...others].sort());
    expect(reached).not.toContain(voter);
  });

  it('after a downtime over both reminders, only the latest goes, late, once; none once voting closed', async () => {
    const { h } = await voting();
    h.clock.set(T.votingEnd - 5 * HOUR);
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    await s.runDue();
    await new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') }).runDue();
    expect(await reminders(h)).toEqual([reminderBroadcastId(T.votingEnd, DAY)]);
    h.clock.set(T.votingEnd + MIN);
    await new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') }).runDue();
    expect(await reminders(h)).toHaveLength(1);
  });

  it('an extension of voting moves the reminders to the new close', async () => {
    const { h } = await voting();
    const until = T.votingEnd + 4 * DAY;
    expect((await h.engine.extendPhase('U-ADMIN', until, 'more time')).ok).toBe(true);
    const s = new CampaignScheduler({ engine: h.engine, lease: new LocalLease('scheduler') });
    h.clock.set(T.votingEnd - 3 * DAY + MIN);
    await s.runDue();
    expect(await reminders(h)).toEqual([]);
    expect(await s.nextWakeAt(T.votingEnd - 3 * DAY)).toBe(T.votingEnd - 3 * DAY + 60_000);
    h.clock.set(until - 3 * DAY + MIN);
    await s.runDue();
    expect(await reminders(h)).toEqual([reminderBroadcastId(until, 3 * DAY)]);
  });
});
