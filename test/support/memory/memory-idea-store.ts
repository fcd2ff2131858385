import type { IdeaFilter, IdeaStore, SupportOutcome } from '../../../core/ports/idea-store.ts';
import type { SaveOutcome } from '../../../core/ports/campaign-store.ts';
import type { SideRecords } from '../../../core/ports/side-records.ts';
import type { Idea, IdeaState } from '../../../core/ideas/idea.ts';
import { applySide, frozenCopy, roundTrip } from './memory-state.ts';
import type { MemoryHandle, MemoryState } from './memory-state.ts';

/**
 * In-memory `IdeaStore`. The store owns `version` (`expectedVersion + 1`, or 1). A filter's
 * `states: []` matches no idea. Support checks run in the order: idea exists (`not_found`),
 * state allowed (`not_supportable`), then present/absent.
 */
export class MemoryIdeaStore implements IdeaStore {
  constructor(private readonly handle: MemoryHandle) {}

  async get(id: string): Promise<Idea | null> {
    await roundTrip();
    return this.handle.open().ideas.get(id) ?? null;
  }

  async list(filter: IdeaFilter = {}): Promise<readonly Idea[]> {
    await roundTrip();
    const ideas = [...this.handle.open().ideas.values()].filter(
      (i) =>
        (filter.states === undefined || filter.states.includes(i.state)) &&
        (filter.authorId === undefined || i.authorId === filter.authorId),
    );
    return Object.freeze(ideas.sort((a, b) => a.number - b.number));
  }

  async countByState(): Promise<Readonly<Partial<Record<IdeaState, number>>>> {
    await roundTrip();
    const counts: Partial<Record<IdeaState, number>> = {};
    for (const i of this.handle.open().ideas.values()) counts[i.state] = (counts[i.state] ?? 0) + 1;
    return Object.freeze(counts);
  }

  async nextNumber(): Promise<number> {
    await roundTrip();
    const s = this.handle.open();
    s.lastIdeaNumber += 1;
    return s.lastIdeaNumber;
  }

  async save(idea: Idea, expectedVersion: number | null, side: SideRecords): Promise<SaveOutcome> {
    await roundTrip();
    const s = this.handle.open();
    if (versionOf(s, idea.id) !== expectedVersion) return 'conflict';
    put(s, idea, expectedVersion);
    applySide(s, side);
    return 'saved';
  }

  async addSupport(ideaId: string, supporterKey: string, at: number, allowed: readonly IdeaState[]): Promise<SupportOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const idea = s.ideas.get(ideaId);
    if (idea === undefined) return 'not_found';
    if (!allowed.includes(idea.state)) return 'not_supportable';
    const supports = supportsOf(s, ideaId);
    if (supports.has(supporterKey)) return 'already';
    supports.set(supporterKey, at);
    return 'added';
  }

  async removeSupport(ideaId: string, supporterKey: string, allowed: readonly IdeaState[]): Promise<SupportOutcome> {
    await roundTrip();
    const s = this.handle.open();
    const idea = s.ideas.get(ideaId);
    if (idea === undefined) return 'not_found';
    if (!allowed.includes(idea.state)) return 'not_supportable';
    return supportsOf(s, ideaId).delete(supporterKey) ? 'removed' : 'absent';
  }

  async supportCount(ideaId: string): Promise<number> {
    await roundTrip();
    return this.handle.open().supports.get(ideaId)?.size ?? 0;
  }

  async hasSupport(ideaId: string, supporterKey: string): Promise<boolean> {
    await roundTrip();
    return this.handle.open().supports.get(ideaId)?.has(supporterKey) ?? false;
  }

  async merge(from: Idea, fromExpected: number, into: Idea, intoExpected: number, side: SideRecords): Promise<SaveOutcome> {
    await roundTrip();
    const s = this.handle.open();
    if (from.id === into.id) throw new Error('merge: an idea cannot be merged into itself');
    if (versionOf(s, from.id) !== fromExpected || versionOf(s, into.id) !== intoExpected) return 'conflict';
    put(s, from, fromExpected);
    put(s, into, intoExpected);
    const moved = supportsOf(s, from.id);
    const target = supportsOf(s, into.id);
    for (const [key, at] of moved) {
      const existing = target.get(key);
      target.set(key, existing === undefined ? at : Math.min(existing, at));
    }
    s.supports.delete(from.id);
    applySide(s, side);
    return 'saved';
  }
}

function versionOf(s: MemoryState, id: string): number | null {
  return s.ideas.get(id)?.version ?? null;
}

function put(s: MemoryState, idea: Idea, expectedVersion: number | null): void {
  s.ideas.set(idea.id, frozenCopy({ ...idea, version: (expectedVersion ?? 0) + 1 }));
}

function supportsOf(s: MemoryState, ideaId: string): Map<string, number> {
  let m = s.supports.get(ideaId);
  if (m === undefined) {
    m = new Map();
    s.supports.set(ideaId, m);
  }
  return m;
}
