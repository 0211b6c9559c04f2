import { bytesEqual } from '../bytes';
import type { ActorEvent, CallOutcome } from '../events';
import type { HostCall } from '../hostCalls';
import type { WebsocketMessage } from '../messages';
import type { WireOutcome } from '../wire';

type MessageType = WebsocketMessage['ty'];

/** The outcome, response list and host call list most events have, one frozen object each for all of them. */
export const OK: CallOutcome = Object.freeze({ kind: 'ok' });
/** The empty response list (frozen), shared by every event that answered nothing. */
export const NO_RESPONSES: WireOutcome[] = Object.freeze([]) as unknown as WireOutcome[];
/** The empty host call list (frozen), shared by every event that called no host function. */
export const NO_HOST_CALLS: HostCall[] = Object.freeze([]) as unknown as HostCall[];

const plainTypes = new Map<string, MessageType>();

/** One frozen message type per tag, for every history: `{tag: 'text'}` and the like (an `other` with its value is not kept here). */
export function sharedType(ty: MessageType): MessageType {
  if (ty.tag === 'other') return ty;
  let known = plainTypes.get(ty.tag);
  if (!known) plainTypes.set(ty.tag, (known = Object.freeze(ty)));
  return known;
}

/**
 * Lets a history just read from a file share what its events repeat. Parsed, a million events are
 * a million `{kind: 'ok'}` outcomes, millions of `{tag: 'text'}` message types, empty lists, and
 * the same text or bytes up to three times (what went in, the echoed answer, its wire frame):
 * hundreds of bytes per event of a page's memory (a `Uint8Array` costs ~130 bytes however short).
 * A recorded event is never changed, so equal parts can be one object, and one string; the
 * objects shared across events are frozen, so a write to one is an error rather than a change to
 * every event (byte arrays cannot be frozen: equal ones are shared only within one event). Changes
 * `events` in place: call it only on events nobody holds yet. What each event means (and how it
 * serialises) stays the same.
 */
export function shareRepeatedParts(events: readonly ActorEvent[]): void {
  const types = new Map<string, MessageType>();
  const shared = (ty: MessageType): MessageType => {
    if (ty.tag !== 'other') return sharedType(ty);
    const key = `other:${ty.val}`;
    let known = types.get(key);
    if (!known) types.set(key, (known = Object.freeze(ty)));
    return known;
  };
  // Names from a small closed set (an event's kind, a frame's): one string each, not one per
  // event, as a structured clone makes them (~20 bytes each).
  const names = new Map<string, string>();
  const named = <T extends string>(name: T): T => {
    const known = names.get(name);
    if (known !== undefined) return known as T;
    names.set(name, name);
    return name;
  };
  for (const event of events) {
    event.kind = named(event.kind);
    if (event.outcome.kind === 'ok') event.outcome = OK;
    if (event.hostCalls.length === 0) event.hostCalls = NO_HOST_CALLS;
    if (event.responses.length === 0) event.responses = NO_RESPONSES;
    const input = event.input;
    if (input) input.ty = shared(input.ty);
    for (const response of event.responses) {
      const message = response.message;
      message.ty = shared(message.ty);
      if (input?.text !== undefined && message.text === input.text) message.text = input.text;
      if (input?.data !== undefined && message.data !== undefined && bytesEqual(message.data, input.data)) message.data = input.data;
      const frame = response.frame;
      if (frame) frame.frame = named(frame.frame);
      if (frame?.frame === 'text' && frame.text === message.text && message.text !== undefined) frame.text = message.text;
      if (frame?.frame === 'binary' && message.data !== undefined && bytesEqual(frame.data, message.data)) frame.data = message.data;
    }
  }
}
