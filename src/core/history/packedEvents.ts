import { bytesEqual } from '../bytes';
import type { ActorEvent } from '../events';
import type { WebsocketMessage } from '../messages';
import { toWire, type WireOutcome } from '../wire';
import { NO_HOST_CALLS, NO_RESPONSES, OK, sharedType } from './sharedParts';

/**
 * A run of events packed to cross from a worker to the page (issue 10). A structured clone of a
 * million event objects cost the worker ~3 s to write and the page ~3 s to read, plus seconds of
 * garbage collection, and left every event's properties in an overflow array (~40 bytes each).
 * Packed, the common event (an `init` or a `message` that went `ok`, with no host calls, whose
 * responses went on the wire as `toWire` sends them) is a few numbers in typed arrays whose
 * buffers are transferred, its texts in one array of strings and its bytes in one buffer; any
 * other event (a bridge frame, a chain entry, an error, host calls) travels whole in `others`.
 * `unpackEvents` gives back events equal to those packed, built with their parts already shared
 * as `shareRepeatedParts` shares them, and a response message equal to the input is the input.
 */
export interface PackedEvents {
  /** How many events were packed. */
  count: number;
  /** `FIELDS` numbers per event (see the constants below); an event of flags 0 is the next of `others`. */
  fields: Int32Array;
  /** `startedAt` and `durationMs` of each event (ms). */
  times: Float64Array;
  /** The message indices of all responses, each event's from the previous event's `RESPONSES_END` on. */
  responses: Int32Array;
  /** `MESSAGE_FIELDS` numbers per message: its type's tag (`TAGS`), text (index in `strings`, -1 none), bytes (offset, length; -1 none). */
  messages: Int32Array;
  /** Every text: messages' texts and state hashes (a hash once however often it recurs). */
  strings: string[];
  /** The bytes of every message, one after another. */
  bytes: ArrayBuffer;
  /** The events not packed, whole and in order (cloned, not transferred). */
  others: ActorEvent[];
}

const FIELDS = 7;
const [FLAGS, SEQ, CONNECTION, BEFORE, AFTER, INPUT, RESPONSES_END] = [0, 1, 2, 3, 4, 5, 6] as const;
const MESSAGE_FIELDS = 4;
const KIND_INIT = 1;
const KIND_MESSAGE = 2;
const SHUTDOWN = 4;
const NO_CONNECTION = 8;
const TAGS = ['text', 'binary', 'connect', 'close', 'ping', 'pong'] as const;
type PlainTag = (typeof TAGS)[number];

/** The buffers `postMessage` should transfer rather than copy. */
export const packedBuffers = (packed: PackedEvents): ArrayBuffer[] =>
  [packed.fields.buffer, packed.times.buffer, packed.responses.buffer, packed.messages.buffer, packed.bytes].filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);

const plainMessage = (message: WebsocketMessage): boolean => (TAGS as readonly string[]).includes(message.ty.tag);

const sameMessage = (a: WebsocketMessage, b: WebsocketMessage): boolean =>
  a.ty.tag === b.ty.tag && a.text === b.text && (a.data === b.data || (a.data !== undefined && b.data !== undefined && bytesEqual(a.data, b.data)));

/** Whether `response` is what `toWire` makes of its message, so the message alone says it. */
function plainResponse(response: WireOutcome): boolean {
  if (!plainMessage(response.message) || response.to !== undefined) return false;
  const wire = toWire(response.message);
  if (wire.warning !== response.warning) return false;
  const [a, b] = [wire.frame, response.frame];
  if (a === null || b === null) return a === b;
  if (a.frame !== b.frame) return false;
  if (a.frame === 'text' || b.frame === 'text') return a.frame === 'text' && b.frame === 'text' && a.text === b.text;
  if (a.frame === 'close' || b.frame === 'close') return true;
  return bytesEqual(a.data, (b as { data: Uint8Array }).data);
}

const plainEvent = (event: ActorEvent): boolean =>
  (event.kind === 'init' || event.kind === 'message') &&
  event.outcome.kind === 'ok' &&
  event.hostCalls.length === 0 &&
  event.bridge === undefined &&
  event.chain === undefined &&
  event.http === undefined &&
  (event.input === null || plainMessage(event.input)) &&
  event.responses.every(plainResponse);

