import { utf8 } from './bytes';
import type { ActorEvent, BridgeDirection, ProxyInfo, ShadowVerdict } from './events';

/**
 * A bridge frame's opcode as a WebSocket frames panel names it (RFC 6455 section 5.2), with `open`
 * for the handshake that starts a connection, which carries no frame, and `switch` for proxy mode's
 * take-over or hand-back (the playground's own; nothing went on the wire).
 */
export const FRAME_OPCODES = ['open', 'text', 'binary', 'ping', 'pong', 'close', 'switch'] as const;
export type FrameOpcode = (typeof FRAME_OPCODES)[number];

/** A `bridge` event read as the frame it records (Chrome DevTools' WebSocket frames panel's columns). */
export interface BridgeFrame {
  direction: BridgeDirection;
  opcode: FrameOpcode;
  /** The payload's length on the wire in bytes: a text frame's UTF-8, a close frame's code and reason. */
  size: number;
  /** The endpoint's URL, and the bridge connection's number as the Bridge panel counts them (from 1). */
  endpoint: string;
  bridgeNumber: number;
  text?: string;
  data?: Uint8Array;
  closeCode?: number;
  closeReason?: string;
  shadow?: ShadowVerdict;
  /** Proxy mode: the real client it went between, and who answered it then. */
  proxy?: ProxyInfo;
}

/** Close codes that say what happened and never travel in a close frame (RFC 6455 §7.4.1): no code (1005), no close frame (1006), TLS (1015). */
const NOT_ON_THE_WIRE = new Set([1005, 1006, 1015]);

// Events never change once recorded; a long text frame is encoded once, not on every render.
const cache = new WeakMap<ActorEvent, BridgeFrame>();

/** The frame a `bridge` event records; undefined for any other event (a call into the actor). */
export function bridgeFrameOf(event: ActorEvent): BridgeFrame | undefined {
  const { bridge, input } = event;
  if (event.kind !== 'bridge' || !bridge || !input) return undefined;
  const cached = cache.get(event);
  if (cached) return cached;
  const opcode = bridge.proxy?.switched ? 'switch' : opcodeOf(input.ty.tag);
  const { closeCode, closeReason } = bridge;
  // A close frame carries its two-byte code, then the reason; one without a code carries nothing.
  const size = opcode === 'switch' ? 0 : opcode === 'close' ? (closeCode === undefined || NOT_ON_THE_WIRE.has(closeCode) ? 0 : 2 + utf8(closeReason ?? '').length) : input.text !== undefined ? utf8(input.text).length : (input.data?.length ?? 0);
  const frame: BridgeFrame = {
    direction: bridge.direction,
    opcode,
    size,
    endpoint: bridge.endpoint,
    // Bridge connections are numbered below zero (core/events.ts BridgeRecord): -1 is the first.
    bridgeNumber: -(event.connectionId ?? 0),
    text: input.text,
    data: input.data,
    closeCode,
    closeReason,
    shadow: bridge.shadow,
    proxy: bridge.proxy,
  };
  cache.set(event, frame);
  return frame;
}

function opcodeOf(tag: NonNullable<ActorEvent['input']>['ty']['tag']): FrameOpcode {
  switch (tag) {
    case 'connect':
      return 'open';
    case 'text':
    case 'binary':
    case 'ping':
    case 'pong':
    case 'close':
      return tag;
    // The bridge records only what a browser socket can carry; an `other` type would be binary on the wire.
    case 'other':
      return 'binary';
    default: {
      const exhaustive: never = tag;
      return exhaustive;
    }
  }
}

/** What a proxy's take-over or hand-back (a `switch`) did, in a row's or a transcript's words. */
export const switchText = (frame: { proxy?: ProxyInfo }): string =>
  frame.proxy?.answering === 'actor' ? 'taken over: the actor in the page answers from here' : 'handed back: the upstream answers from here';
