import { makeMessage, type WebsocketMessage } from './messages';

/**
 * How the simulated server tells the actor about a client's connection lifecycle.
 *
 * - `interface`: as `theater:simple/websocket-server` documents it: a `connect` message when a
 *   client connects, a `close` message when it disconnects, control frames with their payloads.
 * - `theater-host`: as the one websocket-server host Theater shipped did (its
 *   `src/host/websocket_server.rs`, removed in March 2025): a new connection arrives as a *text*
 *   message `{"connection_id":N,"type":"connect"}` (N a random u64; serde_json's `json!` writes the
 *   keys sorted, so `connection_id` comes first), ping, pong and close arrive without data, and a
 *   client that goes away without a close frame is never reported.
 */
export const CONNECT_DELIVERIES = ['interface', 'theater-host'] as const;
export type ConnectDelivery = (typeof CONNECT_DELIVERIES)[number];
export const DEFAULT_DELIVERY: ConnectDelivery = 'interface';

/** A random u64, as Theater's host drew connection ids (`rand::random::<u64>()`). */
export function randomU64(): bigint {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return (BigInt(words[0]!) << 32n) | BigInt(words[1]!);
}

/**
 * A connection id for an http-framework actor's client: random like Theater's, but below 2^53.
 * Theater draws from all of u64; a JavaScript actor (componentize-qjs passes a u64 as a number)
 * would round such an id and could not send to it, so the playground keeps ids every language
 * holds exactly, and says so where it shows them.
 */
export function randomSafeU64(): bigint {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return (BigInt(words[0]! & 0x1f_ffff) << 32n) | BigInt(words[1]!);
}

/** The message that tells the actor of a new connection; `connectionNumber` is only drawn for `theater-host`. */
export function connectMessage(delivery: ConnectDelivery, connectionNumber: () => bigint = randomU64): WebsocketMessage {
  switch (delivery) {
    case 'interface':
      return makeMessage('connect');
    case 'theater-host':
      // Written by hand: JSON.stringify cannot write a u64 above 2^53 exactly.
      return makeMessage('text', { text: `{"connection_id":${connectionNumber().toString()},"type":"connect"}` });
    default: {
      const exhaustive: never = delivery;
      return exhaustive;
    }
  }
}

const CONTROL = new Set(['ping', 'pong', 'close']);

/** A client's message as the actor receives it: under `theater-host`, control frames lose their payload. */
export function delivered(delivery: ConnectDelivery, message: WebsocketMessage): WebsocketMessage {
  if (delivery === 'interface' || !CONTROL.has(message.ty.tag)) return message;
  return { ty: message.ty, data: undefined, text: undefined };
}

/** Whether a client that went away without a close frame is reported to the actor (as `close`). */
export const reportsDrops = (delivery: ConnectDelivery): boolean => delivery === 'interface';

const THEATER_HOST_CONNECT = /^\{"connection_id":\d+,"type":"connect"\}$/;

/**
 * Whether a recorded input opened its connection: a `connect` message, or Theater's host's text
 * connect. Recorded histories say which connection an event belongs to but not that it was a new
 * one, so this is how a rerun and a rebuilt connection table know.
 */
export function opensConnection(input: Pick<WebsocketMessage, 'ty' | 'text'> | null): boolean {
  if (!input) return false;
  return input.ty.tag === 'connect' || (input.ty.tag === 'text' && input.text !== undefined && THEATER_HOST_CONNECT.test(input.text));
}
