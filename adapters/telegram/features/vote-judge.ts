/**
 * What the vote feature asks the engine before it shows or changes a builder: is voting open
 * now (judged by the engine's clock and the recorded phase state, not by what an older
 * message showed), and the short plain text a button press is answered with.
 */
import type { PhaseStatus } from '../../../core/phases/phase-machine.ts';
import { windowOf } from '../../../core/phases/phase-machine.ts';
import type { PhaseState } from '../../../core/phases/phase-state.ts';
import type { BotServices } from '../context.ts';
import type { RefusalLike } from '../render/refusal-text.ts';

/** Voting is open until `closesAt` (null: open-ended), or why not. */
export type VotingJudgement = { readonly open: true; readonly closesAt: number | null } | { readonly open: false; readonly refusal: RefusalLike };

/** The voting judgement of a status, the state it was read from, and `now`. Pure. */
export function judgeVotingStatus(status: PhaseStatus, state: Pick<PhaseState, 'windows'>, now: number): VotingJudgement {
  if (status.kind === 'open' && status.phase === 'voting') return { open: true, closesAt: status.closesAt };
  const window = windowOf(state, 'voting');
  // As the engine judges a cast (requirePhase): "not yet" only with a date still ahead.
  if (now < window.start) return { open: false, refusal: { code: 'voting.not_yet', params: { opensAt: window.start } } };
  return { open: false, refusal: { code: 'voting.closed', params: { closedAt: window.end } } };
}

/** Is voting open now, by the engine's clock. */
export async function judgeVoting(services: Pick<BotServices, 'engine'>): Promise<VotingJudgement> {
  const { status, state } = await services.engine.status();
  return judgeVotingStatus(status, state, services.engine.now());
}

/** Telegram's limit on a callback answer's text (characters). */
const ANSWER_MAX = 200;

/** An HTML text as the plain text of a callback answer (tags dropped, entities decoded, ≤ 200 characters). */
export function plainAnswer(html: string): string {
  const text = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
  const cps = [...text];
  return cps.length <= ANSWER_MAX ? text : `${cps.slice(0, ANSWER_MAX - 1).join('')}…`;
}
