/**
 * `pnyx migrate --from sqlite|redis --to redis|sqlite --config FILE [--data-dir DIR] [--redis-url URL]
 *   [--from-prefix PREFIX] [--from-redis-url URL]`
 *
 * Copies one campaign's whole store from the embedded SQLite file to Redis or back, or from one
 * Redis key prefix or server to another (`--from redis --to redis`: the prefix of older versions,
 * `pnyx:<campaign id>:`, to the current `pnyx:{<campaign id>}:`; one server to a cluster): dumps the
 * source, restores into the target (which must be empty), dumps the target and compares the
 * counts and SHA-256 checksums of both (adapters/transfer/dump-checksum.ts), then re-reads the
 * source to make sure nothing wrote to it meanwhile. The source is never changed. Stop every
 * bot instance before migrating.
 *
 * Exit codes: 0 copied and verified; 1 refused (target not empty, a partial earlier restore,
 * nothing to copy), failed or a checksum mismatch; 2 bad input.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CampaignDump } from '../../core/ports/store-transfer.ts';
import { CampaignFileUnreadableError, formatConfigIssues, loadCampaignFile } from '../../config/index.ts';
import { sqliteFileFor, sqliteTransfer } from '../../adapters/sqlite/index.ts';
import { describeRedisUrl, openRedisTransfer, secretsOf } from '../../adapters/redis/index.ts';
import { DUMP_SECTIONS, TransferRefusedError, differingSections, dumpSummary, isEmptyDump } from '../../adapters/transfer/index.ts';
import type { DumpSummary } from '../../adapters/transfer/index.ts';
import { displayPath, redisPrefixFor } from '../compose.ts';
import type { CliCommand, CliIo } from './command.ts';

const USAGE =
  'Usage: pnyx migrate --from sqlite|redis --to redis|sqlite --config FILE [--data-dir DIR] [--redis-url URL]\n' +
  '                    [--from-prefix PREFIX] [--from-redis-url URL]\n' +
  '  Copies a campaign between the embedded store (<data dir>/<campaign id>.sqlite) and Redis\n' +
  '  (key prefix pnyx:{<campaign id>}:), or from Redis to Redis, then verifies counts and\n' +
  '  checksums. The target must be empty; the source is left unchanged. Stop every bot first.\n' +
  '  --from-prefix: read a Redis source under another prefix, e.g. the one of older versions,\n' +
  "    --from redis --to redis --from-prefix 'pnyx:<campaign id>:'.\n" +
  '  --from-redis-url: read a Redis source on another server (e.g. one server into a cluster).\n' +
  '  Defaults: --config $PNYX_CONFIG, --data-dir $PNYX_DATA_DIR or ./data, --redis-url $REDIS_URL\n' +
  '  (one server, or redis+cluster://host:port,… for a Redis Cluster), --from-redis-url the same.\n';

type Kind = 'sqlite' | 'redis';

/** One side of the copy. */
interface Endpoint {
  readonly label: string;
  dump(): Promise<CampaignDump>;
  restore(dump: CampaignDump): Promise<void>;
  /** Why this store cannot be restored into, or null when it is empty. */
  refusal(): Promise<string | null>;
  close(): Promise<void>;
}

class BadInput extends Error {}

/** `text` without the Redis URLs, their passwords or their user names. */
function masked(text: string, urls: readonly string[]): string {
  return urls.flatMap((u) => secretsOf(u)).reduce((t, s) => t.split(s).join('[redacted]'), text);
}

