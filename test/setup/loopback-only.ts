/**
 * Test-wide guard: every outgoing TCP connection must target a loopback address.
 * A forgotten real URL (api.telegram.org, slack.com) fails at once with a clear
 * error instead of hanging until a timeout.
 */
import net from 'node:net';
import dns from 'node:dns';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost']);

export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return true; // Node defaults to localhost
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(h)) return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  if (net.isIPv6(h)) return h === '::1' || h.startsWith('::ffff:127.');
  return false;
}

function refusal(host: string): Error {
  const err = new Error(`test network guard: connection to non-loopback host "${host}" refused`);
  (err as NodeJS.ErrnoException).code = 'ECONNREFUSED';
  return err;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(this: net.Socket, ...args: unknown[]) {
  // net.connect() passes its normalised arguments as one array.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  let host: string | undefined;
  if (typeof first === 'object' && first !== null) {
    const opts = first as { host?: string; path?: string };
    if (opts.path === undefined) host = opts.host;
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (host !== undefined && !isLoopbackHost(host)) {
    const err = refusal(host);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

const originalLookup = dns.lookup;
(dns as { lookup: unknown }).lookup = function patchedLookup(hostname: string, ...rest: unknown[]) {
  if (!isLoopbackHost(hostname)) {
    const cb = rest[rest.length - 1];
    if (typeof cb === 'function') {
      process.nextTick(() => (cb as (e: Error) => void)(refusal(hostname)));
      return {};
    }
  }
  return (originalLookup as (...a: unknown[]) => unknown).call(dns, hostname, ...rest);
};
