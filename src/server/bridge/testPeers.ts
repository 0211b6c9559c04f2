import { once } from 'node:events';
import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { CONTROL_PROTOCOL_VERSION, type PageFrame, type PageMessage, type ServerFrame, type ServerMessage, type TokenResponse } from '../../protocols/bridgeControl.ts';
import type { RunningBridge } from './server.ts';

// Real peers for the bridge's tests: a `ws` client playing the playground page on /control, and
// `ws` clients playing the outside world. Real sockets on loopback, no mocks.

export const PAGE_ORIGIN = 'http://localhost:5173';

/** Everything a peer received, in order, with a way to wait until a condition holds. */
export class Inbox<T> {
  readonly items: T[] = [];
  #wake: Array<() => void> = [];

  push(item: T): void {
    this.items.push(item);
    const waiting = this.#wake;
    this.#wake = [];
    waiting.forEach((wake) => wake());
  }

  async waitFor(done: (items: T[]) => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.items)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${this.items.length} item(s), last: ${JSON.stringify(this.items.at(-1))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the first item that matches and returns it. */
  async find<S extends T>(match: (item: T) => item is S, what: string): Promise<S> {
    await this.waitFor((items) => items.some(match), what);
    return this.items.find(match) as S;
  }
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain GET with chosen headers (fetch would not let a test set `Origin` reliably). */
export function httpGet(url: string, headers: Record<string, string> = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export const httpBase = (bridge: RunningBridge): string => `http://127.0.0.1:${bridge.port}`;

/** Opens a WebSocket that the server must refuse; resolves with the HTTP status it answered. */
export function refusedStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      socket.terminate();
      reject(new Error(`${url} accepted a connection it should have refused`));
    });
    socket.on('error', () => {});
  });
}

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
}

/** The messages of one control frame from the server, a batch opened. */
export function messagesOf(data: unknown): ServerMessage[] {
  const frame = JSON.parse(String(data)) as ServerFrame;
  return frame.type === 'batch' ? frame.messages : [frame];
}

/**
 * The playground page: attached on /control with an allowed Origin and the token from /token,
 * speaking control protocol `version` (the current one unless asked; null names none, as pages
 * of protocol 1 did). Batch frames are opened into `inbox`; `frames` counts the frames themselves.
 */
export class FakePage {
  readonly inbox = new Inbox<ServerMessage>();
  readonly socket: WebSocket;
  frames = 0;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data) => {
      this.frames++;
      for (const message of messagesOf(data)) this.inbox.push(message);
    });
  }

  static async attach(bridge: RunningBridge, origin = PAGE_ORIGIN, options: { autoPong?: boolean; version?: number | null } = {}): Promise<FakePage> {
    const { version = CONTROL_PROTOCOL_VERSION, ...socketOptions } = options;
    const reply = await httpGet(`${httpBase(bridge)}/token`, { Origin: origin });
    if (reply.status !== 200) throw new Error(`GET /token answered ${reply.status}`);
    const { token } = JSON.parse(reply.body) as TokenResponse;
    const named = version === null ? '' : `version=${version}&`;
    const socket = new WebSocket(`${bridge.address}/control?${named}token=${encodeURIComponent(token)}`, { origin, ...socketOptions });
    const page = new FakePage(socket);
    await opened(socket);
    await page.inbox.waitFor((items) => items.some((m) => m.type === 'hello'), 'hello');
    return page;
  }

  /** Sends one control frame: a message, or a batch of them. */
  send(frame: PageFrame): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Answers every text message with the same text, to the client that sent it: an echo actor (a frame's answers in one batch). */
  echoText(): void {
    this.socket.on('message', (data) => {
      const answers: PageMessage[] = [];
      for (const message of messagesOf(data))
        if (message.type === 'client-message' && message.message.ty.tag === 'text') answers.push({ type: 'respond', client: message.client, frames: [{ frame: 'text', text: message.message.text ?? '' }] });
      if (answers.length > 0) this.send({ type: 'batch', messages: answers });
    });
  }

  messagesFor(client: number): ServerMessage[] {
    return this.inbox.items.filter((m) => 'client' in m && m.client === client);
  }

  close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
    this.socket.close();
    return closed;
  }
}

