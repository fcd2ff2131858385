/**
 * Deliveries (SPEC §2.5): what turns recorded broadcasts into messages. Today the fan-out
 * runner; the residents' messages are still sent by adapters/telegram/resident-dispatcher.ts.
 */
export { FanOutRunner } from './fan-out-runner.ts';
export type { FanOutEngine, FanOutRunnerOptions } from './fan-out-runner.ts';
