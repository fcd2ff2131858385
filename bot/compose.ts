/**
 * The composition root's helper: from a campaign and the environment, open the campaign's
 * store (embedded SQLite by default, Redis when REDIS_URL is set), build the voter keys from
 * PNYX_SECRET, create the engine and check the secret against the store. Every command and
 * (later) the bots go through `composeCampaign`, so they run the same engine on the same store.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Campaign } from '../core/campaign/campaign.ts';
import { VoterKeys } from '../core/ballots/voter-keys.ts';
import { createEngine } from '../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../core/engine/campaign-engine.ts';
import type { Clock } from '../core/ports/clock.ts';
import type { IdSource } from '../core/ports/id-source.ts';
import type { Stores } from '../core/ports/stores.ts';
import { CampaignFileUnreadableError, formatConfigIssues, loadCampaignFile, loadEnvironment } from '../config/index.ts';
import type { Environment, LoadResult } from '../config/index.ts';
import { openSqliteStores, sqliteFileFor } from '../adapters/sqlite/index.ts';
import type { SqliteStores } from '../adapters/sqlite/index.ts';
import { CryptoIds, MemorySendBudget, SystemClock } from '../adapters/system/index.ts';
import type { SendBudget } from '../adapters/system/index.ts';
import { DEFAULT_LEASE_TTL_MS, contendedLease, redisLease } from '../adapters/scheduling/index.ts';
import type { Lease } from '../adapters/scheduling/index.ts';
import type { RedisKeys, RedisStores } from '../adapters/redis/index.ts';

/**
 * The voter-key secret of simulations when PNYX_SECRET is unset. Public on purpose: a
 * simulation holds only synthetic residents, and it lives in its own directory
 * (`<dataDir>/simulations/`), so it can never become a real campaign's secret.
 */
export const DEMO_SECRET = 'pnyx-demo-secret-synthetic-residents-only';

/** Subdirectory of the data directory that holds simulation stores. */
export const SIMULATIONS_DIR = 'simulations';

/** Where a campaign's records live. */
export type StoreLocation = { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'redis'; readonly prefix: string };

/**
 * How a store is opened: `open` creates it when missing (the bots); `existing` refuses when
 * there is nothing stored (read-only commands must not create an empty store); `fresh`
 * deletes what is there first (a simulation starts from nothing, so its output is reproducible).
 */
export type OpenMode = 'open' | 'existing' | 'fresh';

/** Options of {@link openStores}. */
export interface OpenStoresOptions {
  readonly campaignId: string;
  /** Absolute data directory of the embedded store. */
  readonly dataDir: string;
  /** Redis URL (one server or `redis+cluster://`); when set, Redis is used with the prefix `pnyx:{<campaignId>}:`. */
  readonly redisUrl?: string | undefined;
  readonly mode: OpenMode;
  readonly logger?: Logger;
}

/** A store that `existing` mode did not find. */
export class NoStoredCampaignError extends Error {
  override readonly name = 'NoStoredCampaignError';
  constructor(readonly location: StoreLocation) {
    super(location.kind === 'sqlite' ? `no stored campaign at ${location.file}` : `no stored campaign under ${location.prefix}`);
  }
}

/**
 * The Redis key prefix of a campaign. The campaign id is its hash tag: every key of one
 * campaign is in one slot, so on a Redis Cluster each campaign lives on one master and its
 * multi-key scripts run there (ids hold no `{` or `}`: config/campaign-file-schema.ts).
 */
export function redisPrefixFor(campaignId: string): string {
  return `pnyx:{${campaignId}}:`;
}

/** The prefix of versions before the hash tag (`pnyx:<campaign id>:`); `pnyx migrate` moves it. */
export function legacyRedisPrefixFor(campaignId: string): string {
  return `pnyx:${campaignId}:`;
}

/** The command that copies a campaign from its legacy prefix to its current one. */
export function legacyMigrationCommand(campaignId: string): string {
  return `pnyx migrate --from redis --to redis --from-prefix '${legacyRedisPrefixFor(campaignId)}' --config <campaign file>`;
}

