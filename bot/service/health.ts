/**
 * Health checks for orchestrators and load balancers.
 * - `GET /healthz` (liveness): 200 while the process serves requests; it asks nothing of the store.
 * - `GET /readyz` (readiness): 200 when the campaign's store answers within `timeoutMs`, else 503.
 *   The body tells an operator where the campaign is: the phase now, whether this instance
 *   runs the scheduler, and the outbox's pending messages (a growing number means delivery is
 *   stuck), the failed ones and, among them, the parked ones by reason (given up after their
 *   retries or refused by the platform — not those of residents who blocked the bot): e.g.
 *   `"parked": [{"reason": "telegram 502", "count": 3}]`. Nothing personal and nothing secret
 *   is in it: the phase is public, reasons are fixed texts, the rest counts.
 */
import type { Logger } from 'pino';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { isParkedReason } from '../../adapters/delivery/index.ts';
import type { Route } from './http-server.ts';
import { sendJson } from './http-server.ts';

/** What the health routes read. */
export interface HealthSources {
  readonly engine: CampaignEngine;
  readonly stores: Stores;
  readonly store: 'sqlite' | 'redis';
  /** Whether this instance currently runs the campaign scheduler. */
  readonly schedulerLeading: () => boolean;
  /** How long the store may take before the instance is reported not ready (ms). Default 2,000. */
  readonly timeoutMs?: number;
  /** Where a failed check is logged (name and message only). */
  readonly logger?: Logger;
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/** The readiness report (also what `/readyz` answers). */
export async function readiness(sources: HealthSources): Promise<{ ready: boolean; body: Record<string, unknown> }> {
  const base = { campaign: sources.engine.campaign.id, store: sources.store, scheduler: sources.schedulerLeading() ? 'leading' : 'standby' };
  try {
    const [{ status }, outbox, reasons] = await within(Promise.all([sources.engine.status(), sources.stores.outbox.counts(), sources.stores.outbox.failedByReason(50)]), sources.timeoutMs ?? 2_000);
    const parked = reasons.filter((r) => isParkedReason(r.reason));
    const phase =
      status.kind === 'open'
        ? { kind: 'open', phase: status.phase, closesAt: iso(status.closesAt) }
        : status.kind === 'held'
          ? { kind: 'held', phase: status.phase, next: status.next, reason: status.code }
          : { kind: 'between', after: status.after, next: status.next, opensAt: iso(status.opensAt) };
    return { ready: true, body: { status: 'ready', ...base, phase, outbox: { pending: outbox.pending, failed: outbox.failed, parked } } };
  } catch (e) {
    sources.logger?.warn({ err: { name: (e as Error).name, message: (e as Error).message } }, 'readiness check failed');
    // The store's error text may name a host; the operator gets the kind, the log gets the rest.
    return { ready: false, body: { status: 'unavailable', ...base, reason: e instanceof Timeout ? 'store_timeout' : 'store_error' } };
  }
}

/** The `/healthz` and `/readyz` routes. */
export function healthRoutes(sources: HealthSources): Route[] {
  return [
    { path: '/healthz', methods: { GET: (_req, res) => sendJson(res, 200, { status: 'ok' }) } },
    {
      path: '/readyz',
      methods: {
        GET: async (_req, res) => {
          const { ready, body } = await readiness(sources);
          sendJson(res, ready ? 200 : 503, body);
        },
      },
    },
  ];
}
