/**
 * The campaign definition: what a town configures (SPEC §2). `config/` builds it from a
 * validated YAML file; the core only reads it. All instants are epoch milliseconds (UTC);
 * the conversion from the campaign's local time happens in `config/`.
 */

/** A BCP-47 language tag as used in the campaign ("fr", "en", "nl", "pl"). */
export type Locale = string;

/** A text in every enabled locale of the campaign. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** Amounts of money in minor units of the campaign currency (cents for EUR). Integers. */
export type Money = number;

/** The phases of SPEC §2.1, in order. */
export const PHASES = ['draft', 'submission', 'review', 'voting', 'tallying', 'announced', 'archived'] as const;
export type Phase = (typeof PHASES)[number];

/** Phases that own a time window in the configuration (draft is "before submission"). */
export const WINDOWED_PHASES = ['submission', 'review', 'voting', 'tallying', 'announced'] as const;
export type WindowedPhase = (typeof WINDOWED_PHASES)[number];

/**
 * A half-open window [start, end) in epoch ms. `end: null` means open-ended (only
 * `announced` may be open-ended; when it has an end, `archived` starts there).
 */
export interface PhaseWindow {
  readonly start: number;
  readonly end: number | null;
}

/** A budget envelope: the whole town (`area: null`) or one area (SPEC §2.3). */
export interface Envelope {
  readonly id: string;
  readonly name: LocalizedText;
  /** Area id for a per-area envelope; null for the town-wide one. */
  readonly area: string | null;
  /** Amount in minor units. */
  readonly amount: Money;
}

export interface Category {
  readonly id: string;
  readonly name: LocalizedText;
}

export interface Area {
  readonly id: string;
  readonly name: LocalizedText;
  /** Postcodes that belong to the area (may be empty). */
  readonly postcodes: readonly string[];
}

/** An age band used for participation statistics; `max` inclusive, null = no upper bound. */
export interface AgeBand {
  readonly id: string;
  readonly min: number;
  readonly max: number | null;
}

/** How residents prove eligibility beyond age and area (SPEC §2.4). */
export type VerificationMode = 'none' | 'phone' | 'code';

export interface Eligibility {
  /** Minimum age in years, inclusive. */
  readonly minimumAge: number;
  /** Areas whose residents may take part; `null` = every configured area. */
  readonly areas: readonly string[] | null;
  readonly verification: VerificationMode;
}

/** Ballot rules of SPEC §2.3. */
export type BallotRule =
  | { readonly kind: 'single'; readonly allowChange: boolean }
  | { readonly kind: 'approval'; readonly minChoices: number; readonly maxChoices: number; readonly allowChange: boolean }
  | { readonly kind: 'knapsack'; readonly allowChange: boolean }
  | {
      readonly kind: 'cumulative';
      /** Points each voter spreads. */
      readonly points: number;
      /** Most points on one idea; defaults to `points`. */
      readonly maxPerIdea: number;
      readonly allowChange: boolean;
    };

/** Tie-break orders (PB-RULES §2, §3.2). */
export type TieBreak = 'lexico' | 'votes-cost-id' | 'mes-recommended' | 'file';

/** Tally methods of SPEC §2.3. */
export type TallyMethod =
  | {
      readonly method: 'greedy';
      /** `skip`: skip what does not fit and go on; `no-skip`: stop at the first that does not fit. */
      readonly variant: 'skip' | 'no-skip';
      /** Minimum score to be eligible (greedy-threshold); 0 = none. */
      readonly threshold: number;
      readonly tieBreak: TieBreak;
    }
  | {
      readonly method: 'mes';
      readonly completion: 'none' | 'add1' | 'utilitarian' | 'add1u';
      /** Compare with greedy and keep what more voters prefer (PB-RULES §3.3). */
      readonly comparison: boolean;
      readonly tieBreak: TieBreak;
    };

/** A review criterion; also the list of rejection reasons. */
export interface ReviewCriterion {
  readonly id: string;
  readonly label: LocalizedText;
}

/** An explanatory article, shown in the bot (and linked in updates). */
export interface Article {
  readonly id: string;
  readonly title: LocalizedText;
  readonly body: LocalizedText;
  readonly url: string | null;
  /** Phase in which the article is featured; null = always. */
  readonly phase: Phase | null;
}

export interface Schedules {
  /** Cron expression (campaign time zone) of the weekly resident update. */
  readonly residentUpdate: string;
  /** Cron expression (campaign time zone) of the mayor's digest. */
  readonly mayorDigest: string;
  /**
   * Vote reminders: how long before voting closes each goes out (ms, longest first, no
   * duplicates; e.g. 3 days and 1 day). Each is a broadcast to residents who have not voted.
   */
  readonly reminders: readonly number[];
}

export type DigestRecipient =
  | { readonly channel: 'telegram'; readonly chatId: number; readonly name: string }
  | { readonly channel: 'slack'; readonly userId: string; readonly name: string };

export interface SlackChannels {
  /** Channel id where moderation cards and resident questions go. */
  readonly committee: string;
  /** Channel id for phase notices and announcements; defaults to `committee`. */
  readonly announcements: string;
}

export type StaffRole = 'moderator' | 'admin';

export interface StaffMember {
  readonly slackUserId: string;
  readonly name: string;
  readonly role: StaffRole;
}

export interface PrivacyNotice {
  /** Version residents consent to; a new version asks for consent again. */
  readonly version: string;
  readonly url: LocalizedText;
}

/** The whole campaign definition (SPEC §2). */
export interface Campaign {
  readonly id: string;
  readonly name: LocalizedText;
  readonly defaultLocale: Locale;
  readonly locales: readonly Locale[];
  /** IANA time zone, e.g. "Europe/Brussels". */
  readonly timeZone: string;
  /** Inhabitants, for participation rates. */
  readonly population: number;
  /** ISO 4217 code, e.g. "EUR". */
  readonly currency: string;
  /** Minor units per major unit (100 for EUR, 1 for HUF-like configs). */
  readonly currencyMinorUnits: number;
  readonly envelopes: readonly Envelope[];
  /** Bounds of an idea's estimated cost, inclusive, minor units. */
  readonly ideaCost: { readonly min: Money; readonly max: Money };
  readonly categories: readonly Category[];
  readonly areas: readonly Area[];
  readonly ageBands: readonly AgeBand[];
  readonly eligibility: Eligibility;
  readonly phases: Readonly<Record<WindowedPhase, PhaseWindow>>;
  readonly ballot: BallotRule;
  readonly tally: TallyMethod;
  readonly reviewCriteria: readonly ReviewCriterion[];
  readonly articles: readonly Article[];
  readonly schedules: Schedules;
  readonly digestRecipients: readonly DigestRecipient[];
  readonly slack: SlackChannels;
  readonly staff: readonly StaffMember[];
  readonly privacy: PrivacyNotice;
}
