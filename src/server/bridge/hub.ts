import { WebSocket, type RawData } from 'ws';
import { BridgeClient } from './bridgeClient.ts';
import { NO_PAGE_CLOSE_CODE, NO_PAGE_CLOSE_REASON, parsePageFrame, type BridgeMessage, type PageMessage } from '../../protocols/bridgeControl.ts';
import { PageChannel } from './pageChannel.ts';
import { ProxyRelay } from './proxyRelay.ts';
import { sentCloseOf } from './wsErrors.ts';
import type { QueueLimits } from './queue.ts';

export type BridgeLogLevel = 'info' | 'warn' | 'error';
export type BridgeLog = (level: BridgeLogLevel, message: string) => void;

export interface BridgeStats {
  pageAttached: boolean;
  clients: number;
  /** Messages waiting for the page (not yet handed to its socket). */
  queuedForPage: number;
  accepting: boolean;
}

export interface HubOptions {
  address: string;
  queueLimits: QueueLimits;
  maxClients: number;
  maxUnreadBytes: number;
  /** How often the page's socket is pinged; a page that misses one ping is taken as gone. */
  heartbeatMs: number;
  /** How long clients wait for a page before they are closed with {@link NO_PAGE_CLOSE_CODE}. */
  pageWaitMs: number;
  log: BridgeLog;
}

/** Close code for "going away" (RFC 6455): the page left, the bridge stopped or is shutting down. */
const GOING_AWAY = 1001;
/** Close code for "try again later": the page is so far behind that this client's frame was refused. */
const TRY_AGAIN_LATER = 1013;

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/** Resolves once `socket` has closed (at once if it already has). */
export function whenClosed(socket: WebSocket): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => socket.once('close', () => resolve()));
}

/**
 * The routing between real clients and the page: ids, the page's queue, backpressure, and the
 * rules for when clients are closed. Knows nothing about HTTP; `server.ts` hands it sockets
 * that passed the checks.
 *
 * Policy for an absent or dead page: clients may connect before a page attaches (the page then
 * gets them in `hello` and their queued events in order), but they wait `pageWaitMs` at most,
 * counted from the first of them: then all are closed with {@link NO_PAGE_CLOSE_CODE} and a reason
 * that says no page is attached, rather than left in silence. While the queue is full every client
 * is paused (TCP pushes back on it), so memory stays bounded by the queue, not by the clients.
 * When the attached page goes away, what was queued for it is dropped and every client is closed
 * with 1001, since their actor (the page) is gone.
 */
export class BridgeHub {
  readonly #options: HubOptions;
  readonly #clients = new Map<number, BridgeClient>();
  readonly #page: PageChannel;
  #pageSocket: WebSocket | null = null;
  #nextId = 1;
  #accepting = true;
  #pausedForPage = false;
  #pageWait: ReturnType<typeof setTimeout> | null = null;
  // What a proxied conversation relays is recorded in full: the page's backpressure pauses both of its sides instead.
  readonly #proxy = new ProxyRelay((message) => this.#page.send(message, true));

  constructor(options: HubOptions) {
    this.#options = options;
    this.#page = new PageChannel(options.queueLimits, { onBackpressure: (paused) => this.#setPausedForPage(paused) });
  }

  /** The upstream the page asked new clients to be proxied to (proxy mode), or null. */
  get proxyUpstream(): string | null {
    return this.#proxy.upstream;
  }

  /** Which page's proxy a client arriving now belongs to: pass it to `upstreamRefused`. */
  get proxyPage(): number {
    return this.#proxy.page;
  }

  get pageAttached(): boolean {
    return this.#pageSocket !== null;
  }

