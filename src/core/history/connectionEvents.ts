import type { ActorEvent } from '../events';

/** What is known of one history: how far it was read, and each connection's events in it. */
interface Index {
  scanned: number;
  byConnection: Map<number, number[]>;
}

const NONE: readonly number[] = [];

// Keyed by the history array itself: a history grows in place and is another array when it is
// replaced (see `RecordedHistory`), so an index follows its growth and a replaced one is dropped.
const indexes = new WeakMap<readonly ActorEvent[], Index>();

/**
 * The positions in `events` (which are the events' `seq`s) of every event on connection
 * `connectionId`, in order: its own events, and events of other connections during which an
 * http-framework actor sent it something (a response `to` it). Each event of a history is read once, whoever asks, so a panel per
 * connection (a transcript, a bridge card) costs O(1) per event rather than a pass over the whole
 * history for each: what made a page with 100 real clients fall behind them.
 *
 * The array is the index's own and grows with the history; its `length` is what says it changed
 * (read it where a copy would be taken). An empty array when the connection has no events.
 */
export function eventsOfConnection(events: readonly ActorEvent[], connectionId: number): readonly number[] {
  let index = indexes.get(events);
  // A history only shrinks when it is another one; a reused array that did is read again.
  if (!index || index.scanned > events.length) {
    index = { scanned: 0, byConnection: new Map() };
    indexes.set(events, index);
  }
  const add = (id: number, at: number) => {
    const own = index.byConnection.get(id);
    if (!own) index.byConnection.set(id, [at]);
    else if (own[own.length - 1] !== at) own.push(at);
  };
  for (; index.scanned < events.length; index.scanned++) {
    const event = events[index.scanned]!;
    if (event.connectionId !== null) add(event.connectionId, index.scanned);
    // An http-framework actor's sends to other connections are on theirs too.
    for (const response of event.responses) if (response.to !== undefined) add(response.to, index.scanned);
  }
  return index.byConnection.get(connectionId) ?? NONE;
}
