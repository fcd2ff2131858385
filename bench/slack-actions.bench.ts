/**
 * Moderation actions handled per second through the committee's Bolt app, next to a bare
 * Bolt app acknowledging the same signed requests in the same run; and the acknowledgement
 * latency at an offered 50 actions/s.
 *
 *   npm run bench -- slack-actions
 *
 * What runs: `createCommitteeApp` with every feature, over the engine on the embedded SQLite
 * store, mounted at `/slack/events` on the service's own HTTP server (`startHttpServer`), and
 * talking to the strict Slack Web API stand-in of test/support/slack in a worker thread
 * (bench/support/slack-stand-in-worker.ts), so its Block Kit validation runs apart. The
 * action is a moderator pressing *Eligible* on an idea's card: Bolt checks the signature, the
 * app handles the request once (ProcessedUpdates), checks staff, acks, records the decision
 * (`moderateIdea`: the idea, its audit entry and the author's notice in one transaction) and
 * updates the card in place (`chat.update`). Each request names a different idea, each card a
 * real message in the stand-in's channel, referenced as the idea's card (`card:<ideaId>`, as
 * the committee sender records a card it posts).
 *
 * The bare app: `new App` with an `HTTPReceiver` on the same kind of server and one action
 * listener that only acks — what Bolt itself costs.
 *
 * - throughput: closed loop, IN_FLIGHT requests at a time, for WINDOW_MS after a 1 s ramp;
 *   ROUNDS rounds of each app, alternating bare / committee, each started on a quiet machine
 *   (`sync`, then 500 ms: the committee's writes keep the kernel flushing pages for seconds
 *   after its round, which slowed the next bare round by up to 30 %), and the median round of
 *   each is kept (the machine's speed drifts by 10–30 % within a minute: one window of each
 *   would compare two different moments). For the committee app a round counts decisions
 *   **recorded** in the store inside its window (read from the store at its ends, so work
 *   left after the ack counts only once done); for the bare app, acknowledgements. `ratio` =
 *   value / baseline, the two medians; `rounds` lists every round.
 * - latency: open loop, one request every 20 ms (50/s) for LATENCY_MS, from sending the
 *   request to Bolt's HTTP answer (the ack Slack waits for); p50 and p99.
 * Target: ratio ≥ 0.5 and p99 < 500 ms. Progress on stderr; ONE JSON line on stdout; exit 1
 * when `pass` is false or the stand-in saw a call Slack would refuse.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { App, HTTPReceiver } from '@slack/bolt';
import { pino } from 'pino';
import { createCommitteeApp, SLACK_EVENTS_PATH } from '../adapters/slack/committee-app.ts';
import { cardValueOf, CARD_ACTIONS } from '../adapters/slack/actions.ts';
import { cardRefKey } from '../adapters/slack/notices/card-notices.ts';
import { openSqliteStores, sqliteFileFor } from '../adapters/sqlite/index.ts';
import { CryptoIds } from '../adapters/system/index.ts';
import { createEngine } from '../core/engine/campaign-engine.ts';
import { VoterKeys } from '../core/ballots/voter-keys.ts';
import type { Stores } from '../core/ports/stores.ts';
import { startHttpServer } from '../bot/service/http-server.ts';
import type { RunningServer } from '../bot/service/http-server.ts';
import { interactionBody, slackSignatureHeaders } from '../test/support/slack/slack-signing.ts';
import { BENCH_T0, benchCampaign, benchResident } from './support/voting-campaign.ts';
import { SlackStandInThread } from './support/slack-stand-in-thread.ts';

const TOKEN = 'xoxb-1-bench-token';
const SECRET = 'bench0123456789abcdef0123456789ab';
const CHANNEL = 'C1';
const MODERATOR = 'U-MOD1';
const IN_FLIGHT = Number(process.env['BENCH_IN_FLIGHT'] ?? 32);
const RAMP_MS = 1000;
const WINDOW_MS = Number(process.env['BENCH_WINDOW_MS'] ?? 4000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const LATENCY_MS = Number(process.env['BENCH_LATENCY_MS'] ?? 10_000);
const LATENCY_EVERY_MS = 20;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 500;
/** Ideas (and cards) prepared: more than the committee app can decide in the whole run. */
const IDEAS = Number(process.env['BENCH_IDEAS'] ?? 24_000);

