import type { ActorStatus, SessionSnapshot } from '../actorSnapshot';
import { closesConnection, ConnectionTable, type Connection } from '../connections';
import { engineError, type EngineError } from '../errors';
import type { ActorEvent, RecordedEvent } from '../events';
import { ok, type Result } from '../result';
import { StateStore, type StateRef } from '../stateStore';

/** The part of a snapshot a history carries by itself: its events, the states they refer to, its clients. */
export type HistoryRecord = Pick<SessionSnapshot, 'events' | 'states' | 'connections'>;

/**
 * One actor's recorded history: events in order, the states they refer to (content-addressed),
 * the simulated clients they leave open, and whether the actor has stopped. The worker's session
 * writes it as calls happen and the page's client keeps the same one from what the worker sends
 * back (to carry it into a fresh worker when one hangs), so the history's rules live here once:
 *
 * - An event's answer with a close frame closes its connection, as Theater's server closes the
 *   socket when the actor says so.
 * - An event that called `runtime.shutdown` stops the actor for good: the history's status is
 *   `stopped` from then on.
 * - A prefix of a history carries exactly the states its events refer to.
 * - A history is replaced whole (a load, an import, a rewrite), never edited: `events` is
 *   append-only while one history lasts, and a replaced history is another object with another
 *   array, so a reader tells "more events" (same array, longer) from "another history" (another
 *   array) without comparing contents.
 */
export class RecordedHistory {
  readonly #events: ActorEvent[] = [];
  /** Each distinct state once; a holder that makes new states (the session) puts them here to learn their ref. */
  readonly states = new StateStore();
  /** The simulated clients: the session opens and closes them as its server does; the rules above close them too. */
  readonly connections: ConnectionTable;
  #stopped = false;

  constructor(connections: readonly Connection[] = []) {
    this.connections = ConnectionTable.from(connections);
  }

  /**
   * A history from a snapshot whose states are checked against their hashes and whose events
   * refer only to states it carries: what a worker adopts from outside (a file, the page).
   * Errors: `invalid-snapshot`, naming the state or event at fault.
   */
  static verified(snapshot: HistoryRecord): Result<RecordedHistory, EngineError> {
    const history = new RecordedHistory(snapshot.connections);
    for (const [hash, state] of snapshot.states) {
      if (history.states.adopt(state) !== hash) return engineError('invalid-snapshot', `State ${hash.slice(0, 12)}… does not match its hash.`);
    }
    for (const event of snapshot.events) {
      if (!history.states.has(event.stateAfter)) return engineError('invalid-snapshot', `Event #${event.seq} refers to a state the snapshot lacks.`);
    }
    history.#adoptEvents(snapshot.events);
    return ok(history);
  }

  /** A history from a snapshot this program made itself (the worker hashed its states): nothing rehashed. */
  static trusted(snapshot: HistoryRecord): RecordedHistory {
    const history = new RecordedHistory(snapshot.connections);
    for (const [ref, state] of snapshot.states) history.states.keep(ref, state);
    history.#adoptEvents(snapshot.events);
    return history;
  }

  get events(): readonly ActorEvent[] {
    return this.#events;
  }

  get status(): ActorStatus {
    return this.#stopped ? 'stopped' : 'ready';
  }

  /** The state the last event left (null: none, before any state or for an actor without one). */
  get committed(): StateRef {
    return this.#events.at(-1)?.stateAfter ?? null;
  }

  state(ref: StateRef): Uint8Array | undefined {
    return this.states.get(ref);
  }

  /** Writes down an event the session just made, numbered next; `newStates` are the states it made that the history lacked. */
  record(event: Omit<ActorEvent, 'seq'>, newStates: Array<[string, Uint8Array]>): RecordedEvent {
    const recorded: RecordedEvent = { event: { seq: this.#events.length, ...event }, newStates };
    this.append(recorded);
    return recorded;
  }

  /** Writes down an event recorded elsewhere (the page keeping the worker's history), with the states it brought. */
  append({ event, newStates }: RecordedEvent): void {
    for (const [ref, state] of newStates) this.states.keep(ref, state);
    this.#events.push(event);
    this.#apply(event);
  }

  /** The first `count` events with exactly the states they refer to. */
  upTo(count: number): Omit<HistoryRecord, 'connections'> {
    const events = this.#events.slice(0, count);
    const refs = new Set(events.flatMap((e) => [e.stateBefore, e.stateAfter]).filter((r): r is string => r !== null));
    return { events, states: [...refs].map((ref) => [ref, this.states.get(ref)!]) };
  }

  /** The whole history, to carry into a fresh worker or keep as a branch. */
  toRecord(): HistoryRecord {
    return { ...this.upTo(this.#events.length), connections: this.connections.list() };
  }

  #adoptEvents(events: readonly ActorEvent[]): void {
    // A loop, not push(...events): a long history would overflow the argument limit.
    for (const event of events) {
      this.#events.push(event);
      if (event.shutdown) this.#stopped = true;
    }
  }

  #apply(event: ActorEvent): void {
    if (event.shutdown) this.#stopped = true;
    if (event.connectionId !== null && closesConnection(event)) this.connections.markClosed(event.connectionId);
  }
}

/** Whether a history stopped its actor: one of its events called `runtime.shutdown`. */
export function statusOf(events: readonly Pick<ActorEvent, 'shutdown'>[]): ActorStatus {
  return events.some((e) => e.shutdown) ? 'stopped' : 'ready';
}
