/**
 * `/pnyx` without Slack: the strict parsing of the text typed, every text in all five
 * languages (same keys, only the variables the code passes), and every view and message the
 * subcommands draw, in every language, within Block Kit.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { announceView } from '../../adapters/slack/blocks/command-announce.ts';
import { HELP_ENTRIES, renderHelp } from '../../adapters/slack/blocks/command-help.ts';
import { phaseChoices, phaseConfirmView, phaseFormView, phaseRefusedView } from '../../adapters/slack/blocks/command-phase.ts';
import { renderProgress } from '../../adapters/slack/blocks/command-progress.ts';
import { renderStatus } from '../../adapters/slack/blocks/command-status.ts';
import { parsePnyxCommand } from '../../adapters/slack/features/command-parse.ts';
import { localInstant } from '../../adapters/slack/features/command-phase.ts';
import { commandRefusal } from '../../adapters/slack/features/command-support.ts';
import { slackFormat, slackRefusalKey } from '../../adapters/slack/format.ts';
import { SLACK_LOCALES, SLACK_LOCALES_DIR, loadSlackBundle, slackTranslator } from '../../adapters/slack/i18n.ts';
import { PHASES } from '../../core/campaign/campaign.ts';
import { FIXED_REFUSAL_CODES } from '../../core/domain/codes.ts';
import { IDEA_STATES } from '../../core/ideas/idea.ts';
import { nextPhase } from '../../core/phases/phase-machine.ts';
import { harness } from '../support/engine-harness.ts';
import { BlockKitValidator } from '../support/slack/block-kit-validator.ts';
import { T } from '../support/test-campaign.ts';

type Json = Record<string, unknown>;

const ADAPTER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../adapters/slack');

/** Every text of a view or message's blocks, joined (what a person reads). */
function textOf(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Json;
      if (typeof o['text'] === 'string') out.push(o['text']);
      Object.entries(o).forEach(([k, x]) => k !== 'text' && walk(x));
      if (typeof o['text'] === 'object') walk(o['text']);
    }
  };
  walk(blocks);
  return out.join('\n');
}

describe('/pnyx parsing', () => {
  it('takes each subcommand with exactly its arguments, and gives the help for anything else', () => {
    expect(parsePnyxCommand('  STATUS ')).toEqual({ kind: 'status' });
    expect(parsePnyxCommand('')).toEqual({ kind: 'help', problem: null });
    expect(parsePnyxCommand('codes 25')).toEqual({ kind: 'codes', count: 25 });
    expect(parsePnyxCommand('codes -3')).toEqual({ kind: 'codes', count: -3 });
    expect(parsePnyxCommand('codes abc')).toMatchObject({ kind: 'help', problem: { key: 'command-problem-codes-number' } });
    expect(parsePnyxCommand('codes 1.5')).toMatchObject({ kind: 'help', problem: { key: 'command-problem-codes-number' } });
    expect(parsePnyxCommand('codes 5 6')).toMatchObject({ kind: 'help', problem: { key: 'command-problem-codes-usage' } });
    expect(parsePnyxCommand('status now')).toMatchObject({ kind: 'help', problem: { key: 'command-problem-extra' } });
    expect(parsePnyxCommand('ambassador grant k7qm-2xpa')).toEqual({ kind: 'ambassador', grant: true, who: { kind: 'code', code: 'K7QM2XPA' } });
    expect(parsePnyxCommand('ambassador revoke K7QM 2XPA')).toEqual({ kind: 'ambassador', grant: false, who: { kind: 'code', code: 'K7QM2XPA' } });
    expect(parsePnyxCommand('ambassador grant tg:42')).toEqual({ kind: 'ambassador', grant: true, who: { kind: 'id', residentId: 'tg:42' } });
    expect(parsePnyxCommand('ambassador grant <@U123|anne>')).toMatchObject({ kind: 'help', problem: { key: 'command-problem-ambassador-who' } });
    expect(parsePnyxCommand('ambassador promote K7QM2XPA')).toMatchObject({ kind: 'help', problem: { key: 'command-problem-ambassador-usage' } });
    expect(parsePnyxCommand('frobnicate')).toMatchObject({ kind: 'help', problem: { key: 'command-problem-unknown', vars: { sub: 'frobnicate' } } });
  });
});

describe('/pnyx phase dates', () => {
  it('reads a date and time on the campaign’s clock, refusing a time a clock change skips', () => {
    expect(localInstant('2026-05-20', '18:00', 'Europe/Brussels')).toBe(Date.parse('2026-05-20T18:00:00+02:00'));
    expect(localInstant('2026-01-20', '18:00', 'Europe/Brussels')).toBe(Date.parse('2026-01-20T18:00:00+01:00'));
    expect(localInstant('2026-03-29', '02:30', 'Europe/Brussels')).toBeNull();
    expect(localInstant('2026-02-30', '10:00', 'Europe/Brussels')).toBeNull();
  });
});

