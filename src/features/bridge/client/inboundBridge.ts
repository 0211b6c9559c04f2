import type { ActorEvent, Connection, EngineError, RecordedEvent, Result, WireOutcome } from '../../../core';
import type { PageMessage, ServerMessage } from '../../../protocols/bridgeControl';
import type { ProxyServerMessage } from '../../../protocols/proxyControl';
import type { SendItem } from '../../../protocols/actorWorker';
import { fitCloseReason } from './closeCodes';
import { Fifo } from './fifo';
import { framesJson, messageFromBridge } from './wireJson';

/** The actor as the bridge's real clients reach it: the page's ActorClient, or a test's. */
export interface InboundActor {
  readonly connections: Connection[];
  /** `path`: the real client's URL path (an http-framework actor's WebSocket path; others ignore it). */
  open(path?: string): Promise<Result<{ connection: Connection; recorded: RecordedEvent }, EngineError>>;
  close(connectionId: number): Promise<Result<unknown, EngineError>>;
  /** A client gone without a close frame: the server setting decides whether the actor hears of it. */
  drop(connectionId: number): Promise<Result<unknown, EngineError>>;
  sendMany(items: readonly SendItem[]): Promise<Array<Result<RecordedEvent, EngineError>>>;
}

/** A real client of the bridge server, and the playground connection it is. */
export interface RealClient {
  client: number;
  connectionId: number;
}

export interface InboundStats {
  /** Client messages the actor got, and response frames sent back. */
  delivered: number;
  responded: number;
  /** Client messages that could not be delivered (the connection had closed, the actor stopped). */
  undelivered: number;
  lastProblem: string | null;
}

/** What the bridge server says about clients that reach the actor (proxy mode's messages go to ProxyBridge). */
export type InboundMessage = Exclude<ServerMessage, ProxyServerMessage>;
type ClientMessage = Extract<InboundMessage, { type: 'client-message' }>;
const isClientMessage = (message: InboundMessage): message is ClientMessage => message.type === 'client-message';

/** Client messages handed to the actor in one `sendMany` at most. */
const BATCH = 2000;
/** A close frame's reason has room for 123 bytes; ours are short and ASCII (the engine's are cut to fit). */
const CLOSED_REASON = 'closed from the playground';
/** RFC 6455's code for a connection that closed without a close frame. */
const ABNORMAL_CLOSURE = 1006;
const REPLACED_REASON = 'the playground replaced its history';

/**
 * Bridge mode, "in": real WebSocket clients of the bridge server become connections of the actor
 * in the page. Server messages are applied strictly in order, one at a time; runs of client
 * messages go to the actor together (`sendMany`), so a flood costs one round trip and one
 * re-render per slice rather than per message.
 *
 * Responses are not taken from those calls but from the history itself (`observe`): whatever
 * produced an event on a real client's connection (its own message, a message typed in its card,
 * the `Close connection` button) goes back to it exactly as Theater would send it.
 */
export class InboundBridge {
  readonly #connectionOf = new Map<number, number>();
  readonly #clientOf = new Map<number, number>();
  /** Proxied clients taken over (`adopt`). */
  readonly #adopted = new Set<number>();
  readonly #queue = new Fifo<InboundMessage>();
  #draining = false;
  #kicked = false;
  #seen: readonly ActorEvent[];
  #cursor: number;
  readonly #stats: InboundStats = { delivered: 0, responded: 0, undelivered: 0, lastProblem: null };

  constructor(
    private readonly actor: InboundActor,
    private readonly send: (message: PageMessage) => void,
    /** Called after anything shown changed; `clients` when real clients came or went. */
    private readonly onChange: (clients: boolean) => void,
    history: readonly ActorEvent[],
  ) {
    this.#seen = history;
    this.#cursor = history.length;
  }

