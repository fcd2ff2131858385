/**
 * Purging the write-ahead log after an erasure (`Stores.purgeDeleted`).
 *
 * In WAL mode a changed page is appended to `<file>-wal`; the older images of that page — a
 * deleted resident's row among them — stay in the log until a checkpoint has copied the
 * newest images into the database file and the log is reset, and even then its bytes are
 * only overwritten as new frames reach them. `wal_checkpoint(TRUNCATE)` copies every frame
 * and truncates the log to zero bytes, leaving the old images nowhere (`secure_delete`, set
 * when opening, has already zeroed the freed space in the newest images).
 *
 * A checkpoint cannot complete while another connection (another process) holds a read
 * transaction on an older snapshot or is writing. The attempt never waits on SQLite's busy
 * handler (that would block this process's event loop for `busy_timeout`): it tries, then
 * tries again after short async pauses, then reports `deferred` and keeps retrying in the
 * background every few seconds until it succeeds or the store is closed. Until then the old
 * images remain in the log file on disk (and an automatic checkpoint may have copied one into
 * the database file, where the purge's checkpoint overwrites it with the newest image); no
 * query reads them, and closing the last connection checkpoints and deletes the log.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { PurgeOutcome } from '../../core/ports/stores.ts';
import { isBusyError } from './sqlite-database.ts';

/** Options of {@link WalPurger}. */
export interface WalPurgerOptions {
  /** The connection's own `busy_timeout` (ms), restored after each attempt. */
  readonly busyTimeoutMs: number;
  /** Pauses (ms) between the attempts of one `purge()` call. Default 10, 50, 200, 500. */
  readonly pausesMs?: readonly number[];
  /** Interval (ms) of background retries after a deferred purge. Default 5,000. */
  readonly retryEveryMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Checkpoints and truncates the WAL of one connection, with retries (see the file comment). */
export class WalPurger {
  readonly #db: Database.Database;
  readonly #log: Logger;
  readonly #busyTimeoutMs: number;
  readonly #pausesMs: readonly number[];
  readonly #retryEveryMs: number;
  #timer: NodeJS.Timeout | null = null;

  constructor(db: Database.Database, log: Logger, options: WalPurgerOptions) {
    this.#db = db;
    this.#log = log;
    this.#busyTimeoutMs = options.busyTimeoutMs;
    this.#pausesMs = options.pausesMs ?? [10, 50, 200, 500];
    this.#retryEveryMs = options.retryEveryMs ?? 5000;
  }

  /** Whether a deferred purge is still being retried in the background. */
  get pending(): boolean {
    return this.#timer !== null;
  }

  /** Tries now and a few times more; `deferred` leaves a background retry running. */
  async purge(): Promise<PurgeOutcome> {
    for (let attempt = 0; ; attempt++) {
      if (this.tryOnce()) {
        this.stop();
        return 'purged';
      }
      const pause = this.#pausesMs[attempt];
      if (pause === undefined) break;
      await sleep(pause);
    }
    if (this.#timer === null) {
      this.#log.warn({ retryEveryMs: this.#retryEveryMs }, 'WAL purge after an erasure deferred: another connection holds an old snapshot; retrying in the background');
      this.#timer = setInterval(() => {
        if (this.tryOnce()) {
          this.stop();
          this.#log.info('deferred WAL purge done');
        }
      }, this.#retryEveryMs);
      this.#timer.unref();
    }
    return 'deferred';
  }

  /** One checkpoint attempt without waiting on locks: true when the log was emptied. */
  tryOnce(): boolean {
    const db = this.#db;
    if (!db.open) return false;
    // Inside a transaction this connection itself pins the log; the caller retries later.
    if (db.inTransaction) return false;
    db.pragma('busy_timeout = 0');
    try {
      const rows = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      return rows[0]?.busy === 0;
    } catch (e) {
      if (isBusyError(e)) return false;
      throw e;
    } finally {
      db.pragma(`busy_timeout = ${Math.trunc(this.#busyTimeoutMs)}`);
    }
  }

  /** Stops background retries (on success or close). */
  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}
