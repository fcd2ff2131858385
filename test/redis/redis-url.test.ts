/** The Redis URL forms (adapters/redis/redis-url.ts): cluster seed nodes parsed, credentials never shown. */
import { describe, expect, it } from 'vitest';
import { describeRedisUrl, parseClusterUrl, secretsOf } from '../../adapters/redis/redis-url.ts';
import { redact } from '../../adapters/redis/redis-errors.ts';
import { hashTagOf } from '../../adapters/redis/redis-context.ts';

describe('Redis URLs', () => {
  it('parses a cluster URL: seed nodes (default port 6379, IPv6), credentials, TLS', () => {
    expect(parseClusterUrl('redis+cluster://10.0.0.1:7000,node-b,[::1]:7002')).toEqual({
      tls: false,
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'node-b', port: 6379 },
        { host: '::1', port: 7002 },
      ],
      username: undefined,
      password: undefined,
    });
    expect(parseClusterUrl('rediss+cluster://pnyx:p%40ss@a:1/')).toEqual({ tls: true, nodes: [{ host: 'a', port: 1 }], username: 'pnyx', password: 'p@ss' });
    for (const bad of ['redis+cluster://', 'redis+cluster://a:0', 'redis+cluster://a:7000/2', 'redis+cluster://a:7000,', 'redis://a:7000']) expect(parseClusterUrl(bad)).toBeNull();
  });

  it('shows hosts and ports only, and redacts the password however it is written', () => {
    const url = 'rediss+cluster://admin:s3cr%2Ft@10.0.0.1:7000,10.0.0.2:7001';
    expect(describeRedisUrl(url)).toBe('rediss+cluster://10.0.0.1:7000,10.0.0.2:7001');
    const text = `failed on ${url}: auth s3cr%2Ft / s3cr/t for admin: nope`;
    const clean = redact(text, secretsOf(url));
    for (const leak of ['s3cr', 'admin:']) expect(clean).not.toContain(leak);
    // Unparsable, yet its user info is hidden.
    expect(redact('x :hunter2@ y', secretsOf('redis+cluster://:hunter2@a:99999'))).not.toContain('hunter2');
    expect(describeRedisUrl('redis+cluster://:hunter2@a:99999')).not.toContain('hunter2');
    expect(describeRedisUrl('redis://:pw@127.0.0.1:6379/2')).toBe('redis://127.0.0.1:6379/2');
  });

  it('reads a prefix hash tag as Redis does: the first {…}, if not empty', () => {
    expect(hashTagOf('pnyx:{bertrix-2026}:')).toBe('bertrix-2026');
    expect(hashTagOf('pnyx-test:{c-1}:x{y}:')).toBe('c-1');
    for (const none of ['pnyx:bertrix:', 'pnyx:{}:x', 'pnyx:{open:', 'pnyx:}x{:']) expect(hashTagOf(none)).toBeNull();
  });
});
