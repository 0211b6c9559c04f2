import { makeMessage, type BridgeInfo, type BridgeRecord, type EngineError, type ProxyAnswerer, type ProxyInfo, type RecordedEvent, type Result, type WebsocketMessage } from '../../../core';
import type { BridgeMessage, PageMessage, WireFrameJson } from '../../../protocols/bridgeControl';
import type { ProxyFrameJson, ProxyServerMessage } from '../../../protocols/proxyControl';
import { closeExplanation } from './closeCodes';
import { messageFromBridge } from './wireJson';
import { ExchangeSequencer, SHADOW_TIMING, verdictCounts } from './exchangeSequencer';
import type { InboundActor, InboundBridge } from './inboundBridge';
import type { ShadowActor } from './endpointConnection';

/** The actor as proxy mode uses it: shadow connections (endpointConnection.ts), at the client's path. */
export interface ProxyActor extends Omit<ShadowActor, 'open'> {
  /** Opens a connection of the actor's at `path` (an http-framework actor's WebSocket path, its first without one); null when it cannot. */
  open(path?: string): Promise<number | null>;
}

/**
 * The actor's side of shadowing (bridge out and proxy mode alike) over an actor client's calls: a
 * connection id, the recorded event of the message, or null when the actor could not take it.
 */
export function shadowActorOf(actor: Pick<InboundActor, 'open' | 'close'> & { send(connectionId: number, message: WebsocketMessage): Promise<Result<RecordedEvent, EngineError>> }): ProxyActor {
  return {
    open: async (path) => {
      const opened = await actor.open(path);
      return opened.ok ? opened.value.connection.id : null;
    },
    send: async (connectionId, message) => {
      const sent = await actor.send(connectionId, message);
      return sent.ok ? sent.value.event : null;
    },
    close: async (connectionId) => {
      await actor.close(connectionId);
    },
  };
}

export interface ProxyDeps {
  actor: ProxyActor;
  /** Answers a taken-over client: its frames go to the actor as a real client's (inboundBridge.ts). */
  inbound: InboundBridge;
  send(message: PageMessage): void;
  /** Writes frames down as bridge events, in the order given. Must not reject. */
  record(records: BridgeRecord[]): Promise<unknown>;
  /** A bridge connection id (below zero) for a new proxied client. */
  allocateId(): number;
  onChange(): void;
  /** An upstream refused a client or ended a conversation abnormally: for the alert. */
  onError(message: string): void;
}

export type ProxiedState = 'open' | 'closed' | 'refused';

/** What the page shows of one proxied client. */
export interface ProxiedView {
  /** The bridge connection its frames are recorded on (below zero), and the server's number for the client. */
  id: number;
  client: number;
  /** The client's request path and the upstream URL it was joined to. */
  path: string;
  url: string;
  protocol: string;
  state: ProxiedState;
  answering: ProxyAnswerer;
  /** How it ended (or why the upstream refused it), in words; null while open. */
  ended: string | null;
  compared: number;
  mismatches: number;
  /** The actor's connection that shadows or answers this client, while there is one. */
  actorConnectionId: number | null;
}

/** What the page shows of proxy mode. */
export interface ProxyView {
  /** The upstream the bridge server proxies new clients to, or null when it is off. */
  upstream: string | null;
  /** Why the server would not proxy (or stopped), until the next start. */
  problem: string | null;
  /** Whether client frames also go to the actor in the page, to compare with the upstream's answers. */
  shadow: boolean;
  connections: ProxiedView[];
  compared: number;
  mismatches: number;
}

interface Proxied {
  view: ProxiedView;
  /** Whether shadowing was asked for when it arrived: it keeps that, whatever the proxy is restarted with. */
  shadowed: boolean;
  /** The playground ends it (the proxy stopped, the page detached): its close is no answer of the upstream's. */
  endedByPlayground: boolean;
  sequencer: ExchangeSequencer;
  actorConnection: Promise<number | null>;
}

/** A relayed frame (or an answer the page sends) as the bridge hands client frames to the actor. */
const bridgeMessageOf = (frame: Exclude<ProxyFrameJson | WireFrameJson, { frame: 'close' }>): BridgeMessage =>
  frame.frame === 'text' ? { ty: { tag: 'text' }, text: frame.text } : { ty: { tag: frame.frame }, dataBase64: frame.dataBase64 };

