/**
 * The "forget me" scenario of issue 9, as one reusable function over any real `Stores`: a
 * resident with distinctive personal data registers (verified by phone or by one-time code),
 * becomes an ambassador and helps a paper resident, submits ideas that staff moderate
 * (changes requested, resubmitted, rewrite proposed and accepted, eligible; one merged; one
 * left submitted), supports others' ideas, votes and replaces the vote — then erases their
 * data. `extraSteps` run just before the erasure, with the campaign in voting, so a later
 * branch can add "asked a question", chat state and message references to the same scenario.
 *
 * The campaign is the Bertrix example (config/examples/bertrix.yaml) under another id and
 * verification mode, written to a file so `pnyx audit` can read it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parseCampaignYaml } from '../../config/index.ts';
import { VoterKeys } from '../../core/ballots/voter-keys.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import { createEngine } from '../../core/engine/campaign-engine.ts';
import type { CampaignEngine } from '../../core/engine/campaign-engine.ts';
import type { Idea } from '../../core/ideas/idea.ts';
import type { Stores } from '../../core/ports/stores.ts';
import { repoRoot } from '../support/shared-data.ts';
import { FixedClock } from '../support/fixed-clock.ts';
import { SequentialIds } from '../support/sequential-ids.ts';

/** PNYX_SECRET of the scenario's engine (and of `pnyx audit` on its store). */
export const ERASURE_SECRET = 'erasure-scenario-secret-0123456789';

/** The resident who erases their data, with personal data that is easy to spot in raw bytes. */
export const SUBJECT = {
  telegramId: 7311234567,
  displayName: 'Zoé Quenneville-Test',
  username: 'zquenneville_tst',
  phone: '+32 478 91 26 53',
} as const;

/** Who the subject is, as a chat adapter would see them. */
export type Subject = typeof SUBJECT;

/**
 * Strings none of which may remain anywhere after the erasure: the resident id, the Telegram
 * id, the name (and its distinctive part, which survives any encoding of the accent), the
 * username, the phone number as typed and as Telegram sends it (digits, with or without +).
 */
export function forbiddenStrings(s: Subject = SUBJECT): string[] {
  const digits = s.phone.replace(/\D/g, '');
  return [`tg:${s.telegramId}`, String(s.telegramId), s.displayName, 'Quenneville', s.username, s.phone, `+${digits}`, digits];
}

/** Staff of the Bertrix example. */
export const STAFF = { admin: 'U07BRTXADMIN1', mod1: 'U07BRTXMOD01', mod2: 'U07BRTXMOD02' } as const;

/** The scenario's campaign file: Bertrix with `id` and `verification`, written into `dir`. */
export function writeScenarioCampaign(dir: string, id: string, verification: 'phone' | 'code'): { file: string; campaign: Campaign } {
  const text = readFileSync(path.join(repoRoot, 'config/examples/bertrix.yaml'), 'utf8')
    .replace(/^id: bertrix-2026$/m, `id: ${id}`)
    .replace(/^(\s*verification:) none\b/m, `$1 ${verification}`);
  const file = path.join(dir, `${id}.yaml`);
  writeFileSync(file, text);
  const loaded = parseCampaignYaml(text, file);
  if (!loaded.ok) throw new Error(`scenario campaign invalid: ${JSON.stringify(loaded.errors)}`);
  if (loaded.campaign.id !== id || loaded.campaign.eligibility.verification !== verification) throw new Error('scenario campaign: id or verification not replaced');
  return { file, campaign: loaded.campaign };
}

/** What the steps and the checks after the scenario can use. */
export interface ErasureContext {
  readonly engine: CampaignEngine;
  readonly stores: Stores;
  readonly clock: FixedClock;
  readonly campaign: Campaign;
  readonly subject: Subject;
  /** The subject's resident id (`tg:<telegram id>`). */
  readonly residentId: string;
  /** The subject's ideas by what happened to them, and others' ideas they supported. */
  readonly ideas: { readonly rewritten: Idea; readonly merged: Idea; readonly submitted: Idea; readonly others: readonly Idea[] };
  /** The resident the subject registered on paper as an ambassador. */
  readonly helpedId: string;
  /** Registers and verifies a Telegram resident (a new code each time in code mode). */
  register(telegramId: number, displayName: string): Promise<string>;
}

