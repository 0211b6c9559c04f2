import type {
  MessageType,
  WebsocketMessage,
  WebsocketResponse,
} from './generated/interfaces/theater-simple-websocket-server';
import { quotedPreview } from './longText';

export type { MessageType, WebsocketMessage, WebsocketResponse };

/** The seven cases of the interface's `message-type` variant, in WIT order. */
export const MESSAGE_KINDS = ['text', 'binary', 'connect', 'close', 'ping', 'pong', 'other'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Builds a well-formed message of any kind: text carries `text`, binary carries `data`. */
export function makeMessage(kind: MessageKind, payload: { text?: string; data?: Uint8Array; other?: string } = {}): WebsocketMessage {
  const ty: MessageType = kind === 'other' ? { tag: 'other', val: payload.other ?? '' } : { tag: kind };
  return { ty, data: payload.data, text: payload.text };
}

export const textMessage = (text: string): WebsocketMessage => makeMessage('text', { text });
export const binaryMessage = (data: Uint8Array): WebsocketMessage => makeMessage('binary', { data });

/**
 * One-line human description of a message, for logs and transcripts. With `maxChars`, a longer
 * text is quoted only up to there and followed by its size (see `quotedPreview`).
 */
export function describeMessage(message: WebsocketMessage, { maxChars }: { maxChars?: number } = {}): string {
  const kind = message.ty.tag === 'other' ? `other(${quotedPreview(message.ty.val, maxChars)})` : message.ty.tag;
  if (message.text !== undefined) return `${kind} ${quotedPreview(message.text, maxChars)}`;
  if (message.data !== undefined) return `${kind} ${message.data.length} bytes`;
  return kind;
}
