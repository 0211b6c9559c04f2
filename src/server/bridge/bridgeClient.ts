import type { Socket } from 'node:net';
import { WebSocket } from 'ws';
import type { WireFrameJson } from '../../protocols/bridgeControl.ts';

/** Stop reading a client's requests while this many bytes of responses to it are unsent. */
const CLIENT_SOCKET_HIGH_WATER = 1024 * 1024;
const CLIENT_SOCKET_LOW_WATER = 256 * 1024;
/**
 * Requests already read when the pause began still get answers, and an actor's answers can be
 * large: past this much unsent, the client is cut off instead of buffered without limit.
 */
export const DEFAULT_MAX_UNREAD_BYTES = 64 * 1024 * 1024;

/**
 * Why reading from a client is paused; it reads again only when no reason is left. `upstream`:
 * a proxied client's upstream is not taking what the client sends fast enough.
 */
export type PauseReason = 'page' | 'client' | 'upstream';

/**
 * One real client on the public endpoint. Holds the id the page knows it by, and the two kinds
 * of backpressure on it: the page falling behind (`page`), and the client not reading its own
 * responses (`client`). Responses only answer the client's own events, so not reading its
 * requests is enough to bound what is buffered for it.
 */
export class BridgeClient {
  readonly id: number;
  readonly socket: WebSocket;
  readonly #reasons = new Set<PauseReason>();
  /** Between `cork` and `uncork`: what is written waits in the socket, so `bufferedAmount` overstates what the client left unread. */
  #corked = false;
  /** Why the bridge (not the client) ended the connection, for the page: ws reports those as 1006. */
  failure: { code: number; reason: string } | null = null;
  /** The close frame the bridge started the closing handshake with (1005: one without a code), once it has. */
  closedWith: { code: number; reason: string } | null = null;

  readonly #maxUnreadBytes: number;

  constructor(id: number, socket: WebSocket, maxUnreadBytes: number) {
    this.id = id;
    this.socket = socket;
    this.#maxUnreadBytes = maxUnreadBytes;
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /**
   * Holds what is written to this client in its TCP socket until `uncork`: the responses one
   * control frame carries for it then leave in one write, not one system call per frame. ws keeps
   * that socket as `_socket` and corks it itself around each frame's header and payload; corks
   * are counted, so ours holds across its.
   */
  cork(): void {
    this.#corked = true;
    (this.socket as unknown as { _socket?: Socket | null })._socket?.cork();
  }

  /** Lets the held responses go in one write, then applies the unread-bytes limits to what is really unsent. */
  uncork(): void {
    this.#corked = false;
    (this.socket as unknown as { _socket?: Socket | null })._socket?.uncork();
    this.#settle();
  }

  pause(reason: PauseReason): void {
    this.#reasons.add(reason);
    this.socket.pause();
  }

  resume(reason: PauseReason): void {
    this.#reasons.delete(reason);
    if (this.#reasons.size === 0) this.socket.resume();
  }

  /**
   * Starts the closing handshake. Reading resumes whatever paused it: the client's answering close
   * frame must be read to finish cleanly, and anything it sent before that is dropped anyway
   * (ws marks the socket CLOSING, and the hub forwards nothing from a socket that is not OPEN).
   */
  close(code?: number, reason?: string): void {
    if (!this.open) return;
    this.closedWith = { code: code ?? 1005, reason: reason ?? '' };
    this.#reasons.clear();
    this.socket.resume();
    this.socket.close(code, reason);
  }

  /**
   * Writes the frames Theater would send for the actor's response, in order. ws writes frames in
   * call order on one socket, so ordering holds across text, binary, ping, pong and close.
   * Frames after a close frame, or for a client already closing, go nowhere, as on a real server.
   */
  write(frames: readonly WireFrameJson[]): void {
    for (const frame of frames) {
      if (!this.open) return;
      switch (frame.frame) {
        case 'text':
          this.socket.send(frame.text, { binary: false }, this.#afterWrite);
          break;
        case 'binary':
          this.socket.send(Buffer.from(frame.dataBase64, 'base64'), { binary: true }, this.#afterWrite);
          break;
        case 'ping':
          this.socket.ping(Buffer.from(frame.dataBase64, 'base64'), undefined, this.#afterWrite);
          break;
        case 'pong':
          this.socket.pong(Buffer.from(frame.dataBase64, 'base64'), undefined, this.#afterWrite);
          break;
        case 'close':
          // No status code: the `close` response message carries none (the client reads 1005).
          this.close();
          break;
        default: {
          const exhaustive: never = frame;
          return exhaustive;
        }
      }
    }
    // While corked, `bufferedAmount` counts what is only held back: `uncork` checks instead.
    if (!this.#corked) this.#settle();
  }

  /** Cuts off a client that leaves too much unread, and pauses its page-bound flow above the high water. */
  #settle(): void {
    if (this.socket.bufferedAmount > this.#maxUnreadBytes) {
      // A close frame would wait behind everything unsent, which the client is not reading.
      this.failure ??= { code: 1006, reason: `cut off: more than ${this.#maxUnreadBytes} bytes of responses unread` };
      this.socket.terminate();
      return;
    }
    if (this.socket.bufferedAmount > CLIENT_SOCKET_HIGH_WATER && !this.#reasons.has('client')) this.pause('client');
  }

  readonly #afterWrite = (): void => {
    if (this.#reasons.has('client') && this.socket.bufferedAmount < CLIENT_SOCKET_LOW_WATER) this.resume('client');
  };
}
