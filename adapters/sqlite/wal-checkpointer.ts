/**
 * Checkpoints in the background: a worker thread with a connection of its own copies the
 * write-ahead log's frames into the database file, and syncs it, while the event loop goes on.
 *
 * Why: in WAL mode a commit only appends pages to `<file>-wal`. The work of copying them back
 * into the database file — two fsyncs and a write of every page — is by default done by the
 * committing connection, inside the COMMIT of whichever write crosses
 * `wal_autocheckpoint` pages (1,000), so every thousandth page stops the event loop for the
 * whole checkpoint. Measured on the committee's moderation path through engine and store alone
 * (5,000 *Eligible* decisions, 32 at a time, on this project's 2-core machine): 294–341 µs a
 * decision with SQLite's default, 237–256 µs with this checkpointer, and the slowest decision
 * 17–19 ms instead of 23–24 ms; raising `wal_autocheckpoint` alone was as fast but made the
 * slowest 34–38 ms.
 * better-sqlite3 is synchronous and has no background checkpoint, so this is written here.
 *
 * How:
 * - The worker runs `wal_checkpoint(PASSIVE)` — which never waits for a lock and never blocks
 *   a writer — every {@link CHECKPOINT_EVERY_MS} while it finds work, backing off to
 *   {@link IDLE_CHECKPOINT_MS} when the log is idle.
 * - The store's own connection keeps an automatic checkpoint as a backstop, at
 *   {@link BACKSTOP_PAGES} instead of 1,000: the log is still reset (and its size bounded) by
 *   that connection's commits, and by then the worker has copied nearly every frame, so the
 *   backstop's checkpoint is short. A log is only reset by a write that finds every frame
 *   copied, and under steady writes the worker's copies never quite catch up; while it is
 *   copying, the backstop finds the lock taken and gives up. So once the log nears the
 *   backstop (90 %) the worker stands aside for 50 ms, and the backstop completes (without
 *   that, a test under load saw the log grow to 29,600 frames). Should the log still reach
 *   twice the backstop, the worker makes a RESTART checkpoint, which waits for the writer (and
 *   the event loop's next write waits for it in turn: at 1.25 times the backstop these waits
 *   cost `slack-actions` a tenth of its rate, so it is the last resort). Should the worker
 *   fail or stop on its own, the backstop goes back to SQLite's default and the store keeps
 *   working as without it.
 * - Both connections sync as `synchronous=NORMAL` does: a frame is in the database file, synced,
 *   before the log can be reset, as with SQLite's own checkpoints.
 * - The worker is `unref`'d: it never keeps the process alive. `stop` (the store's `close`) ends
 *   it before the store's connection closes and removes the log; left running, its next round
 *   would open the log again.
 *
 * The worker's code is a string evaluated in the thread (`eval: true`): it must run the same
 * under tsx and from compiled JavaScript, and needs nothing but the driver.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';

/** Pause between checkpoints while the log has frames to copy (ms). */
export const CHECKPOINT_EVERY_MS = 10;
/** Longest pause between checkpoints of an idle log (ms). */
export const IDLE_CHECKPOINT_MS = 1000;
/** The store connection's `wal_autocheckpoint` while the worker runs (pages; SQLite's default is 1,000). */
export const BACKSTOP_PAGES = 4000;
/** How long the worker stands aside once the log nears the backstop (ms; see the file comment). */
const YIELD_MS = 50;
/** How long a RESTART checkpoint of the worker waits for the writer (ms). */
const RESTART_WAIT_MS = 200;
/** SQLite's own `wal_autocheckpoint`, restored when the worker is gone. */
const SQLITE_DEFAULT_PAGES = 1000;
/** How long `stop` waits for the worker to close its connection before terminating it (ms). */
const STOP_WAIT_MS = 2000;

const WORKER_SOURCE = `
'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = NORMAL');
const isBusy = (e) => String(e && e.code).startsWith('SQLITE_BUSY');
let pause = workerData.everyMs;
let timer = null;
let lastLog = -1;
let lastDone = -1;
let runs = 0;
let copied = 0;
let restarts = 0;
const round = () => {
  timer = null;
  let row = null;
  try {
    row = db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (e) {
    if (!isBusy(e)) throw e;
  }
  runs++;
  // Busy (another connection is checkpointing, or a writer resets the log): there is work; try again soon.
  let worked = row === null || row.busy !== 0;
  if (row !== null && row.busy === 0 && row.log >= 0) {
    // Frames copied this round: the new high-water mark, or all of them after the log was reset.
    const done = row.checkpointed;
    const gained = row.log < lastLog || done < lastDone ? done : done - Math.max(lastDone, 0);
    copied += Math.max(gained, 0);
    worked = gained > 0 || row.log !== lastLog;
    lastLog = row.log;
    lastDone = done;
  }
  if (row !== null && row.busy === 0 && row.log >= workerData.restartAt) {
    // The backstop did not reset the log in time (it found the lock taken): a RESTART waits for
    // the writer, copies the rest, and has the next write start the log from the beginning.
    db.pragma('busy_timeout = ' + workerData.restartWaitMs);
    try {
      db.pragma('wal_checkpoint(RESTART)');
      restarts++;
    } catch (e) {
      if (!isBusy(e)) throw e;
    } finally {
      db.pragma('busy_timeout = 0');
    }
  }
  pause = worked ? workerData.everyMs : Math.min(workerData.idleMs, pause * 2);
  // Near the backstop, stand aside: the store connection's own checkpoint must find the lock
  // free to complete, and only a complete one lets its next write reset the log.
  if (row !== null && row.log >= workerData.yieldAt) pause = workerData.yieldMs;
  timer = setTimeout(round, pause);
};
parentPort.on('message', (m) => {
  if (m === 'stats') {
    parentPort.postMessage({ stats: { runs, copied, restarts } });
    return;
  }
  if (m !== 'stop') return;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  db.close();
  parentPort.close();
});
timer = setTimeout(round, 0);
parentPort.postMessage({ ready: true });
`;