const log = (s: string): void => void process.stderr.write(`[slack-actions] ${s}\n`);
const silent = pino({ level: process.env['BENCH_LOG'] ?? 'silent' }, pino.destination(2));

interface Card {
  readonly ideaId: string;
  readonly version: number;
  readonly ts: string;
}

/** The signed raw body of a press on *Eligible* on `card`. */
function press(card: Card): { body: string; headers: Record<string, string> } {
  const body = interactionBody({
    type: 'block_actions',
    team: { id: 'T0PNYX', domain: 'bench' },
    user: { id: MODERATOR, username: 'mod', name: 'mod', team_id: 'T0PNYX' },
    api_app_id: 'A0PNYX',
    token: 'deprecated',
    trigger_id: `${Date.now()}.${randomBytes(6).toString('hex')}`,
    container: { type: 'message', channel_id: CHANNEL, message_ts: card.ts, is_ephemeral: false },
    channel: { id: CHANNEL, name: 'committee' },
    message: { type: 'message', ts: card.ts, text: 'card' },
    actions: [{ type: 'button', action_id: CARD_ACTIONS.eligible, block_id: 'moderation', value: cardValueOf(card.ideaId, card.version), action_ts: String(Date.now() / 1000) }],
  });
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignatureHeaders(SECRET, body) } };
}

async function send(url: string, card: Card): Promise<number> {
  const { body, headers } = press(card);
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
  return performance.now() - t0;
}

/** Closed loop over `cards` for the window; returns requests answered inside it. */
async function closedLoop(url: string, next: () => Card, windowMs: number): Promise<{ answered: number; startedAt: number; endedAt: number }> {
  let answered = 0;
  let startedAt = 0;
  let endedAt = 0;
  const t0 = performance.now();
  const rampEnd = t0 + RAMP_MS;
  const end = rampEnd + windowMs;
  const worker = async (): Promise<void> => {
    for (;;) {
      const now = performance.now();
      if (now >= end) return;
      await send(url, next());
      const done = performance.now();
      if (done >= rampEnd && done < end) answered++;
    }
  };
  const windowStart = new Promise<void>((resolve) => setTimeout(() => {
    startedAt = Date.now();
    resolve();
  }, RAMP_MS));
  const windowEnd = new Promise<void>((resolve) => setTimeout(() => {
    endedAt = Date.now();
    resolve();
  }, RAMP_MS + windowMs));
  await Promise.all([...Array.from({ length: IN_FLIGHT }, worker), windowStart, windowEnd]);
  return { answered, startedAt, endedAt };
}

