import { BATCH_CHARS, BATCH_MESSAGES, CONTROL_PATH, CONTROL_PROTOCOL_VERSION, frameText, PROBE_PATH, TOKEN_PATH, VERSION_QUERY, type PageMessage, type ProbeResponse, type ServerFrame, type ServerMessage, type TokenResponse } from '../../../protocols/bridgeControl';
import { refusalMessage, refusalOf } from './refusals';

/** Where the page stands with the bridge server. */
export type ControlState =
  | { kind: 'detached'; problem: string | null }
  | { kind: 'attaching' }
  /** `address` is the public endpoint real clients connect to; `accepting` is false after a stop. */
  | { kind: 'attached'; address: string; accepting: boolean };

export interface ControlHandlers {
  /** Every server message after `hello`, in order. */
  onMessage(message: ServerMessage): void;
  onState(state: ControlState): void;
}

/** How often and how long to retry a refused control connection (another page still attached). */
const RETRIES = 5;
const RETRY_MS = 400;

/** `127.0.0.1:8765` from whatever a person typed (`ws://127.0.0.1:8765/`, `localhost:9000`), or null. */
export function bridgeHost(address: string): string | null {
  const trimmed = address.trim();
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
    return url.host === '' ? null : url.host;
  } catch {
    return null;
  }
}

/** `?version=2`: the control protocol this page speaks, named to the bridge's probe and control channel (see `spokenVersion`). */
const VERSION = `?${VERSION_QUERY}=${CONTROL_PROTOCOL_VERSION}`;

/** Asks the bridge why it would refuse: its probe, the HTTP status of something else, or null when nothing answered. */
async function probeBridge(host: string, token?: string): Promise<ProbeResponse | number | null> {
  try {
    const response = await fetch(`http://${host}${PROBE_PATH}${VERSION}${token === undefined ? '' : `&token=${encodeURIComponent(token)}`}`, { cache: 'no-store' });
    if (!response.ok) return response.status;
    const body = (await response.json()) as Partial<ProbeResponse>;
    return typeof body.version === 'number' && typeof body.originAllowed === 'boolean' ? (body as ProbeResponse) : response.status;
  } catch {
    return null;
  }
}

/**
 * The page's end of the bridge server's control channel (bridge mode, "in"): asks the bridge's
 * `/probe` whether this page may attach, fetches the token the server gives only to an allowed
 * origin, opens `/control` with it, and relays messages both ways. A browser never sees why a
 * request or a WebSocket was refused, so after each refusal the page asks `/probe` again and
 * names the cause (`refusals.ts`). The one refusal that passes by itself (another page attached,
 * often this very page before a reload) is retried a few times before giving up.
 *
 * Messages to the bridge wait for the end of the current task (a microtask) and leave together,
 * in one batch frame when there are several (protocol 2): answering a run of real clients' messages
 * costs one frame, not one per answer, and none waits longer than the task that made it.
 */
export class ControlChannel {
  #socket: WebSocket | null = null;
  #state: ControlState = { kind: 'detached', problem: null };
  /** This task's messages as JSON, and their characters: one frame at its end. */
  #outbox: string[] = [];
  #outboxChars = 0;

  constructor(private readonly handlers: ControlHandlers) {}

  get state(): ControlState {
    return this.#state;
  }

