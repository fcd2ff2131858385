/**
 * A local stand-in of Slack's Socket Mode WebSocket on 127.0.0.1 (the URL the Web API
 * stand-in's `apps.connections.open` answers). It behaves as Slack does: on connection it
 * says `hello`, then sends envelopes — `{ envelope_id, type, payload, accepts_response_payload }`
 * — and records the app's acknowledgements (`{ envelope_id, payload? }`) by envelope id. An
 * acknowledgement naming no envelope it sent, or a second one for the same envelope, is
 * recorded as a violation.
 */
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';

type Json = Record<string, unknown>;

/** The kinds of envelope the app is tested with. */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** An acknowledgement the app sent. */
export interface SocketAck {
  readonly envelopeId: string;
  /** What the app answered with (a command's reply, a modal's errors); `{}` for a bare ack. */
  readonly payload: Json;
}

/** The stand-in server. */
export class SocketModeStandIn {
  readonly acks: SocketAck[] = [];
  readonly violations: string[] = [];
  readonly #server: WebSocketServer;
  readonly #sent = new Set<string>();
  #socket: WebSocket | null = null;
  #connected: Promise<void>;
  #onConnect: () => void = () => {};

  private constructor(server: WebSocketServer) {
    this.#server = server;
    this.#connected = new Promise((resolve) => (this.#onConnect = resolve));
    server.on('connection', (socket) => this.#accept(socket));
  }

  static async start(): Promise<SocketModeStandIn> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new SocketModeStandIn(server);
  }

  /** The URL `apps.connections.open` answers with. */
  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/link/?ticket=stand-in`;
  }

  /** Resolves once the app is connected and was greeted. */
  connected(): Promise<void> {
    return this.#connected;
  }

  /** Sends an envelope to the connected app; returns its envelope id. */
  send(type: EnvelopeType, payload: Json, options: { acceptsResponsePayload?: boolean } = {}): string {
    if (this.#socket === null) throw new Error('Socket Mode stand-in: no app connected');
    const envelopeId = randomBytes(16).toString('hex');
    this.#sent.add(envelopeId);
    const envelope: Json = { envelope_id: envelopeId, type, payload, accepts_response_payload: options.acceptsResponsePayload ?? type === 'slash_commands' };
    if (type === 'events_api') Object.assign(envelope, { retry_attempt: 0, retry_reason: '' });
    this.#socket.send(JSON.stringify(envelope));
    return envelopeId;
  }

  /** The acknowledgement of an envelope, once it came. */
  async ackOf(envelopeId: string, timeoutMs = 10_000): Promise<SocketAck> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.acks.find((a) => a.envelopeId === envelopeId);
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`Socket Mode stand-in: envelope ${envelopeId} was never acknowledged; violations: ${this.violations.join(' | ') || 'none'}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: WebSocket): void {
    this.#socket = socket;
    socket.on('message', (data, isBinary) => this.#receive(isBinary ? null : data.toString()));
    socket.on('close', () => {
      if (this.#socket === socket) this.#socket = null;
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'stand-in', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0PNYX' } }));
    this.#onConnect();
  }

  #receive(text: string | null): void {
    let message: Json;
    try {
      if (text === null) throw new Error('binary frame');
      message = JSON.parse(text) as Json;
    } catch (e) {
      this.violations.push(`unreadable message from the app (${(e as Error).message})`);
      return;
    }
    const id = message['envelope_id'];
    if (typeof id !== 'string' || !this.#sent.has(id)) {
      this.violations.push(`acknowledgement of an unknown envelope ${String(id)}`);
      return;
    }
    if (this.acks.some((a) => a.envelopeId === id)) {
      this.violations.push(`second acknowledgement of envelope ${id}`);
      return;
    }
    const payload = message['payload'];
    this.acks.push({ envelopeId: id, payload: typeof payload === 'object' && payload !== null ? (payload as Json) : {} });
  }
}
