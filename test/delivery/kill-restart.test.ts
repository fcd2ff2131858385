/**
 * Crash safety of a broadcast, with a real service process killed by SIGKILL (no shutdown, no
 * settling of what it holds): once in the middle of the fan-out (the broadcast record has
 * queued between 10 % and 90 % of the audience), and once in the middle of the sending, each time
 * followed by a restart of `pnyx start` on the same store. Checked at the Telegram stand-in
 * and in the store, so it holds whatever delivery engine the service runs:
 * - none skipped: every resident of the audience got the announcement;
 * - no resident got it twice, except messages in flight at a kill — sent to Telegram but not
 *   yet recorded as sent. There are at most IN_FLIGHT_BOUND of them per kill, each resent
 *   once, and each one's first send is among the last IN_FLIGHT_BOUND sends accepted before
 *   that kill (a resend of anything older would be a lost acknowledgement, not a crash);
 * - every resend is logged by the restarted process (a warn line naming the message by its
 *   outbox seq and broadcast, with the attempt; never the resident or the chat): each resident
 *   who got it twice has such a line, there are at least as many lines as repeats, and the
 *   kill in the middle of the sending left messages in hand, whose resends the last process logs;
 * - the record ends `done` with total = queued = sent = the audience (the fan-out, resumed
 *   from its recorded cursor, queued nobody twice and nobody was left out).
 * On SQLite (the in-process dispatcher: a claim whose lease ran out) and on Redis (BullMQ: a
 * stalled job taken over).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { tempDir } from '../cli/cli-fixture.ts';
import { deletePrefix, describeWithRedis, redisUrl } from '../support/redis.ts';
import { announce, broadcastTexts, fakeBotToken, openCampaign, seedResidents, startService, until, writeCampaignFile } from '../../bench/support/broadcast-service.ts';
import type { ServiceProcess, StoreChoice } from '../../bench/support/broadcast-service.ts';
import { RESEND_LOG_MESSAGE } from '../../adapters/delivery/resend-log.ts';

const RESIDENTS = 6000;
/**
 * Messages a sender may hold sent-but-unrecorded at once: the resident dispatcher sends one
 * at a time (1); a concurrent engine up to its concurrency. Generous on purpose: the check
 * that matters is *which* messages were resent (the last ones before the kill).
 */
const IN_FLIGHT_BOUND = 64;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

