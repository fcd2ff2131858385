#!/usr/bin/env node
/**
 * The `pnyx` command line: one entry, one module per command under bot/commands/.
 * Commands are loaded lazily so `pnyx check-config` does not pay for the bots' SDKs.
 */
import type { CliCommand, CliIo } from './commands/command.ts';
import { processIo } from './commands/command.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  replay: {
    summary: 'replay FILE.pb [--rule R] [--json]  count a Pabulib election through the engine and compare with its official result',
    load: async () => (await import('./commands/replay.ts')).replayCommand,
  },
  'check-config': {
    summary: 'check-config FILE            validate a campaign file and list every error',
    load: async () => (await import('./commands/check-config.ts')).checkConfigCommand,
  },
  tally: {
    summary: 'tally FILE | --pabulib FILE.pb [options]   recount a stored campaign, or count a Pabulib election',
    load: async () => (await import('./commands/tally.ts')).tallyCommand,
  },
  simulate: {
    summary: 'simulate FILE [--residents N] [--seed S] [--data-dir DIR]   run a whole campaign with synthetic residents',
    load: async () => (await import('./commands/simulate.ts')).simulateCommand,
  },
  export: {
    summary: 'export FILE [--data-dir DIR] [--out DIR]   write ideas, results, anonymised ballots and participation (CSV, JSON)',
    load: async () => (await import('./commands/export.ts')).exportCommand,
  },
  digest: { summary: 'digest FILE --out digest.png [--locale xx] [--data-dir DIR]   render the mayor\'s digest chart and print its text', load: async () => (await import('./commands/digest.ts')).digestCommand },
  audit: {
    summary: 'audit FILE [--data-dir DIR] [--json]   print the audit log and verify its hash chain',
    load: async () => (await import('./commands/audit.ts')).auditCommand,
  },
  start: {
    summary: 'start [--config FILE]         run the service (HTTP on PORT, scheduler); without tokens, the demo simulation',
    load: async () => (await import('./commands/start.ts')).startCommand,
  },
  migrate: { summary: 'migrate --from sqlite|redis --to redis|sqlite --config FILE  copy a campaign between stores and verify it', load: async () => (await import('./commands/migrate.ts')).migrateCommand },
};

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  pnyx ${c.summary}`);
  return `Usage:\n${lines.join('\n')}\n`;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (entry === undefined) {
    io.stderr(`pnyx: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const command = await entry.load();
  return command(rest, io);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (invokedDirectly || process.env.PNYX_CLI_MAIN === '1') {
  main(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`pnyx: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