/** A step added to the scenario (runs in voting, after the subject voted, before the erasure). */
export type ErasureStep = (ctx: ErasureContext) => Promise<void>;

export const must = <V>(o: { ok: true; value: V } | { ok: false; code: string }): V => {
  if (!o.ok) throw new Error(`refused: ${o.code}`);
  return o.value;
};

const text = (title: string) => ({
  title,
  description: `${title}: what it is, where it goes and who it serves, in enough words.`,
  category: 'cadre-de-vie',
  area: null,
  cost: 500_000,
});

/**
 * Runs the scenario on `stores` (empty) up to and including the subject's erasure, checking
 * along the way that every step was accepted and that "my data" exported everything first.
 */
export async function runErasureScenario(stores: Stores, campaign: Campaign, extraSteps: readonly ErasureStep[] = []): Promise<ErasureContext> {
  const clock = new FixedClock(campaign.phases.submission.start + 3_600_000);
  const engine = createEngine({ campaign, stores, clock, ids: new SequentialIds(1), keys: new VoterKeys(ERASURE_SECRET) });
  must(await engine.start());
  const verification = campaign.eligibility.verification;
  const codes = async (n: number): Promise<string[]> => [...must(await engine.issueCodes('cli', n))];

  const register = async (telegramId: number, displayName: string): Promise<string> => {
    const r = await engine.openResident(telegramId, displayName, 'fr-BE');
    must(await engine.answerRegistration(r.id, { step: 'language', locale: 'fr' }));
    must(await engine.answerRegistration(r.id, { step: 'consent', accepted: true }));
    must(await engine.answerRegistration(r.id, { step: 'age', band: '35-44' }));
    must(await engine.answerRegistration(r.id, { step: 'area', area: 'cugnon' }));
    // The subject verifies with their own number; everyone else with one of their own (one
    // phone verifies one account).
    if (verification === 'phone') must(await engine.verifyByPhone(r.id, telegramId === SUBJECT.telegramId ? SUBJECT.phone : `+32 470 ${telegramId}`));
    else if (verification === 'code') {
      const [code] = await codes(1);
      must(await engine.verifyByCode(r.id, code!));
      // Typed twice (a lost reply, an impatient tap): already verified, nothing more is spent.
      expect(await engine.verifyByCode(r.id, code!.toLowerCase())).toMatchObject({ ok: false, code: 'registration.not_at_verification' });
    }
    return r.id;
  };

  // Inbound updates the bot would have handled while talking to the subject (one still leased).
  for (const u of [880_001, 880_002, 880_003]) {
    expect(await stores.processed.begin(`tg:${u}`, clock.now(), 60_000)).toMatchObject({ status: 'new' });
    if (u !== 880_003) await stores.processed.finish(`tg:${u}`, clock.now());
  }

  const residentId = await register(SUBJECT.telegramId, SUBJECT.displayName);
  const neighbours = [await register(600_001, 'Neighbour One'), await register(600_002, 'Neighbour Two')];
  const others = [must(await engine.submitIdea(neighbours[0]!, text('Benches along the Semois'))), must(await engine.submitIdea(neighbours[1]!, text('A shelter at the bus stop')))];

  // The subject as an ambassador: registers a resident on paper and submits an idea for them.
  must(await engine.setRole(STAFF.admin, residentId, 'ambassador'));
  const [paper] = await codes(1);
  const helped = must(await engine.registerAssisted(residentId, { code: paper!, locale: 'fr', ageBand: '75+', area: 'orgeo', displayName: 'Helped Resident' }));
  must(await engine.submitIdea(helped.id, text('A reading corner in the library'), residentId));

  // An idea moderated and rewritten: changes requested, resubmitted, rewrite accepted, eligible.
  let rewritten = must(await engine.submitIdea(residentId, text('Flowers on the church square')));
  rewritten = must(await engine.moderateIdea(STAFF.mod1, rewritten.id, rewritten.version, { outcome: 'changes_requested', comment: 'Which part of the square?' }));
  rewritten = must(await engine.resubmitIdea(residentId, rewritten.id, text('Flower beds on the church square')));
  rewritten = must(await engine.proposeRewrite(STAFF.mod2, rewritten.id, 'Flower beds, church square', 'Four raised flower beds on the north side of the church square, planted twice a year.', 'Clearer.'));
  rewritten = must(await engine.answerRewrite(residentId, rewritten.id, true));
  // One merged into a neighbour's idea, one left waiting for review.
  const merged0 = must(await engine.submitIdea(residentId, text('Benches by the river')));
  const merged = must(await engine.moderateIdea(STAFF.mod1, merged0.id, merged0.version, { outcome: 'merged', into: others[0]!.id, comment: 'Same place.' }));
  const submitted = must(await engine.submitIdea(residentId, text('A pump track for kids')));
  for (const o of others) must(await engine.supportIdea(residentId, o.id, true));

  for (const idea of [rewritten, ...others]) {
    const fresh = (await stores.ideas.get(idea.id))!;
    must(await engine.moderateIdea(STAFF.mod1, idea.id, fresh.version, { outcome: 'eligible', comment: null }));
  }
  clock.set(campaign.phases.review.start + 3_600_000);
  for (const idea of [rewritten, ...others]) must(await engine.selectFinalist(STAFF.admin, idea.id, true));
  clock.set(campaign.phases.voting.start + 3_600_000);
  await engine.tick();
  must(await engine.castBallot(residentId, 'town', [{ ideaId: others[1]!.id }], 'cb-880010'));
  must(await engine.castBallot(residentId, 'town', [{ ideaId: rewritten.id }], 'cb-880011'));
  must(await engine.castBallot(neighbours[0]!, 'town', [{ ideaId: others[0]!.id }], 'cb-880012'));

  const ctx: ErasureContext = {
    engine,
    stores,
    clock,
    campaign,
    subject: SUBJECT,
    residentId,
    ideas: { rewritten: (await stores.ideas.get(rewritten.id))!, merged: (await stores.ideas.get(merged.id))!, submitted: (await stores.ideas.get(submitted.id))!, others },
    helpedId: helped.id,
    register,
  };
  for (const step of extraSteps) await step(ctx);

  // "My data" exports everything the resident has before it goes.
  const mine = must(await engine.exportMyData(residentId));
  expect(mine.resident).toMatchObject({ id: residentId, telegramId: SUBJECT.telegramId, displayName: SUBJECT.displayName, role: 'ambassador' });
  expect(mine.ideas.map((i) => i.id)).toEqual([rewritten.id, merged.id, submitted.id]);
  expect(mine.supported).toEqual(others.map((o) => o.number));
  expect(mine.ballots.map((b) => [b.slot, b.version, b.choices])).toEqual([['town', 2, [{ ideaId: rewritten.id, points: 1 }]]]);

  clock.advance(60_000);
  expect(await engine.forgetMe(residentId)).toEqual({ ok: true, value: { anonymisedIdeas: 3 } });
  return ctx;
}

