/**
 * Registration and eligibility (SPEC §2.4) as pure functions. The steps, in order:
 * language → consent (privacy-notice version) → age band → area → verification → done.
 */
import type { RefusalCode } from '../domain/codes.ts';
import type { Campaign, Locale } from '../campaign/campaign.ts';
import type { Outcome } from '../domain/domain-error.ts';
import { done, refuse } from '../domain/domain-error.ts';
import type { RegistrationStep, Resident } from './resident.ts';

/** A new resident who has just opened the bot. */
export function newResident(args: { id: string; telegramId: number | null; displayName: string | null; locale: Locale; now: number }): Resident {
  return {
    id: args.id,
    telegramId: args.telegramId,
    displayName: args.displayName === null ? null : args.displayName.slice(0, 64),
    locale: args.locale,
    consent: null,
    ageBand: null,
    area: null,
    verified: null,
    role: 'resident',
    subscribed: true,
    step: 'language',
    assistedBy: null,
    createdAt: args.now,
    registeredAt: null,
    version: 0,
  };
}

/** The locale to greet a newcomer in: their Telegram language if enabled, else the default. */
export function pickLocale(campaign: Pick<Campaign, 'locales' | 'defaultLocale'>, hint: string | null | undefined): Locale {
  if (hint) {
    const base = hint.toLowerCase().split(/[-_]/u)[0] ?? '';
    const found = campaign.locales.find((l) => l.toLowerCase() === hint.toLowerCase() || l.toLowerCase() === base);
    if (found !== undefined) return found;
  }
  return campaign.defaultLocale;
}

/** The first step still missing for this resident. */
export function nextStep(campaign: Campaign, r: Resident, languageChosen: boolean): RegistrationStep {
  if (!languageChosen && r.step === 'language') return 'language';
  if (r.consent === null || r.consent.version !== campaign.privacy.version) return 'consent';
  if (r.ageBand === null) return 'age';
  if (r.area === null) return 'area';
  if (campaign.eligibility.verification !== 'none' && r.verified === null) return 'verification';
  return 'done';
}

/** One answer in the registration dialogue. */
export type RegistrationAnswer =
  | { readonly step: 'language'; readonly locale: string }
  | { readonly step: 'consent'; readonly accepted: boolean }
  | { readonly step: 'age'; readonly band: string }
  | { readonly step: 'area'; readonly area: string }
  | { readonly step: 'verification'; readonly method: 'phone' | 'code' };

/** Applies an answer; returns the resident with `step` moved on (and `registeredAt` once done). */
export function applyAnswer(campaign: Campaign, r: Resident, a: RegistrationAnswer, now: number): Outcome<Resident> {
  let next: Resident;
  switch (a.step) {
    case 'language':
      if (!campaign.locales.includes(a.locale)) return refuse('registration.unknown_language', { locale: a.locale });
      next = { ...r, locale: a.locale };
      break;
    case 'consent':
      if (!a.accepted) return refuse('registration.consent_required', {});
      next = { ...r, consent: { version: campaign.privacy.version, at: now } };
      break;
    case 'age': {
      const band = campaign.ageBands.find((b) => b.id === a.band);
      if (band === undefined) return refuse('registration.unknown_age_band', { band: a.band });
      if (band.max !== null && band.max < campaign.eligibility.minimumAge) {
        return refuse('registration.too_young', { minimumAge: campaign.eligibility.minimumAge });
      }
      next = { ...r, ageBand: band.id };
      break;
    }
    case 'area': {
      if (!campaign.areas.some((x) => x.id === a.area)) return refuse('registration.unknown_area', { area: a.area });
      const allowed = campaign.eligibility.areas;
      if (allowed !== null && !allowed.includes(a.area)) return refuse('registration.area_not_eligible', { area: a.area });
      next = { ...r, area: a.area };
      break;
    }
    case 'verification':
      if (campaign.eligibility.verification === 'none') return refuse('registration.no_verification_needed', {});
      if (campaign.eligibility.verification !== a.method) return refuse('registration.wrong_verification', { expected: campaign.eligibility.verification });
      // Only as the step it is: a one-time code is never spent on someone who has not reached
      // it (or has already verified).
      if (r.step !== 'verification') return refuse('registration.not_at_verification', { step: r.step });
      next = { ...r, verified: { method: a.method, at: now } };
      break;
  }
  const step = nextStep(campaign, next, true);
  return done({ ...next, step, registeredAt: step === 'done' ? (next.registeredAt ?? now) : next.registeredAt });
}

/** Why a registered resident may not take part (null when eligible). */
export function ineligibility(campaign: Campaign, r: Resident): RefusalCode | null {
  if (r.step === 'verification') return 'registration.not_verified';
  if (r.step !== 'done' || r.registeredAt === null) return 'registration.incomplete';
  if (r.consent === null || r.consent.version !== campaign.privacy.version) return 'registration.consent_outdated';
  const allowed = campaign.eligibility.areas;
  if (allowed !== null && (r.area === null || !allowed.includes(r.area))) return 'registration.area_not_eligible';
  if (campaign.eligibility.verification !== 'none' && r.verified === null) return 'registration.not_verified';
  return null;
}
