import type { Idea, IdeaState } from '../../core/ideas/idea.ts';
import type { SaveOutcome } from '../../core/ports/campaign-store.ts';
import type { IdeaFilter, IdeaStore, SupportOutcome } from '../../core/ports/idea-store.ts';
import type { SideRecords } from '../../core/ports/side-records.ts';
import { outcomeOf } from './outcomes.ts';
import type { RedisContext } from './redis-context.ts';

function ideaJson(idea: Idea): string {
  const { version: _version, ...rest } = idea;
  return JSON.stringify(rest);
}

function ideaFrom(v: string | null | undefined, d: string | null | undefined): Idea | null {
  if (v === null || v === undefined || d === null || d === undefined) return null;
  // The stored version is authoritative over whatever the saved object carried.
  return { ...(JSON.parse(d) as Omit<Idea, 'version'>), version: Number(v) };
}

/**
 * Ideas and supports in Redis. An idea is a hash `idea:<id>` (v = version, s = state,
 * d = JSON); a zset orders ids by number; a hash counts ideas per state, kept in step by the
 * save and merge scripts. Supports are a zset of supporter keys (keyed hashes, never resident
 * ids) scored by the time of the support, per idea; adding or removing checks the idea's state in the same script.
 */
export class RedisIdeaStore implements IdeaStore {
  readonly #ctx: RedisContext;

  constructor(ctx: RedisContext) {
    this.#ctx = ctx;
  }

  async get(id: string): Promise<Idea | null> {
    const [v, d] = await this.#ctx.guard('ideas.get', () => this.#ctx.redis.hmget(this.#ctx.keys.idea(id), 'v', 'd'));
    return ideaFrom(v, d);
  }

  async list(filter: IdeaFilter = {}): Promise<readonly Idea[]> {
    if (filter.states !== undefined && filter.states.length === 0) return [];
    const k = this.#ctx.keys;
    const all = await this.#ctx.guard('ideas.list', async () => {
      const ids = await this.#ctx.redis.zrange(k.ideaNumbers, '0', '-1');
      if (ids.length === 0) return [];
      const pipe = this.#ctx.redis.pipeline();
      for (const id of ids) pipe.hmget(k.idea(id), 'v', 'd');
      const out: Idea[] = [];
      for (const [err, row] of (await pipe.exec()) ?? []) {
        if (err) throw err;
        const [v, d] = row as (string | null)[];
        const idea = ideaFrom(v, d);
        if (idea !== null) out.push(idea);
      }
      return out;
    });
    const states = filter.states === undefined ? null : new Set<IdeaState>(filter.states);
    return all.filter((i) => (states === null || states.has(i.state)) && (filter.authorId === undefined || i.authorId === filter.authorId));
  }

  async countByState(): Promise<Readonly<Partial<Record<IdeaState, number>>>> {
    const raw = await this.#ctx.guard('ideas.countByState', () => this.#ctx.redis.hgetall(this.#ctx.keys.ideaStates));
    const out: Partial<Record<IdeaState, number>> = {};
    for (const [state, n] of Object.entries(raw)) if (Number(n) > 0) out[state as IdeaState] = Number(n);
    return out;
  }

  async nextNumber(): Promise<number> {
    // A re-sent INCR (lost reply) skips a number; it never hands one out twice.
    return this.#ctx.guard('ideas.nextNumber', () => this.#ctx.redis.incr(this.#ctx.keys.ideaNumber));
  }

  async save(idea: Idea, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    const code = await this.#ctx.write('ideas.save', 'idea-save', side, this.#writeKeys(idea), this.#writeArgs(idea, expectedVersion));
    return outcomeOf('idea-save', code, ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async merge(from: Idea, fromExpected: number, into: Idea, intoExpected: number, side: SideRecords): Promise<SaveOutcome> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.write(
      'ideas.merge',
      'idea-merge',
      side,
      [k.idea(from.id), k.idea(into.id), k.ideaNumbers, k.ideaStates, k.supports(from.id), k.supports(into.id)],
      [...this.#writeArgs(from, fromExpected), ...this.#writeArgs(into, intoExpected)],
    );
    return outcomeOf('idea-merge', code, ['ok', 'conflict']) === 'ok' ? 'saved' : 'conflict';
  }

  async addSupport(ideaId: string, supporterKey: string, at: number, allowed: readonly IdeaState[]): Promise<SupportOutcome> {
    return this.#support('add', ideaId, supporterKey, allowed, at);
  }

  async removeSupport(ideaId: string, supporterKey: string, allowed: readonly IdeaState[]): Promise<SupportOutcome> {
    return this.#support('remove', ideaId, supporterKey, allowed);
  }

  async supportCount(ideaId: string): Promise<number> {
    return this.#ctx.guard('ideas.supportCount', () => this.#ctx.redis.zcard(this.#ctx.keys.supports(ideaId)));
  }

  async hasSupport(ideaId: string, supporterKey: string): Promise<boolean> {
    const n = await this.#ctx.guard('ideas.hasSupport', () => this.#ctx.redis.zscore(this.#ctx.keys.supports(ideaId), supporterKey));
    return n !== null;
  }

  async #support(mode: 'add' | 'remove', ideaId: string, supporterKey: string, allowed: readonly IdeaState[], at = 0): Promise<SupportOutcome> {
    const k = this.#ctx.keys;
    const code = await this.#ctx.write(`ideas.${mode}Support`, 'support-change', {}, [k.idea(ideaId), k.supports(ideaId)], [mode, supporterKey, allowed.join(','), String(at)]);
    return outcomeOf('support-change', code, ['added', 'already', 'removed', 'absent', 'not_supportable', 'not_found']);
  }

  #writeKeys(idea: Idea): string[] {
    const k = this.#ctx.keys;
    return [k.idea(idea.id), k.ideaNumbers, k.ideaStates];
  }

  #writeArgs(idea: Idea, expected: number | null): string[] {
    return [expected === null ? '' : String(expected), ideaJson(idea), idea.state, String(idea.number), idea.id];
  }
}
