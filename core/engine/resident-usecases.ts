/**
 * Resident use cases (SPEC §2.4): registration, phone and one-time-code verification,
 * language, subscriptions, "my data", "forget me", ambassadors' assisted registration,
 * one-time codes and roles.
 */
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { Resident, ResidentRole } from '../residents/resident.ts';
import type { RegistrationAnswer } from '../residents/registration.ts';
import { applyAnswer, ineligibility, newResident, nextStep, pickLocale } from '../residents/registration.ts';
import { anonymise } from '../ideas/idea-rules.ts';
import { PHONE_MAX_DIGITS, PHONE_MIN_DIGITS, normalisePhone } from '../residents/phone.ts';
import type { StoredBallot } from '../ballots/ballot.ts';
import type { Idea } from '../ideas/idea.ts';
import type { Question, QuestionMessage } from '../questions/question.ts';
import type { AccessCode } from '../ports/resident-store.ts';
import type { SideRecords } from '../ports/side-records.ts';
import type { EngineDeps } from './engine-deps.ts';
import { CONFLICT_RETRIES } from './engine-deps.ts';
import { requireStaff, staffRef } from './staff.ts';
import { ambassadorRef, residentRef } from './actor-refs.ts';
import { currentStatus } from './phase-usecases.ts';

/** Resident id of a Telegram user. */
export function telegramResidentId(telegramId: number): string {
  return `tg:${telegramId}`;
}

/**
 * Finds or creates the resident behind a Telegram user (first contact). A resident who was
 * erased starts afresh; their ballot is found again through the voter key.
 */
export async function openResident(deps: EngineDeps, telegramId: number, displayName: string | null, languageHint: string | null): Promise<Resident> {
  const id = telegramResidentId(telegramId);
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const existing = await deps.stores.residents.get(id);
    if (existing !== null) return existing.unreachable === undefined ? existing : reachableAgain(deps, existing);
    const r = newResident({ id, telegramId, displayName, locale: pickLocale(deps.campaign, languageHint), now: deps.clock.now() });
    if ((await deps.stores.residents.save(r, null, {})) === 'saved') return { ...r, version: 1 };
  }
  throw new Error('openResident: could not create resident');
}

/** Reads a resident; refusal when unknown (e.g. erased). */
export async function getResident(deps: EngineDeps, residentId: string): Promise<Outcome<Resident>> {
  const r = await deps.stores.residents.get(residentId);
  return r === null ? refuse('resident.unknown', {}) : done(r);
}

/** Read-modify-write with retries on version conflicts. */
async function update(
  deps: EngineDeps,
  residentId: string,
  change: (r: Resident) => Outcome<Resident> | Promise<Outcome<Resident>>,
  side: (before: Resident, after: Resident) => SideRecords = () => ({}),
): Promise<Outcome<Resident>> {
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const r = await deps.stores.residents.get(residentId);
    if (r === null) return refuse('resident.unknown', {});
    const next = await change(r);
    if (!next.ok) return next;
    if ((await deps.stores.residents.save(next.value, r.version, side(r, next.value))) === 'saved') return done({ ...next.value, version: r.version + 1 });
  }
  return refuse('resident.busy', {});
}

/**
 * Records one registration answer; the returned resident's `step` is what to ask next.
 * While voting is open a resident's area, once chosen, is fixed (`registration.area_locked`):
 * it decides which area ballot they fill in, and the ballot path reuses an eligible
 * resident's record for a few seconds (EngineCache.eligible) on every instance.
 */
export async function answerRegistration(deps: EngineDeps, residentId: string, answer: RegistrationAnswer): Promise<Outcome<Resident>> {
  if (answer.step === 'verification') return refuse('registration.use_verification', {});
  const now = deps.clock.now();
  return update(deps, residentId, async (current) => {
    if (answer.step === 'area' && current.area !== null && current.area !== answer.area) {
      const { status } = await currentStatus(deps, now);
      if (status.kind === 'open' && status.phase === 'voting') return refuse('registration.area_locked', { closesAt: status.closesAt });
    }
    return applyAnswer(deps.campaign, current, answer, now);
  });
}