/** The `migrate` command. */
export const migrateCommand: CliCommand = async (args, io) => {
  const urls: string[] = [];
  try {
    return await run(args, io, (u) => {
      urls.push(u);
    });
  } catch (e) {
    if (e instanceof BadInput) {
      io.stderr(`pnyx migrate: ${e.message}\n${USAGE}`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`pnyx migrate: ${masked(message, urls)}\n`);
    return 1;
  }
};

async function run(args: readonly string[], io: CliIo, usesUrl: (url: string) => void): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        'redis-url': { type: 'string' },
        'from-prefix': { type: 'string' },
        'from-redis-url': { type: 'string' },
        // Hidden, for tests: another key prefix than pnyx:{<campaign id>}: (for a Redis source, unless --from-prefix).
        'redis-prefix': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new BadInput((e as Error).message);
  }
  if (values.help === true) {
    io.stdout(USAGE);
    return 0;
  }
  const kind = (name: 'from' | 'to'): Kind => {
    const v = values[name];
    if (v !== 'sqlite' && v !== 'redis') throw new BadInput(`--${name} must be sqlite or redis`);
    return v;
  };
  const from = kind('from');
  const to = kind('to');
  if (from === 'sqlite' && to === 'sqlite') throw new BadInput('--from and --to must differ');
  if (from !== 'redis' && (values['from-prefix'] !== undefined || values['from-redis-url'] !== undefined)) {
    throw new BadInput('--from-prefix and --from-redis-url apply to --from redis only');
  }
  const configFile = values.config ?? io.env.PNYX_CONFIG;
  if (configFile === undefined || configFile === '') throw new BadInput('no campaign file given (--config FILE or PNYX_CONFIG)');
  const redisUrl = values['redis-url'] ?? io.env.REDIS_URL;
  if (redisUrl === undefined || redisUrl === '') throw new BadInput('no Redis URL given (--redis-url URL or REDIS_URL)');
  usesUrl(redisUrl);
  const sourceUrl = values['from-redis-url'] ?? redisUrl;
  usesUrl(sourceUrl);
  const dataDir = path.resolve(io.cwd, values['data-dir'] ?? io.env.PNYX_DATA_DIR ?? 'data');

  let loaded;
  try {
    loaded = await loadCampaignFile(path.resolve(io.cwd, configFile));
  } catch (e) {
    if (!(e instanceof CampaignFileUnreadableError)) throw e;
    throw new BadInput(`cannot read ${configFile}: ${e.reason}`);
  }
  if (!loaded.ok) {
    io.stderr(`${formatConfigIssues(loaded.errors, configFile)}\n`);
    throw new BadInput(`${configFile} is not a valid campaign file (pnyx check-config ${configFile})`);
  }
  const campaignId = loaded.campaign.id;
  const prefix = values['redis-prefix'] ?? redisPrefixFor(campaignId);
  const sourcePrefix = values['from-prefix'] ?? prefix;
  if (from === 'redis' && to === 'redis' && sourceUrl === redisUrl && sourcePrefix === prefix) {
    throw new BadInput(`--from redis --to redis copies to ${prefix}: give another source (--from-prefix PREFIX or --from-redis-url URL)`);
  }
  const file = sqliteFileFor(dataDir, campaignId);
  const relFile = displayPath(io.cwd, file);

  if (from === 'sqlite' && !existsSync(file)) {
    io.stderr(`pnyx migrate: no stored campaign "${campaignId}" at ${relFile}\n`);
    return 1;
  }
  const sqlite = (): Endpoint => {
    const existed = existsSync(file);
    const t = sqliteTransfer(file);
    let filled = false;
    return {
      label: `SQLite file ${relFile}`,
      dump: () => t.dump(),
      async restore(dump) {
        await t.restore(dump);
        filled = true;
      },
      async refusal() {
        const full = t.nonEmptyTables();
        return full.length === 0 ? null : `${relFile} already holds data (${full.join(', ')})`;
      },
      async close() {
        t.close();
        // A target file this command created and did not fill is removed again.
        if (!existed && !filled) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
      },
    };
  };
  const redis = async (url: string, prefix: string): Promise<Endpoint> => {
    const t = await openRedisTransfer({ url, prefix, connectTimeoutMs: 5000 });
    return {
      label: `Redis ${describeRedisUrl(url)}, key prefix ${prefix}`,
      dump: () => t.dump(),
      restore: (dump) => t.restore(dump),
      async refusal() {
        const state = await t.state();
        if (state === 'data') return `the key prefix ${prefix} already holds keys`;
        if (state === 'partial') return `the key prefix ${prefix} holds an unfinished earlier restore (marker key ${t.markerKey}); delete its keys first`;
        return null;
      },
      close: () => t.close(),
    };
  };

  const source = from === 'sqlite' ? sqlite() : await redis(sourceUrl, sourcePrefix);
  let target: Endpoint | null = null;
  try {
    target = to === 'sqlite' ? sqlite() : await redis(redisUrl, prefix);
    io.stdout(`Migrating campaign "${campaignId}"\n  from  ${source.label}\n  to    ${target.label}\n`);
    const refusal = await target.refusal();
    if (refusal !== null) {
      io.stderr(`pnyx migrate: refused: ${refusal}; migrate only into an empty store. Nothing was written.\n`);
      return 1;
    }
    const started = performance.now();
    const dump = await source.dump();
    if (isEmptyDump(dump)) {
      io.stderr(`pnyx migrate: nothing stored for "${campaignId}" in ${source.label}; nothing to copy\n`);
      return 1;
    }
    const before = dumpSummary(dump);
    try {
      await target.restore(dump);
    } catch (e) {
      if (e instanceof TransferRefusedError) throw e;
      const hint =
        to === 'redis'
          ? ` The target may hold a partial copy, marked as unfinished: delete the keys under ${prefix} before migrating again.`
          : ' Nothing was written to the target (its transaction was rolled back).';
      throw new Error(`restore failed: ${e instanceof Error ? e.message : String(e)}.${hint}`);
    }
    const after = dumpSummary(await target.dump());
    const again = dumpSummary(await source.dump());
    const seconds = (performance.now() - started) / 1000;
    io.stdout(table(before, after));
    const differing = differingSections(before, after);
    if (differing.length > 0) {
      io.stderr(`pnyx migrate: checksums differ in ${differing.join(', ')}; the target is not a faithful copy (the source is unchanged)\n`);
      return 1;
    }
    if (again.checksum !== before.checksum) {
      const moved = differingSections(before, again);
      io.stderr(
        `pnyx migrate: the source changed during the migration (${moved.join(', ')}): a bot is still running. ` +
          'Stop every instance, clear the target and migrate again.\n',
      );
      return 1;
    }
    const records = DUMP_SECTIONS.reduce((n, s) => n + before.counts[s], 0);
    io.stdout(`checksums match (sha256 ${before.checksum.slice(0, 16)}…); ${records} records copied in ${seconds.toFixed(1)} s\n`);
    const start = to === 'sqlite' ? 'unset REDIS_URL' : sourceUrl === redisUrl ? 'REDIS_URL as it is' : 'set REDIS_URL to the target';
    io.stdout(`The source is unchanged. Start the bots on the target (${start}) only after checking it.\n`);
    if (from === 'redis' && to === 'redis') io.stdout(`Delete the keys under ${sourcePrefix} once the bots serve the copy.\n`);
    return 0;
  } catch (e) {
    if (e instanceof TransferRefusedError) {
      io.stderr(`pnyx migrate: refused: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await target?.close();
    await source.close();
  }
}

/** The counts table: one row per section, `≠` where the checksums differ. */
function table(source: DumpSummary, target: DumpSummary): string {
  const rows = DUMP_SECTIONS.map((s) => {
    const mark = source.sections[s] === target.sections[s] ? '' : '  ≠ checksum differs';
    return `  ${s.padEnd(16)}${String(source.counts[s]).padStart(8)}${String(target.counts[s]).padStart(8)}${mark}`;
  });
  return `\n  ${'section'.padEnd(16)}${'source'.padStart(8)}${'target'.padStart(8)}\n${rows.join('\n')}\n\n`;
}
