/**
 * The committee's notices about the campaign's course (Block Kit): a phase entered, a phase
 * held by its guard (an alert saying what staff must do), the count done. Pure: the notice
 * handlers gather the facts (the engine's current figures) and post what these return.
 * Staff-typed text (a phase move's reason) is escaped like resident text: it is shown to the
 * whole channel and must not ping it.
 */
import type { Phase } from '../../../core/campaign/campaign.ts';
import type { SlackServices } from '../context.ts';
import { clip, residentText } from '../mrkdwn.ts';
import type { SlackContent } from './card.ts';
import { actorName } from './card.ts';
import { LIMITS } from './limits.ts';

type Services = Pick<SlackServices, 't' | 'format' | 'campaign'>;

/** A phase's name in the committee's language. */
export function phaseName(t: SlackServices['t'], phase: string): string {
  return t(`notice-phase-${phase}`);
}

function section(text: string): Record<string, unknown> {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, LIMITS.sectionText) } };
}

function content(text: string, lines: readonly string[]): SlackContent {
  return { text: clip(text, LIMITS.messageText), blocks: lines.map(section) };
}

/** A phase transition: from, to, who (a staff member or the schedule), when, why. */
export interface PhaseEntered {
  readonly from: Phase | string;
  readonly to: Phase | string;
  /** Actor ref: `staff:U1` or `system:scheduler`. */
  readonly by: string;
  readonly reason: string;
  readonly at: number;
}

/** "The campaign entered <phase>". */
export function renderPhaseEntered(services: Services, e: PhaseEntered): SlackContent {
  const { t, format, campaign } = services;
  const vars = { to: phaseName(t, e.to), from: phaseName(t, e.from), at: format.dateTime(e.at) };
  const head = t('notice-phase-entered', vars);
  const who = e.by.startsWith('staff:')
    ? t('notice-phase-entered-by', { by: actorName(campaign, e.by), reason: residentText(e.reason, 1000) })
    : t('notice-phase-entered-schedule');
  return content(t('notice-phase-entered-text', vars), [`${head}\n${who}\n${t('notice-phase-entered-announcement')}`]);
}

/** A phase the clock opened but its guard held. */
export interface PhaseHeld {
  /** The phase that could not open. */
  readonly target: Phase | string;
  /** The guard's refusal code, e.g. `phase.guard.finalists`. */
  readonly code: string;
  /** When it should have opened (epoch ms). */
  readonly at: number;
  /** Finalists now (for the finalists guard). */
  readonly finalists: number;
}

/** The alert of a held phase: what happened, and what staff must do. */
export function renderPhaseHeld(services: Services, e: PhaseHeld): SlackContent {
  const { t, format } = services;
  const vars = { phase: phaseName(t, e.target), at: format.dateTime(e.at), finalists: e.finalists, code: e.code };
  const kind = e.code === 'phase.guard.finalists' ? 'finalists' : e.code === 'phase.guard.not_tallied' ? 'not-tallied' : 'other';
  return content(t('notice-phase-held-text', vars), [t(`notice-phase-held-${kind}`, vars), t(`notice-phase-held-${kind}-todo`, vars)]);
}

/** The count done: its method and the funded ideas, by number. */
export function renderTallyComputed(services: Services, method: string, funded: readonly { readonly number: number; readonly title: string }[]): SlackContent {
  const { t } = services;
  const list = funded.map((f) => `#${f.number} ${residentText(f.title, 120)}`).join('\n');
  const head = t('notice-tally-computed', { method: residentText(method, 40), funded: funded.length });
  return content(t('notice-tally-computed-text', { funded: funded.length }), [funded.length === 0 ? head : `${head}\n${list}`]);
}
