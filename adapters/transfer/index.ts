/**
 * What both store transfers share (SQLite ⇄ Redis, `pnyx migrate`): the refusal error, the
 * dump's counts and checksums, and the checks every restore runs on a dump before writing.
 */
export { TransferRefusedError } from './transfer-error.ts';
export type { TransferRefusal } from './transfer-error.ts';
export { dumpSummary, differingSections, DUMP_SECTIONS } from './dump-checksum.ts';
export type { DumpSection, DumpSummary } from './dump-checksum.ts';
export { checkDump, isEmptyDump } from './check-dump.ts';
