/**
 * The views of `/pnyx phase` (Block Kit modals), pure:
 * 1. the form — where the campaign stands, what to do (move to the next phase now, or extend
 *    the current one to a new end date and time in the campaign's time zone) and the reason,
 *    which is required;
 * 2. the confirmation, pushed on top of the form, restating exactly what will happen (from
 *    which phase to which, the new end as the campaign's clock reads it, the reason);
 * 3. a refusal, replacing the confirmation when the engine refuses (its *Back* returns to the
 *    form underneath).
 * Block and action ids are shared with the feature through {@link PHASE_IDS}.
 */
import { DateTime } from 'luxon';
import type { Phase } from '../../../core/campaign/campaign.ts';
import type { PhaseStatus } from '../../../core/phases/phase-machine.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { Block, RenderServices } from './command-common.ts';
import { context, modalText, phaseName, section, staffText } from './command-common.ts';
import { phaseLines } from './command-status.ts';
import { LIMITS } from './limits.ts';

/** Callback, block and action ids of the phase views. */
export const PHASE_IDS = {
  form: 'pnyx.phase',
  confirm: 'pnyx.phase.confirm',
  refused: 'pnyx.phase.refused',
  op: 'op',
  date: 'until_date',
  time: 'until_time',
  reason: 'reason',
  /** The action id of every input of these views (the block id tells them apart). */
  input: 'value',
} as const;

/** Longest reason the engine keeps (it cuts beyond). */
export const PHASE_REASON_MAX = 500;

/** What the form offers, from where the campaign stands. */
export interface PhaseChoices {
  /** The phase a move would enter; null when there is none after this one. */
  readonly advanceTo: Phase | null;
  /** The phase an extension would lengthen, with its current end; null when it cannot be extended. */
  readonly extend: { readonly phase: Phase; readonly end: number } | null;
  /** The phase the campaign is in (or last left, between two phases). */
  readonly from: Phase;
}

/** What can be done from `status` (the engine still judges the move itself). */
export function phaseChoices(status: PhaseStatus, state: PhaseState, next: (p: Phase) => Phase | null): PhaseChoices {
  if (status.kind === 'between') return { advanceTo: status.next, extend: null, from: status.after };
  if (status.kind === 'held') return { advanceTo: status.next, extend: null, from: status.phase };
  const p = status.phase;
  const w = p === 'draft' || p === 'archived' ? null : state.windows[p];
  return { advanceTo: next(p), extend: w !== null && w.end !== null ? { phase: p, end: w.end } : null, from: p };
}

function input(blockId: string, label: string, element: Record<string, unknown>, optional: boolean, hint?: string): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label.slice(0, 2000) },
    element: { action_id: PHASE_IDS.input, ...element },
    optional,
    ...(hint === undefined ? {} : { hint: { type: 'plain_text', text: hint.slice(0, 2000) } }),
  };
}

/** The form; `metadata` travels in `private_metadata`. */
export function phaseFormView(services: RenderServices, status: PhaseStatus, state: PhaseState, choices: PhaseChoices, metadata: string): Record<string, unknown> {
  const { t, campaign } = services;
  const options: Record<string, unknown>[] = [];
  if (choices.advanceTo !== null) options.push({ value: 'advance', text: { type: 'plain_text', text: t('command-phase-op-advance', { to: phaseName(t, choices.advanceTo) }).slice(0, LIMITS.optionText) } });
  if (choices.extend !== null) options.push({ value: 'extend', text: { type: 'plain_text', text: t('command-phase-op-extend', { phase: phaseName(t, choices.extend.phase) }).slice(0, LIMITS.optionText) } });
  const blocks: Block[] = [section(phaseLines(services, status, state).join('\n'))];
  blocks.push(input(PHASE_IDS.op, t('command-phase-op'), { type: 'radio_buttons', options, ...(options.length === 1 ? { initial_option: options[0] } : {}) }, false));
  if (choices.extend !== null) {
    const end = DateTime.fromMillis(choices.extend.end, { zone: campaign.timeZone });
    blocks.push(input(PHASE_IDS.date, t('command-phase-until-date'), { type: 'datepicker', initial_date: end.toFormat('yyyy-MM-dd') }, true, t('command-phase-until-date-hint', { zone: campaign.timeZone })));
    blocks.push(input(PHASE_IDS.time, t('command-phase-until-time', { zone: campaign.timeZone }), { type: 'timepicker', initial_time: end.toFormat('HH:mm'), timezone: campaign.timeZone }, true));
  }
  blocks.push(input(PHASE_IDS.reason, t('command-phase-reason'), { type: 'plain_text_input', multiline: true, max_length: PHASE_REASON_MAX }, false, t('command-phase-reason-hint')));
  return {
    type: 'modal',
    callback_id: PHASE_IDS.form,
    title: modalText(t('command-phase-title')),
    submit: modalText(t('command-phase-continue')),
    close: modalText(t('command-cancel')),
    private_metadata: metadata,
    blocks,
  };
}

/** What the confirmation restates. */
export type PhaseMove =
  | { readonly op: 'advance'; readonly from: Phase; readonly to: Phase; readonly reason: string }
  /** `nextStart`: when the following phase will then open, if the extension pushes it back. */
  | { readonly op: 'extend'; readonly phase: Phase; readonly until: number; readonly nextPhase: Phase | null; readonly nextStart: number | null; readonly reason: string };

/** The confirmation; `metadata` carries the move to its submission. */
export function phaseConfirmView(services: RenderServices, move: PhaseMove, metadata: string): Record<string, unknown> {
  const { t, format, campaign } = services;
  const blocks: Block[] = [];
  if (move.op === 'advance') {
    blocks.push(section(t('command-phase-confirm-advance', { from: phaseName(t, move.from), to: phaseName(t, move.to) })));
    blocks.push(context(t('command-phase-confirm-advance-effects', { to: phaseName(t, move.to) })));
  } else {
    blocks.push(section(t('command-phase-confirm-extend', { phase: phaseName(t, move.phase), until: format.dateTime(move.until), zone: campaign.timeZone })));
    if (move.nextPhase !== null && move.nextStart !== null) blocks.push(context(t('command-phase-confirm-extend-next', { next: phaseName(t, move.nextPhase), at: format.dateTime(move.nextStart) })));
  }
  blocks.push(section(t('command-phase-confirm-reason', { reason: staffText(move.reason, LIMITS.sectionText - 100) })));
  return {
    type: 'modal',
    callback_id: PHASE_IDS.confirm,
    title: modalText(t('command-phase-title')),
    submit: modalText(t('command-phase-confirm')),
    close: modalText(t('command-back')),
    private_metadata: metadata,
    blocks,
  };
}

/** A refusal in place of the confirmation: why, and *Back* to the form. */
export function phaseRefusedView(services: RenderServices, refusal: string): Record<string, unknown> {
  const { t } = services;
  return {
    type: 'modal',
    callback_id: PHASE_IDS.refused,
    title: modalText(t('command-phase-title')),
    close: modalText(t('command-back')),
    blocks: [section(`:no_entry: ${refusal}`), context(t('command-phase-refused-hint'))],
  };
}
