import type { LimitErrorCode } from './errors';
import type { HostCall } from './hostCalls';
import type { WebsocketMessage } from './messages';
import type { StateRef } from './stateStore';
import type { WireOutcome } from './wire';

/** How a call into the actor ended. Only `ok` commits a state. */
export type CallOutcome =
  | { kind: 'ok' }
  | { kind: 'err'; message: string }
  /** `limit`: the server stopped or refused the call for going past that limit (core/limits.ts); `message` says which and where to raise it. */
  | { kind: 'trap'; message: string; limit?: LimitErrorCode }
  | { kind: 'timeout'; afterMs: number };
export type OutcomeKind = CallOutcome['kind'];
export const OUTCOME_KINDS = ['ok', 'err', 'trap', 'timeout'] as const satisfies readonly OutcomeKind[];

/**
 * `init` is the actor's own start-up call; every WebSocket event is a `message`. A `bridge` event
 * is no call at all: a frame the playground exchanged with a real endpoint (bridge mode, "out"),
 * kept in the same history so it shares the timeline, transcripts, filters and inspector. A
 * `chain` event is entries of an imported Theater chain that are no call the playground can make
 * (a call to another export, a host call outside a call, `shutdown`, an unreadable payload, any
 * entry of the text format): shown as written, never replayed.
 */
