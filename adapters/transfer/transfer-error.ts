/**
 * Why a store transfer refused to run. Thrown (a transfer is an operator's command, not a
 * resident's request); `pnyx migrate` turns each code into a clear message and exit code 1.
 * Messages name the store (a file path or a key prefix), never a record's content.
 */

/** What stopped a dump or a restore. */
export type TransferRefusal =
  /** restore: the target already holds data; nothing was written. */
  | 'target_not_empty'
  /**
   * dump or restore: the store carries the marker of a restore that never finished
   * (crash, lost connection). Its content is incomplete; clear it before trying again.
   */
  | 'partial_restore'
  /** restore: the dump is not a `pnyx-dump/2` or contradicts itself; nothing was written. */
  | 'bad_dump';

/** A refused transfer: nothing was changed by the refused call. */
export class TransferRefusedError extends Error {
  override readonly name = 'TransferRefusedError';
  /** What was refused. */
  readonly refusal: TransferRefusal;

  constructor(refusal: TransferRefusal, message: string) {
    super(message);
    this.refusal = refusal;
  }
}