export type ClientEvent =
  | { kind: 'text'; text: string }
  | { kind: 'binary'; data: Buffer }
  | { kind: 'ping'; data: Buffer }
  | { kind: 'pong'; data: Buffer }
  | { kind: 'close'; code: number; reason: string };

/** A real client of the public endpoint, recording everything the bridge writes to it. */
export class TestClient {
  readonly inbox = new Inbox<ClientEvent>();
  readonly socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on('message', (data, isBinary) => {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
      this.inbox.push(isBinary ? { kind: 'binary', data: bytes } : { kind: 'text', text: bytes.toString('utf8') });
    });
    socket.on('ping', (data) => this.inbox.push({ kind: 'ping', data }));
    socket.on('pong', (data) => this.inbox.push({ kind: 'pong', data }));
    socket.on('close', (code, reason) => this.inbox.push({ kind: 'close', code, reason: reason.toString('utf8') }));
    socket.on('error', () => {});
  }

  /**
   * Connects to `bridge`, or to a bridge's address (`ws://host:port`) as a person would copy it from
   * the page, offering `protocols` (subprotocols) and sending `origin` when given. With `autoPong`
   * false a ping is recorded and not answered, so a test sees exactly the frames that came.
   */
  static async open(bridge: RunningBridge | string, options: { protocols?: string[]; origin?: string; autoPong?: boolean } = {}): Promise<TestClient> {
    const { protocols = [], ...socketOptions } = options;
    const socket = new WebSocket(typeof bridge === 'string' ? bridge : bridge.address, protocols, socketOptions);
    const client = new TestClient(socket);
    await opened(socket);
    return client;
  }

  /** Records a socket opened elsewhere (a test's own WebSocket server's side of a connection). */
  static of(socket: WebSocket): TestClient {
    return new TestClient(socket);
  }

  texts(): string[] {
    return this.inbox.items.flatMap((event) => (event.kind === 'text' ? [event.text] : []));
  }

  async closeEvent(): Promise<{ code: number; reason: string }> {
    return this.inbox.find((e): e is Extract<ClientEvent, { kind: 'close' }> => e.kind === 'close', 'the close event');
  }
}

export const silent = (): void => {};

/** Polls `condition` (state kept somewhere, not a message to wait for) until it holds. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One connection a {@link TestUpstream} accepted: what it received, its socket, and the request it came with. */
export interface UpstreamPeer {
  peer: TestClient;
  socket: WebSocket;
  request: IncomingMessage;
}

export interface UpstreamOptions {
  /** The path of the URL the proxy is given (`ws://127.0.0.1:port/api`). */
  path?: string;
  handleProtocols?: (offered: Set<string>) => string | false;
  /** Runs on each new connection before anything else happens on it: an upstream that speaks first, or answers. */
  onConnection?: (socket: WebSocket) => void;
}

/**
 * A real WebSocket endpoint on loopback for proxy mode to join clients to. Like the proxy's own
 * sockets it does not answer pings by itself, so a test sees exactly the frames relayed to it.
 */
export class TestUpstream {
  readonly peers = new Inbox<UpstreamPeer>();

  private constructor(
    readonly wss: WebSocketServer,
    readonly url: string,
  ) {}

  static async start(options: UpstreamOptions = {}): Promise<TestUpstream> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong: false, perMessageDeflate: false, ...(options.handleProtocols ? { handleProtocols: options.handleProtocols } : {}) });
    await once(wss, 'listening');
    const upstream = new TestUpstream(wss, `ws://127.0.0.1:${(wss.address() as AddressInfo).port}${options.path ?? ''}`);
    wss.on('connection', (socket, request) => {
      const peer = TestClient.of(socket);
      options.onConnection?.(socket);
      upstream.peers.push({ peer, socket, request });
    });
    return upstream;
  }

  /** Cuts every connection and stops listening. */
  close(): Promise<void> {
    this.wss.clients.forEach((socket) => socket.terminate());
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }
}