/** RFC 6455's code for a connection that ended without a close frame; also what a refused handshake is recorded with. */
const ABNORMAL_CLOSURE = 1006;

/** How a proxied conversation ended, for its card. */
function endedText(direction: 'sent' | 'received', code: number, reason: string, byPlayground: boolean): string {
  if (byPlayground) return `the playground closed it: ${closeExplanation(code, reason)}`;
  if (code === ABNORMAL_CLOSURE) return direction === 'sent' ? 'the client dropped the connection (no close frame); its upstream connection was closed' : 'the upstream connection dropped (no close frame); the client was cut off the same way';
  return `${direction === 'sent' ? 'the client closed it' : 'the upstream closed it (the client was closed the same way)'}: ${closeExplanation(code, reason)}`;
}

/**
 * Proxy mode in the page: the bridge server joins each real client to its own upstream connection
 * and reports every frame (proxyControl.ts); this records them as `bridge` events on one bridge
 * connection per client, shadows the client's messages with the actor when asked, and hands a
 * client to the actor (through the inbound bridge) and back. Messages are applied strictly in
 * order, one at a time, as the sockets delivered them.
 */
export class ProxyBridge {
  /** By the server's number for the client: a restarted bridge server numbers from 1 again, so the latest with that number. */
  readonly #byClient = new Map<number, Proxied>();
  /** Every proxied client since the page loaded, in order of arrival: the cards. */
  readonly #all: Proxied[] = [];
  #upstream: string | null = null;
  #problem: string | null = null;
  #shadow = false;
  #compared = 0;
  #mismatches = 0;
  #chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ProxyDeps) {}

  view(): ProxyView {
    return {
      upstream: this.#upstream,
      problem: this.#problem,
      shadow: this.#shadow,
      connections: this.#all.map((p) => ({ ...p.view })),
      compared: this.#compared,
      mismatches: this.#mismatches,
    };
  }

  /** Whether clients that arrive from now on are shadowed by the actor (those already there keep their setting). */
  setShadow(shadow: boolean): void {
    if (shadow === this.#shadow) return;
    this.#shadow = shadow;
    this.deps.onChange();
  }

  /** Asks the server to proxy new clients to `upstream` (checked by the caller with `upstreamProblem`). */
  start(upstream: string): void {
    this.#problem = null;
    this.deps.send({ type: 'proxy-start', upstream });
  }

  stop(): void {
    this.deps.send({ type: 'proxy-stop' });
  }

  /** Who answers one proxied client (its bridge connection `id`), or all of them (null). */
  route(id: number | null, to: ProxyAnswerer): void {
    const client = id === null ? null : this.#all.find((p) => p.view.id === id)?.view.client;
    if (client === undefined) return;
    this.deps.send({ type: 'proxy-route', client, to });
  }

  handle(message: ProxyServerMessage): void {
    this.#enqueue(`a ${message.type} message`, () => this.#apply(message));
  }

  /** Runs `step` after every step before it; one that fails is said, and the next still runs. */
  #enqueue(what: string, step: () => Promise<void> | void): void {
    this.#chain = this.#chain.then(step).catch((error: unknown) => this.deps.onError(`Proxy mode could not record ${what}: ${error instanceof Error ? error.message : String(error)}`));
  }

  /**
   * The actor answered a taken-over client (`frames`, as the page sends them to the bridge): they
   * go on its card, in order with the client's frames, marked as the actor's. Its close frame is
   * recorded when the bridge reports the client closed. Nothing for a client that is not proxied.
   */
  actorAnswered(client: number, frames: readonly WireFrameJson[]): void {
    if (!this.#byClient.has(client)) return;
    this.#enqueue(`the actor's answer to real client #${client}`, () => {
      const proxied = this.#byClient.get(client)!;
      if (proxied.view.state !== 'open') return;
      for (const frame of frames) {
        const message = frame.frame === 'close' ? null : messageFromBridge(bridgeMessageOf(frame));
        if (message) proxied.sequencer.received(this.#frameRecord(proxied, 'received', message, Date.now(), { proxy: { answering: 'actor', actorAnswer: true } }));
      }
    });
  }

