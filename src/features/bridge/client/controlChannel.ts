import { CONTROL_PATH, CONTROL_PROTOCOL_VERSION, TOKEN_PATH, type PageMessage, type ServerMessage, type TokenResponse } from '../../../protocols/bridgeControl';

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

/**
 * The page's end of the bridge server's control channel (bridge mode, "in"): fetches the token
 * the server gives only to an allowed origin, opens `/control` with it, and relays messages both
 * ways. A browser never sees the HTTP status of a refused WebSocket, so a refusal after a good
 * token is taken for the one refusal a token cannot prevent (409: another page is attached, often
 * this very page before a reload) and retried a few times before giving up.
 */
export class ControlChannel {
  #socket: WebSocket | null = null;
  #state: ControlState = { kind: 'detached', problem: null };

  constructor(private readonly handlers: ControlHandlers) {}

  get state(): ControlState {
    return this.#state;
  }

  async attach(address: string): Promise<void> {
    this.detach();
    const host = bridgeHost(address);
    if (host === null) return this.#set({ kind: 'detached', problem: `${JSON.stringify(address)} is not a bridge address: write host:port, for example 127.0.0.1:8765.` });
    this.#set({ kind: 'attaching' });
    let token: string;
    try {
      const response = await fetch(`http://${host}${TOKEN_PATH}`, { cache: 'no-store' });
      if (response.status === 403)
        return this.#set({ kind: 'detached', problem: `The bridge at ${host} does not accept pages from ${location.origin}: start it with --origin ${location.origin}.` });
      if (!response.ok) return this.#set({ kind: 'detached', problem: `The bridge at ${host} answered ${response.status} for its token.` });
      const body = (await response.json()) as TokenResponse;
      if (body.version !== CONTROL_PROTOCOL_VERSION)
        return this.#set({ kind: 'detached', problem: `The bridge at ${host} speaks control protocol ${body.version}; this page speaks ${CONTROL_PROTOCOL_VERSION}. Run the bridge from the same checkout.` });
      token = body.token;
    } catch {
      return this.#set({ kind: 'detached', problem: `No bridge answers at ${host}: start one with \`npm run bridge\` (\`npm run dev\` starts one too).` });
    }
    for (let attempt = 0; attempt <= RETRIES; attempt++) {
      if (this.#state.kind !== 'attaching') return; // detached meanwhile
      if (await this.#open(`ws://${host}${CONTROL_PATH}?token=${encodeURIComponent(token)}`)) return;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    if (this.#state.kind === 'attaching') this.#set({ kind: 'detached', problem: `The bridge at ${host} refused this page: another playground page is attached to it. Close that page (or its bridge) and try again.` });
  }

  send(message: PageMessage): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  detach(): void {
    const socket = this.#socket;
    this.#socket = null;
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
        const message = JSON.parse(event.data) as ServerMessage;
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
