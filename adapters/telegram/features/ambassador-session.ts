/**
 * What an ambassador's chat keeps between updates (SPEC §2.4), in the session (chat-state
 * port) and read back through zod: a damaged or older value is "no flow going on", never a
 * crash. One-time codes are never kept here: a code is used in the update that carries it,
 * and only the resident id it names is remembered.
 */
import { z } from 'zod';
import type { BotSession } from '../session.ts';

/** Where an ambassador's flow stands: a registration step, or which code the next message is. */
export const AMB_STEPS = ['reg-language', 'reg-consent', 'reg-age', 'reg-area', 'reg-code', 'idea-code', 'vote-code', 'vote-confirm'] as const;
export type AmbStep = (typeof AMB_STEPS)[number];

const id = z.string().min(1).max(64);

const flowSchema = z.object({
  step: z.enum(AMB_STEPS),
  /** The registering resident's answers so far. */
  locale: id.optional(),
  ageBand: id.optional(),
  area: id.optional(),
});

/** The flow going on in an ambassador's chat. */
export type AmbFlow = z.infer<typeof flowSchema>;

const builderSchema = z.object({ gen: z.number(), envelopeId: z.string(), view: z.string(), page: z.number(), card: z.number().nullable(), picks: z.record(z.string(), z.number()) }).passthrough();

const assistSchema = z.object({
  /** The resident whose ballot the ambassador's builders fill in (found by their code). */
  voter: id,
  /** The builders' states (validated again, strictly, by readVoteSession). */
  builders: z.object({ area: builderSchema.optional(), town: builderSchema.optional() }).passthrough(),
  /** A confirmation waiting for the resident's code: its slot and selection check. */
  waiting: z.object({ slot: z.enum(['area', 'town']), check: z.string().regex(/^[0-9a-f]{8}$/) }).nullable(),
});

/** The assisted ballot going on in an ambassador's chat. */
export type AssistState = z.infer<typeof assistSchema>;

/** The flow of the session (`amb`), or null. */
export function readAmbFlow(session: BotSession): AmbFlow | null {
  const parsed = flowSchema.safeParse(session['amb']);
  return parsed.success ? parsed.data : null;
}

/** Sets (or with null ends) the flow. */
export function writeAmbFlow(session: BotSession, flow: AmbFlow | null): void {
  session['amb'] = flow;
}

/** The assisted ballot of the session (`assist`), or null. */
export function readAssist(session: BotSession): AssistState | null {
  const parsed = assistSchema.safeParse(session['assist']);
  return parsed.success ? parsed.data : null;
}

/** Sets (or with null ends) the assisted ballot. */
export function writeAssist(session: BotSession, assist: AssistState | null): void {
  session['assist'] = assist;
}

/** A code as written on paper: two groups of four, `K7QF-2MXA`. */
export function paperCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A code spelled out to be read aloud or copied by hand: `K 7 Q F – 2 M X A`. */
export function spelledCode(code: string): string {
  return `${[...code.slice(0, 4)].join(' ')} – ${[...code.slice(4)].join(' ')}`;
}