  /** The control channel is gone: the server closed every proxied client (1001) and will report nothing more. */
  detached(): void {
    this.#upstream = null;
    this.#endAllByPlayground();
    for (const { view } of this.#byClient.values())
      if (view.state === 'open') this.handle({ type: 'proxy-frame', client: view.client, direction: 'received', frame: { frame: 'close', code: 1001, reason: 'the bridge went away' }, at: Date.now() });
  }

  #endAllByPlayground(): void {
    for (const proxied of this.#byClient.values()) if (proxied.view.state === 'open') proxied.endedByPlayground = true;
  }

  async #apply(message: ProxyServerMessage): Promise<void> {
    switch (message.type) {
      case 'proxy-state':
        this.#upstream = message.upstream;
        this.#problem = message.problem;
        // A (re)start counts afresh: the totals are this upstream's. A stop closes every client it had.
        if (message.upstream !== null) this.#compared = this.#mismatches = 0;
        else this.#endAllByPlayground();
        this.deps.onChange();
        return;
      case 'proxy-open':
        return this.#opened(message);
      case 'proxy-frame':
        return this.#frame(message);
      case 'proxy-switch':
        return this.#switched(message);
      default: {
        const exhaustive: never = message;
        return exhaustive;
      }
    }
  }

  async #opened({ client, path, url, protocol, at, refused }: Extract<ProxyServerMessage, { type: 'proxy-open' }>): Promise<void> {
    const id = this.deps.allocateId();
    const view: ProxiedView = { id, client, path, url, protocol, state: refused === undefined ? 'open' : 'refused', answering: 'upstream', ended: null, compared: 0, mismatches: 0, actorConnectionId: null };
    const proxied: Proxied = { view, shadowed: this.#shadow, endedByPlayground: false, sequencer: new ExchangeSequencer((records) => this.#record(proxied, records), SHADOW_TIMING, 'upstream'), actorConnection: Promise.resolve(null) };
    this.#byClient.set(client, proxied);
    this.#all.push(proxied);
    proxied.sequencer.sent(this.#frameRecord(proxied, 'sent', makeMessage('connect'), at));
    if (refused !== undefined) {
      view.ended = `the upstream refused it: ${refused}; the client got HTTP 502`;
      proxied.sequencer.received(this.#frameRecord(proxied, 'received', makeMessage('close'), at, { closeCode: ABNORMAL_CLOSURE, closeReason: refused, proxy: { refused: true } }));
      this.deps.onError(`Real client #${client} (${path}) could not be proxied to ${url}: ${refused}. It was refused with HTTP 502; what it asked for is recorded.`);
      this.deps.onChange();
      return;
    }
    if (proxied.shadowed) await this.#openActorConnection(proxied);
    this.deps.onChange();
  }

  async #frame({ client, direction, frame, at }: Extract<ProxyServerMessage, { type: 'proxy-frame' }>): Promise<void> {
    const proxied = this.#byClient.get(client);
    if (!proxied || proxied.view.state !== 'open') return;
    if (frame.frame === 'close') return this.#closed(proxied, direction, frame.code, frame.reason, at);
    const message = messageFromBridge(bridgeMessageOf(frame));
    if (!message) return;
    const record = this.#frameRecord(proxied, direction, message, at);
    const control = frame.frame === 'ping' || frame.frame === 'pong';
    if (direction === 'received' || control) proxied.sequencer.received(record);
    else if (proxied.view.answering === 'actor') proxied.sequencer.sent(record);
    else {
      const actorId = await proxied.actorConnection;
      proxied.sequencer.sent(record, actorId === null ? undefined : this.deps.actor.send(actorId, message));
    }
    // A taken-over client's frames (a ping included, as Theater hands it over) go to the actor, which answers it.
    if (direction === 'sent' && proxied.view.answering === 'actor') this.deps.inbound.handle({ type: 'client-message', client, message: bridgeMessageOf(frame) });
  }

  async #closed(proxied: Proxied, direction: 'sent' | 'received', code: number, reason: string, at: number): Promise<void> {
    const { view } = proxied;
    const byPlayground = direction === 'received' && proxied.endedByPlayground;
    // While the actor answers, a close toward the client is the actor's (the upstream's end waits for the hand-back).
    const byActor = direction === 'received' && !byPlayground && view.answering === 'actor';
    const who = byPlayground ? { byPlayground: true as const } : byActor ? { actorAnswer: true as const } : {};
    const close = this.#frameRecord(proxied, direction, makeMessage('close'), at, { closeCode: code, closeReason: reason, proxy: who });
    if (direction === 'sent') proxied.sequencer.sent(close);
    else {
      // Only a close frame the upstream sent can be its answer; a dropped socket (1006) or the playground's own close is none.
      if (byPlayground || byActor || code === ABNORMAL_CLOSURE) void proxied.sequencer.flush();
      proxied.sequencer.received(close);
    }
    view.state = 'closed';
    view.ended = byActor ? `the actor in the page closed it: ${closeExplanation(code, reason)}` : endedText(direction, code, reason, byPlayground);
    if (direction === 'received' && !byPlayground && code !== 1000 && code !== 1001 && view.answering === 'upstream') this.deps.onError(`The upstream ended real client #${view.client}'s conversation (${view.url}): ${closeExplanation(code, reason)}. The client was closed the same way; what was relayed is recorded.`);
    this.deps.onChange();
    await proxied.sequencer.flush();
    if (view.answering === 'actor') {
      this.deps.inbound.handle({ type: 'client-close', client: view.client, code, reason });
      view.actorConnectionId = null;
      this.deps.onChange();
    } else await this.#closeActorConnection(proxied);
  }

