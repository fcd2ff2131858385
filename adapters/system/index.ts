/**
 * System adapters: time and randomness. `SystemClock` and `CryptoIds` for real campaigns;
 * `SteppingClock`, `SeededIds` and `SeededRandom` for reproducible simulations.
 */
export { SystemClock, SteppingClock } from './clocks.ts';
export { CryptoIds } from './crypto-ids.ts';
export { SeededIds } from './seeded-ids.ts';
export { SeededRandom } from './seeded-random.ts';
export { CODE_ALPHABET, ID_ALPHABET, RECEIPT_LENGTH, ONE_TIME_CODE_LENGTH } from './code-alphabet.ts';
export { LocalLease } from './local-lease.ts';
export { MemorySendBudget, PAID_BROADCAST_PER_SECOND, SendBudgetError, TELEGRAM_SEND_LIMITS } from './memory-send-budget.ts';
export type { MemorySendBudgetOptions, SendBudget, SendGrant, SendLimits } from './memory-send-budget.ts';
