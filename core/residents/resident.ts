import type { Locale } from '../campaign/campaign.ts';

/** Roles a resident can hold in the bot (staff act in Slack; a staff member may also chat). */
export type ResidentRole = 'resident' | 'ambassador' | 'staff';

/** Where registration stands (SPEC §2.4). */
export type RegistrationStep = 'language' | 'consent' | 'age' | 'area' | 'verification' | 'done';

/**
 * A registered (or registering) resident. Personal data lives only here, so "forget me"
 * deletes this record; ballots and supports are stored under keyed hashes of `id`.
 */
export interface Resident {
  /** Stable id: `tg:<telegram user id>` or `code:<id>` for someone registered by an ambassador. */
  readonly id: string;
  /** Telegram user id (also the private chat id); null for a resident without Telegram. */
  readonly telegramId: number | null;
  readonly displayName: string | null;
  readonly locale: Locale;
  /** Privacy-notice version consented to and when (epoch ms); null before consent. */
  readonly consent: { readonly version: string; readonly at: number } | null;
  readonly ageBand: string | null;
  readonly area: string | null;
  /** How eligibility was verified beyond self-declaration; null when not (yet) verified. */
  readonly verified: { readonly method: 'phone' | 'code'; readonly at: number } | null;
  readonly role: ResidentRole;
  /** Receives announcements and weekly updates. */
  readonly subscribed: boolean;
  /**
   * Set when Telegram refused a message with 403 (the resident blocked the bot, or the
   * account is deactivated): since when, and whether they were subscribed then. While set
   * they are unsubscribed; their next message to the bot clears it and restores the
   * subscription (engine `markUnreachable` / `openResident`). Absent: reachable.
   */
  readonly unreachable?: { readonly at: number; readonly wasSubscribed: boolean };
  readonly step: RegistrationStep;
  /**
   * Ambassador who registered this resident, if assisted — as their pseudonymous ref
   * (`ambassador:p_…`), so this record keeps nothing of the ambassador once they erase theirs.
   */
  readonly assistedBy: string | null;
  /** First seen (epoch ms). */
  readonly createdAt: number;
  /** Registration completed (epoch ms); null while registering. */
  readonly registeredAt: number | null;
  /** Optimistic-concurrency version, bumped by every save (starts at 1). */
  readonly version: number;
}
