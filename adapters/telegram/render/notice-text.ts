/**
 * The text of an outbox message to a resident: `notice-<template>` in notices.ftl, its params
 * made readable first (`textVariables`). Only the templates addressed to residents
 * (`RESIDENT_NOTICE_TEMPLATES`) have texts here: the committee's go to Slack as blocks.
 */
import { NOTICE_TEMPLATES } from '../../../core/domain/codes.ts';
import type { NoticeTemplate } from '../../../core/domain/codes.ts';
import type { Translator } from '../i18n.ts';
import { textVariables } from './text-format.ts';
import type { ParamValue, VariableContext } from './text-format.ts';

/**
 * The templates rendered for people in their language (the Telegram side of the outbox):
 * every template of the core catalogue except the committee's, which go to Slack as blocks.
 */
export const RESIDENT_NOTICE_TEMPLATES: readonly NoticeTemplate[] = NOTICE_TEMPLATES.filter((t) => !t.startsWith('card.') && !t.startsWith('committee.'));

/** The message key of a template: `notify.idea_eligible` → `notice-notify-idea-eligible`. */
export function noticeKey(template: string): string {
  return `notice-${template.replace(/[._]/g, '-')}`;
}

/** The key of the text shown for a template without its own text. */
export const GENERIC_NOTICE_KEY = 'notice-generic';

/** A notice as the outbox holds it. For `broadcast.message`, the sender adds `text` (the broadcast's text in the resident's language). */
export interface NoticeLike {
  readonly template: string;
  readonly params?: Readonly<Record<string, ParamValue>>;
}

const KNOWN: ReadonlySet<string> = new Set(RESIDENT_NOTICE_TEMPLATES);

/** The notice's text in `locale` (Telegram HTML: every variable escaped). Never throws. */
export function noticeText(t: Translator, locale: string, campaign: VariableContext['campaign'], notice: NoticeLike): string {
  let variables;
  try {
    variables = textVariables({ t, locale, campaign }, notice.params ?? {});
  } catch {
    variables = {};
  }
  if (KNOWN.has(notice.template)) {
    const key = noticeKey(notice.template);
    const text = t(locale, key, variables);
    if (text !== `{${key}}` && text !== key) return text;
  }
  return t(locale, GENERIC_NOTICE_KEY, variables);
}
