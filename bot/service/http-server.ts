/**
 * The one HTTP server of a Pnyx process, listening on `PORT`: health checks now, and the
 * Telegram webhook and Slack's `/slack/events` when the messenger adapters mount their routes.
 *
 * Written on `node:http` rather than a framework on purpose: the routes are a handful of exact
 * paths, and both messenger SDKs hand out plain Node request listeners (grammY's
 * `webhookCallback(bot, 'http')`, Bolt's `HTTPReceiver.requestListener`), so a router is all
 * that is missing. Answers are JSON; an unknown path is 404, a known path with another method
 * 405 with `Allow`; a handler that throws answers 500 without leaking the error.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

/** A request handler: Node's own signature, so SDK listeners mount unchanged. */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** One route: an exact path (no query string) and the handler of each method. */
export interface Route {
  readonly path: string;
  readonly methods: Readonly<Partial<Record<'GET' | 'POST', RouteHandler>>>;
}

/** Writes a JSON answer (with `Cache-Control: no-store`: health must never be cached). */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(res.req?.method === 'HEAD' ? undefined : text);
}

/** A running server: its bound port (useful with PORT=0 in tests) and a graceful close. */
export interface RunningServer {
  readonly port: number;
  readonly server: http.Server;
  /** Stops accepting, lets requests in flight finish (at most `graceMs`), then closes every socket. */
  close(graceMs?: number): Promise<void>;
}

/** Options of {@link startHttpServer}. */
export interface HttpServerOptions {
  readonly port: number;
  /** Default `0.0.0.0` (a container's port mapping needs it); tests pass `127.0.0.1`. */
  readonly host?: string;
  readonly routes: readonly Route[];
  readonly logger: Logger;
}

/** Builds the request listener of a route table (exported for tests). */
export function routeRequests(routes: readonly Route[], logger: Logger): http.RequestListener {
  const byPath = new Map<string, Route>();
  for (const r of routes) {
    if (byPath.has(r.path)) throw new Error(`startHttpServer: two routes for ${r.path}`);
    byPath.set(r.path, r);
  }
  return (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const route = byPath.get(pathname);
    if (route === undefined) return sendJson(res, 404, { error: 'not_found' });
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const handler = method === 'GET' || method === 'POST' ? route.methods[method] : undefined;
    if (handler === undefined) {
      const allow = Object.keys(route.methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
      return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: allow.join(', ') });
    }
    const fail = (e: unknown): void => {
      // Only the error's name and message, never the request (headers may hold secrets).
      logger.error({ err: { name: (e as Error)?.name, message: (e as Error)?.message }, path: pathname }, 'request handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.destroy();
    };
    try {
      const done = handler(req, res);
      if (done instanceof Promise) done.catch(fail);
    } catch (e) {
      fail(e);
    }
  };
}

/** Starts listening; resolves once bound (rejects with a clear message when the port is taken). */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const log = options.logger.child({ module: 'http' });
  const server = http.createServer(routeRequests(options.routes, log));
  // Slow or idle clients must not hold a small machine's sockets for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      reject(new Error(e.code === 'EADDRINUSE' ? `port ${options.port} is already in use (set PORT to a free port)` : e.code === 'EACCES' ? `not allowed to listen on port ${options.port}` : `cannot listen on port ${options.port}: ${e.message}`));
    };
    server.once('error', onError);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', onError);
      server.on('error', (e) => log.error({ err: { name: e.name, message: e.message } }, 'http server error'));
      const port = (server.address() as AddressInfo).port;
      resolve({
        port,
        server,
        close: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            force.unref();
            server.close(() => {
              clearTimeout(force);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
