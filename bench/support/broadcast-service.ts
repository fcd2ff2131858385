/**
 * What the broadcast tests and the `broadcast` benchmark share: a campaign file of their own
 * (the Bertrix example under a fresh id, its phases moved years ahead so the scheduler moves
 * nothing and announces nothing while they run), residents written straight to the store the
 * service opens (registration is not what is measured), the staff announcement through the
 * engine, and the real service — `pnyx start` — as a child process pointed at a Bot API
 * stand-in, so what is checked is the service's public behaviour whatever delivery engine it
 * runs inside.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Stores } from '../../core/ports/stores.ts';
import type { Resident } from '../../core/residents/resident.ts';
import { CryptoIds, SystemClock } from '../../adapters/system/index.ts';
import { loadCampaignFile } from '../../config/index.ts';
import { openStores } from '../../bot/compose.ts';

/** The repository root (cwd of the service processes). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The voter-key secret every process of one run shares (obviously not a real one). */
export const BROADCAST_SECRET = 'broadcast-test-secret-0123456789';

/** The staff member who announces (an admin of the Bertrix example). */
export const ANNOUNCER = 'U07BRTXADMIN1';

/**
 * A fresh, obviously fake bot token. Fresh per run because on Redis the send budget is keyed
 * by (a hash of) the token: two runs sharing one would share one budget.
 */
export function fakeBotToken(): string {
  return `123456789:TEST_${randomBytes(12).toString('hex')}`;
}

