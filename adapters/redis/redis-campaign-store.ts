import type { CampaignStore, SaveOutcome, SecretCheck, Versioned } from '../../core/ports/campaign-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import type { PhaseState } from '../../core/phases/phase-state.ts';
import type { StoredResults } from '../../core/ballots/results.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

/**
 * Campaign-level records in Redis: the phase state as a versioned hash (v, d), the results
 * as one JSON string, the PNYX_SECRET check value as a string set once.
 */
export class RedisCampaignStore implements CampaignStore {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async loadPhaseState(): Promise<Versioned<PhaseState> | null> {
    const [v, d] = await this.#ctx.guard('campaign.loadPhaseState', () => this.#ctx.redis.hmget(this.#ctx.keys.phase, 'v', 'd'));
    if (v === null || v === undefined || d === null || d === undefined) return null;
    return { value: JSON.parse(d) as PhaseState, version: Number(v) };
  }

  async savePhaseState(state: PhaseState, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.write('campaign.savePhaseState', 'record-save', side, [k.phase], [expectedVersion === null ? '' : String(expectedVersion), JSON.stringify(state)]);
    return outcomeOf('record-save', code, ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async saveResults(results: StoredResults, side: SideRecords): Promise<void> {
    const code = await this.#ctx.write('campaign.saveResults', 'value-put', side, [this.#ctx.keys.results], [JSON.stringify(results)]);
    outcomeOf('value-put', code, ['ok']);
  }

  async loadResults(): Promise<StoredResults | null> {
    const raw = await this.#ctx.guard('campaign.loadResults', () => this.#ctx.redis.get(this.#ctx.keys.results));
    return raw === null ? null : (JSON.parse(raw) as StoredResults);
  }

  async checkSecret(check: string): Promise<SecretCheck> {
    const code = await this.#ctx.script('campaign.checkSecret', 'secret-check', [this.#ctx.keys.secret], [check]);
    const outcome = outcomeOf('secret-check', code, ['initialized', 'match', 'mismatch']);
    return outcome;
  }
}