  /** What the CLI, the dev-server plugin and the tests can see without touching sockets. */
  stats(): BridgeStats {
    return { pageAttached: this.pageAttached, clients: this.#clients.size, queuedForPage: this.#page.queued, accepting: this.#accepting };
  }

  /** Why a new real client must be refused (an HTTP status and a message), or null to accept it. */
  refusalForClient(): { status: number; message: string } | null {
    if (!this.#accepting) return { status: 503, message: 'The playground has stopped this bridge.' };
    if (this.#clients.size >= this.#options.maxClients) return { status: 503, message: 'Too many clients on this bridge.' };
    return null;
  }

  /** A real client on the bridge's public port, which asked for `path` (its URL's path). */
  addClient(socket: WebSocket, path = '/'): void {
    const client = this.#admit(socket);
    const id = client.id;
    this.#page.send({ type: 'client-open', client: id, path }, true);
    if (this.#pageSocket === null) this.#pageWait ??= setTimeout(() => this.#giveUpWaiting(), this.#options.pageWaitMs);

    // A client dropped from the map (its page went away) still emits events: ignore them.
    const current = (): boolean => this.#clients.get(id) === client;
    socket.on('message', (data, isBinary) => {
      const bytes = toBuffer(data);
      this.#forward(client, isBinary ? { ty: { tag: 'binary' }, dataBase64: bytes.toString('base64') } : { ty: { tag: 'text' }, text: bytes.toString('utf8') });
    });
    socket.on('ping', (data) => this.#forward(client, { ty: { tag: 'ping' }, dataBase64: data.toString('base64') }));
    socket.on('pong', (data) => this.#forward(client, { ty: { tag: 'pong' }, dataBase64: data.toString('base64') }));
    socket.on('close', (code, reason) => {
      if (!current()) return;
      this.#clients.delete(id);
      if (client.failure?.code === 1006) this.#options.log('warn', `client ${id}: ${client.failure.reason}`);
      const closed = client.failure ?? { code, reason: reason.toString('utf8') };
      this.#page.send({ type: 'client-close', client: id, ...closed }, true);
    });
  }

  /**
   * A real client proxied to its own upstream connection, open on `url` (proxy mode): frames go
   * straight through, and the page hears of each (proxyLink.ts) rather than answering it.
   */
  addProxiedClient(socket: WebSocket, upstream: WebSocket, path: string, url: string): void {
    const client = this.#admit(socket);
    socket.on('close', () => {
      if (this.#clients.get(client.id) === client) this.#clients.delete(client.id);
    });
    this.#proxy.add(client, upstream, path, url);
    // Reading waits for the page like every client's; the upstream waits with it.
    if (this.#pausedForPage) this.#proxy.pauseForPage(true);
  }

  /** A client the proxy could not join to `url` (its handshake is refused): the page records why, if it is still the one of `page`. */
  upstreamRefused(path: string, url: string, reason: string, page: number): void {
    this.#proxy.refused(this.#nextId++, path, url, reason, page);
  }

  /** Takes a client that passed the checks: its id, the page's backpressure, and the close code of what ws refuses. */
  #admit(socket: WebSocket): BridgeClient {
    const id = this.#nextId++;
    const client = new BridgeClient(id, socket, this.#options.maxUnreadBytes);
    this.#clients.set(id, client);
    if (this.#pausedForPage) client.pause('page');
    // Oversized frames (1009), bad UTF-8 (1007) and protocol errors land here; ws closes the socket.
    socket.on('error', (error: Error & { code?: string }) => {
      this.#options.log('info', `client ${id}: ${error.message}`);
      client.failure ??= sentCloseOf(error);
    });
    return client;
  }

  #forward(client: BridgeClient, message: BridgeMessage): void {
    // After a close frame either way, Theater hands the actor nothing more from that connection.
    if (!client.open || this.#clients.get(client.id) !== client) return;
    if (!this.#page.send({ type: 'client-message', client: client.id, message })) {
      this.#options.log('warn', `client ${client.id}: the page is too far behind; closing it with ${TRY_AGAIN_LATER}`);
      client.close(TRY_AGAIN_LATER, 'playground page is too far behind');
    }
  }

  #setPausedForPage(paused: boolean): void {
    this.#pausedForPage = paused;
    for (const client of this.#clients.values()) {
      if (paused) client.pause('page');
      else client.resume('page');
    }
    this.#proxy.pauseForPage(paused);
  }

  /**
   * Makes `socket` the page, spoken to in control protocol `version` (the one it asked for). The
   * caller has checked origin and token; this checks "only one".
   */
  attachPage(socket: WebSocket, version: number): void {
    if (this.#pageSocket !== null) {
      socket.close(1008, 'another playground page is attached');
      return;
    }
    this.#pageSocket = socket;
    this.#accepting = true;
    this.#stopWaiting();
    this.#options.log('info', 'playground page attached');

    // A page that vanished without a close (sleeping laptop, killed tab) must not hold the
    // clients forever. A slow page is not a dead one, though: our ping waits behind everything
    // unsent, so data draining towards the page also counts as a sign of life.
    let alive = true;
    let lastUnsent = 0;
    socket.on('pong', () => (alive = true));
    const heartbeat = setInterval(() => {
      const unsent = socket.bufferedAmount;
      const draining = unsent < lastUnsent;
      lastUnsent = unsent;
      if (!alive && !draining) {
        this.#options.log('warn', 'the playground page stopped answering pings; dropping it');
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, this.#options.heartbeatMs);
    heartbeat.unref();

    socket.on('message', (data, isBinary) => {
      alive = true;
      this.#onPageFrame(data, isBinary);
    });
    socket.on('error', (error) => this.#options.log('warn', `control socket: ${error.message}`));
    socket.on('close', () => {
      clearInterval(heartbeat);
      if (this.#pageSocket === socket) this.#detachPage();
    });
    this.#page.attach(socket, {
      type: 'hello',
      version,
      address: this.#options.address,
      clients: [...this.#clients.keys()],
      accepting: true,
    });
  }

  #detachPage(): void {
    this.#pageSocket = null;
    this.#accepting = true;
    // The proxy records for the page: without one, clients reach the actor's bridge again (and wait for a page).
    this.#proxy.reset();
    this.#closeAll(GOING_AWAY, 'playground page went away');
  }

  /** Closes every client and drops what they queued for the page. */
  #closeAll(code: number, reason: string): void {
    const clients = [...this.#clients.values()];
    // Forget the clients first, so their close events do not queue messages nobody will read.
    this.#clients.clear();
    this.#page.detach();
    if (clients.length > 0) this.#options.log('info', `${reason}; closing ${clients.length} client(s) with ${code}`);
    for (const client of clients) client.close(code, reason);
  }

  /** No page came while clients waited: they are told so, not left hanging. */
  #giveUpWaiting(): void {
    this.#pageWait = null;
    if (this.#pageSocket === null) this.#closeAll(NO_PAGE_CLOSE_CODE, NO_PAGE_CLOSE_REASON);
  }

  #stopWaiting(): void {
    if (this.#pageWait !== null) clearTimeout(this.#pageWait);
    this.#pageWait = null;
  }

  #onPageFrame(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.#page.sendNow({ type: 'error', code: 'bad-message', message: 'control frames are JSON text, not binary' });
      return;
    }
    // A batch answers many clients, several times each: each client's share leaves in one write.
    const corked = new Set<BridgeClient>();
    try {
      for (const parsed of parsePageFrame(toBuffer(data).toString('utf8'))) {
        if (parsed.ok) {
          const client = parsed.value.type === 'respond' ? this.#clients.get(parsed.value.client) : undefined;
          if (client !== undefined && !corked.has(client)) {
            client.cork();
            corked.add(client);
          }
          this.#apply(parsed.value);
          continue;
        }
        this.#options.log('warn', `control: ${parsed.error.message}`);
        this.#page.sendNow({ type: 'error', ...parsed.error });
      }
    } finally {
      for (const client of corked) client.uncork();
    }
  }

  #apply(message: PageMessage): void {
    switch (message.type) {
      case 'respond':
        // A client that closed meanwhile: its responses go nowhere, as on a real server. A proxied
        // client hears the actor only while it answers: an answer late for a hand-back is not sent.
        if (this.#proxy.upstreamAnswers(message.client)) return;
        this.#clients.get(message.client)?.write(message.frames);
        return;
      case 'close-client':
        this.#clients.get(message.client)?.close(message.code, message.reason);
        return;
      case 'stop':
        this.#accepting = false;
        this.#options.log('info', `stopped by the page; closing ${this.#clients.size} client(s) with ${GOING_AWAY}`);
        for (const client of this.#clients.values()) client.close(GOING_AWAY, 'bridge stopped');
        return;
      case 'start':
        this.#accepting = true;
        return;
      case 'proxy-start':
        this.#options.log('info', `proxying new clients to ${message.upstream}`);
        this.#proxy.start(message.upstream);
        return;
      case 'proxy-stop':
        this.#proxy.stop();
        return;
      case 'proxy-route':
        this.#proxy.route(message.client, message.to);
        return;
      default: {
        const exhaustive: never = message;
        return exhaustive;
      }
    }
  }

  /** Closes every client and the page with 1001; resolves when all sockets are closed or were cut. */
  async shutdown(graceMs: number): Promise<void> {
    this.#accepting = false;
    this.#stopWaiting();
    const sockets = [...[...this.#clients.values()].map((client) => client.socket), ...(this.#pageSocket ? [this.#pageSocket] : [])];
    for (const client of this.#clients.values()) client.close(GOING_AWAY, 'bridge shutting down');
    this.#pageSocket?.close(GOING_AWAY, 'bridge shutting down');
    const cut = setTimeout(() => sockets.forEach((socket) => socket.terminate()), graceMs);
    await Promise.all(sockets.map(whenClosed));
    clearTimeout(cut);
  }
}
