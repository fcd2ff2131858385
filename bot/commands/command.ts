/** What every CLI command receives: its arguments and the process's streams, so tests can drive it. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /**
   * Aborts when the command should stop (tests). Without it, a long-running command (`start`)
   * stops on SIGTERM or SIGINT.
   */
  readonly signal?: AbortSignal;
}

/** A CLI command: resolves to the process exit code (0 ok, 1 failure, 2 bad input). */
export type CliCommand = (args: readonly string[], io: CliIo) => Promise<number>;

/** The CLI io of the real process. */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  };
}
