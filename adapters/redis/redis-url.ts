/**
 * The Redis URL forms the store accepts:
 *
 * - `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS): one server, handed to
 *   ioredis as is.
 * - `redis+cluster://[user:password@]host:port[,host:port…]` (or `rediss+cluster://` for
 *   TLS): a Redis Cluster reached through these seed nodes (any reachable master or replica;
 *   the others are discovered). One variable thus carries nodes, credentials and TLS, and every
 *   place that takes a Redis URL (`REDIS_URL`, `pnyx migrate --redis-url`) takes a cluster too.
 *   A cluster has database 0 only, so no `/db` path.
 */

/** One seed node of a cluster. */
export interface RedisNodeAddress {
  readonly host: string;
  readonly port: number;
}

/** A parsed `redis+cluster://` URL. */
export interface RedisClusterUrl {
  readonly tls: boolean;
  readonly nodes: readonly RedisNodeAddress[];
  readonly username: string | undefined;
  readonly password: string | undefined;
}

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/?#]*)@)?([^@/?#]+)\/?$/i;
const NODE = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/i;

/** True for the `redis+cluster://` / `rediss+cluster://` forms (whether valid or not). */
export function isClusterUrl(url: string): boolean {
  return /^rediss?\+cluster:/i.test(url);
}

/** Parses a cluster URL; `null` when it is not a valid one (the reason never quotes the URL). */
export function parseClusterUrl(url: string): RedisClusterUrl | null {
  const m = CLUSTER_URL.exec(url);
  if (m === null) return null;
  const [, scheme, userinfo, hosts] = m;
  const nodes: RedisNodeAddress[] = [];
  for (const part of hosts!.split(',')) {
    const n = NODE.exec(part.trim());
    if (n === null) return null;
    const port = n[3] === undefined ? 6379 : Number(n[3]);
    if (!(port >= 1 && port <= 65535)) return null;
    nodes.push({ host: n[1] ?? n[2]!, port });
  }
  let username: string | undefined;
  let password: string | undefined;
  if (userinfo !== undefined) {
    const sep = userinfo.indexOf(':');
    try {
      username = decodeURIComponent(sep < 0 ? userinfo : userinfo.slice(0, sep));
      password = sep < 0 ? undefined : decodeURIComponent(userinfo.slice(sep + 1));
    } catch {
      return null;
    }
    if (username === '') username = undefined;
    if (password === '') password = undefined;
  }
  return { tls: scheme!.toLowerCase() === 'rediss', nodes, username, password };
}

/** The URL as shown to operators: scheme, hosts, ports and database, never user name or password. */
export function describeRedisUrl(url: string): string {
  if (isClusterUrl(url)) {
    const c = parseClusterUrl(url);
    if (c === null) return '(unparsable Redis Cluster URL)';
    const hosts = c.nodes.map((n) => `${n.host.includes(':') ? `[${n.host}]` : n.host}:${n.port}`).join(',');
    return `${c.tls ? 'rediss' : 'redis'}+cluster://${hosts}`;
  }
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port === '' ? '' : `:${u.port}`}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(unparsable Redis URL)';
  }
}

/** Strings that must never appear in an error or log line: the URL and its credentials. */
export function secretsOf(url: string): string[] {
  const out = [url];
  if (isClusterUrl(url)) {
    // The user info as written, even when the rest of the URL does not parse.
    const raw = /^[^/]*\/\/([^@/?#]*)@/.exec(url)?.[1];
    if (raw !== undefined) {
      const sep = raw.indexOf(':');
      const user = sep < 0 ? raw : raw.slice(0, sep);
      const pass = sep < 0 ? '' : raw.slice(sep + 1);
      out.push(pass, safeDecode(pass), user === '' ? '' : `${user}:`);
    }
  } else {
    try {
      const u = new URL(url);
      if (u.password !== '') out.push(u.password, safeDecode(u.password));
      if (u.username !== '') out.push(`${u.username}:`);
    } catch {
      // an unparsable URL is hidden as a whole
    }
  }
  // Longest first, so that the whole URL is replaced before any part of it.
  return [...new Set(out.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
