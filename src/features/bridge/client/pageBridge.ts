import type { ActorEvent, BridgeRecord, EngineError, RecordedEvent, Result, WebsocketMessage } from '../../../core';
import type { BridgeInfo, PageMessage } from '../../../protocols/bridgeControl';
import { ControlChannel, type ControlState } from './controlChannel';
import { EndpointConnection, type EndpointOptions, type EndpointView } from './endpointConnection';
import { InboundBridge, type InboundActor, type InboundStats, type RealClient } from './inboundBridge';
import { ProxyBridge, shadowActorOf, type ProxyActor, type ProxyView } from './proxyBridge';
import { isProxyServerMessage } from '../../../protocols/proxyControl';
import type { ProxyAnswerer } from '../../../core';

/** Everything of the actor both directions of the bridge use: in the page, the ActorClient. */
export interface BridgeActor extends InboundActor {
  readonly events: readonly ActorEvent[];
  send(connectionId: number, message: WebsocketMessage): Promise<Result<RecordedEvent, EngineError>>;
  recordBridge(records: BridgeRecord[]): Promise<Result<RecordedEvent[], EngineError>>;
}

/** What the page shows of the bridge, both ways. */
export interface BridgeView {
  endpoints: EndpointView[];
  /** The bridge server's address as configured (host:port), and the page's standing with it. */
  serverAddress: string;
  control: ControlState;
  realClients: RealClient[];
  inbound: InboundStats;
  proxy: ProxyView;
  /** The latest failure of an endpoint (refused, dropped, bad URL), until dismissed. */
  error: string | null;
}

/**
 * Bridge mode in the page, framework-free: the connections to real endpoints ("out") and the
 * bridge server's control channel with the real clients behind it ("in"), over one actor. It
 * says when its view changed; the caller decides how often to read it.
 */
export class PageBridge {
  readonly #endpoints = new Map<number, EndpointConnection>();
  readonly #control: ControlChannel;
  readonly #inbound: InboundBridge;
  readonly #proxy: ProxyBridge;
  /** The actor's own connections for shadowing, bridge out and proxy alike. */
  readonly #shadowActor: ProxyActor;
  #serverAddress: string;
  #error: string | null = null;
  #nextId = -1;

  constructor(
    private readonly actor: BridgeActor,
    private readonly onChange: () => void,
    serverAddress: string,
  ) {
    this.#serverAddress = serverAddress;
    this.#control = new ControlChannel({
      onMessage: (message) => (isProxyServerMessage(message) ? this.#proxy.handle(message) : this.#inbound.handle(message)),
      onState: (state) => {
        if (state.kind === 'detached') {
          this.#proxy.detached();
          this.#inbound.detached();
        }
        onChange();
      },
    });
    const send = (message: PageMessage) => {
      // What the actor answers a taken-over client goes on that client's card too.
      if (message.type === 'respond') this.#proxy.actorAnswered(message.client, message.frames);
      this.#control.send(message);
    };
    this.#inbound = new InboundBridge(actor, send, onChange, actor.events);
    this.#shadowActor = shadowActorOf(actor);
    this.#proxy = new ProxyBridge({
      actor: this.#shadowActor,
      inbound: this.#inbound,
      send,
      record: (records) => this.#record(records, 'proxied'),
      allocateId: () => this.#allocateId(),
      onChange,
      onError: (message) => this.#fail(message),
    });
  }

  view(): BridgeView {
    return {
      endpoints: [...this.#endpoints.values()].map((e) => e.view()),
      serverAddress: this.#serverAddress,
      control: this.#control.state,
      realClients: this.#inbound.clients,
      inbound: this.#inbound.stats,
      proxy: this.#proxy.view(),
      error: this.#error,
    };
  }

  /** Whether a real client of the bridge server is this connection. */
  servesRealClient(connectionId: number): boolean {
    return this.#inbound.serves(connectionId);
  }

  /** Tells the bridge the history grew or was replaced (it answers real clients from it). */
  observe(history: readonly ActorEvent[]): void {
    this.#inbound.observe(history);
  }

  /** Opens a connection to a real endpoint; its id is below zero, apart from the simulated ones. */
  connectEndpoint(options: EndpointOptions): number {
    const id = this.#allocateId();
    const endpoint = new EndpointConnection(id, options, {
      record: (records) => this.#record(records, `exchanged with ${options.url}`),
      // Bridge out has no client path: an http-framework actor is shadowed at its first WebSocket path.
      shadow: this.#shadowActor,
      onChange: this.onChange,
      onError: (message) => this.#fail(message),
    });
    this.#endpoints.set(id, endpoint);
    endpoint.connect();
    this.onChange();
    return id;
  }

  /** Proxies real clients that arrive from now on to `upstream` (proxy mode), attaching first when detached. */
  async startProxy(upstream: string, shadow: boolean): Promise<void> {
    this.#proxy.setShadow(shadow);
    if (this.#control.state.kind !== 'attached') await this.attach();
    if (this.#control.state.kind === 'attached') this.#proxy.start(upstream);
  }

  /** Whether proxied clients that connect from now on are shadowed by the actor. */
  setProxyShadow(shadow: boolean): void {
    this.#proxy.setShadow(shadow);
  }

  /** Closes the proxied clients (1001) and lets new clients reach the actor again. */
  stopProxy(): void {
    this.#proxy.stop();
  }

  /** Who answers a proxied client (its bridge connection id), or every one (null). */
  routeProxied(id: number | null, to: ProxyAnswerer): void {
    this.#proxy.route(id, to);
  }

  sendToEndpoint(id: number, message: WebsocketMessage): boolean {
    return this.#endpoints.get(id)?.send(message) ?? false;
  }

  reconnectEndpoint(id: number): void {
    this.#endpoints.get(id)?.connect();
  }

  disconnectEndpoint(id: number): void {
    this.#endpoints.get(id)?.disconnect();
  }

  dismissError(): void {
    this.#error = null;
    this.onChange();
  }

  /** Attaches to the bridge server at `address` (host:port), or at the last one used. */
  attach(address = this.#serverAddress): Promise<void> {
    this.#serverAddress = address;
    return this.#control.attach(address);
  }

  /**
   * Attaches to the bridge the page's own server started, when it says it did (`info`): the page
   * then needs no button. A refusal is shown as any other, after what the server said.
   */
  autoAttach(info: BridgeInfo): Promise<void> {
    this.#serverAddress = info.address;
    return this.#control.attach(info.address, info.problem === null ? null : `${info.problem}.`);
  }

  /** Starts accepting real clients again, attaching first when the page is not attached. */
  async start(): Promise<void> {
    if (this.#control.state.kind !== 'attached') return this.attach();
    this.#control.send({ type: 'start' });
    this.#control.setAccepting(true);
  }

  /** Closes every real client (1001) and refuses new ones; the page stays attached. */
  stop(): void {
    this.#control.send({ type: 'stop' });
    this.#control.setAccepting(false);
  }

  detach(): void {
    this.#control.detach();
  }

  /** A bridge connection id below every one in the history and every one handed out. */
  #allocateId(): number {
    const lowest = this.actor.events.reduce((min, e) => (e.connectionId !== null && e.connectionId < min ? e.connectionId : min), 0);
    const id = Math.min(this.#nextId, lowest - 1);
    this.#nextId = id - 1;
    return id;
  }

  async #record(records: BridgeRecord[], what: string): Promise<void> {
    const recorded = await this.actor.recordBridge(records);
    if (!recorded.ok) this.#fail(`Frames ${what} could not be recorded: ${recorded.error.message}`);
  }

  #fail(message: string): void {
    this.#error = message;
    this.onChange();
  }
}
