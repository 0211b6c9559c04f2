import { fromHex, makeMessage, MESSAGE_KINDS, type EngineError, type MessageKind, type Result, type WebsocketMessage } from '../engine';

/** What a person has typed into one connection's composer. */
export interface Draft {
  kind: MessageKind;
  /** Text for `text`; hex for `binary`, `ping` and `pong`; unused for `connect` and `close`. */
  body: string;
  /** The name of an `other(..)` message type. */
  other: string;
}

export const EMPTY_DRAFT: Draft = { kind: 'text', body: '', other: '' };

/** How the body of each kind is written, so the composer can label and hint it. */
export const BODY_FORMATS = { text: 'text', binary: 'hex', connect: 'none', close: 'none', ping: 'hex', pong: 'hex', other: 'text' } as const satisfies Record<MessageKind, 'text' | 'hex' | 'none'>;
export type BodyFormat = (typeof BODY_FORMATS)[MessageKind];

export const isMessageKind = (value: string): value is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(value);

/**
 * Turns a draft into the message the actor receives. Binary is written as hex because bytes have
 * no text form; `ping` and `pong` carry their optional payload the same way; `other` carries the
 * body as text when there is one.
 */
export function buildMessage(draft: Draft): Result<WebsocketMessage, EngineError> {
  const format = BODY_FORMATS[draft.kind];
  switch (format) {
    case 'text':
      if (draft.kind === 'other') return { ok: true, value: makeMessage('other', { other: draft.other, text: draft.body === '' ? undefined : draft.body }) };
      return { ok: true, value: makeMessage(draft.kind, { text: draft.body }) };
    case 'hex': {
      const data = fromHex(draft.body);
      if (!data) {
        return { ok: false, error: { code: 'invalid-message', message: `"${draft.body}" is not hex: write ${draft.kind} data as pairs of hex digits, for example "68 69" for the bytes of "hi".` } };
      }
      const optional = draft.kind !== 'binary' && data.length === 0;
      return { ok: true, value: makeMessage(draft.kind, optional ? {} : { data }) };
    }
    case 'none':
      return { ok: true, value: makeMessage(draft.kind) };
    default: {
      const exhaustive: never = format;
      return exhaustive;
    }
  }
}