  /** The real clients that reach the actor directly (not proxied clients the actor took over: the proxy's cards show those). */
  get clients(): RealClient[] {
    return [...this.#connectionOf].filter(([client]) => !this.#adopted.has(client)).map(([client, connectionId]) => ({ client, connectionId }));
  }

  /** Whether `connectionId` is a real client's connection (its socket, not the page, answers what the actor sends it). */
  serves(connectionId: number): boolean {
    return this.#clientOf.has(connectionId);
  }

  get stats(): InboundStats {
    return { ...this.#stats };
  }

  /**
   * Makes a proxied client (proxy mode) one of this bridge's from now on, on the actor's connection
   * `connectionId`: the actor answers it (a take-over). Its frames then come through `handle`.
   */
  adopt(client: number, connectionId: number): void {
    this.#connectionOf.set(client, connectionId);
    this.#clientOf.set(connectionId, client);
    this.#adopted.add(client);
    this.onChange(true);
  }

  /** Gives a proxied client back to its upstream: what the actor does on its connection no longer reaches it. */
  release(client: number): void {
    this.#forget(client);
    this.onChange(true);
  }

  handle(message: InboundMessage): void {
    if (message.type === 'hello') return;
    if (message.type === 'error') {
      this.#stats.lastProblem = `The bridge server refused a control message: ${message.message}`;
      this.onChange(false);
      return;
    }
    this.#queue.push(message);
    this.#kick();
  }

  /**
   * The control channel is gone, and with it every real client (the server closes them with 1001):
   * the actor hears each close, after whatever they had sent.
   */
  detached(): void {
    for (const client of this.#connectionOf.keys()) this.#queue.push({ type: 'client-close', client, code: 1001, reason: 'the bridge went away' });
    this.#kick();
  }

  /** Sends back what the actor answered on real clients' connections since the last look. */
  observe(history: readonly ActorEvent[]): void {
    if (history !== this.#seen) {
      // Another history (a load, an import, a rewrite): its events were answered, if ever, when
      // they first happened. Real clients whose connection it does not have open are let go.
      this.#seen = history;
      this.#cursor = history.length;
      const open = new Set(this.actor.connections.filter((c) => c.open).map((c) => c.id));
      for (const [client, connectionId] of [...this.#connectionOf]) {
        if (open.has(connectionId)) continue;
        this.#forget(client);
        this.send({ type: 'close-client', client, code: 1000, reason: REPLACED_REASON });
      }
      return;
    }
    for (; this.#cursor < history.length; this.#cursor++) {
      const event = history[this.#cursor]!;
      if (event.kind !== 'message' || event.connectionId === null) continue;
      this.#respond(event);
      const client = this.#clientOf.get(event.connectionId);
      if (client === undefined) continue;
      // `Close connection` on the client's card (a typed `close` message leaves it open).
      if (event.input?.ty.tag === 'close' && !this.actor.connections.find((c) => c.id === event.connectionId)?.open) {
        this.#forget(client);
        this.send({ type: 'close-client', client, code: 1000, reason: CLOSED_REASON });
      }
    }
  }

  /**
   * Starts draining at the end of the current task: the bridge sends what its clients sent in one
   * turn as one batch frame (control protocol 2), so its messages go to the actor in one call.
   * Not a task of its own, which would wait behind the page's drawing.
   */
  #kick(): void {
    if (this.#draining || this.#kicked) return;
    this.#kicked = true;
    queueMicrotask(() => {
      this.#kicked = false;
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#draining) return;
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const run = this.#queue.shiftWhile(isClientMessage, BATCH);
        if (run.length > 0) await this.#deliver(run);
        else await this.#apply(this.#queue.shift() as Exclude<InboundMessage, ClientMessage>);
      }
    } finally {
      this.#draining = false;
    }
  }

  async #deliver(run: ClientMessage[]): Promise<void> {
    const items: SendItem[] = [];
    for (const { client, message } of run) {
      const connectionId = this.#connectionOf.get(client);
      const converted = messageFromBridge(message);
      if (connectionId !== undefined && converted) items.push({ connectionId, message: converted });
      else this.#stats.undelivered++;
    }
    const results = items.length > 0 ? await this.actor.sendMany(items) : [];
    for (const result of results) {
      if (result.ok) this.#stats.delivered++;
      else {
        this.#stats.undelivered++;
        this.#stats.lastProblem = result.error.message;
      }
    }
    this.onChange(false);
  }

  async #apply(message: Exclude<InboundMessage, ClientMessage>): Promise<void> {
    switch (message.type) {
      case 'client-open': {
        const opened = await this.actor.open(message.path);
        if (opened.ok) {
          const { connection, recorded } = opened.value;
          this.#connectionOf.set(message.client, connection.id);
          this.#clientOf.set(connection.id, message.client);
          // The `connect` event was recorded (and observed) before its connection had a client: what it sent this one goes now.
          this.#respond(recorded.event, connection.id);
        } else {
          this.#stats.lastProblem = `Real client #${message.client} could not connect: ${opened.error.message}`;
          // The engine says why (no actor, a path the actor does not serve and which it does): the client reads it in the close reason.
          // A path the actor does not serve is a refusal (1008, policy violation), not a normal end (1000), so client code can tell.
          const code = opened.error.code === 'no-websocket-path' ? 1008 : 1000;
          this.send({ type: 'close-client', client: message.client, code, reason: fitCloseReason(opened.error.message) });
        }
        this.onChange(true);
        return;
      }
      case 'client-close': {
        const connectionId = this.#connectionOf.get(message.client);
        if (connectionId === undefined) return;
        // Forgotten first, so the close event it causes is not mistaken for one from the playground.
        this.#forget(message.client);
        // 1006: the socket ended without a close frame (ws reports that code for a dropped client).
        if (this.actor.connections.find((c) => c.id === connectionId)?.open) await (message.code === ABNORMAL_CLOSURE ? this.actor.drop(connectionId) : this.actor.close(connectionId));
        this.onChange(true);
        return;
      }
      case 'hello':
      case 'error':
        return;
      default: {
        const exhaustive: never = message;
        return exhaustive;
      }
    }
  }

  /**
   * Sends an event's responses to the real clients they went to: its own connection's, and any
   * other an http-framework actor sent to (`to`). With `only`, just those for that connection.
   */
  #respond(event: ActorEvent, only?: number): void {
    const byConnection = new Map<number, WireOutcome[]>();
    for (const response of event.responses) {
      const to = response.to ?? event.connectionId!;
      if (only !== undefined && to !== only) continue;
      const list = byConnection.get(to);
      if (list) list.push(response);
      else byConnection.set(to, [response]);
    }
    for (const [connectionId, responses] of byConnection) {
      const client = this.#clientOf.get(connectionId);
      const frames = client === undefined ? [] : framesJson(responses);
      if (frames.length === 0) continue;
      this.send({ type: 'respond', client: client!, frames });
      this.#stats.responded += frames.length;
    }
  }

  #forget(client: number): void {
    this.#adopted.delete(client);
    const connectionId = this.#connectionOf.get(client);
    this.#connectionOf.delete(client);
    if (connectionId !== undefined) this.#clientOf.delete(connectionId);
  }
}
