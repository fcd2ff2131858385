/**
 * Every code the engine can answer with, as typed catalogues instead of strings built at run
 * time, so a renderer (the Telegram texts, the Slack blocks) can be checked for a missing
 * translation at compile time (`Record<RefusalCode, …>`) or in one test over the lists.
 *
 * - Refusals: an action refused, nothing changed (`refuse(code, params)`); the code doubles as
 *   the message key. Phase refusals are `<action>.not_yet` (opens later, `opensAt` given) and
 *   `<action>.closed` (over for this campaign) for each phase-bound action.
 * - Notices: the templates of outbox messages (`OutboxDraft.template`), rendered per language
 *   at send time.
 */
import { PHASES } from '../campaign/campaign.ts';
import type { Phase } from '../campaign/campaign.ts';

/** Actions that only some phases allow (`requirePhase`). */
export const PHASE_ACTIONS = ['submission', 'resubmission', 'withdrawal', 'support', 'moderation', 'finalists', 'voting', 'tally'] as const;
export type PhaseAction = (typeof PHASE_ACTIONS)[number];
/** `<action>.not_yet` or `<action>.closed`. */
export type PhaseRefusalCode = `${PhaseAction}.${'not_yet' | 'closed'}`;

/** Refusals that name no phase action. */
export const FIXED_REFUSAL_CODES = [
  // ambassador
  'ambassador.not_ambassador',
  // ballot
  'ballot.already_cast',
  'ballot.duplicate_choice',
  'ballot.empty',
  'ballot.no_such_ballot',
  'ballot.over_budget',
  'ballot.points_invalid',
  'ballot.points_per_idea',
  'ballot.single_one',
  'ballot.too_few',
  'ballot.too_many',
  'ballot.too_many_points',
  'ballot.unknown_idea',
  // broadcast
  'broadcast.bad_page_size',
  'broadcast.not_found',
  'broadcast.text_missing',
  'broadcast.text_too_long',
  'broadcast.unknown_area',
  'broadcast.unknown_locale',
  // browse (the residents' list of ideas)
  'browse.unknown_area',
  'browse.unknown_category',
  // code
  'code.count_invalid',
  'code.malformed',
  'code.not_registered',
  'code.unknown',
  'code.used',
  // finalist
  'finalist.not_eligible',
  'finalist.not_finalist',
  // idea
  'idea.author_gone',
  'idea.bad_characters',
  'idea.busy',
  'idea.cost_invalid',
  'idea.cost_out_of_bounds',
  'idea.description_too_long',
  'idea.description_too_short',
  'idea.location_invalid',
  'idea.no_rewrite',
  'idea.not_author',
  'idea.photo_invalid',
  'idea.title_too_long',
  'idea.title_too_short',
  'idea.unknown',
  'idea.unknown_area',
  'idea.unknown_category',
  'idea.wrong_state',
  // moderation
  'moderation.already_decided',
  'moderation.comment_required',
  'moderation.cost_unknown',
  'moderation.merge_self',
  'moderation.merge_target_state',
  'moderation.merge_target_unknown',
  'moderation.not_awaiting',
  'moderation.unknown_criterion',
  // phase
  'phase.busy',
  'phase.extend_not_later',
  'phase.extend_not_open',
  'phase.extend_overlaps',
  'phase.guard.finalists',
  'phase.guard.not_tallied',
  'phase.moved',
  'phase.no_next',
  'phase.reason_required',
  'phase.window_passed',
  // phone (verification by a Telegram-verified number)
  'phone.already_used',
  'phone.invalid',
  // replay (importing a Pabulib election as a campaign)
  'replay.amount_precision',
  'replay.missing_meta',
  'replay.unknown_rule',
  'replay.vote_type',
  // question
  'question.already_closed',
  'question.bad_characters',
  'question.busy',
  'question.campaign_archived',
  'question.closed',
  'question.empty',
  'question.not_owner',
  'question.photo_invalid',
  'question.rate_limited',
  'question.too_long',
  'question.unknown',
  // registration
  'registration.area_locked',
  'registration.area_not_eligible',
  'registration.consent_outdated',
  'registration.consent_required',
  'registration.incomplete',
  'registration.no_verification_needed',
  'registration.not_at_verification',
  'registration.not_verified',
  'registration.too_young',
  'registration.unknown_age_band',
  'registration.unknown_area',
  'registration.unknown_language',
  'registration.unknown_postcode',
  'registration.use_verification',
  'registration.wrong_verification',
  // resident
  'resident.busy',
  'resident.unknown',
  // results
  'results.not_yet',
  // secret
  'secret.mismatch',
  // staff
  'staff.admin_only',
  'staff.not_staff',
  // support
  'support.not_supportable',
  'support.own_idea',
  // tally
  'tally.busy',
  'tally.invalid_instance',
  'tally.tie',
  'tally.unsupported',
  // voting
  'voting.busy',
] as const;

/** A refusal code (and its message key). */
export type RefusalCode = (typeof FIXED_REFUSAL_CODES)[number] | PhaseRefusalCode;

/** Every refusal code, for tests and renderers that iterate. */
export const REFUSAL_CODES: readonly RefusalCode[] = [
  ...FIXED_REFUSAL_CODES,
  ...PHASE_ACTIONS.flatMap((a) => [`${a}.not_yet`, `${a}.closed`] as const),
];

/** The phase refusal of `action`. */
export function phaseRefusal(action: PhaseAction, opensLater: boolean): PhaseRefusalCode {
  return opensLater ? `${action}.not_yet` : `${action}.closed`;
}

/** Outbox templates that name no phase. */
export const FIXED_NOTICE_TEMPLATES = [
  // to the committee (Slack)
  'card.moderation',
  'card.updated',
  'committee.broadcast_done',
  'committee.broadcast_started',
  // raised by the delivery engine (adapters/delivery/parked-alerts.ts), not by a use case
  'committee.deliveries_parked',
  'committee.phase_entered',
  'committee.phase_held',
  'committee.question_asked',
  'committee.question_closed',
  'committee.question_followup',
  'committee.rewrite_answered',
  'committee.tally_computed',
  // to one resident (Telegram)
  'broadcast.message',
  'notify.idea_changes_requested',
  'notify.idea_eligible',
  'notify.idea_finalist',
  'notify.idea_merged',
  'notify.idea_not_funded',
  'notify.idea_rejected',
  'notify.idea_submitted',
  'notify.idea_winner',
  'notify.question_answered',
  'notify.question_closed',
  'notify.rewrite_proposed',
  // scheduled
  'digest.weekly',
  'reminder.vote',
  'update.weekly',
] as const;

/** A phase announcement to every subscribed resident. */
export type PhaseAnnouncement = `announce.phase.${Phase}`;
/** An outbox message template. */
export type NoticeTemplate = (typeof FIXED_NOTICE_TEMPLATES)[number] | PhaseAnnouncement;

/** Every template, for tests and renderers that iterate. */
export const NOTICE_TEMPLATES: readonly NoticeTemplate[] = [...FIXED_NOTICE_TEMPLATES, ...PHASES.map((p) => `announce.phase.${p}` as const)];
