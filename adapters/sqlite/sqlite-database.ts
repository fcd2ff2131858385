/**
 * Opening a campaign's SQLite file and running write transactions on it.
 *
 * Every multi-step change runs as `BEGIN IMMEDIATE`: the write lock is taken before the first
 * read, so a read-check-write step can never be overtaken by another connection or process
 * (and WAL never answers SQLITE_BUSY_SNAPSHOT on an upgrade). Waiting for the lock is left to
 * SQLite's `busy_timeout`; should it still expire under a long stall, the whole transaction —
 * which did nothing, since BEGIN failed — is retried a few times before the error escapes.
 */
import Database from 'better-sqlite3';

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Milliseconds SQLite waits for a lock before answering SQLITE_BUSY. Default 5000. */
  readonly busyTimeoutMs?: number;
}

/** Default `busy_timeout`, ms. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** Extra attempts after SQLITE_BUSY escaped busy_timeout (each waits busy_timeout again). */
const BUSY_RETRIES = 4;

/**
 * Opens (creating if needed) a database file with the store's pragmas: WAL,
 * `synchronous=NORMAL`, foreign keys on, `busy_timeout`, `secure_delete=ON`.
 *
 * `secure_delete`: SQLite otherwise leaves a deleted or overwritten row's bytes in the page's
 * free space and in freed pages, so "forget me" would delete a resident only from queries,
 * not from the file. With it, freed space and freelist pages are zeroed as they are freed.
 * It must be on for every write, not only the erasure: each earlier save of a resident left
 * its previous version in free space. Measured on `npm run bench -- ballots-sqlite`: no
 * difference beyond the run-to-run noise (see docs/ARCHITECTURE.md, "Erasure").
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    // Switching to WAL needs a brief exclusive lock; several processes may open at once.
    retryBusy(() => db.pragma('journal_mode = WAL'));
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** True for SQLITE_BUSY and its extended codes (SQLITE_BUSY_RECOVERY, …). */
export function isBusyError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` (the driver is synchronous; so is SQLite's own busy wait). */
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

let busyRetries = 0;

/** How often, in this process, SQLITE_BUSY outlasted busy_timeout and a step was retried. */
export function busyRetryCount(): number {
  return busyRetries;
}

/** Runs `fn`, retrying on SQLITE_BUSY; `fn` must have no effect when it fails busy. */
export function retryBusy<R>(fn: () => R): R {
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (e) {
      if (!isBusyError(e) || attempt >= BUSY_RETRIES) throw e;
      busyRetries++;
      sleepSync(5 + Math.floor(Math.random() * 20 * (attempt + 1)));
    }
  }
}

/**
 * Wraps `fn` as a `BEGIN IMMEDIATE` transaction: all of it commits or none of it (a throw
 * rolls back). Called inside another transaction it becomes a savepoint of that one.
 */
export function immediateTx<A extends unknown[], R>(db: Database.Database, fn: (...args: A) => R): (...args: A) => R {
  const tx = db.transaction(fn);
  return (...args: A): R => {
    if (db.inTransaction) return tx(...args);
    return retryBusy(() => tx.immediate(...args));
  };
}

/** Runs `fn` once in a `BEGIN IMMEDIATE` transaction (see {@link immediateTx}). */
export function immediate<R>(db: Database.Database, fn: () => R): R {
  return immediateTx(db, fn)();
}

interface Pending {
  readonly fn: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Settled = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: the small writes handed to {@link GroupCommit.run} during one turn of the
 * event loop commit together, in one `BEGIN IMMEDIATE … COMMIT`, each in a savepoint of its
 * own — one that throws is rolled back alone and rejects alone; the others commit. Every
 * promise settles after the COMMIT, so a caller that sees success has its write committed,
 * exactly as with a transaction of its own.
 *
 * Why: a commit costs far more than the one-row statements of the inbound de-duplication
 * (`ProcessedUpdates`), which every Slack request and Telegram update makes two or three
 * times, or than an idea's save with its side records; under load many arrive in the same
 * turn, and one commit for all of them is a fraction of the work (`slack-actions`: 750 →
 * 1,150 decisions/s). better-sqlite3 is synchronous and batches nothing by itself, so
 * this is written here (a queue flushed at `setImmediate`).
 *
 * Only for writes that need no answer before the end of the turn and no other port's
 * transaction around them. `flush` commits what is queued at once (the store's `close`).
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly batch: (items: readonly Pending[]) => Settled[];

  constructor(private readonly db: Database.Database) {
    const own = db.transaction((fn: () => unknown) => fn());
    this.batch = immediateTx(db, (items: readonly Pending[]): Settled[] =>
      items.map((item): Settled => {
        try {
          return { ok: true, value: own(item.fn) };
        } catch (error) {
          // Busy cannot happen under the write lock; anything else is this write's own failure.
          if (isBusyError(error)) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  /** Runs `fn` (synchronous statements) in the next group commit; settles after that commit. */
  run<R>(fn: () => R): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits every queued write now. */
  flush(): void {
    this.scheduled = false;
    const items = this.queue;
    if (items.length === 0) return;
    this.queue = [];
    let settled: Settled[];
    try {
      if (!this.db.open) throw new Error('sqlite store: closed');
      settled = this.batch(items);
    } catch (error) {
      for (const item of items) item.reject(error);
      return;
    }
    settled.forEach((s, i) => (s.ok ? items[i]!.resolve(s.value) : items[i]!.reject(s.error)));
  }
}
