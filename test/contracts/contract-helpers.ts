/**
 * Shared helpers of the store contract suites: fixture lifecycle, record factories and side
 * record probes. Only the port interfaces are used, so every backend runs the suites as is.
 */
import { afterEach, expect } from 'vitest';
import type { Stores } from '../../core/ports/stores.ts';
import type { AuditDraft, OutboxDraft, SideRecords } from '../../core/ports/side-records.ts';
import type { MessageRef } from '../../core/ports/message-references.ts';
import type { CastRequest } from '../../core/ports/ballot-box.ts';
import type { Idea, IdeaState } from '../../core/ideas/idea.ts';
import type { Resident } from '../../core/residents/resident.ts';
import type { MakeStores, StoresFixture } from './stores-fixture.ts';

/** Base instant of the suites (epoch ms). */
export const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);

/**
 * Registers an `afterEach` that cleans up every fixture made in the test; returns the
 * function a test calls to get its fresh fixture.
 */
export function fixtures(make: MakeStores): () => Promise<StoresFixture> {
  const made: StoresFixture[] = [];
  afterEach(async () => {
    const all = made.splice(0);
    for (const f of all) await f.cleanup();
  });
  return async () => {
    const f = await make();
    made.push(f);
    return f;
  };
}

export function auditDraft(tag: string, over: Partial<AuditDraft> = {}): AuditDraft {
  return { at: T0, actor: 'system:engine', action: 'test.acted', subject: `test:${tag}`, data: { tag }, assisted: false, ...over };
}

export function outboxDraft(key: string, over: Partial<OutboxDraft> = {}): OutboxDraft {
  return {
    key,
    recipient: { kind: 'committee' },
    template: 'notify.test',
    params: { key, n: 1, ok: true, none: null },
    notBefore: T0,
    ...over,
  };
}

export function messageRef(key: string, over: Partial<MessageRef> = {}): MessageRef {
  return { key, platform: 'slack', chat: 'C-COMMITTEE', messageId: `ts-${key}`, owner: null, at: T0, ...over };
}

/** Side records whose presence can be probed with `sideLanded(stores, tag)`. */
export function side(tag: string): SideRecords {
  return { audit: [auditDraft(tag)], outbox: [outboxDraft(`side:${tag}`)] };
}

/** How many of the side records made by `side(tag)` are stored: [audit entries, outbox messages]. */
export async function sideCount(stores: Stores, tag: string): Promise<[number, number]> {
  const audit = await stores.audit.list(0, 100_000);
  const outbox = await stores.outbox.list(0, 100_000);
  return [audit.filter((e) => e.subject === `test:${tag}`).length, outbox.filter((m) => m.key === `side:${tag}`).length];
}

/** Asserts the side records of `tag` are stored exactly once (landed) or not at all. */
export async function expectSide(stores: Stores, tag: string, landed: boolean): Promise<void> {
  expect(await sideCount(stores, tag), `side records of "${tag}"`).toEqual(landed ? [1, 1] : [0, 0]);
}

export function resident(id: string, over: Partial<Resident> = {}): Resident {
  return {
    id,
    telegramId: 1000,
    displayName: 'Ada',
    locale: 'fr',
    consent: { version: 'v1', at: T0 },
    ageBand: '30-44',
    area: 'north',
    verified: null,
    role: 'resident',
    subscribed: true,
    step: 'done',
    assistedBy: null,
    createdAt: T0,
    registeredAt: T0,
    version: 1,
    ...over,
  };
}

export function idea(id: string, number: number, over: Partial<Idea> = {}): Idea {
  return {
    id,
    number,
    state: 'submitted',
    title: `Idea number ${number}`,
    description: 'A bench under the old lime tree, facing the square.',
    category: 'green',
    area: null,
    cost: 120_000,
    photo: null,
    location: { lat: 49.85, lon: 5.43 },
    authorId: 'tg:1',
    authorLocale: 'fr',
    assistedBy: null,
    costEstimatedByStaff: false,
    decision: null,
    mergedInto: null,
    rewrite: null,
    revisions: [],
    createdAt: T0,
    submittedAt: T0,
    updatedAt: T0,
    version: 1,
    ...over,
  };
}

/** Saves a new idea (expected version null) and asserts it was saved. */
export async function seedIdea(stores: Stores, id: string, number: number, state: IdeaState = 'submitted'): Promise<Idea> {
  const value = idea(id, number, { state });
  expect(await stores.ideas.save(value, null, {})).toBe('saved');
  return value;
}

export const CLOSES_AT = T0 + 86_400_000;

export function castRequest(voterKey: string, requestId: string, over: Partial<CastRequest> = {}): CastRequest {
  return {
    voterKey,
    slot: 'town',
    envelopeId: 'env-town',
    choices: [{ ideaId: 'idea_b', points: 1 }],
    requestId,
    receipt: `R-${requestId}`,
    at: T0,
    closesAt: CLOSES_AT,
    allowReplace: true,
    assisted: false,
    ...over,
  };
}

/** Integers from..to inclusive. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
