import dns from 'node:dns';
import net from 'node:net';
import { describe, expect, it } from 'vitest';

describe('test network guard', () => {
  // Checked before this file loads the guard's module itself (importing it installs it).
  it('is installed for every test file by the vitest setup', () => {
    expect(net.Socket.prototype.connect.name).toBe('patchedConnect');
    expect(dns.lookup.name).toBe('patchedLookup');
  });

  it('knows loopback addresses', async () => {
    const { isLoopbackHost } = await import('../setup/loopback-only.ts');
    for (const h of ['127.0.0.1', '127.9.9.9', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['api.telegram.org', 'slack.com', '10.0.0.1', '192.168.1.1', '8.8.8.8']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('refuses a connection to a non-loopback host with its own error, before any packet leaves', async () => {
    const err = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const s = net.connect({ host: '203.0.113.7', port: 443 });
      s.on('error', resolve);
      s.on('connect', () => resolve(new Error('connected?!')));
    });
    // The guard's error, not the network's: its text names the host, its code is ECONNREFUSED.
    expect(err.message).toBe('test network guard: connection to non-loopback host "203.0.113.7" refused');
    expect(err.code).toBe('ECONNREFUSED');
    // Refused without a syscall: a real refusal from the network would carry one.
    expect(err.syscall).toBeUndefined();
  });

  it('refuses a connection by port and host arguments, and a name lookup of a real host', async () => {
    const byArgs = await new Promise<Error>((resolve) => net.connect(443, 'slack.com').on('error', resolve));
    expect(byArgs.message).toBe('test network guard: connection to non-loopback host "slack.com" refused');
    const lookup = await new Promise<Error | null>((resolve) => dns.lookup('api.telegram.org', (e) => resolve(e)));
    expect(lookup?.message).toBe('test network guard: connection to non-loopback host "api.telegram.org" refused');
  });

  it('refuses fetch to a real API host with the guard\'s error as the cause', async () => {
    const failure = await fetch('https://api.telegram.org/bot123/getMe').then(
      () => null,
      (e: unknown) => e as Error & { cause?: Error },
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(failure?.cause?.message).toBe('test network guard: connection to non-loopback host "api.telegram.org" refused');
  });

  it('lets loopback through', async () => {
    const server = net.createServer((s) => s.end('hi'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const text = await new Promise<string>((resolve, reject) => {
      const s = net.connect({ host: '127.0.0.1', port });
      let buf = '';
      s.on('data', (d) => (buf += d.toString()));
      s.on('end', () => resolve(buf));
      s.on('error', reject);
    });
    server.close();
    expect(text).toBe('hi');
  });
});
