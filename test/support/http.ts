/** Loopback HTTP helpers for tests of the service. */
import net from 'node:net';

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** GETs `url` until it answers (the server may still be starting); returns status and JSON body. */
export async function waitForHttp(url: string, timeoutMs = 20_000): Promise<{ status: number; body: unknown }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      return { status: res.status, body: await res.json() };
    } catch (e) {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
