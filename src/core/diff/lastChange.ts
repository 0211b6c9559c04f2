import { decodeUtf8 } from '../bytes';
import type { ActorEvent } from '../events';
import type { StateRef } from '../stateStore';
import type { JsonPath } from './jsonDiff';

/** A place in the state to trace back: one byte by its offset, or one JSON value by its path. */
export type StatePlace = { kind: 'byte'; offset: number } | { kind: 'json'; path: JsonPath };

/** What a place held in one state, comparable with `===`: a byte, or its value's JSON text. */
type Reading = number | string | undefined;

function jsonAt(bytes: Uint8Array | undefined, path: JsonPath): Reading {
  const text = bytes && decodeUtf8(bytes);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return JSON.stringify(value);
}

/**
 * The latest event at or before `seq` that changed what `place` holds: the answer to "who wrote
 * this byte / this value?". A byte is compared at the same offset before and after each call (a
 * byte that only moved because bytes were inserted before it counts as changed: the offset now
 * holds another value); a JSON value by its content. Calls that committed no new state are passed
 * over without reading any bytes, so a long history answers fast. Null when no event did: the
 * place has held its value since the first state.
 */
export function lastChangeOf(events: readonly ActorEvent[], state: (ref: StateRef) => Uint8Array | undefined, seq: number, place: StatePlace): number | null {
  // Each state is read once even though it is the "after" of one call and the "before" of the next.
  const readings = new Map<StateRef, Reading>();
  const read = (ref: StateRef): Reading => {
    if (!readings.has(ref)) readings.set(ref, place.kind === 'byte' ? state(ref)?.[place.offset] : jsonAt(state(ref), place.path));
    return readings.get(ref);
  };
  for (let i = Math.min(seq, events.length - 1); i >= 0; i--) {
    const event = events[i]!;
    if (event.stateBefore === event.stateAfter) continue;
    if (read(event.stateBefore) !== read(event.stateAfter)) return event.seq;
  }
  return null;
}