/** The campaign is stored under the legacy prefix only: it must be migrated before opening. */
export class LegacyRedisPrefixError extends Error {
  override readonly name = 'LegacyRedisPrefixError';
  constructor(readonly campaignId: string) {
    super(
      `campaign "${campaignId}" is stored in Redis under the old key prefix ${legacyRedisPrefixFor(campaignId)}, ` +
        `and this version keeps it under ${redisPrefixFor(campaignId)} (one hash slot per campaign, for Redis Cluster). ` +
        `Stop every instance and copy it: ${legacyMigrationCommand(campaignId)}; ` +
        `then start again (and delete the old keys once the new prefix serves).`,
    );
  }
}

/** True when the legacy prefix holds a campaign and the current prefix holds nothing of one. */
async function onlyLegacyPrefix(stores: RedisStores, campaignId: string): Promise<boolean> {
  const { redisKeys } = await import('../adapters/redis/index.ts');
  const marks = (k: RedisKeys): string[] => [k.phase, k.secret, k.auditList, k.residentIds];
  // One EXISTS per key: on a cluster the two prefixes are in different slots.
  const count = (keys: string[]): Promise<number> => Promise.all(keys.map((key) => stores.client.exists(key))).then((n) => n.reduce((a, b) => a + b, 0));
  if ((await count(marks(stores.keys))) > 0) return false;
  return (await count(marks(redisKeys(legacyRedisPrefixFor(campaignId))))) > 0;
}

/**
 * Opens the stores of one campaign: Redis when `redisUrl` is given, else the SQLite file
 * `<dataDir>/<campaignId>.sqlite`. This is the one place a backend is chosen.
 */
export async function openStores(options: OpenStoresOptions): Promise<{ stores: Stores; location: StoreLocation }> {
  if (options.redisUrl !== undefined) {
    if (options.mode === 'fresh') throw new Error('openStores: a fresh store is only made in the embedded store (simulations)');
    const prefix = redisPrefixFor(options.campaignId);
    // Loaded lazily: the embedded path never pays for ioredis.
    const { openRedisStores } = await import('../adapters/redis/index.ts');
    const stores = await openRedisStores({ url: options.redisUrl, prefix, ...(options.logger === undefined ? {} : { logger: options.logger }) });
    const location: StoreLocation = { kind: 'redis', prefix };
    try {
      if (await onlyLegacyPrefix(stores, options.campaignId)) throw new LegacyRedisPrefixError(options.campaignId);
    } catch (e) {
      await stores.close();
      throw e;
    }
    if (options.mode === 'existing' && (await stores.campaign.loadPhaseState()) === null && (await stores.audit.list(0, 1)).length === 0) {
      await stores.close();
      throw new NoStoredCampaignError(location);
    }
    return { stores, location };
  }
  const location: StoreLocation = { kind: 'sqlite', file: path.join(options.dataDir, `${options.campaignId}.sqlite`) };
  if (options.mode === 'existing' && !existsSync(location.file)) throw new NoStoredCampaignError(location);
  const file = sqliteFileFor(options.dataDir, options.campaignId);
  if (options.mode === 'fresh') for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  return { stores: openSqliteStores({ file, ...(options.logger === undefined ? {} : { logger: options.logger }) }), location };
}

/** What a command is about to do with the campaign, which decides store, secret and mode. */
export type Purpose =
  /** The bots: the configured store, created when missing; PNYX_SECRET required. */
  | 'serve'
  /** `pnyx simulate`: a fresh embedded store under `<dataDir>/simulations/`; the demo secret when PNYX_SECRET is unset. */
  | 'simulate'
  /** `tally`, `export`, `audit`: an existing store; PNYX_SECRET required, except for a simulation store. */
  | 'inspect';

/** Options of {@link composeCampaign}. */
export interface ComposeOptions {
  readonly purpose: Purpose;
  /** Working directory against which relative directories are resolved. */
  readonly cwd: string;
  /** `--data-dir`: overrides PNYX_DATA_DIR and selects the embedded store even when REDIS_URL is set. */
  readonly dataDir?: string | undefined;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: `CryptoIds`. */
  readonly ids?: IdSource;
  readonly logger?: Logger;
}