/**
 * After the scan: the same Telegram account registers again and finds its ballot, replacing it
 * without adding a second (SPEC §2.3); nothing else of the erased resident comes back.
 */
export async function expectBallotFoundAgain(ctx: ErasureContext): Promise<void> {
  const { engine, stores } = ctx;
  const votersBefore = await stores.ballots.countVoters();
  const countsBefore = await stores.ballots.countByEnvelope();
  const again = await ctx.register(ctx.subject.telegramId, ctx.subject.displayName);
  expect(again).toBe(ctx.residentId);
  expect((await engine.myBallots(again)).map((b) => [b.version, b.choices])).toEqual([[2, [{ ideaId: ctx.ideas.rewritten.id, points: 1 }]]]);
  expect(await engine.castBallot(again, 'town', [{ ideaId: ctx.ideas.others[0]!.id }], 'cb-880020')).toMatchObject({ ok: true, value: { replaced: true, ballot: { version: 3 } } });
  expect(await stores.ballots.countVoters()).toBe(votersBefore);
  expect(await stores.ballots.countByEnvelope()).toEqual(countsBefore);
  const mine = must(await engine.exportMyData(again));
  expect(mine.ideas).toEqual([]);
  expect(mine.resident.role).toBe('resident');
  expect(mine.ballots.map((b) => b.version)).toEqual([3]);
}