  /** Attaches to the bridge at `address`; `context` is said before any refusal (what the page was told about this bridge). */
  async attach(address: string, context: string | null = null): Promise<void> {
    this.detach();
    const host = bridgeHost(address);
    if (host === null) return this.#set({ kind: 'detached', problem: `${JSON.stringify(address)} is not a bridge address: write host:port, for example 127.0.0.1:8765.` });
    this.#set({ kind: 'attaching' });
    const refuse = (probe: ProbeResponse | number | null, refusal = refusalOf(probe) ?? 'refused'): void => {
      if (this.#state.kind !== 'attaching') return; // detached meanwhile
      const message = refusalMessage(refusal, host, location.origin, probe);
      this.#set({ kind: 'detached', problem: context === null ? message : `${context} ${message}` });
    };
    const first = await probeBridge(host);
    if (refusalOf(first) !== null && refusalOf(first) !== 'page-attached') return refuse(first);
    let token: string;
    try {
      const response = await fetch(`http://${host}${TOKEN_PATH}`, { cache: 'no-store' });
      if (!response.ok) return refuse(await probeBridge(host));
      token = ((await response.json()) as TokenResponse).token;
    } catch {
      return refuse(await probeBridge(host));
    }
    for (let attempt = 0; ; attempt++) {
      if (this.#state.kind !== 'attaching') return;
      if (await this.#open(`ws://${host}${CONTROL_PATH}${VERSION}&token=${encodeURIComponent(token)}`)) return;
      // No cause, or another page still leaving: both may pass by themselves.
      const probe = await probeBridge(host, token);
      const refusal = refusalOf(probe);
      if ((refusal !== null && refusal !== 'page-attached') || attempt === RETRIES) return refuse(probe, refusal ?? 'refused');
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  /**
   * Queues `message` for the frame sent at the end of this task, or at once when the frame is full
   * (`BATCH_MESSAGES`, `BATCH_CHARS`): a burst of large responses must not make one frame past the
   * control socket's payload limit, which would cost the page its bridge.
   */
  send(message: PageMessage): void {
    if (this.#socket?.readyState !== WebSocket.OPEN) return;
    const text = JSON.stringify(message);
    if (this.#outbox.push(text) === 1) queueMicrotask(() => this.#flush());
    this.#outboxChars += text.length;
    if (this.#outbox.length >= BATCH_MESSAGES || this.#outboxChars >= BATCH_CHARS) this.#flush();
  }

  #flush(): void {
    const texts = this.#outbox;
    this.#outbox = [];
    this.#outboxChars = 0;
    if (texts.length > 0 && this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(frameText(texts));
  }

  detach(): void {
    const socket = this.#socket;
    this.#socket = null;
    this.#outbox = [];
    this.#outboxChars = 0;
    socket?.close(1000, 'detached by the page');
    if (this.#state.kind !== 'detached') this.#set({ kind: 'detached', problem: null });
  }

  /** Resolves true once `hello` arrived, false when the server refused the connection. */
  #open(url: string): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = new WebSocket(url);
      let greeted = false;
      socket.onmessage = (event: MessageEvent<string>) => {
        if (this.#socket !== socket && greeted) return;
        const frame = JSON.parse(event.data) as ServerFrame;
        if (frame.type === 'batch') return frame.messages.forEach((message) => this.handlers.onMessage(message));
        const message: ServerMessage = frame;
        if (message.type !== 'hello') return this.handlers.onMessage(message);
        greeted = true;
        if (this.#state.kind !== 'attaching') {
          // Detached while this connection was on its way.
          socket.close(1000, 'detached by the page');
          return resolve(true);
        }
        if (message.version !== CONTROL_PROTOCOL_VERSION) {
          socket.close(1000, 'protocol version');
          this.#set({ kind: 'detached', problem: `The bridge speaks control protocol ${message.version}; this page speaks ${CONTROL_PROTOCOL_VERSION}.` });
          return resolve(true);
        }
        this.#socket = socket;
        this.#set({ kind: 'attached', address: message.address, accepting: message.accepting });
        resolve(true);
      };
      socket.onclose = (event) => {
        if (!greeted) return resolve(false);
        if (this.#socket !== socket) return;
        this.#socket = null;
        this.#set({ kind: 'detached', problem: `The bridge closed the control channel (code ${event.code}${event.reason ? `: ${event.reason}` : ''}).` });
      };
    });
  }

  /** The server's `stop` and `start` change whether it accepts clients; the page says so at once. */
  setAccepting(accepting: boolean): void {
    if (this.#state.kind === 'attached') this.#set({ ...this.#state, accepting });
  }

  #set(state: ControlState): void {
    this.#state = state;
    this.handlers.onState(state);
  }
}
