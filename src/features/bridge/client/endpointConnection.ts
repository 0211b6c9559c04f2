import { binaryMessage, makeMessage, textMessage, type ActorAnswer, type BridgeDirection, type BridgeRecord, type WebsocketMessage } from '../../../core';
import { closeExplanation } from './closeCodes';
import { ExchangeSequencer, verdictCounts } from './exchangeSequencer';

export interface EndpointOptions {
  url: string;
  /** Subprotocols offered in the handshake; the server picks one or none. */
  protocols: string[];
  /** Feed every message sent to the endpoint to the in-page actor too, and compare the answers. */
  shadow: boolean;
}

/** The in-page actor as shadow mode uses it: a simulated connection of its own. */
export interface ShadowActor {
  /** Opens the shadow connection; null when the actor cannot take one (none loaded, stopped). */
  open(): Promise<number | null>;
  send(connectionId: number, message: WebsocketMessage): Promise<ActorAnswer | null>;
  close(connectionId: number): Promise<void>;
}

export interface EndpointDeps {
  /** Writes frames down as bridge events, in the order given. Must not reject. */
  record(records: BridgeRecord[]): Promise<unknown>;
  shadow: ShadowActor;
  /** Something shown about this connection changed (state, counts). */
  onChange(): void;
  /** The endpoint refused or dropped the connection, or the URL was bad: for an alert. */
  onError(message: string): void;
}

export type EndpointState = 'connecting' | 'open' | 'closed';

/** What the page shows of one bridge connection. */
export interface EndpointView extends EndpointOptions {
  id: number;
  state: EndpointState;
  /** The subprotocol the server chose ('' for none). */
  protocol: string;
  /** Exchanges compared in shadow mode, and how many differed. */
  compared: number;
  mismatches: number;
  /** The actor's simulated connection shadowing this one, while there is one. */
  shadowConnectionId: number | null;
}

/** One socket's life: who closed it, and whether it ever opened. */
interface Attempt {
  socket: WebSocket;
  opened: boolean;
  closingByUs: boolean;
}

/**
 * A connection from the page to a real WebSocket endpoint (bridge mode, "out"). Every frame both
 * ways, its opening and its close (code and reason) become `bridge` events under this connection's
 * id, below zero. Reconnecting keeps the id, so the transcript goes on across sockets; nothing
 * recorded is lost when the endpoint drops, since each frame is recorded as it goes (in shadow
 * mode, once its exchange is compared).
 */
export class EndpointConnection {
  #attempt: Attempt | null = null;
  #state: EndpointState = 'closed';
  #protocol = '';
  #compared = 0;
  #mismatches = 0;
  #shadowId: Promise<number | null> = Promise.resolve(null);
  #shadowConnectionId: number | null = null;
  /** A reconnect waits for the old socket to finish closing, so sockets never overlap. */
  #reopen = false;
  readonly #sequencer: ExchangeSequencer;

  constructor(
    readonly id: number,
    readonly options: EndpointOptions,
    private readonly deps: EndpointDeps,
  ) {
    this.#sequencer = new ExchangeSequencer((records) => this.#record(records));
  }

