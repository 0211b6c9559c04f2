import type { WebsocketMessage } from './messages';

/** A frame a real Theater server would write to the socket. */
export type WireFrame =
  | { frame: 'text'; text: string }
  | { frame: 'binary'; data: Uint8Array }
  | { frame: 'close' }
  | { frame: 'ping'; data: Uint8Array }
  | { frame: 'pong'; data: Uint8Array };

/** One response message and what became of it on the wire. */
export interface WireOutcome {
  message: WebsocketMessage;
  /** The frame sent, or null when Theater drops the message. */
  frame: WireFrame | null;
  /** Why the message was dropped: a protocol warning shown on the event. */
  warning?: string;
  /**
   * The connection it went to, when the actor chose one (`http-framework`'s
   * `send-websocket-message`); absent, it went to the connection whose event produced it.
   */
  to?: number;
}

const empty = new Uint8Array(0);

/**
 * What Theater's websocket server does with one response message. Dropping is silent in Theater;
 * the playground says so, because a message that never arrives is the commonest actor bug.
 */
export const toWire = (message: WebsocketMessage): WireOutcome => wireOf(message, false);

/**
 * `toWire` as Theater's own websocket-server host did it (the `theater-host` delivery): it sent
 * every ping and pong with an empty payload, whatever the actor gave (`Message::Ping(Vec::new())`).
 */
export const toHostWire = (message: WebsocketMessage): WireOutcome => wireOf(message, true);

function wireOf(message: WebsocketMessage, emptyControl: boolean): WireOutcome {
  const tag = message.ty.tag;
  switch (tag) {
    case 'text':
      return message.text === undefined
        ? { message, frame: null, warning: 'dropped: a text message without `text` is not sent' }
        : { message, frame: { frame: 'text', text: message.text } };
    case 'binary':
      return message.data === undefined
        ? { message, frame: null, warning: 'dropped: a binary message without `data` is not sent' }
        : { message, frame: { frame: 'binary', data: message.data } };
    case 'close':
      return { message, frame: { frame: 'close' } };
    case 'ping':
      return { message, frame: { frame: 'ping', data: emptyControl ? empty : message.data ?? empty } };
    case 'pong':
      return { message, frame: { frame: 'pong', data: emptyControl ? empty : message.data ?? empty } };
    case 'connect':
      return { message, frame: null, warning: 'dropped: `connect` is an event, not a frame a server can send' };
    case 'other':
      return { message, frame: null, warning: `dropped: other(${JSON.stringify(message.ty.val)}) has no WebSocket frame` };
    default: {
      const exhaustive: never = tag;
      return exhaustive;
    }
  }
}