/** A campaign ready to serve: its engine (secret checked), stores and where they are. */
export interface ComposedCampaign {
  readonly ok: true;
  readonly engine: CampaignEngine;
  readonly stores: Stores;
  readonly location: StoreLocation;
  /** Where the voter-key secret came from. */
  readonly secretSource: 'environment' | 'demo';
  /** The data directory in use (absolute), for the embedded store. */
  readonly dataDir: string;
  /**
   * A contender for the named lease (`LEASE_NAMES`): on Redis, a leader lease shared by every
   * instance on the campaign's prefix; on the embedded store, a row of the SQLite file's
   * `leases` table shared by every process that opens the file.
   */
  lease(name: string): Lease;
  /**
   * The Telegram send budget of `botToken` (SPEC §2.5): on Redis shared by every instance
   * sending with that token (only a hash of it names the keys); on the embedded store, in
   * memory (one process sends).
   */
  sendBudget(botToken: string): Promise<SendBudget>;
  close(): Promise<void>;
}

/** Why a campaign could not be opened: a message for the operator (never holding a secret) and an exit code. */
export interface ComposeRefusal {
  readonly ok: false;
  readonly exitCode: number;
  readonly message: string;
}

/** True when `dir` is a simulations directory (where the demo secret may be assumed). */
export function isSimulationDir(dir: string): boolean {
  return path.basename(path.resolve(dir)) === SIMULATIONS_DIR;
}

/** Opens a campaign for `purpose`: store, keys, engine, then `engine.start()` (the secret check). */
export async function composeCampaign(campaign: Campaign, env: Environment, options: ComposeOptions): Promise<ComposedCampaign | ComposeRefusal> {
  const baseDir = path.resolve(options.cwd, options.dataDir ?? env.dataDir);
  const dataDir = options.purpose === 'simulate' ? path.join(baseDir, SIMULATIONS_DIR) : baseDir;
  // A simulation never touches the production Redis; an explicit --data-dir means the embedded store.
  const redisUrl = options.purpose === 'simulate' || options.dataDir !== undefined ? undefined : env.redisUrl;
  const mode: OpenMode = options.purpose === 'simulate' ? 'fresh' : options.purpose === 'inspect' ? 'existing' : 'open';

  const noStore = (location: StoreLocation): ComposeRefusal => {
    const where = location.kind === 'sqlite' ? displayPath(options.cwd, location.file) : `Redis key prefix ${location.prefix}`;
    return { ok: false, exitCode: 1, message: `no stored campaign "${campaign.id}" at ${where}. Run \`pnyx simulate\` (its store is under ${SIMULATIONS_DIR}/ of the data directory; pass --data-dir) or start the bots first.` };
  };
  // Say "nothing stored" before asking for a secret: it is the more useful answer.
  const sqliteFile = path.join(dataDir, `${campaign.id}.sqlite`);
  if (mode === 'existing' && redisUrl === undefined && !existsSync(sqliteFile)) return noStore({ kind: 'sqlite', file: sqliteFile });

  let secret: string;
  let secretSource: 'environment' | 'demo';
  if (env.secret !== undefined) {
    secret = env.secret;
    secretSource = 'environment';
  } else if (options.purpose === 'simulate' || (options.purpose === 'inspect' && redisUrl === undefined && isSimulationDir(dataDir))) {
    secret = DEMO_SECRET;
    secretSource = 'demo';
  } else {
    return {
      ok: false,
      exitCode: 2,
      message:
        options.purpose === 'serve'
          ? 'PNYX_SECRET is not set: it keys the pseudonymous voter keys and must stay the same for the whole campaign. Set it (at least 16 characters) before starting the bots.'
          : "PNYX_SECRET is not set: opening a campaign's store needs the secret it was first opened with. Set PNYX_SECRET, or point --data-dir at a simulations directory.",
    };
  }

  let opened: { stores: Stores; location: StoreLocation };
  try {
    opened = await openStores({ campaignId: campaign.id, dataDir, redisUrl, mode, ...(options.logger === undefined ? {} : { logger: options.logger }) });
  } catch (e) {
    if (e instanceof NoStoredCampaignError) return noStore(e.location);
    if (e instanceof LegacyRedisPrefixError) return { ok: false, exitCode: 1, message: e.message };
    throw e;
  }
  const engine = createEngine({ campaign, stores: opened.stores, clock: options.clock ?? new SystemClock(), ids: options.ids ?? new CryptoIds(), keys: new VoterKeys(secret) });
  const started = await engine.start();
  if (!started.ok) {
    await opened.stores.close();
    const hint =
      secretSource === 'demo'
        ? 'This store was made with a PNYX_SECRET: set that same PNYX_SECRET.'
        : isSimulationDir(dataDir)
          ? 'If this simulation was made without PNYX_SECRET, unset PNYX_SECRET to open it.'
          : "Set PNYX_SECRET to the campaign's original secret; voter keys made with another secret would not find the stored ballots.";
    return { ok: false, exitCode: 1, message: `PNYX_SECRET does not match the secret this campaign's store was first opened with; refusing to continue. ${hint}` };
  }
  return {
    ok: true,
    engine,
    stores: opened.stores,
    location: opened.location,
    secretSource,
    dataDir,
    lease: (name) => {
      const leaseOptions = options.logger === undefined ? {} : { logger: options.logger };
      return opened.location.kind === 'redis'
        ? redisLease((opened.stores as RedisStores).leaderLease(name, DEFAULT_LEASE_TTL_MS), name, leaseOptions)
        : contendedLease((opened.stores as SqliteStores).leaderLease(name, DEFAULT_LEASE_TTL_MS), name, leaseOptions);
    },
    sendBudget: async (botToken) => {
      const limits = { perBotPerSecond: env.telegramMessagesPerSecond };
      if (opened.location.kind !== 'redis') return new MemorySendBudget(limits);
      const { RedisSendBudget } = await import('../adapters/redis/index.ts');
      return new RedisSendBudget({ redis: (opened.stores as RedisStores).client, botToken, limits });
    },
    close: () => opened.stores.close(),
  };
}

