import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../setup/loopback-only.ts';

describe('test network guard', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.9.9.9', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['api.telegram.org', 'slack.com', '10.0.0.1', '192.168.1.1', '8.8.8.8']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('refuses a connection to a non-loopback host at once', async () => {
    const started = Date.now();
    const err = await new Promise<Error>((resolve) => {
      const s = net.connect({ host: '203.0.113.7', port: 443 });
      s.on('error', resolve);
      s.on('connect', () => resolve(new Error('connected?!')));
    });
    expect(err.message).toContain('non-loopback host');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses fetch to a real API host', async () => {
    await expect(fetch('https://api.telegram.org/bot123/getMe')).rejects.toThrow();
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
