/**
 * `pnyx start [--config FILE]` (what `npm start` runs). The campaign file is FILE, else
 * PNYX_CONFIG, else the Bertrix example. The configuration and the environment are checked
 * first. Without TELEGRAM_BOT_TOKEN and SLACK_BOT_TOKEN it runs the demo — a simulation of the
 * campaign with 800 synthetic residents and seed 1 — then says how to connect real bots, and
 * exits 0. With a token it runs the service (bot/service): store, engine, campaign scheduler,
 * the residents' Telegram bot (TELEGRAM_BOT_TOKEN: long polling, or a webhook with
 * TELEGRAM_WEBHOOK_URL) and the HTTP server on PORT, until SIGTERM or SIGINT; logs are JSON
 * lines on stdout.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { displayPath, loadForCommand } from '../compose.ts';
import type { Campaign } from '../../core/campaign/campaign.ts';
import type { Environment } from '../../config/index.ts';
import { createLogger } from '../service/logger.ts';
import { runService } from '../service/run-service.ts';
import type { CliCommand, CliIo } from './command.ts';
import { simulate } from './simulate.ts';

const USAGE = 'Usage: pnyx start [--config FILE]\n';

/** Synthetic residents of the demo run: 10 % of Bertrix's 8,000 inhabitants, as in the seed campaign. */
export const DEMO_RESIDENTS = 800;
/** Seed of the demo run, so `npm start` prints the same demo every time. */
export const DEMO_SEED = '1';

/** The example campaign used when neither --config nor PNYX_CONFIG is given. */
export const DEFAULT_CAMPAIGN = fileURLToPath(new URL('../../config/examples/bertrix.yaml', import.meta.url));

const CONNECT = `How to connect real bots:
  1. Write your campaign file (start from config/examples/bertrix.yaml) and check it:
       pnyx check-config my-campaign.yaml
  2. Set the environment (secrets never go in the campaign file):
       PNYX_CONFIG=my-campaign.yaml
       PNYX_SECRET=...            at least 16 random characters; keys the pseudonymous voter keys,
                                  never change it during a campaign
       TELEGRAM_BOT_TOKEN=...     from @BotFather, for the residents' bot (long polling: no
                                  public URL needed); for a webhook instead, also
                                  TELEGRAM_WEBHOOK_URL=https://... and TELEGRAM_WEBHOOK_SECRET=...
       SLACK_BOT_TOKEN=xoxb-...   and SLACK_SIGNING_SECRET=..., for the committee's Slack app
                                  (Slack posts to /slack/events; or SLACK_APP_TOKEN=xapp-...
                                  for Socket Mode, no public URL needed) — see the README
       REDIS_URL=redis://...      optional, for several instances; default: the embedded SQLite
                                  store in PNYX_DATA_DIR (default ./data)
  3. Run npm start again.
  See docs/CONFIGURATION.md for every setting.
`;

/** The `start` command. */
export const startCommand: CliCommand = async (args, io) => {
  let values: { config?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: [...args], allowPositionals: false, strict: true, options: { config: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    io.stderr(`pnyx start: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    io.stdout(USAGE);
    return 0;
  }
  const given = values.config ?? io.env.PNYX_CONFIG;
  const file = given !== undefined && given !== '' ? given : displayPath(io.cwd, DEFAULT_CAMPAIGN);
  const loaded = await loadForCommand('start', file, io);
  if (!loaded.ok) return loaded.exitCode;
  const { env, campaign } = loaded;

  if (env.telegramBotToken !== undefined || env.slackBotToken !== undefined) return serve(campaign, env, io);

  io.stdout(`No TELEGRAM_BOT_TOKEN or SLACK_BOT_TOKEN set: running the demo — a simulation of ${file} with ${DEMO_RESIDENTS} synthetic residents (seed ${DEMO_SEED}).\n\n`);
  const code = await simulate({ file: path.isAbsolute(file) ? displayPath(io.cwd, file) : file, residents: DEMO_RESIDENTS, seed: DEMO_SEED }, io);
  if (code !== 0) return code;
  io.stdout(`\n${CONNECT}`);
  return 0;
};

/**
 * What this configuration cannot deliver, said at every start so nobody waits for a message
 * that will not come: digest recipients on a messenger whose token is not set (their digest
 * stays in the outbox), and, without the Telegram bot, every resident's message.
 */
export function undeliverable(campaign: Campaign, env: Pick<Environment, 'telegramBotToken' | 'slackBotToken'>): string[] {
  const out: string[] = [];
  const onTelegram = campaign.digestRecipients.filter((r) => r.channel === 'telegram').length;
  const onSlack = campaign.digestRecipients.filter((r) => r.channel === 'slack').length;
  if (env.telegramBotToken === undefined) {
    out.push("without TELEGRAM_BOT_TOKEN no resident message is sent (announcements, weekly updates, reminders, answers): they wait in the outbox");
    if (onTelegram > 0) out.push(`the mayor's digest to ${onTelegram} Telegram chat(s) waits in the outbox until TELEGRAM_BOT_TOKEN is set`);
  }
  if (env.slackBotToken === undefined && onSlack > 0) out.push(`the mayor's digest to ${onSlack} Slack user(s) waits in the outbox until SLACK_BOT_TOKEN is set`);
  return out;
}

/** Runs the service until SIGTERM/SIGINT (or `io.signal`); resolves to the exit code. */
async function serve(campaign: Campaign, env: Environment, io: CliIo): Promise<number> {
  const logger = createLogger(env.logLevel, { write: (line: string) => io.stdout(line) });
  let signal = io.signal;
  let unhook = (): void => undefined;
  if (signal === undefined) {
    const stop = new AbortController();
    let asked = 0;
    const onSignal = (name: NodeJS.Signals): void => {
      asked += 1;
      if (asked > 1) {
        io.stderr(`pnyx start: ${name} again, exiting without a clean shutdown\n`);
        process.exit(130);
      }
      logger.info({ signal: name }, 'stop requested');
      stop.abort();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    unhook = () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    };
    signal = stop.signal;
  }
  for (const warning of undeliverable(campaign, env)) logger.warn({ campaign: campaign.id }, warning);
  try {
    const exit = await runService({ campaign, env, cwd: io.cwd, logger, signal });
    if (exit.message !== undefined) io.stderr(`pnyx start: ${exit.message}\n`);
    return exit.exitCode;
  } finally {
    unhook();
  }
}
