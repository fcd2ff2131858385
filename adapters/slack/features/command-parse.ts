/**
 * The text after `/pnyx`, parsed strictly: one known subcommand (case-insensitive) with
 * exactly the arguments it takes, or the help with what was wrong. Pure, so every shape a
 * person can type is tested without Slack. Values the engine judges (a code count, a
 * resident's code) are only checked for shape here; the engine's limits stay the engine's.
 */
import { normaliseCode } from '../../../core/engine/resident-usecases.ts';

/** Who an `ambassador` subcommand names: a resident found by their one-time code, or by id. */
export type ResidentName = { readonly kind: 'code'; readonly code: string } | { readonly kind: 'id'; readonly residentId: string };

/** A parsed `/pnyx` command. */
export type PnyxCommand =
  | { readonly kind: 'status' }
  | { readonly kind: 'phase' }
  | { readonly kind: 'announce' }
  | { readonly kind: 'export' }
  /** `count` is any integer typed: the engine says which counts it accepts. */
  | { readonly kind: 'codes'; readonly count: number }
  | { readonly kind: 'ambassador'; readonly grant: boolean; readonly who: ResidentName }
  /** The help; `problem` says what was wrong with the text typed (a text key and its variables). */
  | { readonly kind: 'help'; readonly problem: { readonly key: string; readonly vars: Readonly<Record<string, string>> } | null };

/** Subcommands that take no argument. */
const BARE = new Set(['status', 'phase', 'announce', 'export']);

/** Longest word echoed back in a problem (a pasted paragraph is not repeated whole). */
const ECHO_MAX = 40;

/** A resident id as "My data" shows it: `tg:<Telegram user id>`. */
const RESIDENT_ID = /^tg:[1-9][0-9]{0,15}$/u;

/** An integer as typed: optional minus, at most 9 digits (more is refused as not a count). */
const INTEGER = /^-?[0-9]{1,9}$/u;

function echo(word: string): string {
  return word.length > ECHO_MAX ? `${word.slice(0, ECHO_MAX - 1)}…` : word;
}

function help(key: string, vars: Record<string, string> = {}): PnyxCommand {
  return { kind: 'help', problem: { key, vars } };
}

/** Parses the text of `/pnyx` (Slack's `command.text`). */
export function parsePnyxCommand(text: string): PnyxCommand {
  const words = text.trim().split(/\s+/u).filter((w) => w.length > 0);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: 'help', problem: null };
  const sub = first.toLowerCase();
  if (sub === 'help') return rest.length === 0 ? { kind: 'help', problem: null } : help('command-problem-extra', { sub, extra: echo(rest.join(' ')) });
  if (BARE.has(sub)) return rest.length === 0 ? ({ kind: sub } as PnyxCommand) : help('command-problem-extra', { sub, extra: echo(rest.join(' ')) });
  if (sub === 'codes') {
    if (rest.length !== 1) return help('command-problem-codes-usage');
    const n = rest[0]!;
    if (!INTEGER.test(n)) return help('command-problem-codes-number', { value: echo(n) });
    return { kind: 'codes', count: Number(n) };
  }
  if (sub === 'ambassador') {
    const [verb, ...who] = rest;
    const v = verb?.toLowerCase();
    if ((v !== 'grant' && v !== 'revoke') || who.length === 0) return help('command-problem-ambassador-usage');
    // A code may be typed with spaces or dashes (`K7QM 2XPA`): the words after the verb form it.
    const typed = who.join(' ');
    if (who.length === 1 && RESIDENT_ID.test(who[0]!.toLowerCase())) return { kind: 'ambassador', grant: v === 'grant', who: { kind: 'id', residentId: who[0]!.toLowerCase() } };
    const code = normaliseCode(typed);
    if (code === null) return help('command-problem-ambassador-who', { value: echo(typed) });
    return { kind: 'ambassador', grant: v === 'grant', who: { kind: 'code', code } };
  }
  return help('command-problem-unknown', { sub: echo(first) });
}
