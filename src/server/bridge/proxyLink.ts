import { WebSocket, type RawData } from 'ws';
import type { BridgeClient } from './bridgeClient.ts';
import { sentCloseOf } from './wsErrors.ts';
import type { ProxyFrameJson, ProxyRoute, ProxyServerMessage } from '../../protocols/proxyControl.ts';

/** Stop reading one side while this many bytes relayed to the other are unsent; read again below the low water. */
const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/**
 * Closes `socket` the way the other side's connection ended (RFC 6455 §7.4): the same code and
 * reason when a close frame may carry it, a close frame without a code for 1005 (none was given),
 * and no close frame at all (the socket cut) for 1006 and the other codes no endpoint may send.
 */
export function closeLike(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === WebSocket.CLOSED) return;
  const sendable = (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
  if (code === 1005) socket.close();
  else if (sendable) socket.close(code, reason);
  else socket.terminate();
}

/**
 * One real client joined to its own upstream connection (proxy mode). Every frame either way is
 * relayed as it came (text, binary, ping, pong; a close with its code and reason) and reported
 * to the page, in the order the sockets delivered them. While the actor in the page answers
 * (`route` is `actor`), the client's frames go only to the page (which answers through the hub),
 * and what the upstream still sends is reported but not relayed. Backpressure holds both ways: a
 * side whose relayed frames pile up unsent past {@link HIGH_WATER} stops the other side's reading.
 */
export class ProxyLink {
  #route: ProxyRoute = 'upstream';
  /** The first close either way ends the conversation; the other side's answering close is not news. */
  #ended = false;
  /**
   * How the upstream ended while the actor answered: the client stays open for the actor, and is
   * closed so (and the page told, as the conversation's close) only when handed back.
   */
  #upstreamClosed: { code: number; reason: string } | null = null;
  /** The close the bridge sent the upstream for breaking a limit or the protocol, if it did. */
  #upstreamFailure: { code: number; reason: string } | null = null;
  readonly #upstreamPaused = new Set<'client' | 'page'>();

  constructor(
    readonly client: BridgeClient,
    readonly upstream: WebSocket,
    private readonly report: (message: ProxyServerMessage) => void,
  ) {
    const socket = client.socket;
    this.#relay(socket, upstream, 'sent', this.#upstreamWritten, () => this.#checkUpstreamBuffer());
    socket.on('close', (code, reason) => {
      // Closed by the bridge (the actor's close frame, a stop, the upstream's close passed on) or by the client.
      const byBridge = client.closedWith;
      const closed = byBridge ?? client.failure ?? { code, reason: reason.toString('utf8') };
      if (!this.#ended) this.#report(byBridge ? 'received' : 'sent', { frame: 'close', ...closed });
      this.#ended = true;
      closeLike(upstream, closed.code, closed.reason);
    });

    this.#relay(upstream, socket, 'received', this.#clientWritten, () => this.#checkClientBuffer());
    upstream.on('close', (code, reason) => {
      // A frame past the bridge's limit (1009) or a protocol error: what the bridge sent the upstream, not the 1006 ws reports.
      const closed = this.#upstreamFailure ?? { code, reason: reason.toString('utf8') };
      if (!this.#ended && this.#route === 'upstream') {
        this.#ended = true;
        this.#report('received', { frame: 'close', ...closed });
        closeLike(socket, closed.code, closed.reason);
        return;
      }
      // The actor answers this client, which stays open. Not reported now: to the page, a close is
      // the end of the conversation (proxyControl.ts), and it is not over. The hand-back ends it.
      this.#upstreamClosed = closed;
    });
    // ws closes the socket after an error (1006 when the network dropped it); the close handler reports it.
    upstream.on('error', (error: Error & { code?: string }) => {
      this.#upstreamFailure ??= sentCloseOf(error);
    });
    // connectUpstream hands the upstream over paused, so nothing it sent came before these listeners.
    this.#pauseUpstream('client', false);
  }

  get route(): ProxyRoute {
    return this.#route;
  }

  /** Whether frames go straight through (the upstream answers and is still there). */
  get #relaying(): boolean {
    return this.#route === 'upstream' && !this.#ended;
  }

  /** Hands the client to the actor in the page or back to the upstream; says so when it changed. */
  switchTo(to: ProxyRoute): void {
    if (to === this.#route || this.#ended || !this.client.open) return;
    this.#route = to;
    this.report({ type: 'proxy-switch', client: this.client.id, to, at: Date.now() });
    if (to === 'upstream' && this.#upstreamClosed !== null) {
      // Handed back to an upstream that has gone: the client learns how it ended, and the page with it.
      this.#report('received', { frame: 'close', ...this.#upstreamClosed });
      this.#ended = true;
      closeLike(this.client.socket, this.#upstreamClosed.code, this.#upstreamClosed.reason);
    }
  }

  /** The page fell behind (or caught up): the upstream waits too, as the clients do. */
  pauseForPage(paused: boolean): void {
    this.#pauseUpstream('page', paused);
  }

  /**
   * Relays `from`'s frames other than its close (text, binary, ping, pong) to `to` as they came, while
   * the upstream answers, and reports each as `direction` until the conversation ends.
   */
  #relay(from: WebSocket, to: WebSocket, direction: 'sent' | 'received', written: () => void, checkBuffer: () => void): void {
    from.on('message', (data, isBinary) => {
      const bytes = toBuffer(data);
      this.#frame(direction, isBinary ? { frame: 'binary', dataBase64: bytes.toString('base64') } : { frame: 'text', text: bytes.toString('utf8') });
      if (this.#relaying) to.send(bytes, { binary: isBinary }, written);
      checkBuffer();
    });
    for (const control of ['ping', 'pong'] as const)
      from.on(control, (data) => {
        this.#frame(direction, { frame: control, dataBase64: data.toString('base64') });
        if (this.#relaying) to[control](data, undefined, written);
      });
  }

  #frame(direction: 'sent' | 'received', frame: ProxyFrameJson): void {
    if (!this.#ended) this.#report(direction, frame);
  }

  #report(direction: 'sent' | 'received', frame: ProxyFrameJson): void {
    this.report({ type: 'proxy-frame', client: this.client.id, direction, frame, at: Date.now() });
  }

  #checkUpstreamBuffer(): void {
    if (this.upstream.bufferedAmount > HIGH_WATER) this.client.pause('upstream');
  }

  #checkClientBuffer(): void {
    if (this.client.socket.bufferedAmount > HIGH_WATER) this.#pauseUpstream('client', true);
  }

  readonly #upstreamWritten = (): void => {
    if (this.upstream.bufferedAmount < LOW_WATER) this.client.resume('upstream');
  };

  readonly #clientWritten = (): void => {
    if (this.client.socket.bufferedAmount < LOW_WATER) this.#pauseUpstream('client', false);
  };

  #pauseUpstream(reason: 'client' | 'page', paused: boolean): void {
    if (paused) this.#upstreamPaused.add(reason);
    else this.#upstreamPaused.delete(reason);
    if (this.upstream.readyState !== WebSocket.OPEN) return;
    if (this.#upstreamPaused.size > 0) this.upstream.pause();
    else this.upstream.resume();
  }
}