/**
 * Verification by a Telegram-verified phone number (the adapter checked the contact is the
 * user's own). One phone verifies one account: the number is normalised (`normalisePhone`:
 * digits only, 6 to 15 of them, else `phone.invalid`), turned into a keyed hash
 * (`VoterKeys.phoneKey`) and claimed for the resident's keyed pseudonym in the same atomic
 * store step that saves the verified resident (`ResidentStore.claimPhoneAndSave`). A phone
 * another account holds is refused (`phone.already_used`) and nothing is written; a version
 * conflict is retried, and one that outlasts the retries leaves the phone unclaimed.
 *
 * The number itself is never stored, logged or put in a refusal. "Forget me" keeps the
 * claim (keyed hash → pseudonym, neither reversible without PNYX_SECRET), so erasing cannot
 * let one phone verify a second account; registering again from the same Telegram account
 * gives the same pseudonym, and the same phone verifies it again.
 */
export async function verifyByPhone(deps: EngineDeps, residentId: string, phone: string): Promise<Outcome<Resident>> {
  const digits = normalisePhone(phone);
  if (digits === null) return refuse('phone.invalid', { min: PHONE_MIN_DIGITS, max: PHONE_MAX_DIGITS });
  const phoneKey = deps.keys.phoneKey(digits);
  const holder = deps.keys.residentPseudonym(residentId);
  const now = deps.clock.now();
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const r = await deps.stores.residents.get(residentId);
    if (r === null) return refuse('resident.unknown', {});
    const next = applyAnswer(deps.campaign, r, { step: 'verification', method: 'phone' }, now);
    if (!next.ok) return next;
    const claimed = await deps.stores.residents.claimPhoneAndSave(phoneKey, holder, next.value, r.version, now, {});
    if (claimed.status === 'claimed') return done({ ...next.value, version: r.version + 1 });
    if (claimed.status === 'taken') return refuse('phone.already_used', {});
  }
  return refuse('resident.busy', {});
}

/**
 * Verification by a one-time code handed out by the town. The code is spent in the same
 * atomic store step that saves the verified resident, so a refused verification (not at the
 * verification step, wrong method, a version conflict that outlasts the retries) leaves it free.
 */
export async function verifyByCode(deps: EngineDeps, residentId: string, rawCode: string): Promise<Outcome<Resident>> {
  const code = normaliseCode(rawCode);
  if (code === null) return refuse('code.malformed', {});
  const now = deps.clock.now();
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const r = await deps.stores.residents.get(residentId);
    if (r === null) return refuse('resident.unknown', {});
    const next = applyAnswer(deps.campaign, r, { step: 'verification', method: 'code' }, now);
    if (!next.ok) return next;
    const claimed = await deps.stores.residents.claimCodeAndSave(code, next.value, r.version, now, {});
    if (claimed.status === 'claimed') return done({ ...next.value, version: r.version + 1 });
    if (claimed.status === 'unknown') return refuse('code.unknown', {});
    if (claimed.status === 'used') return refuse('code.used', {});
  }
  return refuse('resident.busy', {});
}

/** Changes the resident's language. */
export async function setLanguage(deps: EngineDeps, residentId: string, locale: string): Promise<Outcome<Resident>> {
  if (!deps.campaign.locales.includes(locale)) return refuse('registration.unknown_language', { locale });
  return update(deps, residentId, (r) => done({ ...r, locale, step: r.step === 'language' ? nextStep(deps.campaign, { ...r, locale }, true) : r.step }));
}

/**
 * After Telegram refused a message with 403 (blocked the bot, deactivated): the resident is
 * marked unreachable and unsubscribed in one save, with an audit entry under their keyed
 * pseudonym (`resident.unreachable`, no personal data). Idempotent: an already unreachable
 * resident is left as is (several messages refused at once record it once). Their next
 * message to the bot makes them reachable again (`openResident`).
 */
