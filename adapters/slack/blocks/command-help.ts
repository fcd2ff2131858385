/**
 * The help of `/pnyx` (Block Kit): every subcommand with its syntax and what it does, and on
 * top, when the text typed was wrong, what was wrong. Shown privately. Pure.
 */
import type { SlackTranslate } from '../i18n.ts';
import { clip, escapeSlack } from '../mrkdwn.ts';
import type { SlackContent } from './card.ts';
import { LIMITS } from './limits.ts';

/** The subcommands in the order the help lists them (each has `command-help-<name>`). */
export const HELP_ENTRIES = ['status', 'phase', 'announce', 'export', 'codes', 'ambassador', 'help'] as const;

/** What was wrong with the text typed: a text key and its variables (echoed words are escaped here). */
export interface HelpProblem {
  readonly key: string;
  readonly vars: Readonly<Record<string, string>>;
}

/** The help, with `problem` above it when there is one. */
export function renderHelp(t: SlackTranslate, problem: HelpProblem | null): SlackContent {
  const blocks: Record<string, unknown>[] = [];
  let text = t('command-help-title');
  if (problem !== null) {
    const vars = Object.fromEntries(Object.entries(problem.vars).map(([k, v]) => [k, escapeSlack(v)]));
    const said = t(problem.key, vars);
    text = said;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(`:warning: ${said}`, LIMITS.sectionText) } });
  }
  blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(t('command-help-title'), LIMITS.headerText) } });
  for (const entry of HELP_ENTRIES) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(t(`command-help-${entry}`), LIMITS.sectionText) } });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(t('command-help-footer'), LIMITS.sectionText) }] });
  return { text, blocks };
}