/** What the worker did so far. */
export interface CheckpointerStats {
  /** Checkpoint attempts. */
  readonly runs: number;
  /** Frames copied into the database file. */
  readonly copied: number;
  /** RESTART checkpoints the worker made because the backstop had not reset the log. */
  readonly restarts: number;
}

/** Options of {@link BackgroundCheckpointer.start}. */
export interface BackgroundCheckpointerOptions {
  readonly logger: Logger;
  /** Pause while there is work (ms). Default {@link CHECKPOINT_EVERY_MS}. */
  readonly everyMs?: number;
  /** Longest idle pause (ms). Default {@link IDLE_CHECKPOINT_MS}. */
  readonly idleMs?: number;
  /** The driver module the worker loads; default better-sqlite3 as this process resolves it. */
  readonly driver?: string;
}

type FromWorker = { ready: true } | { stats: CheckpointerStats };

const requireHere = createRequire(import.meta.url);

/** The background checkpoint of one store connection (see the file comment). */
export class BackgroundCheckpointer {
  readonly #db: Database.Database;
  readonly #worker: Worker;
  readonly #log: Logger;
  #running = true;
  #stopping = false;
  readonly #ready: Promise<boolean>;
  #statsWaiters: ((s: CheckpointerStats) => void)[] = [];

  private constructor(db: Database.Database, file: string, options: BackgroundCheckpointerOptions) {
    this.#db = db;
    this.#log = options.logger;
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver: options.driver ?? requireHere.resolve('better-sqlite3'),
        everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS,
        idleMs: options.idleMs ?? IDLE_CHECKPOINT_MS,
        yieldAt: Math.floor(BACKSTOP_PAGES * 0.9),
        yieldMs: YIELD_MS,
        restartAt: BACKSTOP_PAGES * 2,
        restartWaitMs: RESTART_WAIT_MS,
      },
    });
    this.#worker.unref();
    this.#ready = new Promise<boolean>((resolve) => {
      this.#worker.on('message', (m: FromWorker) => {
        if ('ready' in m) resolve(true);
        else if ('stats' in m) for (const w of this.#statsWaiters.splice(0)) w(m.stats);
      });
      this.#worker.once('error', (e: unknown) => {
        this.#fallBack();
        this.#log.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'background checkpoint stopped; the store checkpoints on its own commits again');
        resolve(false);
      });
      this.#worker.once('exit', () => {
        if (!this.#stopping && this.#running) {
          this.#fallBack();
          this.#log.warn('background checkpoint exited; the store checkpoints on its own commits again');
        }
        this.#running = false;
        resolve(false);
      });
    });
  }

  /**
   * Starts the worker for `db`, the store's connection to `file`, and raises that
   * connection's automatic checkpoint to the backstop. A worker that cannot start is logged and
   * leaves SQLite's default in place.
   */
  static start(db: Database.Database, file: string, options: BackgroundCheckpointerOptions): BackgroundCheckpointer {
    db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
    return new BackgroundCheckpointer(db, file, options);
  }

  /** Resolves true once the worker has opened the file, false when it failed or ended. */
  ready(): Promise<boolean> {
    return this.#ready;
  }

  /** Whether the worker is (still) running. */
  get running(): boolean {
    return this.#running;
  }

  /** What the worker did so far; zeros once it is gone. */
  async stats(): Promise<CheckpointerStats> {
    if (!(await this.#ready) || !this.#running) return { runs: 0, copied: 0, restarts: 0 };
    return new Promise((resolve) => {
      this.#statsWaiters.push(resolve);
      this.#worker.postMessage('stats');
    });
  }

  /** Ends the worker after it closed its connection (terminated if it does not within 2 s). */
  async stop(): Promise<void> {
    if (this.#stopping) return;
    this.#stopping = true;
    if (!this.#running) return;
    const exited = new Promise<void>((resolve) => this.#worker.once('exit', () => resolve()));
    this.#worker.postMessage('stop');
    const timer = setTimeout(() => void this.#worker.terminate(), STOP_WAIT_MS);
    await exited;
    clearTimeout(timer);
  }

  #fallBack(): void {
    this.#running = false;
    if (this.#db.open) this.#db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_PAGES}`);
    for (const w of this.#statsWaiters.splice(0)) w({ runs: 0, copied: 0, restarts: 0 });
  }
}
