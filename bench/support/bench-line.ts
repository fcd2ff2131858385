/**
 * The last line every benchmark prints: its figures as one JSON object, plus the machine
 * context (Node version, load, wall time) that makes a figure comparable; the exit code says
 * whether the target was met.
 */
import os from 'node:os';

/** Writes `figures` with node, load and seconds since `startedAt` (epoch ms) as the JSON line, and sets the exit code from `pass`. */
export function writeBenchLine(figures: Record<string, unknown>, startedAt: number, pass: boolean): void {
  const line = { ...figures, node: process.version, load: os.loadavg().map((l) => Number(l.toFixed(2))), seconds: Math.round((Date.now() - startedAt) / 1000) };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  process.exitCode = pass ? 0 : 1;
}
