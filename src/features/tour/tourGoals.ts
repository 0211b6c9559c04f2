import type { ActorEvent, WebsocketMessage } from '../../core';
import type { PlaygroundState } from '../../store/playgroundState';

/** What a step's goals read of the store: the history, the connections, the cursor and the last replay. */
export type TourView = Pick<PlaygroundState, 'events' | 'eventCount' | 'connections' | 'cursor' | 'replayRun'>;

/**
 * The store as it was when a step began: a goal is met by what the person did since then, not by
 * what was already on the page (a connection opened before the tour must not tick "open a
 * connection"). `events` is the history array itself: it grows in place and is replaced only when
 * the whole history is (a load, an import), which is how a goal tells the two apart.
 */
export interface TourMark {
  events: TourView['events'];
  eventCount: number;
  lastConnectionId: number;
  /** The connections that had an event before the mark: opened before the step, whatever came since. */
  openedBefore: ReadonlySet<number>;
  cursor: number | null;
  replayRun: TourView['replayRun'];
}

/** Marks where a step begins: one pass over the history then, so the checks after it read only what came since. */
export function markOf(state: TourView): TourMark {
  const openedBefore = new Set<number>();
  for (let index = 0; index < state.eventCount; index += 1) {
    const id = state.events[index]?.connectionId;
    if (id !== undefined && id !== null) openedBefore.add(id);
  }
  return { events: state.events, eventCount: state.eventCount, lastConnectionId: lastConnectionId(state), openedBefore, cursor: state.cursor, replayRun: state.replayRun };
}

const lastConnectionId = (state: Pick<TourView, 'connections'>): number => state.connections.reduce((last, c) => Math.max(last, c.id), 0);

/**
 * The mark to count from: `mark` itself, or, when the history was replaced since (a load, an
 * import, an opened saved session), a mark at the new history as it is now. What a replaced history
 * already holds is none of the person's doing in this step, and its connection ids start again.
 */
export function remarked(state: TourView, mark: TourMark): TourMark {
  return state.events === mark.events && state.eventCount >= mark.eventCount ? mark : markOf(state);
}

/** The calls into the actor since the mark with their place in the history: `message` events only (no init, bridge frames or chain entries). */
function callsSince(state: TourView, mark: TourMark): Array<{ event: ActorEvent; index: number }> {
  const calls = [];
  for (let index = mark.eventCount; index < state.eventCount; index += 1) {
    const event = state.events[index];
    if (event?.kind === 'message' && event.input !== null) calls.push({ event, index });
  }
  return calls;
}

/**
 * Where each connection opened: before the mark (-1) for one with an event before it, else at its
 * first event since. One pass over the events since the mark only: the tour checks on every change
 * of the store while it is open, and a history of a million events must not cost it more.
 */
function openings(state: TourView, mark: TourMark): (connectionId: number | null) => number | undefined {
  const first = new Map<number | null, number>();
  for (let index = mark.eventCount; index < state.eventCount; index += 1) {
    const id = state.events[index]?.connectionId;
    if (id !== undefined && !first.has(id)) first.set(id, index);
  }
  return (id) => (id !== null && mark.openedBefore.has(id) ? -1 : first.get(id));
}

/**
 * The messages a person sent since the mark: a connection's first event is its opening (a
 * `connect`, or under Theater's host delivery a text message the server sent for it), not
 * something typed, and a `close` is `Close connection`.
 */
export function sentSince(state: TourView, mark: TourMark, openedAt = openings(state, mark)): Array<{ event: ActorEvent; index: number }> {
  return callsSince(state, mark).filter(({ event, index }) => tagOf(event) !== 'connect' && tagOf(event) !== 'close' && (openedAt(event.connectionId) ?? index) < index);
}

const tagOf = (event: ActorEvent): WebsocketMessage['ty']['tag'] | undefined => event.input?.ty.tag;

/** A connection opened since the mark (`New connection`). */
export function openedConnection(state: TourView, mark: TourMark): boolean {
  return state.connections.some((c) => c.open && c.id > mark.lastConnectionId);
}

/** A text message went to the actor since the mark. */
export const sentText = (state: TourView, mark: TourMark): boolean => sentSince(state, mark).some(({ event }) => tagOf(event) === 'text');

/** A message of another data or control type went to the actor since the mark: binary, ping or pong. */
export const sentOtherType = (state: TourView, mark: TourMark): boolean =>
  sentSince(state, mark).some(({ event }) => {
    const tag = tagOf(event);
    return tag === 'binary' || tag === 'ping' || tag === 'pong';
  });

/** The cursor is on a call the person picked (a timeline row, the arrow keys), not following the newest. */
export function selectedCall(state: TourView, mark: TourMark): boolean {
  if (state.cursor === null || state.cursor === mark.cursor) return false;
  const event = state.events[state.cursor];
  return event !== undefined && event.kind === 'message';
}

/** A call since the mark ended in `err`, a trap or a timeout: it committed nothing. */
export const sawFailure = (state: TourView, mark: TourMark): boolean => callsSince(state, mark).some(({ event }) => event.outcome.kind !== 'ok');

/** At least two connections are open at once. */
export const twoOpen = (state: TourView): boolean => state.connections.filter((c) => c.open).length >= 2;

/**
 * A text or binary message went to the actor since the mark while another connection was open
 * (it had opened before, and is open still): what the actor answered went to the sender alone,
 * and the other one's transcript shows nothing new.
 */
export function sentWithAnotherOpen(state: TourView, mark: TourMark): boolean {
  const openedAt = openings(state, mark);
  return sentSince(state, mark, openedAt).some(({ event, index }) => {
    const tag = tagOf(event);
    if (tag !== 'text' && tag !== 'binary') return false;
    return state.connections.some((c) => c.open && c.id !== event.connectionId && (openedAt(c.id) ?? index) < index);
  });
}

/** The cursor moved since the mark to an earlier event than the newest (`Step back`, or a timeline row). */
export const steppedBack = (state: TourView, mark: TourMark): boolean => state.cursor !== null && state.cursor !== mark.cursor && state.cursor < state.eventCount - 1;

/** A replay finished since the mark (`Replay`). */
export const replayed = (state: TourView, mark: TourMark): boolean => state.replayRun !== null && state.replayRun !== mark.replayRun && state.replayRun.status === 'done';