async function killAndRestart(kind: 'sqlite' | 'redis'): Promise<void> {
  const { dir, cleanup } = await tempDir('kill-restart');
  cleanups.push(cleanup);
  const id = `test-kr-${randomBytes(5).toString('hex')}`;
  const file = writeCampaignFile(dir, id);
  const store: StoreChoice = kind === 'sqlite' ? { kind: 'sqlite', dataDir: path.join(dir, 'data') } : { kind: 'redis', url: redisUrl, dataDir: path.join(dir, 'data') };
  if (kind === 'redis') cleanups.push(async () => void (await deletePrefix(`pnyx:{${id}}:`)));
  // Its BullMQ queues (deliveries, schedules).
  if (kind === 'redis') cleanups.push(async () => void (await deletePrefix(`pnyx-bull:{${id}}:`)));
  const opened = await openCampaign(file, store);
  cleanups.push(() => opened.close());
  const chats = await seedResidents(opened.stores, 600_000_000 + Math.floor(Math.random() * 1_000_000) * 100, RESIDENTS);
  const token = fakeBotToken();
  const api = await TelegramStandIn.start({ token, limits: { perSecond: 300, perChatPerSecond: 1, perGroupPerMinute: 20 } });
  cleanups.push(() => api.stop());
  api.users(chats);

  let service: ServiceProcess | null = null;
  const started: ServiceProcess[] = [];
  const start = async (): Promise<ServiceProcess> => {
    const s = startService({ campaignFile: file, store, token, apiRoot: api.apiRoot, port: await freePort(), messagesPerSecond: 285 });
    started.push(s);
    cleanups.push(() => s.kill9());
    await waitForHttp(`http://127.0.0.1:${s.port}/healthz`, 60_000);
    return s;
  };
  const logOf = (): string => service?.output().slice(-4000) ?? '';
  service = await start();

  // ---- 1. SIGKILL in the middle of the fan-out ----------------------------------------
  const broadcast = await announce(opened.engine, broadcastTexts(id));
  // Read as fast as the store answers: a page of 500 takes milliseconds.
  await until(
    async () => {
      const b = await opened.stores.broadcasts.get(broadcast);
      return b !== null && b.status === 'fanning_out' && b.queued >= RESIDENTS * 0.1 ? b : undefined;
    },
    60_000,
    () => `the fan-out never started:\n${logOf()}`,
    1,
  );
  await service.kill9();
  const fanOutKill = { at: Date.now(), accepted: api.limits.accepted.length };
  const cut = await opened.stores.broadcasts.get(broadcast);
  expect(cut?.status, 'the kill came after the fan-out ended: the test no longer kills it in the middle').toBe('fanning_out');
  expect(cut!.queued).toBeGreaterThanOrEqual(RESIDENTS * 0.1);
  expect(cut!.queued).toBeLessThanOrEqual(RESIDENTS * 0.9);

  // ---- 2. restart; SIGKILL again in the middle of the sending ---------------------------
  service = await start();
  await until(
    async () => (api.limits.accepted.length >= fanOutKill.accepted + RESIDENTS * 0.3 ? true : undefined),
    240_000,
    () => `sending did not resume after the restart (${api.limits.accepted.length} sent):\n${logOf()}`,
    20,
  );
  await service.kill9();
  const sendKill = { at: Date.now(), accepted: api.limits.accepted.length };
  const mid = await opened.stores.broadcasts.get(broadcast);
  expect(mid?.status, 'the fan-out ended after the first restart').toBe('sending');
  expect(sendKill.accepted).toBeLessThan(RESIDENTS);

  // ---- 3. restart; run to the end ------------------------------------------------------
  service = await start();
  await until(
    async () => {
      if (service!.child.exitCode !== null) throw new Error(`the service exited:\n${logOf()}`);
      const p = await opened.engine.broadcastProgress(broadcast);
      return p.ok && p.value.status === 'done' ? true : undefined;
    },
    300_000,
    () => `the broadcast did not finish (${api.limits.accepted.length} sent):\n${logOf()}`,
    250,
  );
  expect(await service.stop(), logOf()).toBe(0);

  // None skipped.
  const reached = new Set(api.limits.accepted.map((a) => a.chatId));
  expect(chats.filter((c) => !reached.has(c)), 'residents never reached').toEqual([]);
  expect(reached.size).toBe(RESIDENTS);

  // Twice only for messages in flight at a kill, once resent, first sent right before it.
  const repeated = api.limits.repeatedChats();
  expect([...repeated.values()].filter((n) => n > 2), 'a resident got it three times or more').toEqual([]);
  expect(repeated.size).toBeLessThanOrEqual(2 * IN_FLIGHT_BOUND);
  const lastBefore = (accepted: number): Set<number> => new Set(api.limits.accepted.slice(Math.max(0, accepted - IN_FLIGHT_BOUND), accepted).map((a) => a.chatId));
  const inFlight = new Set([...lastBefore(fanOutKill.accepted), ...lastBefore(sendKill.accepted)]);
  expect([...repeated.keys()].filter((c) => !inFlight.has(c)), 'resent although not in flight at a kill').toEqual([]);
  for (const chat of repeated.keys()) {
    const times = api.limits.accepted.filter((a) => a.chatId === chat).map((a) => a.at);
    const kill = times[0]! <= fanOutKill.at ? fanOutKill.at : sendKill.at;
    expect(times[1]!, `chat ${chat}: resent before the kill it was in flight at`).toBeGreaterThanOrEqual(kill);
  }
  expect(api.limits.accepted.length).toBe(RESIDENTS + repeated.size);

  // Every resend logged, by the process that made it: the message's seq, its broadcast and the
  // attempt — the chat is found here through the store, never in the line.
  const resends = started.flatMap((s) => s.logs(RESEND_LOG_MESSAGE));
  const chatOfSeq = async (seq: unknown): Promise<number | null> => {
    const [m] = typeof seq === 'number' ? await opened.stores.outbox.list(seq - 1, 1) : [];
    if (m === undefined || m.seq !== seq || m.recipient.kind !== 'resident') return null;
    return (await opened.stores.residents.get(m.recipient.residentId))?.telegramId ?? null;
  };
  const loggedChats = new Set<number | null>();
  for (const line of resends) {
    expect(line, 'a resend line names its broadcast, seq and attempt').toMatchObject({ level: 40, broadcast, seq: expect.any(Number), attempt: expect.any(Number) });
    // Its second delivery: a new claim after the first ran out, or the same claim's job run again.
    expect(line['cause'] === 'job stalled' ? line['run'] : line['attempt'], JSON.stringify(line)).toBeGreaterThanOrEqual(2);
    const chat = await chatOfSeq(line['seq']);
    expect(chat, `a resend line names no message of the broadcast: ${JSON.stringify(line)}`).not.toBeNull();
    expect(JSON.stringify(line)).not.toMatch(new RegExp(`tg:|${chat}`, 'u'));
    loggedChats.add(chat);
  }
  expect([...repeated.keys()].filter((c) => !loggedChats.has(c)), 'resent without a log line').toEqual([]);
  expect(resends.length).toBeGreaterThanOrEqual(repeated.size);
  expect(started[2]!.logs(RESEND_LOG_MESSAGE).length, 'the kill in the middle of the sending left messages in hand, resent unlogged').toBeGreaterThan(0);

  // The record: the fan-out resumed from its cursor, queued each resident once.
  const p = await opened.engine.broadcastProgress(broadcast);
  if (!p.ok) throw new Error(p.code);
  expect({ status: p.value.status, total: p.value.total, queued: p.value.queued, sent: p.value.sent, failed: p.value.failed, left: p.value.left }).toEqual({
    status: 'done',
    total: RESIDENTS,
    queued: RESIDENTS,
    sent: RESIDENTS,
    failed: 0,
    left: 0,
  });
  expect(api.limits.tooManyRequests).toBe(0);
  api.expectNoViolations();
  process.stderr.write(`[kill-restart ${kind}] fan-out killed at ${cut!.queued}/${RESIDENTS} queued, sending killed at ${sendKill.accepted} sent; ${repeated.size} resent, ${resends.length} resends logged (${[...new Set(resends.map((l) => l['cause']))].join(', ')})\n`);
}

describe('kill -9 in the middle of a broadcast, on SQLite', () => {
  it('resumes the fan-out and the sending: none skipped, only the in-flight resent', () => killAndRestart('sqlite'), 600_000);
});

describeWithRedis('kill -9 in the middle of a broadcast, on Redis', () => {
  it('resumes the fan-out and the sending: none skipped, only the in-flight resent', () => killAndRestart('redis'), 600_000);
});
