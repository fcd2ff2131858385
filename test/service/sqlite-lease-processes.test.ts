/**
 * Two real `pnyx start` processes on one embedded store (one SQLite file): exactly one runs
 * the campaign scheduler (the `leases` row), and when it stops on SIGTERM — releasing the
 * row — the other takes over. Timing is generous on purpose (a loaded 2-core machine): the
 * test waits for states, and bounds only the take-over, by a multiple of the lease's own
 * periods (the standby retries every ttl/2 = 7.5 s; a stopped leader frees the row at once).
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_TTL_MS } from '../../adapters/scheduling/index.ts';
import { bertrixFile, tempDir } from '../cli/cli-fixture.ts';
import { freePort, waitForHttp } from '../support/http.ts';
import { TelegramStandIn } from '../support/telegram/bot-api-stand-in.ts';

const SECRET = 'service-test-secret-0123456789';
const TELEGRAM = '123456789:FAKE-test-token-not-a-real-bot';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

interface Instance {
  readonly port: number;
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;
  /** stdout (JSON log lines) and stderr so far. */
  output(): string;
}

/** The Bot API the bots talk to (a token now starts the residents' bot, which checks it with getMe). */
let api: TelegramStandIn;

function start(dataDir: string, port: number): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bot/cli.ts'), 'start', '--config', bertrixFile], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_API_ROOT: api.apiRoot, PNYX_SECRET: SECRET, PORT: String(port), HOST: '127.0.0.1', PNYX_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { port, child, exited, output: () => out };
}

async function role(port: number): Promise<unknown> {
  return ((await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000)).body as Record<string, unknown>)['scheduler'];
}

/** Polls both instances until `done(roles)` holds or `timeoutMs` passes; returns the last roles. */
async function rolesUntil(instances: readonly Instance[], done: (roles: unknown[]) => boolean, timeoutMs: number): Promise<unknown[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const roles = await Promise.all(instances.map((i) => role(i.port)));
    if (done(roles) || Date.now() > until) return roles;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('two pnyx start processes on one SQLite file', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('sqlite-lease'));
    api = await TelegramStandIn.start({ token: TELEGRAM });
  });
  afterAll(async () => {
    await api.stop();
    await cleanup();
  });

  it('exactly one runs the scheduler; after it gets SIGTERM the other takes over', async () => {
    const dataDir = path.join(dir, 'data');
    const instances = [start(dataDir, await freePort()), start(dataDir, await freePort())];
    try {
      for (const i of instances) expect(await waitForHttp(`http://127.0.0.1:${i.port}/healthz`, 60_000)).toEqual({ status: 200, body: { status: 'ok' } });
      const first = await rolesUntil(instances, (r) => r.includes('leading'), 60_000);
      expect([...first].sort(), instances.map((i) => i.output()).join('\n---\n')).toEqual(['leading', 'standby']);
      // Still exactly one a full retry period later: the standby's attempts are refused.
      await new Promise((r) => setTimeout(r, DEFAULT_LEASE_TTL_MS / 2 + 1000));
      expect(await Promise.all(instances.map((i) => role(i.port)))).toEqual(first);

      // One getUpdates caller at a time (the telegram-polling lease): a second one would end the
      // first with 409, which the stand-in records.
      expect(api.calls.filter((c) => c.method === 'getUpdates' && c.status === 409)).toEqual([]);

      const leader = instances[first.indexOf('leading')]!;
      const other = instances[first.indexOf('standby')]!;
      const stoppedAt = Date.now();
      leader.child.kill('SIGTERM');
      expect(await leader.exited, leader.output()).toBe(0);
      const after = await rolesUntil([other], (r) => r[0] === 'leading', 6 * DEFAULT_LEASE_TTL_MS);
      expect(after, other.output()).toEqual(['leading']);
      // The released row is taken at the standby's next attempt: within one lease time (15 s)
      // plus slack for a loaded machine.
      expect(Date.now() - stoppedAt).toBeLessThan(4 * DEFAULT_LEASE_TTL_MS);
      const logs = (i: Instance) => i.output().split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(logs(other)).toContain('this instance runs the campaign scheduler');
      expect(logs(leader).filter((m) => m === 'this instance runs the campaign scheduler')).toHaveLength(1);

      other.child.kill('SIGTERM');
      expect(await other.exited, other.output()).toBe(0);
      // After the handover too; only the stopped leader's own last poll, which it had already
      // abandoned (the stand-in ends it with 409 when the new leader polls), may show one.
      expect(api.calls.filter((c) => c.method === 'getUpdates' && c.status === 409 && c.at >= stoppedAt)).toEqual([]);
      api.expectNoViolations();
    } finally {
      for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    }
  }, 240_000);
});
