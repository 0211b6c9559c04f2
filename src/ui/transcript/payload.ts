import type { WebsocketMessage, WireFrame } from '../../core';

/** What a transcript line shows of a message or a frame, whichever side it came from. */
export interface Payload {
  tag: WebsocketMessage['ty']['tag'];
  /** The name of an `other(..)` type. */
  name?: string;
  text?: string;
  data?: Uint8Array;
}

export const payloadOfMessage = (message: WebsocketMessage): Payload => ({
  tag: message.ty.tag,
  name: message.ty.tag === 'other' ? message.ty.val : undefined,
  text: message.text,
  data: message.data,
});

/** A frame on the wire: what the client really got. */
export function payloadOfFrame(frame: WireFrame): Payload {
  switch (frame.frame) {
    case 'text':
      return { tag: 'text', text: frame.text };
    case 'binary':
    case 'ping':
    case 'pong':
      return { tag: frame.frame, data: frame.data };
    case 'close':
      return { tag: 'close' };
    default: {
      const exhaustive: never = frame;
      return exhaustive;
    }
  }
}

/** Text and binary are the conversation; the other kinds are the socket talking about itself. */
export const isControl = (payload: Payload): boolean => payload.tag !== 'text' && payload.tag !== 'binary';
