/**
 * Child process of sqlite-multiprocess.test.ts: opens the shared campaign file, reports
 * `ready`, waits for `go`, runs one race task through the ports and reports the answers.
 * Run as `node --import tsx test/sqlite/race-worker.ts` via child_process.fork.
 */
import { busyRetryCount, openSqliteStores } from '../../adapters/sqlite/index.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { Stores } from '../../core/ports/stores.ts';

/** What the parent asks of a worker. */
export interface RaceTask {
  readonly file: string;
  readonly worker: number;
  readonly kind: 'casts' | 'audit' | 'codes' | 'ideas' | 'updates' | 'outbox';
  /** Voter keys (casts), codes (codes), idea ids (ideas), update keys (updates: begun at T, finished when new). */
  readonly keys: readonly string[];
  /** Rounds per key (casts), appends (audit), claims (outbox). */
  readonly rounds: number;
  /** Ideas as the parent stored them at version 1 (ideas). */
  readonly ideas?: readonly Idea[];
  /** casts: after each round, report to the parent and wait until every worker finished it. */
  readonly roundBarrier?: boolean;
}

/** What a worker answers: per key, the values it obtained; `busyRetries`: [busyRetryCount()]. */
export type RaceResult = Readonly<Record<string, readonly (number | string)[]>>;

const T = Date.UTC(2026, 5, 10);

async function run(stores: Stores, task: RaceTask): Promise<RaceResult> {
  const out: Record<string, (number | string)[]> = {};
  const add = (k: string, v: number | string): void => {
    (out[k] ??= []).push(v);
  };
  const audit = (tag: string) => ({ audit: [{ at: T, actor: `system:w${task.worker}`, action: 'race', subject: tag, data: { w: task.worker }, assisted: false }] });
  switch (task.kind) {
    case 'casts':
      for (let r = 0; r < task.rounds; r++) {
        for (const vk of task.keys) {
          const requestId = `w${task.worker}-${vk}-r${r}`;
          const o = await stores.ballots.cast(
            {
              voterKey: vk,
              slot: 'town',
              envelopeId: 'env-town',
              choices: [{ ideaId: `idea_${task.worker}`, points: 1 }],
              requestId,
              receipt: `R-${requestId}`,
              at: T,
              closesAt: T + 1,
              allowReplace: true,
              assisted: false,
            },
            { ...audit(`ballot:${requestId}`), outbox: [{ key: `receipt:${requestId}`, recipient: { kind: 'committee' }, template: 't', params: {}, notBefore: T }] },
          );
          add(vk, o.status === 'recorded' ? o.ballot.version : `!${o.status}`);
        }
        if (task.roundBarrier && r < task.rounds - 1) await roundDone(r);
      }
      break;
    case 'audit':
      for (let r = 0; r < task.rounds; r++) {
        const drafts = [0, 1, 2].map((j) => audit(`w${task.worker}-r${r}-${j}`).audit[0]!);
        const entries = await stores.audit.append(drafts);
        add('seqs', entries.map((e) => e.seq).join(','));
      }
      break;
    case 'codes':
      for (const code of task.keys) {
        const o = await stores.residents.claimCode(code, `tg:w${task.worker}`, T, audit(`code:${code}:w${task.worker}`));
        add(code, o.status);
      }
      break;
    case 'ideas':
      for (const idea of task.ideas ?? []) {
        const o = await stores.ideas.save({ ...idea, title: `decided by w${task.worker}`, version: 2 }, 1, audit(`idea:${idea.id}:w${task.worker}`));
        add(idea.id, o);
      }
      break;
    case 'updates':
      // Every new key is finished at once, so a later begin may see it done or still in progress.
      for (const key of task.keys) {
        const o = await stores.processed.begin(key, T, 60_000);
        if (o.status === 'new') await stores.processed.finish(key, T);
        add(key, o.status);
      }
      break;
    case 'outbox':
      for (let r = 0; r < task.rounds; r++) {
        for (const m of await stores.outbox.claim(T, 3, 3_600_000)) add('claimed', m.seq);
      }
      break;
  }
  return out;
}

/** Tells the parent this round is done and waits for its word that every worker's is. */
function roundDone(round: number): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (msg: unknown): void => {
      if (msg !== `next:${round}`) return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
    process.send?.({ type: 'round', round });
  });
}

const task = JSON.parse(process.argv[2] ?? '{}') as RaceTask;
const stores = openSqliteStores({ file: task.file });
process.on('message', (msg: unknown) => {
  if (msg !== 'go') return;
  run(stores, task)
    .then(async (result) => {
      await stores.close();
      process.send?.({ type: 'done', result: { ...result, busyRetries: [busyRetryCount()] } }, () => process.exit(0));
    })
    .catch((e: unknown) => {
      process.send?.({ type: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }, () => process.exit(1));
    });
});
process.send?.({ type: 'ready' });
