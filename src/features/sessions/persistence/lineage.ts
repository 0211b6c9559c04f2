import type { ActorEvent } from '../../../core';

/**
 * How many of the saved events are still the client's first events, as the very same objects.
 * The client's history only grows, except when a rewrite (an edit, a fork, a branch switch)
 * keeps a prefix and records a new tail: then the saved events past that prefix are stale.
 * Scanning back from the end costs one comparison per flush in the usual, append-only case.
 */
export function savedPrefix(saved: readonly ActorEvent[], events: readonly ActorEvent[]): number {
  let keep = Math.min(saved.length, events.length);
  while (keep > 0 && saved[keep - 1] !== events[keep - 1]) keep--;
  return keep;
}

/**
 * Whether the client still holds the session being saved. A new component instance (`info`)
 * comes with every load and every adopted history; rewrites, forks, branch switches and hot
 * swaps keep the history's first event, while a load or an import brings a history of its own.
 * (A rewrite from event 0 keeps nothing, so it is saved as a new session: the old one stays.)
 */
export function continuesSession(saved: { info: unknown; events: readonly ActorEvent[] }, current: { info: unknown; events: readonly ActorEvent[] }): boolean {
  if (saved.info === current.info) return true;
  return saved.events.length > 0 && current.events.length > 0 && saved.events[0] === current.events[0];
}
