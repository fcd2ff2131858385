/**
 * The shared start of the commands that read a stored campaign (`tally FILE`, `export`,
 * `audit`): parse the arguments, load the campaign file and the environment, open the
 * existing store. Every refusal is printed here, prefixed with the command's name.
 */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { CliIo } from './command.ts';
import { composeCampaign, loadForCommand } from '../compose.ts';
import type { ComposedCampaign } from '../compose.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** An opened stored campaign, with the parsed option values. */
export interface StoredCampaign<V> {
  readonly ok: true;
  readonly values: V;
  readonly campaign: Campaign;
  readonly composed: ComposedCampaign;
}

/**
 * Opens the campaign named by the first positional argument (or PNYX_CONFIG). Every command
 * gets `--data-dir` and `--help`; `options` adds its own. `{ok:false}` carries the exit code.
 */
export async function openStoredCampaign<V extends { 'data-dir'?: string; help?: boolean }>(
  command: string,
  usage: string,
  args: readonly string[],
  io: CliIo,
  options: Options,
): Promise<StoredCampaign<V> | { readonly ok: false; readonly exitCode: number }> {
  let values: V;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...options },
    }) as unknown as { values: V; positionals: string[] });
  } catch (e) {
    io.stderr(`pnyx ${command}: ${(e as Error).message}\n${usage}`);
    return { ok: false, exitCode: 2 };
  }
  if (values.help === true) {
    io.stdout(usage);
    return { ok: false, exitCode: 0 };
  }
  const file = positionals[0] ?? io.env.PNYX_CONFIG;
  if (file === undefined || file === '' || positionals.length > 1) {
    io.stderr(`pnyx ${command}: ${positionals.length > 1 ? 'expected one campaign file' : 'no campaign file given'}\n${usage}`);
    return { ok: false, exitCode: 2 };
  }
  const loaded = await loadForCommand(command, file, io);
  if (!loaded.ok) return loaded;
  const composed = await composeCampaign(loaded.campaign, loaded.env, { purpose: 'inspect', cwd: io.cwd, dataDir: values['data-dir'] });
  if (!composed.ok) {
    io.stderr(`pnyx ${command}: ${composed.message}\n`);
    return { ok: false, exitCode: composed.exitCode };
  }
  return { ok: true, values, campaign: loaded.campaign, composed };
}