/** A path as shown to the operator: relative to `cwd` when inside it, else absolute. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** The store location as shown to the operator. */
export function describeLocation(cwd: string, location: StoreLocation): string {
  return location.kind === 'sqlite' ? `${displayPath(cwd, location.file)} (embedded SQLite)` : `Redis, key prefix ${location.prefix}`;
}

/**
 * Loads and validates the campaign file and the environment for a CLI command. On a problem
 * it writes the issues to stderr (prefixed by `command`) and resolves to the exit code:
 * 2 for an unreadable file or a bad environment, 1 for an invalid campaign.
 */
export async function loadForCommand(
  command: string,
  file: string,
  io: { readonly stderr: (t: string) => void; readonly env: Readonly<Record<string, string | undefined>>; readonly cwd: string },
): Promise<{ ok: true; campaign: Campaign; env: Environment } | { ok: false; exitCode: number }> {
  const envResult = loadEnvironment(io.env);
  if (!envResult.ok) {
    io.stderr(`pnyx ${command}: the environment is not valid:\n${formatConfigIssues(envResult.errors, 'environment')}\n`);
    return { ok: false, exitCode: 2 };
  }
  let loaded: LoadResult;
  try {
    loaded = await loadCampaignFile(path.resolve(io.cwd, file));
  } catch (e) {
    if (!(e instanceof CampaignFileUnreadableError)) throw e;
    io.stderr(`pnyx ${command}: cannot read ${file}: ${e.reason}\n`);
    return { ok: false, exitCode: 2 };
  }
  if (!loaded.ok) {
    io.stderr(`${formatConfigIssues(loaded.errors, file)}\npnyx ${command}: ${file} is not a valid campaign (see \`pnyx check-config ${file}\`)\n`);
    return { ok: false, exitCode: 1 };
  }
  return { ok: true, campaign: loaded.campaign, env: envResult.value };
}