export async function markUnreachable(deps: EngineDeps, residentId: string): Promise<Outcome<Resident>> {
  const now = deps.clock.now();
  const ref = residentRef(deps, residentId);
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const r = await deps.stores.residents.get(residentId);
    if (r === null) return refuse('resident.unknown', {});
    if (r.unreachable !== undefined) return done(r);
    const next: Resident = { ...r, subscribed: false, unreachable: { at: now, wasSubscribed: r.subscribed } };
    const side: SideRecords = { audit: [{ at: now, actor: 'system:delivery', action: 'resident.unreachable', subject: ref, data: { wasSubscribed: r.subscribed }, assisted: false }] };
    if ((await deps.stores.residents.save(next, r.version, side)) === 'saved') return done({ ...next, version: r.version + 1 });
  }
  return refuse('resident.busy', {});
}

/**
 * A message from a resident marked unreachable: Telegram delivers to them again, so the mark
 * goes and the subscription they had comes back, in one save with its audit entry. Should the
 * save keep conflicting, the resident is returned as read (the next message tries again).
 */
async function reachableAgain(deps: EngineDeps, resident: Resident): Promise<Resident> {
  const now = deps.clock.now();
  const ref = residentRef(deps, resident.id);
  let r: Resident | null = resident;
  for (let i = 0; i < CONFLICT_RETRIES && r !== null; i++) {
    if (r.unreachable === undefined) return r;
    const { unreachable, ...rest } = r;
    const next: Resident = { ...rest, subscribed: r.subscribed || unreachable.wasSubscribed };
    const side: SideRecords = { audit: [{ at: now, actor: ref, action: 'resident.reachable', subject: ref, data: { resubscribed: next.subscribed && !r.subscribed }, assisted: false }] };
    if ((await deps.stores.residents.save(next, r.version, side)) === 'saved') return { ...next, version: r.version + 1 };
    r = await deps.stores.residents.get(resident.id);
  }
  return r ?? resident;
}

/** Stops or resumes announcements and weekly updates. */
export async function setSubscribed(deps: EngineDeps, residentId: string, subscribed: boolean): Promise<Outcome<Resident>> {
  return update(deps, residentId, (r) => done({ ...r, subscribed }));
}

/** Whether the resident may act (submit, support, vote); the refusal says which step is missing. */
export async function requireEligible(deps: EngineDeps, residentId: string): Promise<Outcome<Resident>> {
  return eligibilityOf(deps, await deps.stores.residents.get(residentId));
}

/** `requireEligible` on a record already read (null: no such resident). */
export function eligibilityOf(deps: EngineDeps, r: Resident | null): Outcome<Resident> {
  if (r === null) return refuse('registration.incomplete', {});
  const why = ineligibility(deps.campaign, r);
  return why === null ? done(r) : refuse(why, { step: nextStep(deps.campaign, r, r.step !== 'language') });
}

/** Everything Pnyx holds about a resident ("my data"), as plain data for an export file. */
export interface ResidentExport {
  readonly resident: Resident;
  readonly ideas: readonly Idea[];
  /** Numbers of the ideas they support. */
  readonly supported: readonly number[];
  readonly ballots: readonly StoredBallot[];
  /** Their questions to the team, each with its whole thread, oldest first. */
  readonly questions: readonly { readonly question: Question; readonly messages: readonly QuestionMessage[] }[];
  /**
   * Whether a phone number verified this account. Only the fact: the number is held nowhere,
   * only its keyed hash, which says nothing to anyone without PNYX_SECRET.
   */
  readonly phoneVerified: boolean;
}

/** "My data" (SPEC §2.4, GDPR Art. 15): everything stored about the resident. */
export async function exportMyData(deps: EngineDeps, residentId: string): Promise<Outcome<ResidentExport>> {
  const r = await deps.stores.residents.get(residentId);
  if (r === null) return refuse('resident.unknown', {});
  const ideas = await deps.stores.ideas.list({ authorId: residentId });
  const supportKey = deps.keys.supportKey(residentId);
  const all = await deps.stores.ideas.list();
  const supported: number[] = [];
  for (const idea of all) if (await deps.stores.ideas.hasSupport(idea.id, supportKey)) supported.push(idea.number);
  const voterKey = deps.keys.ballotKey(residentId);
  const ballots = (await Promise.all([deps.stores.ballots.get(voterKey, 'town'), deps.stores.ballots.get(voterKey, 'area')])).filter((b): b is StoredBallot => b !== null);
  // Straight from the store rather than through question-usecases, which imports this module.
  const owned = await deps.stores.questions.listByOwner(residentId);
  const questions = await Promise.all(owned.map(async (question) => ({ question, messages: await deps.stores.questions.messages(question.id) })));
  return done({ resident: r, ideas, supported, ballots, questions, phoneVerified: r.verified?.method === 'phone' });
}