export const EVENT_KINDS = ['init', 'message', 'bridge', 'chain'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const BRIDGE_DIRECTIONS = ['sent', 'received'] as const;
export type BridgeDirection = (typeof BRIDGE_DIRECTIONS)[number];

/**
 * How the in-page actor answered the same message (shadow mode): `actorSeq` is the actor's event,
 * `match` whether its wire frames equal what the endpoint sent, `detail` what differs.
 */
export interface ShadowVerdict {
  actorSeq: number;
  match: boolean;
  detail?: string;
}

/** Who answers a proxied client (proxy mode): the upstream endpoint, or the actor in the page after a take-over. */
export const PROXY_ANSWERERS = ['upstream', 'actor'] as const;
export type ProxyAnswerer = (typeof PROXY_ANSWERERS)[number];

/**
 * Proxy mode (a playground addition, no Theater format): the frame went between a real client of
 * the bridge server (`client`, the server's number for it) and its upstream, while `answering`
 * answered it. `switched` marks the event that records a take-over or hand-back, which is no frame.
 */
export interface ProxyInfo {
  client: number;
  answering: ProxyAnswerer;
  switched?: true;
  /** A frame the actor in the page sent the client after a take-over (it went out as the actor's event's response), not the upstream's. */
  actorAnswer?: true;
  /** On a close: the playground ended the conversation (the proxy stopped, the page went away), not the upstream. */
  byPlayground?: true;
  /** On a close: the upstream never took the client (its handshake was answered 502); `closeReason` says why. */
  refused?: true;
}

/**
 * What a `bridge` event adds: which way the frame went, to or from which endpoint, how it closed.
 * In proxy mode `sent` is the real client's frame and `received` the upstream's.
 */
export interface BridgeInfo {
  direction: BridgeDirection;
  /** The URL the playground connected to. */
  endpoint: string;
  /** On the event that ends the connection: the status code and reason the browser reported. */
  closeCode?: number;
  closeReason?: string;
  shadow?: ShadowVerdict;
  proxy?: ProxyInfo;
}

/**
 * A frame to write down as a `bridge` event. Bridge connections are numbered below zero so they
 * can never collide with the simulated connections the actor sees (numbered from 1 by the engine).
 */
export interface BridgeRecord {
  connectionId: number;
  /** The frame as a message: text, binary, or `close`; `connect` for the connection opening. */
  input: WebsocketMessage;
  bridge: BridgeInfo;
  /** When the frame went or came (ms since the epoch): recording may come a little later. */
  startedAt: number;
}

/**
 * One call into the actor, with everything needed to understand it afterwards: what went in,
 * which state it saw and left, what came out and what went on the wire, what it asked the host.
 */
export interface ActorEvent {
  seq: number;
  kind: EventKind;
  /** The simulated connection whose event this was (a bridge connection's, below zero); null for `init`. */
  connectionId: number | null;
  /**
   * Wall-clock start (ms since the epoch) and how long the call took; both 0 when the source did
   * not record them (`timesRecorded`): Theater's chains carry no times.
   */
  startedAt: number;
  durationMs: number;
  /** The message handed to `handle-message`; null for `init`. */
  input: WebsocketMessage | null;
  stateBefore: StateRef;
  /** Equal to `stateBefore` unless the outcome is `ok`. */
  stateAfter: StateRef;
  outcome: CallOutcome;
  /** Response messages, each with its wire frame or the warning saying why it was dropped. */
  responses: WireOutcome[];
  hostCalls: HostCall[];
  /** The actor stopped after this event: it called `runtime.shutdown` (or, on a `chain` event, Theater recorded its `shutdown`). */
  shutdown: boolean;
  /** Only on `bridge` events (no call: the states are equal, the outcome `ok`, no responses). */
  bridge?: BridgeInfo;
  /** Only on events imported from a Theater chain (see ChainOrigin); on `chain` events, states are equal and there are no responses or host calls. */
  chain?: ChainOrigin;
  /** Only on an `http-framework` actor's WebSocket events (core/actorKind.ts): what its handler was called with. */
  http?: HttpEventInfo;
}

/**
 * What an `http-framework` actor's handler got besides the message: a `connect` event is
 * `handle-websocket-connect(handler, connection, path, none)`, a `close` event
 * `handle-websocket-disconnect(handler, connection)`, any other `handle-websocket-message(handler,
 * connection, message)`. Its responses are what it sent with `send-websocket-message` and
 * `close-websocket` during the call, each with the connection it went `to`.
 */
export interface HttpEventInfo {
  /** The handler's id (from `register-handler`), or null when the path has none for this event: Theater then calls nothing, and nor does the playground. */
  handler: number | null;
  /** The connection id the actor sees: a u64 Theater draws at random, in decimal. */
  connection: string;
  /** On `connect`: the path the client opened. */
  path?: string;
  /** On a message the handler answered: the list it returned, which Theater ignores (only its chain records it); absent when empty. */
  returned?: WebsocketMessage[];
}

/** Theater's two ways of writing a chain: JSON entries (hashes verifiable here) and the text `.chain` format (not). */
export const CHAIN_FORMATS = ['json', 'text'] as const;
export type ChainFormat = (typeof CHAIN_FORMATS)[number];

/** An entry of a JSON chain as it was written: its `event_type` and the exact bytes of its `data`. */
export interface JsonChainRecord {
  eventType: string;
  data: Uint8Array;
}

/** An entry of a text chain as written: hash and parent in hex (`null` for `root`), and its value literal. */
export interface TextChainRecord {
  hash: string;
  parent: string | null;
  literal: string;
}

/**
 * The Theater chain entries an imported event came from. Always on a `chain` event, with why it
 * cannot be replayed (`readOnly`). On an `init` or `message` event only when the playground would
 * not write the same bytes back (values in Pack's tagged form, say): an export then writes these
 * entries as they were, so importing and exporting a chain keeps every hash.
 */
export type ChainOrigin =
  | { format: 'json'; entries: JsonChainRecord[]; readOnly?: string }
  | { format: 'text'; entries: TextChainRecord[]; readOnly: string };

/** What a newly recorded event brings along: states the receiver has not seen yet. */
export interface RecordedEvent {
  event: ActorEvent;
  newStates: Array<[string, Uint8Array]>;
}

/** Whether `event` says when it ran and how long it took: events read from a Theater chain do not (its entries carry no times). */
export const timesRecorded = (event: Pick<ActorEvent, 'startedAt'>): boolean => event.startedAt !== 0;
