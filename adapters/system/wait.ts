/** Waiting that a stop cuts short, and error fields for a log line: shared by the senders, the fan-out and long polling. */

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The name and message of an error, for a log line (never its stack or its causes' data). */
export function errFields(e: unknown): { err: { name: string; message: string } } {
  return { err: { name: (e as Error | undefined)?.name ?? 'Error', message: (e as Error | undefined)?.message ?? String(e) } };
}