  view(): EndpointView {
    return { ...this.options, id: this.id, state: this.#state, protocol: this.#protocol, compared: this.#compared, mismatches: this.#mismatches, shadowConnectionId: this.#shadowConnectionId };
  }

  /** Opens a socket to the endpoint; a socket still open is closed first (that is a reconnect). */
  connect(): void {
    if (this.#attempt && this.#state !== 'closed') {
      this.#reopen = true;
      this.#closeAttempt(this.#attempt, 'reconnecting');
      return;
    }
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.options.url, this.options.protocols);
    } catch (thrown) {
      // The constructor throws only for a malformed URL or subprotocol list.
      this.deps.onError(`Cannot connect to ${JSON.stringify(this.options.url)}: ${thrown instanceof Error ? thrown.message : String(thrown)}. Give a ws:// or wss:// URL, and subprotocols as tokens separated by commas.`);
      return;
    }
    socket.binaryType = 'arraybuffer';
    const attempt: Attempt = { socket, opened: false, closingByUs: false };
    this.#attempt = attempt;
    this.#setState('connecting');
    socket.onopen = () => this.#opened(attempt);
    socket.onmessage = (event: MessageEvent<string | ArrayBuffer>) => {
      const message = typeof event.data === 'string' ? textMessage(event.data) : binaryMessage(new Uint8Array(event.data));
      this.#sequencer.received(this.#frame('received', message));
    };
    socket.onclose = (event) => void this.#closed(attempt, event);
  }

  /** Sends a text or binary message; false when the socket is not open. */
  send(message: WebsocketMessage): boolean {
    const socket = this.#attempt?.socket;
    if (!socket || this.#state !== 'open') return false;
    if (message.ty.tag === 'text') socket.send(message.text ?? '');
    // A copy on a plain ArrayBuffer: the DOM will not send a view of a possibly shared buffer.
    else if (message.ty.tag === 'binary') socket.send(new Uint8Array(message.data ?? []));
    else return false;
    const record = this.#frame('sent', message);
    if (!this.options.shadow) this.#sequencer.sent(record);
    else this.#sequencer.sent(record, this.#shadowId.then((id) => (id === null ? null : this.deps.shadow.send(id, message))));
    return true;
  }

  disconnect(): void {
    if (this.#attempt && this.#state !== 'closed') this.#closeAttempt(this.#attempt, 'closed from the playground');
  }

  #opened(attempt: Attempt): void {
    attempt.opened = true;
    this.#protocol = attempt.socket.protocol;
    this.#sequencer.sent(this.#frame('sent', makeMessage('connect')));
    if (this.options.shadow) {
      this.#shadowId = this.deps.shadow.open();
      void this.#shadowId.then((id) => {
        this.#shadowConnectionId = id;
        this.deps.onChange();
      });
    }
    this.#setState('open');
  }

  async #closed(attempt: Attempt, event: CloseEvent): Promise<void> {
    const direction: BridgeDirection = attempt.closingByUs ? 'sent' : 'received';
    const close = { ...this.#frame(direction, makeMessage('close')), bridge: { direction, endpoint: this.options.url, closeCode: event.code, closeReason: event.reason } };
    // A close from the endpoint may be its answer to the last message; ours never is.
    if (direction === 'received') this.#sequencer.received(close);
    else this.#sequencer.sent(close);
    const flushed = this.#sequencer.flush();
    this.#setState('closed');
    if (direction === 'received') {
      const what = attempt.opened ? `${this.options.url} closed the connection` : `Could not connect to ${this.options.url}`;
      this.deps.onError(`${what}: ${closeExplanation(event.code, event.reason)}. What was recorded is kept; use Reconnect to try again.`);
    }
    await flushed;
    await this.#closeShadow();
    if (this.#reopen) {
      this.#reopen = false;
      this.connect();
    }
  }

  #closeAttempt(attempt: Attempt, reason: string): void {
    attempt.closingByUs = true;
    attempt.socket.close(1000, reason);
  }

  async #closeShadow(): Promise<void> {
    const id = await this.#shadowId;
    this.#shadowId = Promise.resolve(null);
    if (id === null) return;
    this.#shadowConnectionId = null;
    this.deps.onChange();
    await this.deps.shadow.close(id);
  }

  #frame(direction: BridgeDirection, input: WebsocketMessage): BridgeRecord {
    return { connectionId: this.id, input, bridge: { direction, endpoint: this.options.url }, startedAt: Date.now() };
  }

  async #record(records: BridgeRecord[]): Promise<void> {
    const { compared, mismatches } = verdictCounts(records);
    this.#compared += compared;
    this.#mismatches += mismatches;
    if (compared > 0) this.deps.onChange();
    await this.deps.record(records);
  }

  #setState(state: EndpointState): void {
    this.#state = state;
    this.deps.onChange();
  }
}
