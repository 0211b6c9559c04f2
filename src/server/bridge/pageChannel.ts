import { WebSocket } from 'ws';
import { BATCH_CHARS, BATCH_MESSAGES, frameText, type ServerMessage } from '../../protocols/bridgeControl.ts';
import { BoundedQueue, type QueueLimits } from './queue.ts';

/** Stop handing frames to the page's socket above this many unsent bytes; go on once it drains. */
const PAGE_SOCKET_HIGH_WATER = 4 * 1024 * 1024;


export interface PageChannelEvents {
  /**
   * True when reading from real clients must pause (the page is absent or slower than they are),
   * false when it may go on. Called on changes only.
   */
  onBackpressure(paused: boolean): void;
}

/**
 * The one page attached on `/control`, and what waits for it. Messages for the page are always
 * queued first and flushed while the page's socket keeps up, so per-client order is the order of
 * events, whether the page is attached, slow, or not there yet. They are flushed once per turn of
 * the event loop (`setImmediate`: after every client's data read in it), and a page of protocol 2
 * gets what waits then in batch frames: one frame per message cost a system call and, in the
 * browser, a task, per message.
 */
export class PageChannel {
  #socket: WebSocket | null = null;
  readonly #queue: BoundedQueue;
  readonly #events: PageChannelEvents;
  #paused = false;
  #flushScheduled = false;
  #batching = false;

  constructor(limits: QueueLimits, events: PageChannelEvents) {
    this.#queue = new BoundedQueue(limits);
    this.#events = events;
  }

  get attached(): boolean {
    return this.#socket !== null;
  }

  /** For tests and logs: how many messages wait for the page. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Makes `socket` the page; `hello` goes out before anything queued while no page was attached.
   * `hello.version` says whether the page takes batch frames (2 on).
   */
  attach(socket: WebSocket, hello: Extract<ServerMessage, { type: 'hello' }>): void {
    this.#socket = socket;
    this.#batching = hello.version >= 2;
    socket.send(JSON.stringify(hello));
    this.#flush();
  }

  /** Forgets the page and drops what waited for it: nobody will read it, and memory must not grow. */
  detach(): void {
    this.#socket = null;
    this.#queue.clear();
    this.#updateBackpressure();
  }

  /**
   * Queues a message for the page. `essential` messages (a client opening or closing: tiny and
   * at most two per client) are always taken; others are refused past the queue's hard bound,
   * and the caller closes the client that sent them.
   */
  send(message: ServerMessage, essential = false): boolean {
    const text = JSON.stringify(message);
    if (!essential && this.#queue.wouldOverflow(text)) return false;
    this.#queue.push(text);
    this.#flushSoon();
    this.#updateBackpressure();
    return true;
  }

  /** Sends right away, ahead of the queue: only for replies about the page's own request. */
  sendNow(message: ServerMessage): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  #flush(): void {
    const socket = this.#socket;
    if (socket !== null && socket.readyState === WebSocket.OPEN) {
      while (this.#queue.length > 0 && socket.bufferedAmount < PAGE_SOCKET_HIGH_WATER) {
        socket.send(this.#batching ? this.#nextBatch() : this.#queue.shift()!, this.#afterSend);
      }
    }
    this.#updateBackpressure();
  }

  /** The next frame: the first waiting message alone, or a batch of it and those after it. */
  #nextBatch(): string {
    const first = this.#queue.shift()!;
    if (this.#queue.length === 0) return first;
    const texts = [first];
    let chars = first.length;
    while (this.#queue.length > 0 && texts.length < BATCH_MESSAGES && chars < BATCH_CHARS) {
      const text = this.#queue.shift()!;
      texts.push(text);
      chars += text.length;
    }
    return frameText(texts);
  }

  /** Flushes once this turn's reads are done (however many messages they queued). */
  #flushSoon(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  // ws calls this once a frame is handed to the kernel: the socket has drained a little, so try
  // again (once per turn, however many frames completed).
  // Node passes null, not undefined, on success.
  readonly #afterSend = (error?: Error | null): void => {
    if (error == null && this.#queue.length > 0) this.#flushSoon();
  };

  #updateBackpressure(): void {
    const shouldPause = this.#paused ? !this.#queue.hasRoom : this.#queue.full;
    if (shouldPause === this.#paused) return;
    this.#paused = shouldPause;
    this.#events.onBackpressure(shouldPause);
  }
}