/** Packs `events` (see `PackedEvents`); they are not changed. */
export function packEvents(events: readonly ActorEvent[]): PackedEvents {
  const fields = new Int32Array(events.length * FIELDS);
  const times = new Float64Array(events.length * 2);
  const responses: number[] = [];
  const messages: number[] = [];
  const strings: string[] = [];
  const refs = new Map<string, number>();
  const chunks: Uint8Array[] = [];
  let byteLength = 0;
  const others: ActorEvent[] = [];
  const text = (value: string | undefined) => (value === undefined ? -1 : strings.push(value) - 1);
  const ref = (value: string | null) => {
    if (value === null) return -1;
    let index = refs.get(value);
    if (index === undefined) refs.set(value, (index = strings.push(value) - 1));
    return index;
  };
  // A response's text or bytes equal to the input's point at the input's, which unpacks to the same string or array.
  const message = (value: WebsocketMessage, input?: WebsocketMessage, inputField = -1) => {
    const textAt = input && value.text !== undefined && value.text === input.text ? messages[inputField + 1]! : text(value.text);
    if (value.data && input?.data && bytesEqual(value.data, input.data)) messages.push(TAGS.indexOf(value.ty.tag as PlainTag), textAt, messages[inputField + 2]!, messages[inputField + 3]!);
    else {
      messages.push(TAGS.indexOf(value.ty.tag as PlainTag), textAt, value.data ? byteLength : -1, value.data ? value.data.length : -1);
      if (value.data) {
        chunks.push(value.data);
        byteLength += value.data.length;
      }
    }
    return messages.length / MESSAGE_FIELDS - 1;
  };
  for (const [i, event] of events.entries()) {
    const at = i * FIELDS;
    times[i * 2] = event.startedAt;
    times[i * 2 + 1] = event.durationMs;
    fields[at + SEQ] = event.seq;
    if (!plainEvent(event)) {
      others.push(event);
      fields[at + RESPONSES_END] = responses.length;
      continue;
    }
    fields[at + FLAGS] = (event.kind === 'init' ? KIND_INIT : KIND_MESSAGE) | (event.shutdown ? SHUTDOWN : 0) | (event.connectionId === null ? NO_CONNECTION : 0);
    fields[at + CONNECTION] = event.connectionId ?? 0;
    fields[at + BEFORE] = ref(event.stateBefore);
    fields[at + AFTER] = ref(event.stateAfter);
    const input = event.input;
    const inputAt = input ? message(input) : -1;
    fields[at + INPUT] = inputAt;
    for (const response of event.responses) responses.push(input && sameMessage(response.message, input) ? inputAt : message(response.message, input ?? undefined, inputAt * MESSAGE_FIELDS));
    fields[at + RESPONSES_END] = responses.length;
  }
  const bytes = new Uint8Array(byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { count: events.length, fields, times, responses: Int32Array.from(responses), messages: Int32Array.from(messages), strings, bytes: bytes.buffer, others };
}

/** The events `packEvents` packed, in order (see `PackedEvents` for what is shared). */
export function unpackEvents(packed: PackedEvents): ActorEvent[] {
  const { fields, times, responses, messages, strings, bytes, others } = packed;
  const events = new Array<ActorEvent>(packed.count);
  let other = 0;
  let responseAt = 0;
  // `input`: the event's input (at `inputAt`), whose bytes a response with the same offset shares.
  const message = (index: number, input?: WebsocketMessage | null, inputAt = -1): WebsocketMessage => {
    const at = index * MESSAGE_FIELDS;
    const ty = sharedType({ tag: TAGS[messages[at]!]! });
    const textAt = messages[at + 1]!;
    const offset = messages[at + 2]!;
    // Offset and length: an empty input's offset is also where the next message's bytes begin.
    const sameBytes = input?.data !== undefined && offset === messages[inputAt * MESSAGE_FIELDS + 2] && messages[at + 3] === messages[inputAt * MESSAGE_FIELDS + 3];
    // A copy with a buffer of its own: a view into `bytes` would carry all of it into every clone (IndexedDB, a worker).
    const data = offset < 0 ? undefined : sameBytes ? input.data : new Uint8Array(bytes.slice(offset, offset + messages[at + 3]!));
    if (textAt < 0) return data ? { ty, data } : { ty };
    return data ? { ty, data, text: strings[textAt]! } : { ty, text: strings[textAt]! };
  };
  for (let i = 0; i < packed.count; i++) {
    const at = i * FIELDS;
    const flags = fields[at + FLAGS]!;
    const end = fields[at + RESPONSES_END]!;
    if (flags === 0) {
      events[i] = others[other++]!;
      responseAt = end;
      continue;
    }
    const inputAt = fields[at + INPUT]!;
    const input = inputAt < 0 ? null : message(inputAt);
    let answered = NO_RESPONSES;
    if (end > responseAt) {
      // Sized at once: a list grown by `push` keeps room for 17.
      answered = new Array<WireOutcome>(end - responseAt);
      for (let r = 0; responseAt < end; responseAt++, r++) {
        const index = responses[responseAt]!;
        answered[r] = toWire(index === inputAt && input ? input : message(index, input, inputAt));
      }
    }
    const before = fields[at + BEFORE]!;
    const after = fields[at + AFTER]!;
    events[i] = {
      seq: fields[at + SEQ]!,
      kind: flags & KIND_INIT ? 'init' : 'message',
      connectionId: flags & NO_CONNECTION ? null : fields[at + CONNECTION]!,
      startedAt: times[i * 2]!,
      durationMs: times[i * 2 + 1]!,
      input,
      stateBefore: before < 0 ? null : strings[before]!,
      stateAfter: after < 0 ? null : strings[after]!,
      outcome: OK,
      responses: answered,
      hostCalls: NO_HOST_CALLS,
      shutdown: (flags & SHUTDOWN) !== 0,
    };
  }
  return events;
}
