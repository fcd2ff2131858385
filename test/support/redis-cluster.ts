/**
 * A throwaway Redis Cluster for tests: three masters (no replicas) on free loopback ports, in a
 * temp dir, nothing kept on disk. Suites that need one use `describeWithRedisCluster` and start
 * it in `beforeAll`: run when `redis-server` and `redis-cli` are installed, skipped with a loud
 * reason when not — except under CI=true, where that is a failure, never a silent pass
 * (.ci/run installs them).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, it } from 'vitest';
import { isTestPrefix } from './redis.ts';

/** Why a cluster cannot be started here, or null when the tools are installed. */
export const redisClusterProblem: string | null = (() => {
  for (const tool of ['redis-server', 'redis-cli']) {
    const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (r.error !== undefined || r.status !== 0) return `${tool} is not installed (apt-get install redis-server redis-tools)`;
  }
  return null;
})();

/** `describe` that needs a local Redis Cluster: skipped loudly when the tools are missing, failing under CI. */
export function describeWithRedisCluster(name: string, body: () => void): void {
  if (redisClusterProblem === null) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('a Redis Cluster is required under CI', () => {
        throw new Error(`a Redis Cluster is required under CI: ${redisClusterProblem}`);
      });
    });
  } else {
    process.stderr.write(`SKIPPED "${name}": ${redisClusterProblem}\n`);
    describe.skip(`${name} [skipped: ${redisClusterProblem}]`, body);
  }
}

/** One master of the test cluster. */
export interface ClusterNodeInfo {
  readonly port: number;
  /** Slot ranges it serves, inclusive. */
  readonly slots: readonly (readonly [number, number])[];
}

/** A running test cluster. */
export interface TestRedisCluster {
  /** `redis+cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3` */
  readonly url: string;
  readonly nodes: readonly ClusterNodeInfo[];
  /** Slot of a key (CLUSTER KEYSLOT). */
  keySlot(key: string): Promise<number>;
  /** Port of the master serving `key`. */
  masterOf(key: string): Promise<number>;
  /** Keys under `prefix` held by the master on `port` (SCAN of that node only). */
  keysOn(port: number, prefix: string): Promise<string[]>;
  /** Deletes every key under a test prefix, on every master. */
  deletePrefix(prefix: string): Promise<number>;
  /** Stops every node and removes the temp dir. */
  stop(): Promise<void>;
}

/** Listens on `port` (0: any) on loopback and closes again; the port, or null when taken. */
function probePort(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : null));
    });
  });
}

/**
 * A free loopback port whose cluster bus port (port + 10,000, where Redis 6 and 7 put it by
 * default) is free too — so no `--cluster-port`, which Redis 6 lacks.
 */
async function freeNodePort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = await probePort(0);
    if (port === null || port + 10_000 > 65_535 || taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await probePort(port + 10_000)) !== null) return port;
  }
  throw new Error('test cluster: found no free port pair');
}

