/**
 * `/pnyx status` (Block Kit): where the campaign stands — the phase, its window, what comes
 * next and when (or what holds it) — and the figures the committee steers by: ideas by state,
 * the moderation backlog and its oldest wait, residents registered, ballots cast. Pure: the
 * feature reads the engine and hands the facts over. Dates are in the campaign's time zone.
 */
import type { ParticipationFigures } from '../../../core/figures/participation-figures.ts';
import { IDEA_STATES } from '../../../core/ideas/idea.ts';
import type { PhaseStatus } from '../../../core/phases/phase-machine.ts';
import { nextPhase, windowOf } from '../../../core/phases/phase-machine.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { SlackContent } from './card.ts';
import type { Block, RenderServices } from './command-common.ts';
import { configName, context, header, phaseName, section } from './command-common.ts';
import { LIMITS } from './limits.ts';
import { clip } from '../mrkdwn.ts';

/** What the status shows. */
export interface StatusFacts {
  readonly status: PhaseStatus;
  readonly state: PhaseState;
  readonly figures: ParticipationFigures;
  readonly now: number;
}

/** The phase lines: the current phase and its window, then what comes next. */
export function phaseLines(services: RenderServices, status: PhaseStatus, state: PhaseState): string[] {
  const { t, format, campaign } = services;
  const name = (p: string) => phaseName(t, p);
  const when = (ms: number) => format.dateTime(ms);
  const zone = { zone: campaign.timeZone };
  if (status.kind === 'between') {
    return [
      t('command-status-between', { after: name(status.after), next: name(status.next), at: when(status.opensAt), ...zone }),
    ];
  }
  const w = windowOf(state, status.phase);
  const start = Number.isFinite(w.start) ? w.start : null;
  const end = w.end === null || !Number.isFinite(w.end) ? null : w.end;
  const lines: string[] = [];
  if (start !== null && end !== null) lines.push(t('command-status-window', { phase: name(status.phase), start: when(start), end: when(end), ...zone }));
  else if (start !== null) lines.push(t('command-status-window-from', { phase: name(status.phase), start: when(start), ...zone }));
  else if (end !== null) lines.push(t('command-status-window-until', { phase: name(status.phase), end: when(end), ...zone }));
  else lines.push(t('command-status-window-open', { phase: name(status.phase) }));
  if (status.kind === 'held') {
    lines.push(t('command-status-held', { next: name(status.next), at: when(windowOf(state, status.next).start), reason: t(`command-held-${status.code.replace(/[._]/g, '-')}`) }));
    return lines;
  }
  const next = nextPhase(status.phase);
  if (next !== null) {
    const opens = windowOf(state, next).start;
    if (Number.isFinite(opens)) lines.push(t('command-status-next', { next: name(next), at: when(opens), ...zone }));
  }
  return lines;
}

/** `label: n` lines of the non-zero counts; `none` when every count is zero. */
function countLine(t: RenderServices['t'], entries: ReadonlyArray<readonly [string, number]>, none: string): string {
  const shown = entries.filter(([, n]) => n > 0).map(([label, count]) => t('command-status-count', { label, count }));
  return shown.length === 0 ? none : shown.join('\n');
}

/** The status message. */
export function renderStatus(services: RenderServices, facts: StatusFacts): SlackContent {
  const { t, format, campaign } = services;
  const { figures: f } = facts;
  const lines = phaseLines(services, facts.status, facts.state);
  const states = IDEA_STATES.map((s) => [t(`command-state-${s.replace(/_/g, '-')}`), f.ideasByState[s] ?? 0] as const);
  const totalIdeas = IDEA_STATES.reduce((sum, s) => sum + (f.ideasByState[s] ?? 0), 0);
  const envelopes = campaign.envelopes.map((e) => [configName(campaign, e.name, e.id), f.ballotsByEnvelope[e.id] ?? 0] as const);
  const field = (title: string, body: string) => ({ type: 'mrkdwn', text: clip(`*${title}*\n${body}`, LIMITS.sectionField) });
  const name = configName(campaign, campaign.name, campaign.id);
  const blocks: Block[] = [
    header(t('command-status-title', { campaign: name })),
    section(lines.join('\n')),
    {
      type: 'section',
      fields: [
        field(t('command-status-ideas', { count: totalIdeas }), countLine(t, states, t('command-status-no-ideas'))),
        field(t('command-status-backlog'), f.backlog === 0 ? t('command-status-backlog-empty') : t('command-status-backlog-count', { count: f.backlog, wait: format.age(f.at - f.oldestWaitMs, f.at) })),
        field(t('command-status-residents'), t('command-status-residents-count', { count: f.registered, percent: f.registeredPercent, population: f.population, week: f.newRegistrations.thisWeek })),
        field(t('command-status-ballots'), [t('command-status-voters', { count: f.voters, percent: f.turnoutPercent }), countLine(t, envelopes, '')].filter((l) => l !== '').join('\n')),
      ],
    },
    context(t('command-status-footer', { at: format.dateTime(facts.now), zone: campaign.timeZone })),
  ];
  return { text: clip([t('command-status-title', { campaign: name }), ...lines].join('\n'), LIMITS.messageText), blocks };
}
