/**
 * The committee app's listeners behind one global middleware.
 *
 * Bolt runs the middleware chain of *every* registered listener for every request (each chain
 * its type filter, then its constraint matcher, each step a fresh copy of the listener
 * arguments): with the committee's seventeen listeners that was ~0.2 ms of the main thread per
 * request on the shared benchmark machine, against ~0.03 ms for an app with one listener
 * (`npm run bench -- slack-actions`). The features register here instead, with the same
 * methods and types as on the `App` (`action`, `view`, `options`, `command`, `event`); the
 * router's middleware, last of the app's global middleware, picks the kind of the request once
 * and runs Bolt's own constraint matchers (`matchConstraints`, `matchCommandName`,
 * `matchEventType`, normalised as `App` normalises them) on one probe, then the listeners that
 * matched — all of them, concurrently, with a no-op `next`, their failures reported as Bolt
 * reports them (the one error, or a `MultipleListenerError`) — as `App.processEvent` does.
 * Listeners registered on the `App` itself still run, through the middleware's `next`.
 */
import { matchCommandName, matchConstraints, matchEventType } from '@slack/bolt';
import type { AllMiddlewareArgs, AnyMiddlewareArgs, App } from '@slack/bolt';

/** What a feature registers its listeners on: the listener methods of a Bolt `App`. */
export type SlackListeners = Pick<App, 'action' | 'view' | 'options' | 'command' | 'event'>;

type Kind = 'action' | 'view' | 'options' | 'command' | 'event';
type Args = AnyMiddlewareArgs & AllMiddlewareArgs & Record<string, unknown>;
type Listener = (args: Args) => Promise<void> | void;
type Matcher = (probe: Probe) => Promise<void>;

/** What the matchers read; `next` is set before each matcher runs. */
interface Probe {
  payload: unknown;
  body: unknown;
  context: Args['context'];
  command: unknown;
  event: unknown;
  next: () => Promise<void>;
}

interface Route {
  readonly match: Matcher;
  readonly listener: Listener;
}

type Constraint = string | RegExp | Record<string, unknown>;

const isPattern = (c: unknown): c is string | RegExp => typeof c === 'string' || c instanceof RegExp;

/** The kind of request, tested as Bolt's type filters test it (`onlyActions`, `onlyViewActions`…). */
function kindOf(args: Args): Kind | null {
  if ('action' in args && args['action']) return 'action';
  if ('view' in args) return 'view';
  if ('options' in args && args['options']) return 'options';
  if ('command' in args && args['command']) return 'command';
  if ('event' in args && args['event']) return 'event';
  return null;
}

/** Bolt's error for several failed listeners, as `App.processEvent` builds it. */
class ListenersFailed extends Error {
  readonly code = 'slack_bolt_multiple_listener_error';
  constructor(readonly originals: readonly unknown[]) {
    super('Multiple errors occurred while handling several listeners. The `originals` property contains an array of each error.');
  }
}

/** Collects the features' listeners; `middleware` runs them (see the module comment). */
export class ListenerRouter {
  readonly #routes: Record<Kind, Route[]> = { action: [], view: [], options: [], command: [], event: [] };
  /** Register listeners here (one listener function per registration). */
  readonly listeners: SlackListeners;

  constructor() {
    const add = (kind: Kind, match: Matcher, listeners: readonly Listener[]): void => {
      // Listener middleware (several functions in one registration) is not used by the features.
      if (listeners.length !== 1) throw new Error(`one listener per ${kind} registration, got ${listeners.length}`);
      this.#routes[kind].push({ match, listener: listeners[0]! });
    };
    const constraints = (c: Constraint, key: string, extra: Record<string, unknown> = {}): Matcher =>
      matchConstraints((isPattern(c) ? { [key]: c, ...extra } : c) as never) as unknown as Matcher;
    const listeners = {
      action: (c: Constraint, ...l: Listener[]) => add('action', constraints(c, 'action_id'), l),
      // As `App.view`: a bare callback id means a submission.
      view: (c: Constraint, ...l: Listener[]) => add('view', constraints(c, 'callback_id', { type: 'view_submission' }), l),
      options: (c: Constraint, ...l: Listener[]) => add('options', constraints(c, 'action_id'), l),
      command: (name: string | RegExp, ...l: Listener[]) => add('command', matchCommandName(name) as unknown as Matcher, l),
      event: (name: string | RegExp, ...l: Listener[]) => add('event', matchEventType(name as never) as unknown as Matcher, l),
    };
    this.listeners = listeners as unknown as SlackListeners;
  }

  /** The global middleware that runs the matching listeners; register it last. */
  readonly middleware = async (args: Args): Promise<void> => {
    const kind = kindOf(args);
    // Listeners registered on the App itself run too, as Bolt runs them (after `next`), alongside the routed ones.
    if (kind === null) return args.next();
    const probe: Probe = { payload: args.payload, body: args.body, context: args.context, command: args['command'], event: args['event'], next: async () => {} };
    const matched: Listener[] = [];
    for (const route of this.#routes[kind]) {
      let hit = false;
      probe.next = async () => {
        hit = true;
      };
      await route.match(probe);
      if (hit) matched.push(route.listener);
    }
    if (matched.length === 0) return args.next();
    const settled = await Promise.allSettled([...matched.map(async (listener) => listener({ ...args, next: async () => {} } as Args)), args.next()]);
    const failed = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
    if (failed.length === 1) throw failed[0];
    if (failed.length > 1) throw new ListenersFailed(failed);
  };
}