/** Writes the campaign file of a run into `dir`: Bertrix under `id`, phases in 2031–2032. Returns its path. */
export function writeCampaignFile(dir: string, id: string): string {
  const source = fs.readFileSync(path.join(repoRoot, 'config/examples/bertrix.yaml'), 'utf8');
  const phases = [
    'phases:',
    '  submission: { start: 2031-04-09, end: 2031-05-16 }',
    '  review:     { start: 2031-05-16, end: 2031-05-31 }',
    '  voting:     { start: 2031-06-01, end: 2031-07-01 }',
    '  tallying:   { start: 2031-07-01, end: 2031-07-17 }',
    '  announced:  { start: 2031-07-17 }',
  ].join('\n');
  const text = source.replace(/^id: .*$/m, `id: ${id}`).replace(/^phases:\n(?:  .*\n)+/m, `${phases}\n`);
  if (!text.includes(`id: ${id}`) || !text.includes('2031-04-09')) throw new Error('broadcast-service: the Bertrix example changed shape');
  const file = path.join(dir, `${id}.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

/** Where a run's campaign lives: the embedded store in `dataDir`, or Redis at `redisUrl`. */
export type StoreChoice = { readonly kind: 'sqlite'; readonly dataDir: string } | { readonly kind: 'redis'; readonly url: string; readonly dataDir: string };

/** The campaign of a run, opened in this process on the very store the service opens. */
export interface OpenedCampaign {
  readonly campaign: Campaign;
  readonly stores: Stores;
  readonly engine: CampaignEngine;
  close(): Promise<void>;
}

/** Opens the campaign of `file` on `store` (created when missing), its secret checked. */
export async function openCampaign(file: string, store: StoreChoice): Promise<OpenedCampaign> {
  const loaded = await loadCampaignFile(file);
  if (!loaded.ok) throw new Error(`broadcast-service: ${file} does not load`);
  const campaign = loaded.campaign;
  const { stores } = await openStores({ campaignId: campaign.id, dataDir: store.dataDir, redisUrl: store.kind === 'redis' ? store.url : undefined, mode: 'open' });
  const engine = createEngine({ campaign, stores, clock: new SystemClock(), ids: new CryptoIds(), keys: new VoterKeys(BROADCAST_SECRET) });
  const started = await engine.start();
  if (!started.ok) throw new Error(`broadcast-service: the engine did not start (${started.code})`);
  return { campaign, stores, engine, close: () => stores.close() };
}

/** Telegram id of the `i`-th resident of a run starting at `firstId`. */
export const residentChat = (firstId: number, i: number): number => firstId + i;

/** A registered, subscribed resident with Telegram chat `telegramId` (French or English by parity). */
export function seededResident(telegramId: number, now: number): Resident {
  return {
    id: `tg:${telegramId}`,
    telegramId,
    displayName: null,
    locale: telegramId % 2 === 0 ? 'fr' : 'en',
    consent: { version: '2026-03-01', at: now },
    ageBand: '35-44',
    area: 'bertrix',
    verified: null,
    role: 'resident',
    subscribed: true,
    step: 'done',
    assistedBy: null,
    createdAt: now,
    registeredAt: now,
    version: 0,
  };
}

/** Writes `count` residents with chats `firstId`, `firstId + 1`, … straight to the store; returns their chat ids. */
export async function seedResidents(stores: Stores, firstId: number, count: number): Promise<number[]> {
  const now = Date.now();
  const chats: number[] = [];
  let batch: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const chat = residentChat(firstId, i);
    chats.push(chat);
    batch.push(stores.residents.save(seededResident(chat, now), null, {}));
    if (batch.length >= 256) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  return chats;
}

/** A unique text for one broadcast (both locales), so its messages are told apart from any other. */
export function broadcastTexts(tag: string): { fr: string; en: string } {
  return { fr: `Annonce ${tag} : la réunion publique a lieu jeudi à 19 h.`, en: `Announcement ${tag}: the public meeting is on Thursday at 7 pm.` };
}

/** Announces `texts` to every subscribed resident as the admin; returns the broadcast id. */
export async function announce(engine: CampaignEngine, texts: { fr: string; en: string }): Promise<string> {
  const b = await engine.announce(ANNOUNCER, texts, { kind: 'all' });
  if (!b.ok) throw new Error(`broadcast-service: announce refused (${b.code})`);
  return b.value.id;
}

/** Options of {@link startService}. */
export interface ServiceProcessOptions {
  readonly campaignFile: string;
  readonly store: StoreChoice;
  readonly token: string;
  readonly apiRoot: string;
  readonly port: number;
  /** TELEGRAM_MESSAGES_PER_SECOND: the service's bot-wide send rate (the stand-in enforces its own). */
  readonly messagesPerSecond: number;
  /** Default `info` (the log is kept for failure messages). */
  readonly logLevel?: string;
}

/** A running `pnyx start`. */
export interface ServiceProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly port: number;
  /** Exit code, or the signal's name. */
  readonly exited: Promise<number | string | null>;
  /** The end of its stdout and stderr (JSON log lines), for failure messages. */
  output(): string;
  /** Parsed log lines with `msg` among `messages`. */
  logs(...messages: string[]): Record<string, unknown>[];
  /** SIGKILL: no shutdown, no settling of what is in hand. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<number | string | null>;
}

const OUTPUT_KEPT = 400_000;

/** Starts `pnyx start` as a child process (Node with tsx, as in production with `npm start`). */
export function startService(o: ServiceProcessOptions): ServiceProcess {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    TELEGRAM_BOT_TOKEN: o.token,
    TELEGRAM_API_ROOT: o.apiRoot,
    TELEGRAM_MESSAGES_PER_SECOND: String(o.messagesPerSecond),
    PNYX_SECRET: BROADCAST_SECRET,
    PNYX_CONFIG: o.campaignFile,
    PNYX_DATA_DIR: o.store.dataDir,
    PORT: String(o.port),
    HOST: '127.0.0.1',
    LOG_LEVEL: o.logLevel ?? 'info',
    ...(o.store.kind === 'redis' ? { REDIS_URL: o.store.url } : {}),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bot/cli.ts'), 'start'], { cwd: repoRoot, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  const keep = (b: Buffer): void => {
    out += b.toString();
    if (out.length > 2 * OUTPUT_KEPT) out = out.slice(-OUTPUT_KEPT);
  };
  const lines: Record<string, unknown>[] = [];
  let partial = '';
  child.stdout.on('data', (b: Buffer) => {
    keep(b);
    const text = partial + b.toString();
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const l of parts) {
      if (!l.startsWith('{')) continue;
      try {
        const j = JSON.parse(l) as Record<string, unknown>;
        // Only what tests ask about is kept (a run logs a line per 403).
        if (typeof j['msg'] === 'string' && j['level'] !== undefined && Number(j['level']) >= 40) lines.push(j);
        else if (typeof j['msg'] === 'string' && KEPT_INFO.some((m) => (j['msg'] as string).includes(m))) lines.push(j);
      } catch {
        // Not a log line.
      }
    }
  });
  child.stderr.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    port: o.port,
    exited,
    output: () => out.slice(-20_000),
    logs: (...messages) => lines.filter((l) => messages.includes(l['msg'] as string)),
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Info lines kept by {@link startService} (warnings and errors are kept anyway). */
const KEPT_INFO = ['pnyx is running', 'this instance holds the lease', 'broadcast fanned out', 'sending residents'];

/** Polls `probe` every `everyMs` until it returns a value that is not undefined; throws after `timeoutMs` with `what()`. */
export async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: () => string, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
