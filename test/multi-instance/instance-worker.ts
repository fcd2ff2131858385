/**
 * One bot instance of four-processes.test.ts, as a child process
 * (`node --import tsx test/multi-instance/instance-worker.ts` via child_process.fork).
 * Protocol (IPC): parent sends `{type:'task', task}`; the worker opens the Redis stores of
 * the shared prefix, builds its own engine over the same campaign and secret, answers
 * `ready`, waits for `go`, runs the task and answers `done` with what it observed (or `error`).
 */
import { CampaignScheduler, redisLease } from '../../adapters/scheduling/index.ts';
import type { DueReport } from '../../adapters/scheduling/index.ts';
import { openRedisStores } from '../../adapters/redis/index.ts';
import type { RedisStores } from '../../adapters/redis/index.ts';
import { CryptoIds } from '../../adapters/system/index.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import { benchCampaign } from '../../bench/support/voting-campaign.ts';
import { INSTANCE_SECRET } from './instance-protocol.ts';
import type { CastAck, InstanceResult, InstanceTask } from './instance-protocol.ts';

class FixedAt {
  constructor(readonly at: number) {}
  now(): number {
    return this.at;
  }
}

function message<T>(type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type?: string }): void => {
      if (m.type !== type) return;
      process.off('message', on);
      resolve(m as T);
    };
    process.on('message', on);
  });
}

/** Sends to the parent; resolves once the message is handed over (before a disconnect). */
function send(m: object): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.send === undefined) return reject(new Error('instance-worker: not forked with IPC'));
    process.send(m, (e: Error | null) => (e ? reject(e) : resolve()));
  });
}

async function runCasts(engine: CampaignEngine, task: Extract<InstanceTask, { kind: 'casts' }>): Promise<CastAck[]> {
  const acks: CastAck[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < task.casts.length; i = next++) {
      const c = task.casts[i]!;
      const r = await engine.castBallot(c.residentId, 'town', c.choices.map((ideaId) => ({ ideaId })), c.requestId);
      acks.push(
        r.ok
          ? { residentId: c.residentId, requestId: c.requestId, worker: task.worker, ok: true, version: r.value.ballot.version, choices: r.value.ballot.choices.map((x) => x.ideaId), receipt: r.value.ballot.receipt, duplicate: r.value.duplicate }
          : { residentId: c.residentId, requestId: c.requestId, worker: task.worker, ok: false, code: r.code },
      );
    }
  };
  await Promise.all(Array.from({ length: task.concurrency }, lane));
  return acks;
}

async function runUpdates(stores: RedisStores, task: Extract<InstanceTask, { kind: 'updates' }>): Promise<Record<string, 'new' | 'in_progress' | 'done'>> {
  const answers: Record<string, 'new' | 'in_progress' | 'done'> = {};
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < task.keys.length; i = next++) {
      const key = task.keys[i]!;
      const o = await stores.processed.begin(key, task.at, task.leaseMs);
      if (o.status === 'new') await stores.processed.finish(key, task.at);
      answers[key] = o.status;
    }
  };
  await Promise.all(Array.from({ length: task.concurrency }, lane));
  return answers;
}

async function runScheduler(engine: CampaignEngine, stores: RedisStores, task: Extract<InstanceTask, { kind: 'scheduler' }>): Promise<{ leaderships: number; overlap: DueReport }> {
  let leaderships = 0;
  // Retry later than the run lasts: the only contest is the one at `go`, so a lease freed
  // at the end of the run is not picked up by an instance that has not yet been told to stop.
  const lease = redisLease(stores.leaderLease('scheduler', task.leaseTtlMs), 'scheduler', {
    retryEveryMs: task.runMs * 4,
    onLeadership: (leader) => {
      if (leader) leaderships++;
    },
  });
  const scheduler = new CampaignScheduler({ engine, lease });
  const stop = new AbortController();
  const running = scheduler.run(stop.signal);
  await new Promise((r) => setTimeout(r, task.runMs));
  const counted = leaderships;
  stop.abort();
  await running;
  // Then both act as fresh leaders at once, as two instances do when a lease expires mid-run.
  const fresh = new CampaignScheduler({ engine, lease });
  await send({ type: 'overlap-ready' });
  await message('overlap');
  const overlap = await fresh.runDue();
  return { leaderships: counted, overlap };
}

async function main(): Promise<void> {
  const { task } = await message<{ task: InstanceTask }>('task');
  const stores = await openRedisStores({ url: task.url, prefix: task.prefix });
  try {
    // The schedulers' campaign has a digest recipient, so each occurrence has a digest message.
    const campaign = task.kind === 'scheduler' ? { ...benchCampaign(), digestRecipients: [{ channel: 'slack', userId: 'U0MAYOR', name: 'Mayor' }] as const } : benchCampaign();
    const engine = createEngine({ campaign, stores, clock: new FixedAt(task.at), ids: new CryptoIds(), keys: new VoterKeys(INSTANCE_SECRET) });
    const started = await engine.start();
    if (!started.ok) throw new Error(`engine start refused: ${started.code}`);
    await send({ type: 'ready' });
    await message('go');
    const result: InstanceResult =
      task.kind === 'casts'
        ? { kind: 'casts', secret: started.value, acks: await runCasts(engine, task) }
        : task.kind === 'updates'
          ? { kind: 'updates', secret: started.value, answers: await runUpdates(stores, task) }
          : { kind: 'scheduler', secret: started.value, ...(await runScheduler(engine, stores, task)) };
    await send({ type: 'done', result });
  } finally {
    await stores.close();
  }
}

main().then(
  () => process.disconnect?.(),
  async (e: unknown) => {
    process.exitCode = 1;
    await send({ type: 'error', message: e instanceof Error ? e.message : String(e) }).catch(() => undefined);
    process.disconnect?.();
  },
);