describe('/pnyx texts', () => {
  const files = ['command.ftl', 'refusals-command.ftl'];
  const keysOf = (locale: string, file: string): string[] =>
    [...readFileSync(path.join(SLACK_LOCALES_DIR, locale, file), 'utf8').matchAll(/^([a-z][a-z0-9-]*) =/gmu)].map((m) => m[1]!);

  it('has every key in all five languages', () => {
    for (const file of files) {
      const reference = keysOf('fr', file).sort();
      for (const locale of SLACK_LOCALES) expect(keysOf(locale, file).sort(), `${locale}/${file}`).toEqual(reference);
    }
  });

  it('has a text for every key the code names and every refusal staff can meet here', () => {
    const sources = readdirSync(path.join(ADAPTER_DIR, 'features')).filter((f) => f.startsWith('command'))
      .map((f) => path.join(ADAPTER_DIR, 'features', f))
      .concat(readdirSync(path.join(ADAPTER_DIR, 'blocks')).filter((f) => f.startsWith('command')).map((f) => path.join(ADAPTER_DIR, 'blocks', f)));
    const named = new Set(sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'(command-[a-z0-9-]+)'/gu)].map((m) => m[1]!)));
    for (const p of PHASES) named.add(`command-phase-${p}`);
    for (const s of IDEA_STATES) named.add(`command-state-${s.replace(/_/g, '-')}`);
    for (const e of HELP_ENTRIES) named.add(`command-help-${e}`);
    const refusals = FIXED_REFUSAL_CODES.filter((code) => /^(phase|broadcast|code)\./u.test(code) || code.startsWith('resident.'));
    for (const code of refusals) named.add(slackRefusalKey(code));
    for (const code of FIXED_REFUSAL_CODES.filter((x) => x.startsWith('phase.guard.'))) named.add(`command-held-${code.replace(/[._]/g, '-')}`);
    named.delete('command-problem-'); // a prefix in a comment, not a key
    for (const locale of SLACK_LOCALES) {
      const bundle = loadSlackBundle(locale);
      const missing = [...named].filter((key) => !bundle.hasMessage(key));
      expect(missing, locale).toEqual([]);
    }
  });

  it('uses in every language only the variables the French text uses (the code passes those)', () => {
    const variables = (locale: string): Map<string, Set<string>> => {
      const out = new Map<string, Set<string>>();
      for (const file of files) {
        let key: string | null = null;
        for (const line of readFileSync(path.join(SLACK_LOCALES_DIR, locale, file), 'utf8').split('\n')) {
          if (line.startsWith('#')) continue;
          const m = /^([a-z][a-z0-9-]*) =/u.exec(line);
          if (m !== null) out.set((key = m[1]!), new Set());
          if (key !== null) for (const v of line.matchAll(/\{\s*\$([a-zA-Z]+)/gu)) out.get(key)!.add(v[1]!);
        }
      }
      return out;
    };
    const fr = variables('fr');
    for (const locale of SLACK_LOCALES) {
      for (const [key, used] of variables(locale)) expect([...used].filter((v) => !fr.get(key)?.has(v)), `${locale} ${key}`).toEqual([]);
    }
  });
});

describe('/pnyx renderers in every language', () => {
  it('draw every view and message within Block Kit, with every text filled in', async () => {
    const h = harness();
    const a = await h.register(6001);
    await h.submit(a, 'Un banc <!channel>');
    const announced = await h.engine.announce('U-ADMIN', { fr: 'Bonjour & bienvenue', en: 'Hello' }, { kind: 'area', area: 'north' });
    if (!announced.ok) throw new Error(announced.code);
    await h.engine.fanOutBroadcast(announced.value.id, 10);
    const progress = await h.engine.broadcastProgress(announced.value.id);
    if (!progress.ok) throw new Error(progress.code);
    const { status, state } = await h.engine.status();
    const figures = await h.engine.digestFigures();
    const kit = BlockKitValidator.shared();
    for (const locale of SLACK_LOCALES) {
      const services = { t: slackTranslator(locale), format: slackFormat(h.campaign, locale), campaign: { ...h.campaign, defaultLocale: locale } };
      const choices = phaseChoices(status, state, nextPhase);
      const views = [
        phaseFormView(services, status, state, choices, '{}'),
        phaseConfirmView(services, { op: 'advance', from: 'submission', to: 'review', reason: 'Parce que' }, '{}'),
        phaseConfirmView(services, { op: 'extend', phase: 'submission', until: T.review + 86_400_000, nextPhase: 'review', nextStart: T.review + 86_400_000, reason: 'Parce que' }, '{}'),
        phaseRefusedView(services, commandRefusal(services, { code: 'phase.guard.finalists', params: { phase: 'voting', finalists: 1 } })),
        announceView(services, { typed: { fr: 'Bonjour', en: '' }, audience: 'area:north' }, { preview: false, metadata: '{}' }),
        announceView(services, { typed: { fr: 'x'.repeat(3000), en: '<&>'.repeat(1000) }, audience: 'all' }, { preview: true, metadata: '{}', notice: 'n' }),
      ];
      for (const view of views) expect(kit.checkView(view, 'modal'), locale).toEqual([]);
      const messages = [renderStatus(services, { status, state, figures, now: h.clock.now() }), renderHelp(services.t, { key: 'command-problem-unknown', vars: { sub: 'x' } }), renderProgress(services, progress.value)];
      for (const m of messages) {
        expect(kit.checkMessageBlocks(m.blocks), locale).toEqual([]);
        expect(`${m.text}${textOf(m.blocks)}`, locale).not.toMatch(/command-[a-z-]+|refusal-[a-z-]+|\{ ?\$/u);
      }
      for (const view of views) expect(textOf(view['blocks']), locale).not.toMatch(/command-[a-z-]+|refusal-generic|\{ ?\$/u);
    }
  });
});
