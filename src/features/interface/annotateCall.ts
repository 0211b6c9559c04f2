import { decodeUtf8, waveMessageType, waveOption, waveString, type ActorEvent, type StateRef, type WebsocketMessage, type WireOutcome } from '../../core';
import { hexPreview } from '../../ui/format';

/** One value of a call, placed on the WIT: where it sits, its declared type, what it held. */
export interface AnnotatedField {
  /** The path through the call's WIT (`params.0.text`, `result.ok.1.0.messages[0].ty`). */
  path: string;
  /** The type the WIT declares there. */
  type: string;
  /** The value, in WAVE. */
  value: string;
  /** The bytes behind a `list<u8>`: their text when they are readable UTF-8, else hex. */
  preview?: string;
  /** What became of it, where that teaches something (a response's wire frame, why it was dropped). */
  note?: string;
}

export interface AnnotatedCall {
  /** The exported function, as the WIT names it. */
  func: string;
  signature: string;
  params: AnnotatedField[];
  /** The returned value's fields; empty when the call returned nothing (a trap, a timeout). */
  result: AnnotatedField[];
  /** Why there is no result, when there is none. */
  noResult?: string;
}

const STATE = 'option<list<u8>>';
/** A string field shows this much of its value; the Inspector's Copy buttons give all of it. */
const SHOWN = { maxChars: 200 };
export const HANDLE_MESSAGE_SIGNATURE = `handle-message: func(state: ${STATE}, params: tuple<websocket-message>) -> result<tuple<${STATE}, tuple<websocket-response>>, string>`;
export const INIT_SIGNATURE = `init: func(state: ${STATE}) -> result<tuple<${STATE}>, string>`;

type StateBytes = (ref: StateRef) => Uint8Array | undefined;

/**
 * The event's call written against the WIT of `theater:simple/websocket-server` (or `actor` for
 * init): every argument and result field with its declared type and the value it carried.
 */
export function annotateCall(event: ActorEvent, stateBytes: StateBytes): AnnotatedCall {
  const before = stateField('state', stateBytes(event.stateBefore));
  const returnedState = (path: string) => stateField(path, stateBytes(event.stateAfter));
  const { outcome } = event;
  const call = event.input
    ? { func: 'handle-message', signature: HANDLE_MESSAGE_SIGNATURE, params: [before, ...messageFields('params.0', 'websocket-message', event.input)] }
    : { func: 'init', signature: INIT_SIGNATURE, params: [before] };
  switch (outcome.kind) {
    case 'ok': {
      const result = event.input ? [returnedState('result.ok.0'), ...responseFields(event.responses)] : [returnedState('result.ok.0')];
      return { ...call, result };
    }
    case 'err':
      return { ...call, result: [{ path: 'result.err', type: 'string', value: waveString(outcome.message, SHOWN), note: 'the state stays as it was' }] };
    case 'trap':
      return { ...call, result: [], noResult: `The call trapped (${outcome.message}): no result, the state stays as it was.` };
    case 'timeout':
      return { ...call, result: [], noResult: `No answer within ${outcome.afterMs} ms: the worker was stopped, the state stays as it was.` };
    default: {
      const exhaustive: never = outcome;
      return exhaustive;
    }
  }
}

/** A byte list by its size, where WAVE would list every byte: the preview beside it shows them. */
const byteCount = (bytes: Uint8Array): string => `${bytes.length} ${bytes.length === 1 ? 'byte' : 'bytes'}`;

function stateField(path: string, bytes: Uint8Array | undefined): AnnotatedField {
  return { path, type: STATE, value: waveOption(bytes, byteCount), ...bytesPreview(bytes) };
}

const PREVIEW_CHARACTERS = 80;

/** Most states are JSON or text: show that, and hex only for bytes that are not readable text. */
function bytesPreview(bytes: Uint8Array | undefined): Pick<AnnotatedField, 'preview'> {
  if (!bytes || bytes.length === 0) return {};
  const text = decodeUtf8(bytes);
  if (text === undefined || /\p{Cc}/u.test(text.replace(/[\n\r\t]/g, ''))) return { preview: hexPreview(bytes, 16) };
  return { preview: text.length > PREVIEW_CHARACTERS ? `${text.slice(0, PREVIEW_CHARACTERS)}…` : text };
}

/** A `websocket-message` record, field by field. */
function messageFields(path: string, type: string, message: WebsocketMessage, note?: string): AnnotatedField[] {
  const ty = waveMessageType(message.ty);
  return [
    ...(note === undefined ? [] : [{ path, type, value: `{ty: ${ty}, …}`, note }]),
    { path: `${path}.ty`, type: 'message-type', value: ty },
    { path: `${path}.data`, type: 'option<list<u8>>', value: waveOption(message.data, byteCount), ...bytesPreview(message.data) },
    { path: `${path}.text`, type: 'option<string>', value: waveOption(message.text, (text) => waveString(text, SHOWN)) },
  ];
}

/** `tuple<websocket-response>`: its list of messages, and each message with what went on the wire. */
function responseFields(responses: readonly WireOutcome[]): AnnotatedField[] {
  const path = 'result.ok.1.0.messages';
  const count = responses.length === 1 ? '1 message' : `${responses.length} messages`;
  return [
    { path, type: 'list<websocket-message>', value: responses.length === 0 ? '[]' : `[…] (${count})`, note: responses.length === 0 ? 'nothing is sent back' : `sent back only to this event's connection` },
    ...responses.flatMap((response, i) => messageFields(`${path}[${i}]`, 'websocket-message', response.message, response.frame ? `sent as a ${response.frame.frame} frame` : response.warning)),
  ];
}