/** Open loop at 50/s; returns the acknowledgement latencies. */
async function openLoop(url: string, next: () => Card, durationMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; ; i++) {
    const due = t0 + i * LATENCY_EVERY_MS;
    if (due - t0 >= durationMs) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const card = next();
    pending.push(send(url, card).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return latencies;
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};
const r1 = (x: number): number => Math.round(x * 10) / 10;
const median = (xs: readonly number[]): number => pct([...xs], 50);

/** Waits for the machine to be quiet: the kernel's pending writes flushed (`sync`), then a pause. */
async function settle(): Promise<void> {
  execFileSync('sync');
  await new Promise((r) => setTimeout(r, 500));
}

/** Submits IDEAS ideas (one author each) and posts a card message for each. */
async function prepare(stores: Stores, slack: SlackStandInThread): Promise<{ cards: Card[]; engine: ReturnType<typeof createEngine> }> {
  const campaign = { ...benchCampaign(), staff: [{ slackUserId: 'U-ADMIN', name: 'Admin', role: 'admin' as const }, { slackUserId: MODERATOR, name: 'Mod', role: 'moderator' as const }] };
  const clock = { now: () => BENCH_T0 + 1000 };
  const engine = createEngine({ campaign, stores, clock, ids: new CryptoIds(), keys: new VoterKeys('bench-secret-0123456789') });
  const authors = Array.from({ length: IDEAS }, (_, i) => benchResident(i, clock.now()));
  for (let i = 0; i < authors.length; i += 200) await Promise.all(authors.slice(i, i + 200).map((r) => stores.residents.save(r, null, {})));
  const ideas = [];
  for (let i = 0; i < IDEAS; i++) {
    const r = await engine.submitIdea(authors[i]!.id, { title: `Idée numéro ${i + 1}`, description: `Une description assez longue pour l'idée ${i + 1}, avec des détails.`, category: 'c', area: null, cost: 500_000, photo: null, location: null });
    if (!r.ok) throw new Error(`submitIdea refused: ${r.code}`);
    ideas.push(r.value);
  }
  const ts = await slack.post(CHANNEL, ideas.map((i) => `Idée #${i.number}`));
  // Each card's message reference, as the committee sender stores it with the card's post.
  for (let k = 0; k < ideas.length; k++) await stores.messageRefs.put({ key: cardRefKey(ideas[k]!.id), platform: 'slack', chat: CHANNEL, messageId: ts[k]!, owner: null, at: clock.now() });
  return { cards: ideas.map((idea, k) => ({ ideaId: idea.id, version: idea.version, ts: ts[k]! })), engine };
}

async function decided(stores: Stores): Promise<number> {
  return (await stores.ideas.countByState()).eligible ?? 0;
}

async function main(): Promise<void> {
  const startedAll = Date.now();
  const slack = await SlackStandInThread.start(TOKEN, [CHANNEL], ['U-ADMIN', MODERATOR]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pnyx-bench-slack-'));
  const servers: RunningServer[] = [];
  try {
    const stores = openSqliteStores({ file: sqliteFileFor(dir, 'bench') });
    log(`preparing ${IDEAS} ideas and their cards`);
    const { cards, engine } = await prepare(stores, slack);

    // The committee app.
    const committee = createCommitteeApp({ engine, stores, token: TOKEN, signingSecret: SECRET, apiUrl: slack.apiUrl, clock: { now: () => BENCH_T0 + 2000 }, logger: silent, retries: 0 });
    await committee.init();
    const appServer = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silent, routes: [{ path: SLACK_EVENTS_PATH, methods: { POST: committee.requestListener! } }] });
    servers.push(appServer);
    const appUrl = `http://127.0.0.1:${appServer.port}${SLACK_EVENTS_PATH}`;

    // The bare app: Bolt acknowledging, nothing else.
    const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: SLACK_EVENTS_PATH });
    const bare = new App({ token: TOKEN, receiver, deferInitialization: true, clientOptions: { slackApiUrl: slack.apiUrl } });
    bare.action(/.*/, async ({ ack }) => ack());
    await bare.init();
    const bareServer = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silent, routes: [{ path: SLACK_EVENTS_PATH, methods: { POST: receiver.requestListener } }] });
    servers.push(bareServer);
    const bareUrl = `http://127.0.0.1:${bareServer.port}${SLACK_EVENTS_PATH}`;

    // The bare app never reads the cards: it gets the same requests over and over (each with a fresh trigger id).
    let k = 0;
    const bareNext = (): Card => cards[k++ % cards.length]!;
    // Each card is decided once: the committee app takes them in turn (a cursor: shifting a 24,000-item array costs per call).
    let taken = 0;
    const appNext = (): Card => {
      const card = cards[taken++];
      if (card === undefined) throw new Error('ran out of cards: raise BENCH_IDEAS');
      return card;
    };

    /** One round of the committee app: decisions recorded inside the window, per second. */
    const committeeRound = async (): Promise<{ value: number; acked: number; mainElu: number; standInElu: number }> => {
      const m0 = performance.eventLoopUtilization();
      const s0 = slack.elu();
      const run = closedLoop(appUrl, appNext, WINDOW_MS);
      await new Promise((r) => setTimeout(r, RAMP_MS));
      const n0 = await decided(stores);
      const at = performance.now();
      await new Promise((r) => setTimeout(r, WINDOW_MS));
      const n1 = await decided(stores);
      const windowS = (performance.now() - at) / 1000;
      const appRun = await run;
      const value = (n1 - n0) / windowS;
      // Let the work after the round's last acks finish before the next round.
      await new Promise((r) => setTimeout(r, 300));
      return { value, acked: appRun.answered / (WINDOW_MS / 1000), mainElu: performance.eventLoopUtilization(m0).utilization, standInElu: slack.elu(s0).utilization };
    };
    const bares: number[] = [];
    const rounds: { value: number; acked: number; mainElu: number; standInElu: number }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Each round starts on a quiet machine: after its round the committee's writes leave the kernel flushing pages.
      await settle();
      const bareRun = await closedLoop(bareUrl, bareNext, WINDOW_MS);
      bares.push(bareRun.answered / (WINDOW_MS / 1000));
      await settle();
      rounds.push(await committeeRound());
      log(`round ${r + 1}/${ROUNDS}: bare ${bares[r]!.toFixed(0)}/s, committee ${rounds[r]!.value.toFixed(0)} decisions/s`);
    }
    const baseline = median(bares);
    const value = median(rounds.map((x) => x.value));
    const acked = median(rounds.map((x) => x.acked));
    const mainElu = median(rounds.map((x) => x.mainElu));
    const standInElu = median(rounds.map((x) => x.standInElu));

    // Let the work after the last acks finish before measuring latency.
    await new Promise((r) => setTimeout(r, 1000));
    log('latency at 50 actions/s: committee app');
    const latencies = await openLoop(appUrl, appNext, LATENCY_MS);
    await new Promise((r) => setTimeout(r, 1000));
    const stats = await slack.stats();
    const edited = await slack.edited(CHANNEL);
    const totalDecided = await decided(stores);
    const ratio = value / baseline;
    const p50 = pct(latencies, 50);
    const p99 = pct(latencies, 99);
    const pass = ratio >= TARGET_RATIO && p99 < TARGET_P99_MS && stats.violations === 0 && edited >= Math.min(totalDecided, 1);
    if (stats.violations > 0) log(`stand-in violations: ${stats.firstViolations.join(' | ')}`);
    await stores.close();
    process.stdout.write(
      `${JSON.stringify({
        bench: 'slack-actions',
        value: r1(value),
        unit: 'moderation actions/s',
        baseline: r1(baseline),
        ratio: Math.round(ratio * 1000) / 1000,
        target: TARGET_RATIO,
        pass,
        store: 'sqlite',
        ackedPerSecond: r1(acked),
        p50: r1(p50),
        p99: r1(p99),
        p99Target: TARGET_P99_MS,
        latencyRequests: latencies.length,
        decided: totalDecided,
        cardsUpdated: edited,
        webApiCalls: stats.byMethod,
        violations: stats.violations,
        mainElu: Math.round(mainElu * 100) / 100,
        standInElu: Math.round(standInElu * 100) / 100,
        inFlight: IN_FLIGHT,
        windowMs: WINDOW_MS,
        rounds: rounds.map((x, i) => ({ bare: r1(bares[i]!), committee: r1(x.value) })),
        seconds: Math.round((Date.now() - startedAll) / 1000),
      })}\n`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    for (const s of servers) await s.close(100);
    await slack.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