  async #switched({ client, to, at }: Extract<ProxyServerMessage, { type: 'proxy-switch' }>): Promise<void> {
    const proxied = this.#byClient.get(client);
    if (!proxied || proxied.view.state !== 'open') return;
    proxied.view.answering = to;
    proxied.sequencer.sent(this.#frameRecord(proxied, 'sent', makeMessage('other', { other: `switch to ${to}` }), at, { proxy: { switched: true } }));
    if (to === 'actor') {
      // The shadow connection, when there is one, has seen the whole conversation: the actor goes on from there.
      const actorId = (await proxied.actorConnection) ?? (await this.#openActorConnection(proxied));
      if (actorId !== null) this.deps.inbound.adopt(client, actorId);
      else this.deps.onError(`The actor could not take over real client #${client}: it has no connection for ${proxied.view.path}. Load or restart it, then take over again.`);
    } else {
      this.deps.inbound.release(client);
      if (!proxied.shadowed) await this.#closeActorConnection(proxied);
    }
    this.deps.onChange();
  }

  async #openActorConnection(proxied: Proxied): Promise<number | null> {
    proxied.actorConnection = this.deps.actor.open(proxied.view.path);
    const id = await proxied.actorConnection;
    proxied.view.actorConnectionId = id;
    return id;
  }

  async #closeActorConnection(proxied: Proxied): Promise<void> {
    const id = await proxied.actorConnection;
    proxied.actorConnection = Promise.resolve(null);
    proxied.view.actorConnectionId = null;
    if (id !== null) await this.deps.actor.close(id);
  }

  /**
   * One frame of `proxied`'s conversation as a bridge record, marked with the client and who answers
   * it now; `extra` adds a close's code and reason and more proxy marks (a switch, the actor's answer).
   */
  #frameRecord(proxied: Proxied, direction: 'sent' | 'received', input: WebsocketMessage, at: number, extra: Pick<BridgeInfo, 'closeCode' | 'closeReason'> & { proxy?: Partial<ProxyInfo> } = {}): BridgeRecord {
    const { view } = proxied;
    const { proxy, ...close } = extra;
    return { connectionId: view.id, input, startedAt: at, bridge: { direction, endpoint: view.url, ...close, proxy: { client: view.client, answering: view.answering, ...proxy } } };
  }

  async #record(proxied: Proxied, records: BridgeRecord[]): Promise<void> {
    const { compared, mismatches } = verdictCounts(records);
    if (compared > 0) {
      proxied.view.compared += compared;
      proxied.view.mismatches += mismatches;
      this.#compared += compared;
      this.#mismatches += mismatches;
      this.deps.onChange();
    }
    await this.deps.record(records);
  }
}