/**
 * "Forget me" (SPEC §2.4, GDPR Art. 17). Afterwards no stored record holds the resident's
 * id, name or contact in clear:
 * - their ideas stay — their content belongs to the campaign — anonymised (`anonymise`: no
 *   author id, their revisions attributed to `resident:erased`);
 * - their resident record is deleted, and one-time codes forget who used them (the codes stay
 *   used);
 * - a phone claim stays (`ResidentStore.claimPhoneAndSave`): the keyed hash of the number and
 *   their keyed pseudonym, neither reversible without PNYX_SECRET — so erasing cannot let one
 *   phone verify two accounts, and the same Telegram account may verify with it again;
 * - records that outlive them (audit entries, revisions by others) already name them only by
 *   keyed pseudonym (`residentRef`), so the audit chain still verifies;
 * - a cast ballot stays counted once under its voter key: registering again from the same
 *   Telegram account finds it (`myBallots`) and replaces it, never adds a second;
 * - finally the store purges what deletion leaves behind in its files (`Stores.purgeDeleted`).
 * Re-runnable: after a crash half-way, calling it again finishes the job.
 */
export async function forgetMe(deps: EngineDeps, residentId: string): Promise<Outcome<{ anonymisedIdeas: number }>> {
  const now = deps.clock.now();
  const ref = residentRef(deps, residentId);
  // The plain form is how records named residents before refs were pseudonymous.
  const authorRefs = [ref, `resident:${residentId}`];
  let anonymised = 0;
  for (const idea of await deps.stores.ideas.list({ authorId: residentId })) {
    for (let i = 0; i < CONFLICT_RETRIES; i++) {
      const fresh = await deps.stores.ideas.get(idea.id);
      if (fresh === null || fresh.authorId !== residentId) break;
      if ((await deps.stores.ideas.save(anonymise(fresh, authorRefs, now), fresh.version, {})) === 'saved') {
        anonymised++;
        break;
      }
    }
  }
  const erased = await eraseRecord(deps, residentId, { audit: [{ at: now, actor: ref, action: 'resident.erased', subject: ref, data: { ideas: anonymised }, assisted: false }] });
  // After the delete, so no vote in flight puts the answer back: this process must not keep
  // answering "eligible" for someone it no longer knows.
  deps.cache?.eligible?.delete(residentId);
  if (!erased) return refuse('resident.busy', {});
  // What other stores keep for this resident goes after the record, so nothing the resident
  // does meanwhile recreates it; on a re-run (record already gone) it is finished here.
  await Promise.all([
    deps.stores.chat.eraseOwner(residentId),
    deps.stores.questions.eraseOwner(residentId),
    deps.stores.outbox.eraseRecipient(residentId),
    deps.stores.messageRefs.eraseOwner(residentId),
  ]);
  await deps.stores.purgeDeleted();
  return done({ anonymisedIdeas: anonymised });
}

/** Deletes the resident record (true when it is gone, whoever deleted it). */
async function eraseRecord(deps: EngineDeps, residentId: string, side: SideRecords): Promise<boolean> {
  for (let i = 0; i < CONFLICT_RETRIES; i++) {
    const r = await deps.stores.residents.get(residentId);
    if (r === null) return true;
    if ((await deps.stores.residents.erase(residentId, r.version, side)) === 'saved') return true;
  }
  return false;
}

const CODE_ALPHABET = /^[A-HJ-NP-Z2-9]{8}$/u;

