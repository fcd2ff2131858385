/** What four-processes.test.ts and its instance-worker.ts exchange (types and the shared secret). */
import type { DueReport } from '../../adapters/scheduling/index.ts';

/** The PNYX_SECRET every instance of the test shares. */
export const INSTANCE_SECRET = 'multi-instance-secret-0123456789';

/** One ballot request: a first send or a re-send (same requestId, same choices). */
export interface PlannedCast {
  readonly residentId: string;
  readonly requestId: string;
  readonly choices: readonly string[];
}

/** What the parent asks of an instance. */
export type InstanceTask =
  | { readonly kind: 'casts'; readonly url: string; readonly prefix: string; readonly worker: number; readonly at: number; readonly casts: readonly PlannedCast[]; readonly concurrency: number }
  | { readonly kind: 'scheduler'; readonly url: string; readonly prefix: string; readonly worker: number; readonly at: number; readonly leaseTtlMs: number; readonly runMs: number }
  /** Begin each inbound update key at `at` (finishing it when new), `concurrency` at a time. */
  | { readonly kind: 'updates'; readonly url: string; readonly prefix: string; readonly worker: number; readonly at: number; readonly keys: readonly string[]; readonly leaseMs: number; readonly concurrency: number };

/** An acknowledged cast as the instance saw it. */
export interface CastAck {
  readonly residentId: string;
  readonly requestId: string;
  readonly worker: number;
  readonly ok: boolean;
  /** Refusal code when not ok. */
  readonly code?: string;
  readonly version?: number;
  readonly choices?: readonly string[];
  readonly receipt?: string;
  readonly duplicate?: boolean;
}

/** What an instance reports. */
export type InstanceResult =
  | { readonly kind: 'casts'; readonly secret: string; readonly acks: readonly CastAck[] }
  | { readonly kind: 'scheduler'; readonly secret: string; readonly leaderships: number; readonly overlap: DueReport }
  /** Per key, what `begin` answered this instance. */
  | { readonly kind: 'updates'; readonly secret: string; readonly answers: Readonly<Record<string, 'new' | 'in_progress' | 'done'>> };
