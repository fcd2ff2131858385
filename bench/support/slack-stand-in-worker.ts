/**
 * Worker-thread entry of the Slack Web API stand-in for the Slack benchmark: the strict
 * stand-in of test/support/slack (every call checked against the method specs and every
 * payload against the Block Kit schema) serving on 127.0.0.1 from its own thread, so its work
 * — Ajv validation above all — runs beside the app's event loop instead of inside it.
 *
 * Protocol (see slack-stand-in-thread.ts): `{ id, op, args }` in; `{ id, result }` or
 * `{ id, error }` out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SlackStandIn } from '../../test/support/slack/web-api-stand-in.ts';

type Request = { readonly id: number; readonly op: string; readonly args: readonly unknown[] };

const port = parentPort;
if (port === null) throw new Error('slack-stand-in-worker: not started as a worker thread');
const { token, channels, users } = workerData as { token: string; channels: string[]; users: string[] };
const slack = await SlackStandIn.start({ botToken: token, channels, users });

// Counts per method only: the stand-in's call list would grow without bound in a long run.
const byMethod: Record<string, number> = {};
const drainCalls = (): void => {
  for (const c of slack.calls) byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
  slack.calls.length = 0;
};
setInterval(drainCalls, 500).unref();

const ops: Record<string, (...args: never[]) => unknown> = {
  apiUrl: () => slack.apiUrl,
  /** Posts `n` messages to `channel` through the stand-in's own API; returns their ts. */
  post: async (channel: string, texts: readonly string[]) => {
    const out: string[] = [];
    for (const text of texts) {
      const res = await fetch(`${slack.apiUrl}chat.postMessage`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ channel, text }) });
      const body = (await res.json()) as { ok: boolean; ts?: string; error?: string };
      if (!body.ok || body.ts === undefined) throw new Error(`seeding a message failed: ${body.error ?? 'no ts'}`);
      out.push(body.ts);
    }
    return out;
  },
  /** How many of `channel`'s messages were edited at least once. */
  edited: (channel: string) => slack.messages(channel).filter((m) => m.edits > 0).length,
  stats: () => {
    drainCalls();
    return { byMethod: { ...byMethod }, violations: slack.violations.length, firstViolations: slack.violations.slice(0, 5) };
  },
  stop: async () => {
    await slack.stop();
    return null;
  },
};

port.on('message', async (req: Request) => {
  try {
    const op = ops[req.op];
    if (op === undefined) throw new Error(`unknown op ${req.op}`);
    port.postMessage({ id: req.id, result: await (op as (...a: unknown[]) => unknown)(...req.args) });
  } catch (e) {
    port.postMessage({ id: req.id, error: (e as Error).message });
  }
});
port.postMessage({ ready: true });
