import { fromBase64, makeMessage, toBase64, type WebsocketMessage, type WireFrame, type WireOutcome } from '../../../core';
import type { BridgeMessage, WireFrameJson } from '../../../protocols/bridgeControl';

/**
 * A real client's frame, as the bridge server relays it, as the message the actor receives:
 * text carries `text`; binary, ping and pong carry their payload (possibly empty) as `data`.
 * Null when the server sent something it never should (bad base64, a kind it relays otherwise).
 */
export function messageFromBridge(message: BridgeMessage): WebsocketMessage | null {
  const tag = message.ty.tag;
  switch (tag) {
    case 'text':
      return message.text === undefined ? null : makeMessage('text', { text: message.text });
    case 'binary':
    case 'ping':
    case 'pong': {
      const data = fromBase64(message.dataBase64 ?? '');
      return data ? makeMessage(tag, { data }) : null;
    }
    case 'connect':
    case 'close':
    case 'other':
      return null;
    default: {
      const exhaustive: never = tag;
      return exhaustive;
    }
  }
}

function frameJson(frame: WireFrame): WireFrameJson {
  switch (frame.frame) {
    case 'text':
      return { frame: 'text', text: frame.text };
    case 'binary':
    case 'ping':
    case 'pong':
      return { frame: frame.frame, dataBase64: toBase64(frame.data) };
    case 'close':
      return { frame: 'close' };
    default: {
      const exhaustive: never = frame;
      return exhaustive;
    }
  }
}

/** What the bridge server must write to a real client for an event's responses: the frames Theater sends, none of those it drops. */
export const framesJson = (responses: readonly WireOutcome[]): WireFrameJson[] => responses.flatMap((r) => (r.frame ? [frameJson(r.frame)] : []));