/** Normalises a typed code (spaces, dashes, lower case); null when it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const c = raw.toUpperCase().replace(/[\s-]/gu, '');
  return CODE_ALPHABET.test(c) ? c : null;
}

/** Staff (admin) issue `count` one-time codes for the town to hand out. */
export async function issueCodes(deps: EngineDeps, issuer: string, count: number): Promise<Outcome<readonly string[]>> {
  if (!Number.isSafeInteger(count) || count < 1 || count > 10_000) return refuse('code.count_invalid', { max: 10_000 });
  const now = deps.clock.now();
  const codes: AccessCode[] = [];
  const seen = new Set<string>();
  while (codes.length < count) {
    const code = deps.ids.oneTimeCode();
    if (seen.has(code) || (await deps.stores.residents.getCode(code)) !== null) continue;
    seen.add(code);
    codes.push({ code, residentId: null, issuedBy: issuer, issuedAt: now, usedAt: null });
  }
  await deps.stores.residents.addCodes(codes);
  return done(codes.map((c) => c.code));
}

/** An ambassador registers a resident without Telegram, who holds a one-time code on paper. */
export async function registerAssisted(
  deps: EngineDeps,
  ambassadorId: string,
  input: { code: string; locale: string; ageBand: string; area: string; displayName: string | null },
): Promise<Outcome<Resident>> {
  const amb = await deps.stores.residents.get(ambassadorId);
  if (amb === null || (amb.role !== 'ambassador' && amb.role !== 'staff')) return refuse('ambassador.not_ambassador', {});
  const code = normaliseCode(input.code);
  if (code === null) return refuse('code.malformed', {});
  const now = deps.clock.now();
  const residentId = `code:${deps.ids.newId('r')}`;
  let r: Resident = { ...newResident({ id: residentId, telegramId: null, displayName: input.displayName, locale: input.locale, now }), assistedBy: ambassadorRef(deps, ambassadorId) };
  for (const answer of [
    { step: 'language', locale: input.locale },
    { step: 'consent', accepted: true },
    { step: 'age', band: input.ageBand },
    { step: 'area', area: input.area },
  ] as const) {
    const next = applyAnswer(deps.campaign, r, answer, now);
    if (!next.ok) return next;
    r = next.value;
  }
  r = { ...r, verified: { method: 'code', at: now }, step: 'done', registeredAt: now };
  const side: SideRecords = {
    audit: [{ at: now, actor: ambassadorRef(deps, ambassadorId), action: 'resident.registered_assisted', subject: residentRef(deps, residentId), data: { area: input.area }, assisted: true }],
  };
  // One atomic step: the code is never spent on a resident who was not saved.
  const claimed = await deps.stores.residents.claimCodeAndSave(code, r, null, now, side);
  if (claimed.status === 'unknown') return refuse('code.unknown', {});
  if (claimed.status === 'used') return refuse('code.used', {});
  if (claimed.status === 'conflict') return refuse('resident.busy', {});
  return done({ ...r, version: 1 });
}

/** The resident registered with a claimed one-time code (for assisted actions). */
export async function residentByCode(deps: EngineDeps, rawCode: string): Promise<Outcome<Resident>> {
  const code = normaliseCode(rawCode);
  if (code === null) return refuse('code.malformed', {});
  const c = await deps.stores.residents.getCode(code);
  if (c === null) return refuse('code.unknown', {});
  // A used code with nobody behind it: its resident erased their data.
  if (c.residentId === null) return refuse(c.usedAt === null ? 'code.not_registered' : 'resident.unknown', {});
  const r = await deps.stores.residents.get(c.residentId);
  return r === null ? refuse('resident.unknown', {}) : done(r);
}

/** Staff give or take a role (ambassador, staff, resident). */
export async function setRole(deps: EngineDeps, slackUserId: string, residentId: string, role: ResidentRole): Promise<Outcome<Resident>> {
  const staff = requireStaff(deps.campaign, slackUserId, 'admin');
  if (!staff.ok) return staff;
  const now = deps.clock.now();
  return update(
    deps,
    residentId,
    (r) => done({ ...r, role }),
    (before) => ({ audit: [{ at: now, actor: staffRef(staff.value), action: 'resident.role_changed', subject: residentRef(deps, residentId), data: { from: before.role, to: role }, assisted: false }] }),
  );
}