function direct(port: number): Redis {
  const r = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, connectTimeout: 1000 });
  r.on('error', () => {});
  return r;
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== null) return v;
    } catch (e) {
      if ((e as { fatal?: boolean }).fatal === true) throw e;
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`test cluster: timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
}

function run(cmd: string, args: readonly string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Starts a cluster of `masters` masters (default 3) and waits until it serves every slot. */
export async function startRedisCluster(masters = 3): Promise<TestRedisCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pnyx-cluster-'));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(
      children.splice(0).map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    const taken = new Set<number>();
    for (let i = 0; i < masters; i++) {
      const port = await freeNodePort(taken);
      taken.add(port).add(port + 10_000);
      ports.push(port);
      const child = spawn(
        'redis-server',
        [
          '--port', String(port),
          '--bind', '127.0.0.1',
          '--cluster-enabled', 'yes',
          '--cluster-config-file', path.join(dir, `nodes-${port}.conf`),
          '--cluster-node-timeout', '5000',
          '--save', '',
          '--appendonly', 'no',
          '--daemonize', 'no',
          '--dir', dir,
          '--logfile', path.join(dir, `redis-${port}.log`),
        ],
        { stdio: 'ignore' },
      );
      children.push(child);
    }
    for (const [i, port] of ports.entries()) {
      await until(`node ${port} to answer`, 10_000, async () => {
        const child = children[i]!;
        if (child.exitCode !== null || child.signalCode !== null) {
          const log = path.join(dir, `redis-${port}.log`);
          const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-400) : '(no log)';
          throw Object.assign(new Error(`test cluster: redis-server on ${port} exited: ${tail}`), { fatal: true });
        }
        const r = direct(port);
        try {
          await r.connect();
          return (await r.ping()) === 'PONG' ? true : null;
        } finally {
          r.disconnect();
        }
      });
    }
    const created = await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes']);
    if (created.code !== 0) throw new Error(`redis-cli --cluster create failed: ${created.out.slice(-500)}`);
    const nodes = await until('cluster_state:ok on every node', 20_000, async () => {
      for (const port of ports) {
        const r = direct(port);
        try {
          await r.connect();
          if (!/cluster_state:ok/.test(String(await r.cluster('INFO')))) return null;
        } finally {
          r.disconnect();
        }
      }
      const r = direct(ports[0]!);
      try {
        await r.connect();
        const slots = await r.cluster('SLOTS');
        const byPort = new Map<number, [number, number][]>();
        let covered = 0;
        for (const [from, to, master] of slots) {
          if (master === undefined) return null;
          const port = master[1];
          byPort.set(Number(port), [...(byPort.get(Number(port)) ?? []), [from, to]]);
          covered += to - from + 1;
        }
        if (covered !== 16384 || byPort.size !== masters) return null;
        return ports.map((port): ClusterNodeInfo => ({ port, slots: byPort.get(port) ?? [] }));
      } finally {
        r.disconnect();
      }
    });
    const onNode = async <T>(port: number, fn: (r: Redis) => Promise<T>): Promise<T> => {
      const r = direct(port);
      try {
        await r.connect();
        return await fn(r);
      } finally {
        r.disconnect();
      }
    };
    const keySlot = (key: string): Promise<number> => onNode(ports[0]!, async (r) => Number(await r.cluster('KEYSLOT', key)));
    const keysOn = (port: number, prefix: string): Promise<string[]> =>
      onNode(port, async (r) => {
        const out: string[] = [];
        let cursor = '0';
        do {
          const [next, batch] = await r.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 1000);
          out.push(...batch);
          cursor = next;
        } while (cursor !== '0');
        return out.sort();
      });
    return {
      url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`,
      nodes,
      keySlot,
      async masterOf(key) {
        const slot = await keySlot(key);
        const node = nodes.find((n) => n.slots.some(([from, to]) => slot >= from && slot <= to));
        if (node === undefined) throw new Error(`test cluster: no master serves slot ${slot}`);
        return node.port;
      },
      keysOn,
      async deletePrefix(prefix) {
        if (!isTestPrefix(prefix)) throw new Error(`refusing to delete non-test prefix ${prefix}`);
        let n = 0;
        for (const { port } of nodes) {
          const keys = await keysOn(port, prefix);
          // One UNLINK per key: keys of several slots may not go in one command.
          await onNode(port, async (r) => {
            for (const k of keys) n += await r.unlink(k);
          });
        }
        return n;
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * `count` campaign ids (`<stem>-<n>`) whose hash tags land on `count` different masters, so a
 * test can show campaigns spread over the cluster.
 */
export async function idsOnDistinctMasters(cluster: TestRedisCluster, stem: string, count = 2): Promise<{ id: string; port: number }[]> {
  const out: { id: string; port: number }[] = [];
  for (let n = 0; out.length < count && n < 1000; n++) {
    const id = `${stem}-${n}`;
    const port = await cluster.masterOf(`{${id}}`);
    if (!out.some((o) => o.port === port)) out.push({ id, port });
  }
  if (out.length < count) throw new Error(`test cluster: found no ${count} ids on distinct masters`);
  return out;
}
